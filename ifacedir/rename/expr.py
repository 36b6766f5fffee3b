"""Renaming expressions, patterns, statements and local binding groups (Report §3, §4.4.3).

Scoping, construct by construct (Report section in brackets):

* lambda, function clause, case alternative [§3.3, §4.4.3, §3.13]: the pattern
  variables scope over the body (and the guards and ``where`` of a clause); a
  variable bound twice in the patterns is a conflict;
* ``let`` and ``where`` groups [§3.12, §4.4.3]: all binders of the group scope over
  every right-hand side of the group (recursive bindings) and over the body; fixity
  declarations in the group give the local operators their fixity;
* ``do``, list comprehensions and guards [§3.14, §3.11, §3.13]: statements scope over
  the statements after them and over the final expression; ``let`` statements are
  recursive groups;
* record construction, patterns [§3.15.2, §3.17]: a field is looked up among the
  fields of the constructor's type that are in scope (GHC's behaviour: no ambiguity
  with an unrelated ``x``), record update looks fields up like variables.

Operator chains are renamed operand by operand and then re-associated by fixity
(ifacedir.rename.fixity); sections are checked against the fixity of their operand.
Pattern variables are renamed through an explicit map from occurrence to fresh name
(made before the pattern is renamed), so the pattern itself never consults the scope
for its own binders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ifacedir.rename.binders import Binder, analyse_group, check_conflicts, pat_binders
from ifacedir.rename.context import RnContext, Saved
from ifacedir.rename.env import Fixity
from ifacedir.rename.fixity import (
    check_left_section,
    check_right_section,
    resolve_expr_chain,
    resolve_pat_chain,
)
from ifacedir.rename.types import rename_sig_type
from ifacedir.syntax.ast import (
    Alt,
    Decl,
    EApp,
    EArith,
    ECase,
    ECon,
    EDo,
    EIf,
    ELam,
    ELeftSection,
    ELet,
    EList,
    EListComp,
    ELit,
    ENeg,
    EOpApp,
    EOpChain,
    EParen,
    ERecCon,
    ERecUpd,
    ERightSection,
    ETuple,
    ETyped,
    EVar,
    Expr,
    FieldBind,
    FieldPat,
    FixityDecl,
    FunBind,
    GuardedRhs,
    Match,
    Negation,
    OpRef,
    PAs,
    Pat,
    PatBind,
    PCon,
    PConOp,
    PLazy,
    PList,
    PLit,
    POpChain,
    PParen,
    PRec,
    PTuple,
    PVar,
    PWild,
    Rhs,
    SBind,
    SExpr,
    SLet,
    Stmt,
    TypeSig,
)
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = [
    "bind_local_group",
    "fresh_binders",
    "rename_expr",
    "rename_group_decls",
    "rename_match",
    "rename_pat",
    "rename_rhs",
]


# --- Binding groups --------------------------------------------------------------------


def fresh_binders(ctx: RnContext, binders: Sequence[Binder]) -> dict[str, Name]:
    """A fresh local name per distinct variable, in order of first occurrence."""
    names: dict[str, Name] = {}
    for b in binders:
        if b.occ not in names:
            names[b.occ] = ctx.fresh(b.occ, NameSpace.VAR)
    return names


def bind_local_group(ctx: RnContext, decls: Sequence[Decl[RdrName]]) -> dict[str, Name]:
    """Check a ``let``/``where`` group, name its binders, record its fixities."""
    info = analyse_group(decls, ctx.diags, top=False)
    names = fresh_binders(ctx, info.binders)
    for occ, (decl, _) in info.fixities.items():
        if occ in names:
            ctx.fixities[names[occ]] = Fixity(decl.assoc, decl.prec)
    return names


def rename_group_decls(
    ctx: RnContext, decls: Sequence[Decl[RdrName]], names: Mapping[str, Name]
) -> tuple[Decl[Name], ...]:
    """The value declarations of a group whose binders ``names`` are already in scope."""
    out: list[Decl[Name]] = []
    for d in decls:
        if isinstance(d, TypeSig):
            bound = tuple(_bound(names, n.occ) for n in d.names)
            out.append(TypeSig(d.span, bound, rename_sig_type(ctx, d.type)))
        elif isinstance(d, FixityDecl):
            ops = tuple(_bound(names, n.occ) for n in d.ops)
            out.append(FixityDecl(d.span, d.assoc, d.prec, ops))
        elif isinstance(d, FunBind):
            matches = tuple(rename_match(ctx, m) for m in d.matches)
            out.append(FunBind(d.span, _bound(names, d.name.occ), matches))
        elif isinstance(d, PatBind):
            pat = rename_pat(ctx, d.pat, names)
            out.append(PatBind(d.span, pat, rename_rhs(ctx, d.rhs)))
    return tuple(out)


def _bound(names: Mapping[str, Name], occ: str) -> Name:
    """``names[occ]``, or a placeholder when an error about ``occ`` was reported."""
    return names.get(occ) or Name.local(occ, NameSpace.VAR, 0)


def rename_match(ctx: RnContext, m: Match[RdrName]) -> Match[Name]:
    binders = pat_binders(m.pats)
    check_conflicts(binders, ctx.diags)
    names = fresh_binders(ctx, binders)
    pats = tuple(rename_pat(ctx, p, names) for p in m.pats)
    with ctx.binding(names.values()):
        return Match(m.span, pats, rename_rhs(ctx, m.rhs), m.infix)


def rename_rhs(ctx: RnContext, rhs: Rhs[RdrName]) -> Rhs[Name]:
    names = bind_local_group(ctx, rhs.where)
    with ctx.binding(names.values()):
        where = rename_group_decls(ctx, rhs.where, names)
        body = None if rhs.body is None else rename_expr(ctx, rhs.body)
        guarded = tuple(_rename_guarded(ctx, g) for g in rhs.guarded)
    return Rhs(rhs.span, body, guarded, where)


def _rename_guarded(ctx: RnContext, g: GuardedRhs[RdrName]) -> GuardedRhs[Name]:
    guards, saves = _rename_stmts(ctx, g.guards)
    body = rename_expr(ctx, g.body)
    _pop_all(ctx, saves)
    return GuardedRhs(g.span, guards, body)


# --- Statements -------------------------------------------------------------------------


def _rename_stmts(
    ctx: RnContext, stmts: Sequence[Stmt[RdrName]]
) -> tuple[tuple[Stmt[Name], ...], list[Saved]]:
    """Statements in order, each binding for the rest; the caller pops ``saves``."""
    out: list[Stmt[Name]] = []
    saves: list[Saved] = []
    for s in stmts:
        if isinstance(s, SBind):
            expr = rename_expr(ctx, s.expr)
            binders = pat_binders([s.pat])
            check_conflicts(binders, ctx.diags)
            names = fresh_binders(ctx, binders)
            pat = rename_pat(ctx, s.pat, names)
            saves.append(ctx.push(names.values()))
            out.append(SBind(s.span, pat, expr))
        elif isinstance(s, SLet):
            names = bind_local_group(ctx, s.decls)
            saves.append(ctx.push(names.values()))
            out.append(SLet(s.span, rename_group_decls(ctx, s.decls, names)))
        else:
            out.append(SExpr(s.span, rename_expr(ctx, s.expr)))
    return tuple(out), saves


def _pop_all(ctx: RnContext, saves: list[Saved]) -> None:
    for saved in reversed(saves):
        ctx.pop(saved)


# --- Expressions ------------------------------------------------------------------------


def rename_expr(ctx: RnContext, e: Expr[RdrName]) -> Expr[Name]:
    handler = _EXPR[type(e)]
    result: Expr[Name] = handler(ctx, e)
    return result


def _op(ctx: RnContext, op: OpRef[RdrName], *, in_expr: bool = True) -> OpRef[Name]:
    name = ctx.con(op.name, op.span, in_expr=in_expr) if op.is_con else ctx.var(op.name, op.span)
    return OpRef(op.span, name, op.is_con)


def _evar(ctx: RnContext, e: EVar[RdrName]) -> Expr[Name]:
    return EVar(e.span, ctx.var(e.name, e.span))


def _econ(ctx: RnContext, e: ECon[RdrName]) -> Expr[Name]:
    return ECon(e.span, ctx.con(e.name, e.span, in_expr=True))


def _elit(ctx: RnContext, e: ELit) -> Expr[Name]:
    return e


def _eapp(ctx: RnContext, e: EApp[RdrName]) -> Expr[Name]:
    return EApp(e.span, rename_expr(ctx, e.fun), rename_expr(ctx, e.arg))


def _echain(ctx: RnContext, e: EOpChain[RdrName]) -> Expr[Name]:
    items: list[Expr[Name] | OpRef[Name] | Negation] = []
    for item in e.items:
        if isinstance(item, OpRef):
            items.append(_op(ctx, item))
        elif isinstance(item, Negation):
            items.append(item)
        else:
            items.append(rename_expr(ctx, item))
    tree, conflict = resolve_expr_chain(items, ctx.fixity_of)
    if conflict is not None:
        ctx.error("R017", e.span, conflict.message())
    return tree


def _eopapp(ctx: RnContext, e: EOpApp[RdrName]) -> Expr[Name]:
    left, right = rename_expr(ctx, e.left), rename_expr(ctx, e.right)
    return EOpApp(e.span, left, _op(ctx, e.op), right)


def _eneg(ctx: RnContext, e: ENeg[RdrName]) -> Expr[Name]:
    return ENeg(e.span, rename_expr(ctx, e.expr))


def _elam(ctx: RnContext, e: ELam[RdrName]) -> Expr[Name]:
    binders = pat_binders(e.pats)
    check_conflicts(binders, ctx.diags)
    names = fresh_binders(ctx, binders)
    pats = tuple(rename_pat(ctx, p, names) for p in e.pats)
    with ctx.binding(names.values()):
        return ELam(e.span, pats, rename_expr(ctx, e.body))


def _elet(ctx: RnContext, e: ELet[RdrName]) -> Expr[Name]:
    names = bind_local_group(ctx, e.decls)
    with ctx.binding(names.values()):
        decls = rename_group_decls(ctx, e.decls, names)
        return ELet(e.span, decls, rename_expr(ctx, e.body))


def _eif(ctx: RnContext, e: EIf[RdrName]) -> Expr[Name]:
    parts = (rename_expr(ctx, x) for x in (e.cond, e.then, e.else_))
    return EIf(e.span, *parts)


def _ecase(ctx: RnContext, e: ECase[RdrName]) -> Expr[Name]:
    scrut = rename_expr(ctx, e.scrut)
    return ECase(e.span, scrut, tuple(_rename_alt(ctx, a) for a in e.alts))


def _rename_alt(ctx: RnContext, a: Alt[RdrName]) -> Alt[Name]:
    binders = pat_binders([a.pat])
    check_conflicts(binders, ctx.diags)
    names = fresh_binders(ctx, binders)
    pat = rename_pat(ctx, a.pat, names)
    with ctx.binding(names.values()):
        return Alt(a.span, pat, rename_rhs(ctx, a.rhs))


def _edo(ctx: RnContext, e: EDo[RdrName]) -> Expr[Name]:
    stmts, saves = _rename_stmts(ctx, e.stmts)
    _pop_all(ctx, saves)
    return EDo(e.span, stmts)


def _etuple(ctx: RnContext, e: ETuple[RdrName]) -> Expr[Name]:
    return ETuple(e.span, tuple(rename_expr(ctx, x) for x in e.elems))


def _elist(ctx: RnContext, e: EList[RdrName]) -> Expr[Name]:
    return EList(e.span, tuple(rename_expr(ctx, x) for x in e.elems))


def _earith(ctx: RnContext, e: EArith[RdrName]) -> Expr[Name]:
    then = None if e.then is None else rename_expr(ctx, e.then)
    to = None if e.to is None else rename_expr(ctx, e.to)
    return EArith(e.span, rename_expr(ctx, e.from_), then, to)


def _elistcomp(ctx: RnContext, e: EListComp[RdrName]) -> Expr[Name]:
    quals, saves = _rename_stmts(ctx, e.quals)
    expr = rename_expr(ctx, e.expr)
    _pop_all(ctx, saves)
    return EListComp(e.span, expr, quals)


def _eleft(ctx: RnContext, e: ELeftSection[RdrName]) -> Expr[Name]:
    expr, op = rename_expr(ctx, e.expr), _op(ctx, e.op)
    problem = check_left_section(expr, op, ctx.fixity_of)
    if problem:
        ctx.error("R018", e.span, problem)
    return ELeftSection(e.span, expr, op)


def _eright(ctx: RnContext, e: ERightSection[RdrName]) -> Expr[Name]:
    op, expr = _op(ctx, e.op), rename_expr(ctx, e.expr)
    problem = check_right_section(op, expr, ctx.fixity_of)
    if problem:
        ctx.error("R018", e.span, problem)
    return ERightSection(e.span, op, expr)


def _eparen(ctx: RnContext, e: EParen[RdrName]) -> Expr[Name]:
    return EParen(e.span, rename_expr(ctx, e.expr))


def _etyped(ctx: RnContext, e: ETyped[RdrName]) -> Expr[Name]:
    expr = rename_expr(ctx, e.expr)
    return ETyped(e.span, expr, rename_sig_type(ctx, e.type))


def _ereccon(ctx: RnContext, e: ERecCon[RdrName]) -> Expr[Name]:
    con = ctx.con(e.con, e.span, in_expr=True)
    fields = tuple(
        FieldBind(f.span, _field(ctx, con, f.field, f.span), rename_expr(ctx, f.value))
        for f in e.fields
    )
    return ERecCon(e.span, con, fields)


def _erecupd(ctx: RnContext, e: ERecUpd[RdrName]) -> Expr[Name]:
    expr = rename_expr(ctx, e.expr)
    fields = tuple(
        FieldBind(f.span, _field(ctx, None, f.field, f.span), rename_expr(ctx, f.value))
        for f in e.fields
    )
    return ERecUpd(e.span, expr, fields)


def _field(ctx: RnContext, con: Name | None, rdr: RdrName, span: SrcSpan) -> Name:
    """A record field named ``rdr``: of ``con``'s type in a construction or pattern, any
    field in an update (see the module docstring)."""
    con_entry = None if con is None else ctx.genv.entry(con)
    if con_entry is not None and con_entry.parent is not None:
        matches = [
            c
            for c in ctx.genv.children(con_entry.parent)
            if c.name.occ == rdr.occ
            and c.name.space is NameSpace.VAR
            and (c.in_scope_as(rdr.qual, ctx.module) if rdr.qual else True)
        ]
        if len(matches) == 1:
            return matches[0].name
    name = ctx.global_name(rdr, NameSpace.VAR, span)
    if name.is_global and name not in ctx.fields:
        owner = f"constructor ‘{con.occ}’" if con is not None else "any constructor"
        ctx.error("R010", span, f"‘{rdr}’ is not a (visible) field of {owner}")
    return name


_EXPR: dict[type, Callable[[RnContext, Any], Expr[Name]]] = {
    EVar: _evar,
    ECon: _econ,
    ELit: _elit,
    EApp: _eapp,
    EOpChain: _echain,
    EOpApp: _eopapp,
    ENeg: _eneg,
    ELam: _elam,
    ELet: _elet,
    EIf: _eif,
    ECase: _ecase,
    EDo: _edo,
    ETuple: _etuple,
    EList: _elist,
    EArith: _earith,
    EListComp: _elistcomp,
    ELeftSection: _eleft,
    ERightSection: _eright,
    EParen: _eparen,
    ETyped: _etyped,
    ERecCon: _ereccon,
    ERecUpd: _erecupd,
}


# --- Patterns ---------------------------------------------------------------------------


def rename_pat(ctx: RnContext, p: Pat[RdrName], names: Mapping[str, Name]) -> Pat[Name]:
    """A pattern whose variables are named by ``names`` (made by ``fresh_binders``)."""
    if isinstance(p, PVar):
        return PVar(p.span, _bound(names, p.name.occ))
    if isinstance(p, PWild | PLit):
        return p
    if isinstance(p, PCon):
        con = ctx.con(p.con, p.span)
        return PCon(p.span, con, tuple(rename_pat(ctx, a, names) for a in p.args))
    if isinstance(p, POpChain):
        return _pat_chain(ctx, p, names)
    if isinstance(p, PConOp):
        left, right = rename_pat(ctx, p.left, names), rename_pat(ctx, p.right, names)
        return PConOp(p.span, left, ctx.con(p.con, p.span), right)
    if isinstance(p, PTuple):
        return PTuple(p.span, tuple(rename_pat(ctx, x, names) for x in p.elems))
    if isinstance(p, PList):
        return PList(p.span, tuple(rename_pat(ctx, x, names) for x in p.elems))
    if isinstance(p, PAs):
        return PAs(p.span, _bound(names, p.name.occ), rename_pat(ctx, p.pat, names))
    if isinstance(p, PLazy):
        return PLazy(p.span, rename_pat(ctx, p.pat, names))
    if isinstance(p, PParen):
        return PParen(p.span, rename_pat(ctx, p.pat, names))
    con = ctx.con(p.con, p.span)
    fields = tuple(
        FieldPat(f.span, _field(ctx, con, f.field, f.span), rename_pat(ctx, f.pat, names))
        for f in p.fields
    )
    return PRec(p.span, con, fields)


def _pat_chain(ctx: RnContext, p: POpChain[RdrName], names: Mapping[str, Name]) -> Pat[Name]:
    operands = [rename_pat(ctx, x, names) for x in p.operands]
    ops = [_op(ctx, op, in_expr=False) for op in p.ops]
    tree, conflict = resolve_pat_chain(operands, ops, ctx.fixity_of)
    if conflict is not None:
        ctx.error("R017", p.span, conflict.message())
    return tree
