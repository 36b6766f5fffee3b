"""Hypothesis strategies for small, well-formed parsed trees (``Module[RdrName]``).

The trees are shaped like the parser's output, so that printing one and parsing the
text gives the same tree back modulo spans: operator expressions are flat
``EOpChain`` items (operands never chains themselves), every position that needs
parentheses gets an ``EParen`` / ``PParen`` (types have no parenthesis node), a
variable bound without arguments is a ``FunBind``, and the names of one declaration
list are distinct (adjacent clauses of one name would merge into one ``FunBind``).

Every node gets the same dummy span; compare with ``erase_spans``. Sizes are bounded
by an explicit ``depth`` argument, so every example is small.
"""

from __future__ import annotations

from typing import Any, TypeVar

from hypothesis import strategies as st

from ifacedir.syntax.ast import (
    Alt,
    Assoc,
    ClassDecl,
    ConDecl,
    ConField,
    DataDecl,
    DefaultDecl,
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
    EOpChain,
    EParen,
    ERecCon,
    ERecUpd,
    ERightSection,
    ETuple,
    ETyped,
    EVar,
    FieldBind,
    FieldPat,
    FixityDecl,
    ForeignImport,
    FunBind,
    GuardedRhs,
    IEModule,
    IEThing,
    IEVar,
    ImportDecl,
    InstanceDecl,
    LitChar,
    LitFrac,
    LitInt,
    LitString,
    Match,
    Module,
    Negation,
    OpRef,
    PAs,
    PatBind,
    PCon,
    PLazy,
    PList,
    PLit,
    POpChain,
    PParen,
    PRec,
    Pred,
    PTuple,
    PVar,
    PWild,
    QualType,
    Rhs,
    SBind,
    SExpr,
    SLet,
    SubItems,
    TApp,
    TCon,
    TFun,
    TList,
    TTuple,
    TVar,
    TypeSig,
    TypeSynDecl,
)
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.pretty import _ends_with_type as ends_with_type
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = ["SPAN", "decls", "exprs", "modules", "pats", "types"]

SPAN = SrcSpan("<gen>", SrcLoc(1, 1), SrcLoc(1, 1))
T = TypeVar("T")
Any_ = Any

VARS = ["x", "y", "f", "go", "xs", "acc", "x'", "_u", "zz1"]
CONS = ["Just", "Nothing", "A", "B", "Cons", "T"]
VAROPS = ["+", "*", "++", ".", "$", "<>", ">>=", "==", "&&", "-", "|>", "!!"]
CONOPS = [":", ":+", ":|"]
QUALS = ["", "", "", "M", "Data.List"]
TYVARS = ["a", "b", "m"]
TYCONS = ["Int", "Maybe", "Either", "IO", "Bool", "T"]
CLASSES = ["Eq", "Show", "Monad", "C"]
FIELDS = ["fa", "fb", "fc"]


def var_name() -> st.SearchStrategy[RdrName]:
    return st.builds(RdrName, st.sampled_from(VARS), st.sampled_from(QUALS))


def con_name() -> st.SearchStrategy[RdrName]:
    return st.builds(RdrName, st.sampled_from(CONS), st.sampled_from(QUALS))


def _opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def tup(strategy: st.SearchStrategy[T], lo: int = 0, hi: int = 3) -> st.SearchStrategy[Any_]:
    return st.lists(strategy, min_size=lo, max_size=hi).map(tuple)


# --- literals -----------------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\\\"'\n\t0"),
    max_size=6,
)
literals = st.one_of(
    st.builds(LitInt, st.integers(min_value=0, max_value=2**70)),
    st.builds(LitFrac, st.sampled_from(["1.5", "0.25", "1e10", "2.5e-3", "3.0E+2"])),
    st.builds(LitChar, st.characters(codec="utf-8", exclude_categories=("Cs",))),
    st.builds(LitString, _TEXT),
)


# --- types --------------------------------------------------------------------------


