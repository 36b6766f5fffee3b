"""Export lists (Report §5.2): which entities a module exports, and under which names.

``process_exports`` turns the export list into the module's avails:

* no export list: every entity the module itself defines at the top level (§5.2:
  "only the names defined in the module", never its imports);
* ``x`` / ``M.x``: the variable (function, field or method) the name refers to; it
  must be in scope and unambiguous, because an export item is a use of the name;
* ``T``, ``T(..)``, ``T(c1, c2)``: the type or class (looked up in the type
  namespace, so a bare data constructor is "not in scope as a type"), with none, all
  or some of its subordinates. ``T(..)`` means the subordinates *in scope* (in any
  form, qualified or not), not all that ``T`` has: a module that imported ``T(X)``
  re-exports only ``X`` (corpus cases 001-006). A name in ``T(c)`` that is not a
  subordinate of ``T`` in scope is an error naming the parent;
* ``module M``: every entity in scope both as ``e`` and as ``M.e`` (§5.2 item 5),
  which is the module's own top-level names when M is the module itself, plus
  anything imported unqualified under the qualifier M (``import A as M``). Naming a
  module no import is known by is an error.

Items accumulate: the exports are the union over all items, so ``T(X), T(Y)``
exports ``T`` with both constructors. The same entity exported twice is harmless;
two *different* entities with one unqualified name in one namespace are "Conflicting
exports", reported at the later item (§5.2, last paragraph).

The result is grouped into ``Avail``s: a subordinate whose parent is also exported
goes into the parent's avail; one exported alone is an avail of its own, and the
``parents`` table of ``ModuleExports`` still records its parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ifacedir.rename.context import RnContext
from ifacedir.rename.env import Avail
from ifacedir.rename.scope import GlobalEntry
from ifacedir.syntax.ast import ExportItem, IEModule, IEThing, IEVar, SubItems
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["ExportResult", "process_exports"]


@dataclass
class ExportResult:
    """The exported names (with parents) and the renamed export list."""

    names: dict[Name, Name | None] = field(default_factory=dict)  # exported -> parent
    items: tuple[ExportItem[Name], ...] | None = None
    _by_key: dict[tuple[NameSpace, str], tuple[Name, SrcSpan, str]] = field(default_factory=dict)

    def avails(self) -> list[Avail]:
        subs: dict[Name, list[Name]] = {}
        alone: list[Name] = []
        for name, parent in self.names.items():
            if parent is not None and parent in self.names:
                subs.setdefault(parent, []).append(name)
            else:
                alone.append(name)
        return [Avail(n, tuple(sorted(subs.get(n, ())))) for n in alone]


def process_exports(
    ctx: RnContext,
    exports: Sequence[ExportItem[RdrName]] | None,
    local: Iterable[GlobalEntry],
    module_span: SrcSpan,
) -> ExportResult:
    """The exports of the module being renamed in ``ctx`` (see the module docstring)."""
    result = ExportResult()
    if exports is None:
        for entry in local:
            span = entry.defined_at or module_span
            _export(ctx, result, entry.name, entry.parent, span, entry.name.occ)
        return result
    items: list[ExportItem[Name]] = []
    for item in exports:
        if isinstance(item, IEVar):
            items.extend(_export_var(ctx, result, item))
        elif isinstance(item, IEThing):
            items.extend(_export_thing(ctx, result, item))
        else:
            _export_module(ctx, result, item)
            items.append(item)
    result.items = tuple(items)
    return result


def _export(
    ctx: RnContext,
    result: ExportResult,
    name: Name,
    parent: Name | None,
    span: SrcSpan,
    item_text: str,
) -> None:
    """Add one exported entity; see the module docstring on conflicts."""
    key = (name.space, name.occ)
    previous = result._by_key.get(key)
    if previous is not None and previous[0] != name:
        other, _, other_item = previous
        ctx.error(
            "R011",
            span,
            f"Conflicting exports for ‘{name.occ}’:",
            f"‘{other_item}’ exports ‘{other.module}.{other.occ}’",
            f"‘{item_text}’ exports ‘{name.module}.{name.occ}’",
        )
        return
    if previous is None:
        result._by_key[key] = (name, span, item_text)
    result.names.setdefault(name, parent)


def _parent(ctx: RnContext, name: Name) -> Name | None:
    entry = ctx.genv.entry(name)
    return entry.parent if entry else None


def _export_var(ctx: RnContext, result: ExportResult, item: IEVar[RdrName]) -> list[IEVar[Name]]:
    entry = _lookup(ctx, item.name, NameSpace.VAR, item.span)
    if entry is None:
        return []
    _export(ctx, result, entry.name, entry.parent, item.span, str(item.name))
    return [IEVar(item.span, entry.name)]


def _lookup(ctx: RnContext, rdr: RdrName, space: NameSpace, span: SrcSpan) -> GlobalEntry | None:
    found = ctx.genv.lookup(rdr, space)
    if len(found) == 1:
        return found[0]
    if not found:
        kind = "type constructor or class " if space is NameSpace.TYCON else ""
        ctx.error("R001", span, f"Not in scope: {kind}‘{rdr}’")
    else:
        ctx.ambiguous(rdr, found, span)
    return None


def _export_thing(
    ctx: RnContext, result: ExportResult, item: IEThing[RdrName]
) -> list[IEThing[Name]]:
    entry = _lookup(ctx, item.name, NameSpace.TYCON, item.span)
    if entry is None:
        return []
    text = str(item.name)
    _export(ctx, result, entry.name, None, item.span, text)
    children = [c for c in ctx.genv.children(entry.name) if c.name.space is not NameSpace.TYCON]
    if item.subs is SubItems.ALL:
        for child in children:
            _export(ctx, result, child.name, entry.name, item.span, f"{text}(..)")
        return [IEThing(item.span, entry.name, SubItems.ALL)]
    subs: list[Name] = []
    for sub in item.subs:
        match = [c.name for c in children if c.name.occ == sub.occ]
        if not match:
            _bad_subordinate(ctx, entry.name, sub, item.span)
            continue
        subs.append(match[0])
        _export(ctx, result, match[0], entry.name, item.span, f"{text}({sub})")
    return [IEThing(item.span, entry.name, tuple(subs))]


def _bad_subordinate(ctx: RnContext, parent: Name, sub: RdrName, span: SrcSpan) -> None:
    space = NameSpace.CON if sub.occ[:1].isupper() or sub.occ[:1] == ":" else NameSpace.VAR
    if not ctx.genv.lookup(RdrName(sub.occ), space):
        ctx.error("R001", span, f"Not in scope: ‘{sub}’")
        return
    what = "data constructor" if space is NameSpace.CON else "record field or class method"
    ctx.error(
        "R010",
        span,
        f"The type constructor ‘{parent.occ}’ is not the parent of the {what} ‘{sub}’.",
    )


def _export_module(ctx: RnContext, result: ExportResult, item: IEModule) -> None:
    qualifier = item.module
    if qualifier != ctx.module and not ctx.genv.has_qualifier(qualifier):
        ctx.error("R012", item.span, f"The export item ‘module {qualifier}’ is not imported")
        return
    entries = [
        e
        for e in ctx.genv.entries()
        if e.in_scope_unqualified() and e.in_scope_as(qualifier, ctx.module)
    ]
    for e in sorted(entries, key=lambda e: e.name):
        _export(ctx, result, e.name, e.parent, item.span, f"module {qualifier}")
