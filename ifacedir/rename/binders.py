"""Binders of patterns and binding groups, and the checks on a group as a whole.

Before anything in a scope is renamed, the renamer needs to know what the scope
binds: the variables of a pattern (Report §3.17), or the names a declaration group
defines (Report §4.4.3: the function and pattern bindings of a ``let``, a ``where``
or the top level). This module computes those lists, in source order, with the span
of each binding occurrence, and checks the rules that concern a group as a whole:

* a variable bound twice in one pattern or one group: "Conflicting definitions"
  (reported at the *first* binding, as GHC does); at the top level it is "Multiple
  declarations" (reported at the *second*);
* a type signature or fixity declaration for a name the group does not bind
  (§4.4.1, §4.4.2), two signatures or two fixity declarations for one name;
* the equations of one function with different numbers of arguments (§4.4.3.1).

Binding occurrences that have no node of their own (a function's name, the operators
of a fixity declaration, an instance's class, a type's parameters) are located by the
span their ``RdrName`` carries (Note [Names carry their spans] in
ifacedir.syntax.names); a name the parser did not make (a hand-built tree) falls back
to the span of its declaration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.syntax.ast import (
    DataDecl,
    Decl,
    FixityDecl,
    FunBind,
    InstanceDecl,
    Match,
    PAs,
    Pat,
    PatBind,
    PCon,
    PConOp,
    PLazy,
    PList,
    POpChain,
    PParen,
    PRec,
    PTuple,
    PVar,
    TypeSig,
    TypeSynDecl,
)
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = [
    "Binder",
    "GroupInfo",
    "analyse_group",
    "check_arity",
    "check_conflicts",
    "check_fixity_decl",
    "fixity_op_spans",
    "funbind_binders",
    "funbind_name_span",
    "instance_class_span",
    "located",
    "multiple_declarations",
    "pat_binders",
    "tyvar_binders",
]


@dataclass(frozen=True, slots=True)
class Binder:
    """A binding occurrence of a variable."""

    occ: str
    span: SrcSpan


def pat_binders(pats: Iterable[Pat[RdrName]]) -> list[Binder]:
    """The variables the patterns bind, in source order (duplicates kept)."""
    out: list[Binder] = []
    stack: list[Pat[RdrName]] = list(reversed(list(pats)))
    while stack:
        p = stack.pop()
        if isinstance(p, PVar):
            out.append(Binder(p.name.occ, p.span))
        elif isinstance(p, PAs):
            out.append(Binder(p.name.occ, p.span))
            stack.append(p.pat)
        else:
            stack.extend(reversed(_sub_patterns(p)))
    return out


def _sub_patterns(p: Pat[RdrName]) -> Sequence[Pat[RdrName]]:
    if isinstance(p, PCon):
        return p.args
    if isinstance(p, PConOp):
        return (p.left, p.right)
    if isinstance(p, POpChain):
        return p.operands
    if isinstance(p, PTuple | PList):
        return p.elems
    if isinstance(p, PLazy | PParen):
        return (p.pat,)
    if isinstance(p, PRec):
        return tuple(f.pat for f in p.fields)
    return ()


def check_conflicts(binders: Sequence[Binder], diags: list[Diagnostic]) -> None:
    """Report "Conflicting definitions" for each variable bound more than once (at its first)."""
    seen: dict[str, Binder] = {}
    reported: set[str] = set()
    for b in binders:
        first = seen.setdefault(b.occ, b)
        if first is not b and b.occ not in reported:
            reported.add(b.occ)
            diags.append(
                error(
                    "R004",
                    first.span,
                    f"Conflicting definitions for ‘{b.occ}’",
                    f"Bound at: {first.span}",
                    f"          {b.span}",
                )
            )


def funbind_binders(bind: FunBind[RdrName]) -> list[Binder]:
    """The binding occurrences of a function binding: one, unless the parser grouped
    several argument-less equations (``x = 1; x = 2``), which are separate bindings of
    one variable, not the clauses of a function (Report §4.4.3.2)."""
    if len(bind.matches) > 1 and all(not m.pats for m in bind.matches):
        return [
            Binder(bind.name.occ, _match_name_span(m, bind.name.occ, m.span)) for m in bind.matches
        ]
    return [Binder(bind.name.occ, funbind_name_span(bind))]


def funbind_name_span(bind: FunBind[RdrName]) -> SrcSpan:
    """Where the function name of ``bind``'s first clause is."""
    return located(bind.name, bind.span)


def _match_name_span(match: Match[RdrName], occ: str, fallback: SrcSpan) -> SrcSpan:
    """An argument-less equation ``x = e`` starts with its name."""
    start = fallback.start
    return SrcSpan(fallback.file, start, SrcLoc(start.line, start.col + len(occ)))