@st.composite
def types(draw: st.DrawFn, depth: int = 2) -> Any_:
    leaf = st.one_of(
        st.builds(TVar, st.just(SPAN), st.sampled_from(TYVARS).map(RdrName)),
        st.builds(TCon, st.just(SPAN), st.sampled_from(TYCONS).map(RdrName)),
        st.builds(TCon, st.just(SPAN), st.sampled_from(["()", "[]", "->", "(,)"]).map(RdrName)),
    )
    if depth <= 0:
        return draw(leaf)
    sub = types(depth - 1)
    return draw(
        st.one_of(
            leaf,
            st.builds(TApp, st.just(SPAN), sub, sub),
            st.builds(TFun, st.just(SPAN), sub, sub),
            st.builds(TList, st.just(SPAN), sub),
            st.builds(TTuple, st.just(SPAN), tup(sub, 2, 3)),
        )
    )


def preds() -> st.SearchStrategy[Any_]:
    tyvar = st.builds(TVar, st.just(SPAN), st.sampled_from(TYVARS).map(RdrName))
    return st.builds(Pred, st.just(SPAN), st.sampled_from(CLASSES).map(RdrName), tyvar)


def qual_types() -> st.SearchStrategy[Any_]:
    return st.builds(QualType, st.just(SPAN), tup(preds(), 0, 2), types())


# --- patterns: precedence 0 pat, 1 lpat, 2 apat -------------------------------------


def _ppar(level: int, need: int, pat: Any_) -> Any_:
    return PParen(SPAN, pat) if level < need else pat


@st.composite
def pats(draw: st.DrawFn, depth: int = 2, need: int = 0) -> Any_:
    pvar = st.builds(PVar, st.just(SPAN), st.sampled_from(VARS).map(RdrName))
    atoms = st.one_of(
        pvar,
        st.just(PWild(SPAN)),
        st.builds(PLit, st.just(SPAN), literals),
        st.builds(PCon, st.just(SPAN), con_name(), st.just(())),
    )
    if depth <= 0:
        return draw(atoms)
    apat = pats(depth - 1, 2)
    choice = draw(st.integers(0, 10))
    if choice == 0:
        neg = draw(st.sampled_from([LitInt(-3), LitFrac("-1.5")]))
        return _ppar(1, need, PLit(SPAN, neg))
    if choice == 1:
        return _ppar(1, need, PCon(SPAN, draw(con_name()), draw(tup(apat, 1, 2))))
    if choice == 2:
        operands = draw(tup(pats(depth - 1, 1), 2, 3))
        ops = tuple(
            OpRef(SPAN, RdrName(draw(st.sampled_from([*CONOPS, "`Cons`"]).map(_bq))), True)
            for _ in operands[1:]
        )
        return _ppar(0, need, POpChain(SPAN, operands, ops))
    if choice == 3:
        return PTuple(SPAN, draw(tup(pats(depth - 1), 2, 3)))
    if choice == 4:
        return PList(SPAN, draw(tup(pats(depth - 1), 1, 3)))  # `[]` is PCon "[]"
    if choice == 5:
        return PAs(SPAN, RdrName(draw(st.sampled_from(VARS))), draw(apat))
    if choice == 6:
        return PLazy(SPAN, draw(apat))
    if choice == 7:
        fields = tup(st.builds(FieldPat, st.just(SPAN), _field(), pats(depth - 1)), 0, 2)
        return PRec(SPAN, draw(con_name()), draw(fields))
    if choice == 8:
        return PParen(SPAN, draw(pats(depth - 1)))
    return draw(atoms)


def _bq(name: str) -> str:
    return name.strip("`")


def _field() -> st.SearchStrategy[RdrName]:
    return st.sampled_from(FIELDS).map(RdrName)


# --- expressions: precedence 0 exp, 1 infixexp, 2 lexp, 3 fexp, 4 aexp ------------------


def _epar(level: int, need: int, e: Any_) -> Any_:
    return EParen(SPAN, e) if level < need else e


def _op(draw: st.DrawFn) -> OpRef[RdrName]:
    if draw(st.booleans()):
        return OpRef(
            SPAN, RdrName(draw(st.sampled_from(VAROPS)), draw(st.sampled_from(QUALS))), False
        )
    if draw(st.booleans()):
        return OpRef(SPAN, RdrName(draw(st.sampled_from(CONOPS))), True)
    if draw(st.booleans()):
        return OpRef(SPAN, draw(var_name()), False)
    return OpRef(SPAN, draw(con_name()), True)


