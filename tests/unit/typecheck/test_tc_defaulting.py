"""Defaulting (Report §4.3.4), split, and the monomorphism restriction (§4.5.5).

Expectations recorded from GHC 9.0.2 (``ghc -fno-code -XHaskell2010 D.hs``):

    module D where
    class Foo a where foo :: a -> Bool
    x = show 3                  -- accepted: Integer
    y = (1 + 2) / 4             -- accepted: Double
    z = foo 3                   -- D.hs:5:5: error: • No instance for (Foo a1) ...
                                -- D.hs:5:9: error: • Ambiguous type variable ‘a1’
                                --   arising from the literal ‘3’ prevents the
                                --   constraint ‘(Num a1)’ from being solved.
    w = toEnum 3 == (toEnum 3)  -- Ambiguous type variable ‘a0’ (Enum a0, Eq a0)

With ``default (Integer, Bool)``:  D.hs:2:1: error: • The default type ‘Bool’ is not
an instance of ‘Num’ • When checking the types in a default declaration.
With two default declarations:     D.hs:3:1: error: Multiple default declarations
"""

from __future__ import annotations

from tc_builders import (
    ENUM,
    EQ,
    FOO,
    FRACTIONAL,
    INTEGRAL,
    NUM,
    ORD,
    SHOW,
    Decls,
    pred,
    prelude_env,
    span,
    tv,
)

from ifacedir.syntax import ast
from ifacedir.syntax.evidence import EvInst, InstId
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import T_BOOL, T_DOUBLE, T_INT, T_INTEGER, Pred, Type, list_type
from ifacedir.typecheck.defaulting import (
    Ambiguity,
    ambiguities,
    candidates,
    is_numeric_class,
    is_standard_class,
    module_defaults,
    report_split,
    restricted,
    split,
    top_level_defaults,
    with_defaults,
)
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import apply

A, B, C = tv("a"), tv("b"), tv("c")
CE = prelude_env()


def default_of(*ps: Pred) -> Type | None:
    return with_defaults(CE, (), ps).subst.lookup(A.var)


def test_class_kinds() -> None:
    assert is_numeric_class(NUM) and is_numeric_class(FRACTIONAL)
    assert not is_numeric_class(EQ)
    assert is_standard_class(SHOW) and is_standard_class(NUM)
    assert not is_standard_class(FOO)
    assert not is_numeric_class(Name("main", "M", "Num", NameSpace.TYCON))


def test_ambiguities_are_the_variables_not_kept() -> None:
    ps = [pred(NUM, A), pred(SHOW, A), pred(EQ, B)]
    assert ambiguities([B.var], ps) == (Ambiguity(A.var, (pred(NUM, A), pred(SHOW, A))),)


def test_num_and_show_default_to_integer() -> None:
    assert default_of(pred(NUM, A), pred(SHOW, A)) == T_INTEGER


def test_fractional_defaults_to_double() -> None:
    assert default_of(pred(FRACTIONAL, A)) == T_DOUBLE
    assert default_of(pred(FRACTIONAL, A), pred(ORD, A)) == T_DOUBLE


def test_integral_defaults_to_integer() -> None:
    assert default_of(pred(INTEGRAL, A)) == T_INTEGER


def test_non_standard_class_stays_ambiguous() -> None:
    d = with_defaults(CE, (), [pred(NUM, A), pred(FOO, A)])
    assert d.unresolved == (Ambiguity(A.var, (pred(NUM, A), pred(FOO, A))),)
    assert len(d.subst) == 0 and d.preds == ()


def test_no_numeric_class_stays_ambiguous() -> None:
    """w = toEnum 3 == toEnum 3: (Enum a, Eq a) has no numeric class."""
    d = with_defaults(CE, (), [pred(ENUM, A), pred(EQ, A)])
    assert [a.var for a in d.unresolved] == [A.var]


def test_only_predicates_on_the_bare_variable_default() -> None:
    assert candidates(CE, Ambiguity(A.var, (pred(NUM, A), pred(SHOW, list_type(A))))) == ()


def test_module_default_list_is_tried_in_order() -> None:
    ce = CE.with_defaults((T_INT, T_DOUBLE))
    assert with_defaults(ce, (), [pred(NUM, A)]).subst.lookup(A.var) == T_INT
    assert with_defaults(ce, (), [pred(FRACTIONAL, A)]).subst.lookup(A.var) == T_DOUBLE
    none = CE.with_defaults(())  # default ()
    assert with_defaults(none, (), [pred(NUM, A)]).unresolved != ()


def test_defaulting_proves_the_discharged_predicates() -> None:
    d = with_defaults(CE, (), [pred(NUM, A), pred(SHOW, A)])
    assert dict(d.evidence)[pred(SHOW, A)] == EvInst(
        pred(SHOW, T_INTEGER), InstId(SHOW, T_INTEGER.con.name)
    )
    assert top_level_defaults(CE, [pred(NUM, B)]).subst.lookup(B.var) == T_INTEGER