def located(name: RdrName, fallback: SrcSpan) -> SrcSpan:
    """Where ``name`` was written, or ``fallback`` for a name the parser did not make."""
    return name.span if name.span is not None else fallback


def fixity_op_spans(decl: FixityDecl[RdrName]) -> list[SrcSpan]:
    """Where each operator of a fixity declaration is."""
    return [located(op, decl.span) for op in decl.ops]


def instance_class_span(decl: InstanceDecl[RdrName]) -> SrcSpan:
    """Where the class name of an instance head is."""
    return located(decl.cls, decl.span)


def tyvar_binders(decl: DataDecl[RdrName] | TypeSynDecl[RdrName]) -> list[Binder]:
    """The parameters of a type declaration with their positions."""
    return [Binder(v.occ, located(v, decl.span)) for v in decl.tyvars]


@dataclass
class GroupInfo:
    """What a declaration group binds and declares (see ``analyse_group``)."""

    binders: list[Binder] = field(default_factory=list)
    sigs: dict[str, TypeSig[RdrName]] = field(default_factory=dict)
    fixities: dict[str, tuple[FixityDecl[RdrName], SrcSpan]] = field(default_factory=dict)


def analyse_group(
    decls: Sequence[Decl[RdrName]],
    diags: list[Diagnostic],
    *,
    top: bool,
    fixity_targets: Iterable[str] = (),
) -> GroupInfo:
    """The binders, signatures and fixities of a value declaration group, checked.

    ``fixity_targets`` adds names a fixity declaration may also name (at the top
    level: constructors, methods and fields declared in the module).
    """
    info = GroupInfo()
    for d in decls:
        if isinstance(d, FunBind):
            info.binders.extend(funbind_binders(d))
            check_arity(d, diags)
        elif isinstance(d, PatBind):
            info.binders.extend(pat_binders([d.pat]))
    if top:
        _check_duplicates_top(info.binders, diags)
    else:
        check_conflicts(info.binders, diags)
    bound = {b.occ for b in info.binders}
    _collect_sigs(decls, bound, info, diags)
    _collect_fixities(decls, bound | set(fixity_targets), info, diags)
    return info


def check_arity(bind: FunBind[RdrName], diags: list[Diagnostic]) -> None:
    arities = {len(m.pats) for m in bind.matches}
    if len(arities) > 1:
        diags.append(
            error(
                "R009",
                bind.span,
                f"Equations for ‘{bind.name.occ}’ have different numbers of arguments",
            )
        )


def _check_duplicates_top(binders: Sequence[Binder], diags: list[Diagnostic]) -> None:
    seen: dict[str, Binder] = {}
    for b in binders:
        first = seen.setdefault(b.occ, b)
        if first is not b:
            diags.append(multiple_declarations(b.occ, b.span, first.span))


def multiple_declarations(occ: str, span: SrcSpan, first: SrcSpan) -> Diagnostic:
    return error("R003", span, f"Multiple declarations of ‘{occ}’", f"Declared at: {first}")


def _collect_sigs(
    decls: Sequence[Decl[RdrName]], bound: set[str], info: GroupInfo, diags: list[Diagnostic]
) -> None:
    for d in decls:
        if not isinstance(d, TypeSig):
            continue
        for name in d.names:
            first = info.sigs.setdefault(name.occ, d)
            if first is not d:
                diags.append(
                    error(
                        "R005",
                        d.span,
                        f"Duplicate type signatures for ‘{name.occ}’",
                        f"at {first.span}",
                    )
                )
            elif name.occ not in bound:
                diags.append(
                    error(
                        "R007",
                        d.span,
                        f"The type signature for ‘{name.occ}’ lacks an accompanying binding",
                    )
                )


def _collect_fixities(
    decls: Sequence[Decl[RdrName]], bound: set[str], info: GroupInfo, diags: list[Diagnostic]
) -> None:
    for d in decls:
        if isinstance(d, FixityDecl):
            check_fixity_decl(d, bound, info.fixities, diags)


def check_fixity_decl(
    d: FixityDecl[RdrName],
    bound: set[str],
    seen: dict[str, tuple[FixityDecl[RdrName], SrcSpan]],
    diags: list[Diagnostic],
) -> None:
    """Record ``d``'s operators in ``seen``; report duplicates and operators not bound."""
    for op, span in zip(d.ops, fixity_op_spans(d), strict=True):
        if op.occ in seen:
            first_span = seen[op.occ][1]
            diags.append(
                error(
                    "R006",
                    first_span,
                    f"Multiple fixity declarations for ‘{op.occ}’",
                    f"also at {span}",
                )
            )
        elif op.occ not in bound:
            diags.append(
                error(
                    "R008",
                    span,
                    f"The fixity signature for ‘{op.occ}’ lacks an accompanying binding",
                )
            )
            seen[op.occ] = (d, span)
        else:
            seen[op.occ] = (d, span)