@st.composite
def exprs(draw: st.DrawFn, depth: int = 3, need: int = 0, closed: bool = False) -> Any_:
    """An expression fit for a position needing precedence ``need``."""
    atoms = st.one_of(
        st.builds(EVar, st.just(SPAN), var_name()),
        st.builds(EVar, st.just(SPAN), st.sampled_from(VAROPS).map(RdrName)),
        st.builds(ECon, st.just(SPAN), con_name()),
        st.builds(ECon, st.just(SPAN), st.sampled_from(["()", "[]", "(,)", ":"]).map(RdrName)),
        st.builds(ELit, st.just(SPAN), literals),
    )
    if depth <= 0:
        return draw(atoms)
    d = depth - 1
    sub = exprs(d)
    kind = draw(st.integers(0, 21))
    if kind == 0:
        return _epar(3, need, EApp(SPAN, draw(exprs(d, 3)), draw(exprs(d, 4))))
    if kind == 1:
        return _epar(1, need, draw(_chain(d, closed)))
    if kind in (2, 3, 4, 5, 6):
        opened = _open_expr(draw, kind, d)
        return EParen(SPAN, opened) if need > 2 or closed else opened
    if kind == 7:
        return ETuple(SPAN, draw(tup(sub, 2, 3)))
    if kind == 8:
        return EList(SPAN, draw(tup(sub, 1, 3)))  # `[]` is ECon "[]"
    if kind == 9:
        return EArith(SPAN, draw(sub), draw(_opt(sub)), draw(_opt(sub)))
    if kind == 10:
        quals = tup(_stmt(d, guard=True), 1, 3)
        return EListComp(SPAN, draw(sub), draw(quals))
    if kind == 11:
        op = _op(draw)
        return ELeftSection(SPAN, draw(exprs(d, 2, True)), op)
    if kind == 12:
        op = _op(draw)
        if op.name.occ == "-" and not op.name.qual:
            op = OpRef(SPAN, RdrName("+"), False)
        return ERightSection(SPAN, op, draw(exprs(d, 2)))
    if kind == 13:
        return EParen(SPAN, draw(sub))
    if kind == 14:
        typed = ETyped(SPAN, draw(exprs(d, 1, True)), draw(qual_types()))
        return _epar(0, need, typed)
    if kind == 15:
        return ERecCon(SPAN, draw(con_name()), draw(tup(_field_bind(d), 0, 2)))
    if kind == 16:
        target = draw(exprs(d, 4))
        if isinstance(target, ECon):  # `C { f = e }` is a construction, not an update
            target = EParen(SPAN, target)
        return ERecUpd(SPAN, target, draw(tup(_field_bind(d), 1, 2)))
    return draw(atoms)


def _open_expr(draw: st.DrawFn, kind: int, d: int) -> Any_:
    sub = exprs(d)
    if kind == 2:
        return ELam(SPAN, draw(tup(pats(1, 2), 1, 2)), draw(sub))
    if kind == 3:
        return ELet(SPAN, draw(decl_list(d, allow_types=False)), draw(sub))
    if kind == 4:
        return EIf(SPAN, draw(sub), draw(sub), draw(sub))
    if kind == 5:
        alts = tup(st.builds(Alt, st.just(SPAN), pats(1), _rhs(d).map(_close_guards)), 1, 2)
        return ECase(SPAN, draw(sub), draw(alts))
    stmts = list(draw(tup(_stmt(d, guard=False), 0, 2)))
    return EDo(SPAN, (*stmts, SExpr(SPAN, draw(sub))))


@st.composite
def _chain(draw: st.DrawFn, d: int, closed: bool) -> Any_:
    n = draw(st.integers(2, 3))
    items: list[Any_] = []
    if draw(st.integers(0, 3)) == 0:
        items.append(Negation(SPAN))
    for i in range(n):
        if i:
            items.append(_op(draw))
        last = i == n - 1
        items.append(draw(exprs(d, 2, closed or not last)))
    return EOpChain(SPAN, tuple(items))


def _field_bind(d: int) -> st.SearchStrategy[Any_]:
    return st.builds(FieldBind, st.just(SPAN), _field(), exprs(d))


@st.composite
def _stmt(draw: st.DrawFn, d: int, guard: bool) -> Any_:
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return SBind(SPAN, draw(pats(1)), draw(exprs(d)))
    if kind == 1:
        return SLet(SPAN, draw(decl_list(d, allow_types=False, min_size=1)))
    return SExpr(SPAN, draw(exprs(d)))