def test_split_defers_retains_and_defaults() -> None:
    """fs = [a] from the environment, gs = [b]: Eq a is deferred, Ord b retained, and
    Num c (c nowhere else) defaulted to Integer; Eq [b] reduces to Ord b's superclass."""
    ps = [pred(EQ, A), pred(EQ, list_type(B)), pred(ORD, B), pred(NUM, C), pred(SHOW, C)]
    sp = split(CE, [A.var], [B.var], ps)
    assert sp.deferred == (pred(EQ, A),)
    assert sp.retained == (pred(ORD, B),)
    assert sp.defaulted.subst.lookup(C.var) == T_INTEGER
    assert sp.unsolved == ()
    ev = dict(sp.evidence)
    assert ev[pred(NUM, C)] == EvInst(pred(NUM, T_INTEGER), InstId(NUM, T_INTEGER.con.name))
    assert ev[pred(EQ, list_type(B))].pred == pred(EQ, list_type(B))
    assert ev[pred(SHOW, C)].pred == apply(sp.defaulted.subst, pred(SHOW, C))


def test_split_reports_unsolved_predicates() -> None:
    sp = split(CE, [], [A.var], [pred(NUM, T_BOOL), pred(EQ, A)])
    assert sp.unsolved == (pred(NUM, T_BOOL),)
    assert sp.retained == (pred(EQ, A),)


# --- The monomorphism restriction -------------------------------------------------------------


def _var(occ: str) -> Name:
    return Name("main", "M", occ, NameSpace.VAR)


def _fun(d: Decls, occ: str, arity: int) -> ast.FunBind[Name]:
    pats = tuple(ast.PWild(d.sp()) for _ in range(arity))
    rhs: ast.Rhs[Name] = ast.Rhs(d.sp(), ast.ELit(d.sp(), ast.LitInt(1)), (), ())
    return ast.FunBind(d.sp(), _var(occ), (ast.Match(d.sp(), pats, rhs),))


def test_rule_one() -> None:
    d = Decls()
    f, x = _fun(d, "f", 1), _fun(d, "x", 0)
    rhs: ast.Rhs[Name] = ast.Rhs(d.sp(), ast.ELit(d.sp(), ast.LitInt(1)), (), ())
    tuple_bind = ast.PatBind(d.sp(), ast.PTuple(d.sp(), (ast.PVar(d.sp(), _var("p")),)), rhs)
    assert not restricted([f], set())
    assert restricted([f, x], set())  # plus = (+) without a signature
    assert not restricted([f, x], {_var("x")})
    assert restricted([tuple_bind], {_var("p")})  # never simple


# --- default declarations ---------------------------------------------------------------------


def _default_decl(d: Decls, *occs: str) -> ast.DefaultDecl[Name]:
    return ast.DefaultDecl(span(2, 1, 23), tuple(d.tcon(_tycon(o)) for o in occs))


def _tycon(occ: str) -> Name:
    return {"Integer": T_INTEGER, "Double": T_DOUBLE, "Bool": T_BOOL, "Int": T_INT}[occ].con.name


def _to_type(t: ast.Type[Name]) -> Type:
    assert isinstance(t, ast.TCon)
    return {x.con.name: x for x in (T_INTEGER, T_DOUBLE, T_BOOL, T_INT)}[t.name]


def test_module_defaults() -> None:
    d = Decls()
    st = TcState()
    assert module_defaults(st, CE, [], NUM, _to_type) == (T_INTEGER, T_DOUBLE)
    decls: list[ast.Decl[Name]] = [_default_decl(d, "Double", "Int")]
    assert module_defaults(st, CE, decls, NUM, _to_type) == (T_DOUBLE, T_INT)
    assert module_defaults(st, CE, [_default_decl(d)], NUM, _to_type) == ()
    assert st.errors == []


def test_default_types_must_be_numeric() -> None:
    d = Decls()
    st = TcState()
    decls: list[ast.Decl[Name]] = [_default_decl(d, "Integer", "Bool")]
    assert module_defaults(st, CE, decls, NUM, _to_type) == (T_INTEGER,)
    [err] = st.errors
    assert err.code == "T008"
    assert err.message == "The default type ‘Bool’ is not an instance of ‘Num’"
    assert err.context == ("When checking the types in a default declaration",)


def test_one_default_declaration_per_module() -> None:
    d = Decls()
    st = TcState()
    second = ast.DefaultDecl(span(3, 1, 16), (d.tcon(_tycon("Double")),))
    module_defaults(st, CE, [_default_decl(d, "Integer"), second], NUM, _to_type)
    [err] = st.errors
    assert err.span == second.span and err.message.startswith("Multiple default declarations")


def test_report_split_in_ghc_words() -> None:
    """z = foo 3 and w = toEnum 3 == toEnum 3 in D.hs (see the module docstring)."""
    t1, t2 = tv("t1"), tv("t2")
    ps = [pred(FOO, t1), pred(NUM, t1), pred(ENUM, t2), pred(EQ, t2), pred(NUM, T_BOOL)]
    st = TcState()
    report_split(st, span(5, 5), split(CE, [], [], ps))
    assert [(e.code, e.message) for e in st.errors] == [
        ("T004", "No instance for (Num Bool)"),
        (
            "T005",
            "Ambiguous type variable ‘t1’ prevents the constraint ‘(Foo t1)’ from being solved",
        ),
        (
            "T005",
            "Ambiguous type variable ‘t1’ prevents the constraint ‘(Num t1)’ from being solved",
        ),
        (
            "T005",
            "Ambiguous type variable ‘t2’ prevents the constraint ‘(Enum t2)’ from being solved",
        ),
        (
            "T005",
            "Ambiguous type variable ‘t2’ prevents the constraint ‘(Eq t2)’ from being solved",
        ),
    ]
