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

Binding occurrences of operators are not always located exactly by the tree; see
Note [Spans of binders without their own node].

Note [Spans of binders without their own node]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``FunBind.name``, ``FixityDecl.ops``, ``InstanceDecl.cls`` and the parameters of
type declarations are bare names without spans. GHC reports errors about them at the
name itself. We recover the position from the neighbours: a prefix binding starts its
clause (``f x = ...``); an infix one (``x <+> y = ...``) ends one column before its
right operand (one space assumed); the operators of a fixity declaration end where the
declaration ends, separated by ", "; an instance's class ends one column before the
instance type; the parameters of a ``data``, ``newtype`` or ``type`` declaration
follow its name one space apart. The result is exact for conventionally spaced
source, which is what the corpus holds. (Spans on these names in the AST would make
the guesswork unnecessary; it is a small additive change for the parser.)
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
    """Where the function name of ``bind``'s first clause is; see
    Note [Spans of binders without their own node]."""
    return _match_name_span(bind.matches[0], bind.name.occ, bind.span)


def _match_name_span(match: Match[RdrName], occ: str, fallback: SrcSpan) -> SrcSpan:
    if not (match.infix and len(match.pats) >= 2):
        start = fallback.start
        return SrcSpan(fallback.file, start, SrcLoc(start.line, start.col + len(occ)))
    right = match.pats[1].span.start
    text = _op_text(occ)
    start = SrcLoc(right.line, max(1, right.col - 1 - len(text)))
    return SrcSpan(match.span.file, start, SrcLoc(right.line, start.col + len(text)))


def _op_text(occ: str) -> str:
    """How an operator binder is written infix: symbols as they are, names backquoted."""
    return f"`{occ}`" if occ[:1].isalpha() or occ[:1] == "_" else occ


def fixity_op_spans(decl: FixityDecl[RdrName]) -> list[SrcSpan]:
    """Where each operator of a fixity declaration is; see
    Note [Spans of binders without their own node]."""
    spans: list[SrcSpan] = []
    end = decl.span.end
    for op in reversed(decl.ops):
        text = _op_text(op.occ)
        start = SrcLoc(end.line, max(1, end.col - len(text)))
        spans.append(SrcSpan(decl.span.file, start, end))
        end = SrcLoc(end.line, max(1, start.col - 2))
    return list(reversed(spans))


def instance_class_span(decl: InstanceDecl[RdrName]) -> SrcSpan:
    """Where the class name of an instance head is; see
    Note [Spans of binders without their own node]."""
    head = decl.type.span.start
    width = len(str(decl.cls))
    start = SrcLoc(head.line, head.col - 1 - width)
    if start <= decl.span.start:
        return decl.span
    return SrcSpan(decl.span.file, start, SrcLoc(head.line, head.col - 1))


def tyvar_binders(decl: DataDecl[RdrName] | TypeSynDecl[RdrName]) -> list[Binder]:
    """The parameters of a type declaration with their positions; see
    Note [Spans of binders without their own node]."""
    keyword = "type" if isinstance(decl, TypeSynDecl) else "newtype" if decl.is_newtype else "data"
    start = decl.span.start
    col = start.col + len(keyword) + 1 + len(decl.name.occ) + 1
    out: list[Binder] = []
    for v in decl.tyvars:
        loc = SrcLoc(start.line, col)
        out.append(Binder(v.occ, SrcSpan(decl.span.file, loc, SrcLoc(loc.line, col + len(v.occ)))))
        col += len(v.occ) + 1
    return out


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