@st.composite
def _rhs(draw: st.DrawFn, d: int) -> Any_:
    where = draw(decl_list(d - 1, allow_types=False)) if d > 0 and draw(st.booleans()) else ()
    if draw(st.booleans()):
        return Rhs(SPAN, draw(exprs(d)), (), where)
    guarded = tup(
        st.builds(GuardedRhs, st.just(SPAN), tup(_stmt(d, guard=True), 1, 2), exprs(d)), 1, 2
    )
    return Rhs(SPAN, None, draw(guarded), where)


def _close_guards(rhs: Any) -> Any:
    """A case alternative's guards, with a type annotation at the end parenthesised:
    the parser reads ``| e :: T -> body`` as the type ``T -> body``."""
    guarded = []
    for g in rhs.guarded:
        stmts = []
        for s in g.guards:
            if isinstance(s, SExpr | SBind) and ends_with_type(s.expr):
                paren = EParen(SPAN, s.expr)
                s = SExpr(SPAN, paren) if isinstance(s, SExpr) else SBind(SPAN, s.pat, paren)
            stmts.append(s)
        guarded.append(GuardedRhs(SPAN, tuple(stmts), g.body))
    return Rhs(SPAN, rhs.body, tuple(guarded), rhs.where)


# --- declarations -------------------------------------------------------------------


@st.composite
def _fun_bind(draw: st.DrawFn, name: str, d: int) -> Any_:
    arity = draw(st.integers(0, 2))
    infix = arity == 2 and draw(st.booleans())
    matches = []
    for _ in range(draw(st.integers(1, 2))):
        ps = tuple(draw(pats(1, 2)) for _ in range(arity))
        matches.append(Match(SPAN, ps, draw(_rhs(d)), infix))
    return FunBind(SPAN, RdrName(name), tuple(matches))


@st.composite
def decl_list(
    draw: st.DrawFn,
    d: int,
    allow_types: bool = True,
    min_size: int = 0,
    class_body: bool = False,
) -> tuple[Any_, ...]:
    """Declarations with distinct names; ``allow_types`` adds data, class, etc.;
    ``class_body`` leaves out pattern bindings (Report §4.3.1, cdecl and idecl)."""
    d = max(d, 0)
    names = draw(
        st.lists(st.sampled_from([*VARS, "<+>", "&&&"]), min_size=min_size, max_size=3, unique=True)
    )
    out: list[Any_] = []
    for name in names:
        kind = draw(st.integers(0, 3))
        if kind == 0:
            out.append(TypeSig(SPAN, (RdrName(name),), draw(qual_types())))
        elif kind == 1:
            assoc = draw(st.sampled_from(list(Assoc)))
            out.append(FixityDecl(SPAN, assoc, draw(st.integers(0, 9)), (RdrName(name),)))
        elif kind == 2 and not class_body and draw(st.booleans()):
            pat = draw(st.one_of(pats(1).filter(_is_pat_bind_pat)))
            out.append(PatBind(SPAN, pat, draw(_rhs(d))))
        else:
            out.append(draw(_fun_bind(name, d)))
    if allow_types:
        out.extend(draw(tup(_type_decl(), 0, 2)))
    return tuple(out)


def _is_pat_bind_pat(p: Any_) -> bool:
    return isinstance(p, PTuple | PList) or (isinstance(p, PCon) and bool(p.args))


@st.composite
def _type_decl(draw: st.DrawFn) -> Any_:
    kind = draw(st.integers(0, 5))
    name = RdrName(draw(st.sampled_from(["T", "U", "Pair"])))
    tyvars = tuple(
        RdrName(v) for v in draw(st.lists(st.sampled_from(TYVARS), max_size=2, unique=True))
    )
    if kind == 0:
        return TypeSynDecl(SPAN, name, tyvars, draw(types()))
    if kind == 1:
        cls = RdrName(draw(st.sampled_from(CLASSES)))
        return ClassDecl(
            SPAN,
            draw(tup(preds(), 0, 2)),
            cls,
            RdrName("a"),
            draw(decl_list(1, False, class_body=True)),
        )
    if kind == 2:
        inst_type = draw(
            st.sampled_from(
                [
                    TCon(SPAN, RdrName("Int")),
                    TApp(SPAN, TCon(SPAN, RdrName("Maybe")), TVar(SPAN, RdrName("a"))),
                    TList(SPAN, TVar(SPAN, RdrName("a"))),
                    TFun(SPAN, TVar(SPAN, RdrName("a")), TVar(SPAN, RdrName("b"))),
                    TTuple(SPAN, (TVar(SPAN, RdrName("a")), TVar(SPAN, RdrName("b")))),
                ]
            )
        )
        cls = RdrName(draw(st.sampled_from(CLASSES)), draw(st.sampled_from(QUALS)))
        return InstanceDecl(
            SPAN,
            draw(tup(preds(), 0, 2)),
            cls,
            inst_type,
            draw(decl_list(1, False, class_body=True)),
        )
    if kind == 3:
        return DefaultDecl(SPAN, draw(tup(types(1), 0, 2)))
    if kind == 4:
        return ForeignImport(SPAN, "prim", draw(_TEXT), RdrName("prim'"), draw(qual_types()))
    constrs = draw(tup(_con_decl(), 0, 3))
    deriving = tuple(RdrName(c) for c in draw(st.lists(st.sampled_from(CLASSES), max_size=2)))
    if draw(st.integers(0, 3)) == 0:  # a newtype: one constructor, one lazy field
        labels = draw(st.sampled_from([(), (RdrName("fa"),)]))
        field = ConField(SPAN, labels, draw(types(1)))
        con = ConDecl(SPAN, RdrName("Cons"), (field,), is_record=bool(labels))
        return DataDecl(SPAN, name, tyvars, (con,), deriving, is_newtype=True)
    return DataDecl(SPAN, name, tyvars, constrs, deriving)


@st.composite
def _con_decl(draw: st.DrawFn) -> Any_:
    kind = draw(st.integers(0, 2))
    field = st.builds(ConField, st.just(SPAN), st.just(()), types(1), st.booleans())
    if kind == 0:
        return ConDecl(SPAN, RdrName(draw(st.sampled_from(CONS))), draw(tup(field, 0, 3)))
    if kind == 1:
        op = draw(st.sampled_from([*CONOPS[1:], "Cons"]))
        return ConDecl(SPAN, RdrName(op), draw(tup(field, 2, 2)), is_infix=True)
    labels = tup(_field(), 1, 2)
    rec_field = st.builds(ConField, st.just(SPAN), labels, types(1), st.booleans())
    return ConDecl(SPAN, RdrName(draw(st.sampled_from(CONS))), draw(tup(rec_field, 0, 2)), True)


# --- modules ------------------------------------------------------------------------


def _ie_item(export: bool) -> st.SearchStrategy[Any_]:
    subs = st.sampled_from([(), SubItems.ALL, (RdrName("A"), RdrName("fa")), (RdrName("+"),)])
    name = con_name() if export else st.sampled_from(CONS).map(RdrName)
    vname = var_name() if export else st.sampled_from([*VARS, "+"]).map(RdrName)
    return st.one_of(
        st.builds(IEVar, st.just(SPAN), vname), st.builds(IEThing, st.just(SPAN), name, subs)
    )


def _imports() -> st.SearchStrategy[Any_]:
    return st.builds(
        ImportDecl,
        st.just(SPAN),
        st.sampled_from(["A", "Data.List", "M.N"]),
        st.just(SPAN),
        st.booleans(),
        _opt(st.sampled_from(["L", "Q.R"])),
        st.booleans(),
        _opt(tup(_ie_item(False), 0, 2)),
        st.booleans(),
    ).map(
        lambda i: (
            i
            if i.items is not None or not i.hiding
            else ImportDecl(
                i.span, i.module, i.module_span, i.qualified, i.alias, False, None, i.source
            )
        )
    )


@st.composite
def modules(draw: st.DrawFn, depth: int = 2) -> Any_:
    exports = draw(
        _opt(tup(_ie_item(True) | st.builds(IEModule, st.just(SPAN), st.just("M")), 0, 3))
    )
    return Module(
        SPAN,
        draw(st.sampled_from(["Main", "A.B", "Data.Queue"])),
        exports,
        draw(tup(_imports(), 0, 2)),
        draw(decl_list(depth)),
        name_span=SPAN,
    )


def decls(depth: int = 2) -> st.SearchStrategy[tuple[Any_, ...]]:
    return decl_list(depth)
