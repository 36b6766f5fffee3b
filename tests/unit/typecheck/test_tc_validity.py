"""Haskell 2010's restrictions on declarations (ifacedir.typecheck.validity).

Recorded from GHC 9.0.2, ``ghc -fno-code -XHaskell2010 V.hs``:

    V1.hs (type A = B; type B = [A]):
        Cycle in type synonym declarations:
          V1.hs:2:1-10: type A = B
          V1.hs:3:1-12: type B = [A]
    V2.hs (class B a => A a; class A a => B a):
        • Superclass cycle for ‘A’ ... • In the class declaration for ‘A’   (and for ‘B’)
    V3.hs (type S = Int; class C a where m :: a -> Int):
        instance C [Int]              • Illegal instance declaration for ‘C [Int]’
                                        (All instance types must be of the form (T a1 ... an)
                                         where a1 ... an are *distinct type variables*, ...)
        instance C (Maybe (Maybe a))  • Illegal instance declaration for ‘C (Maybe (Maybe a))’
        instance C (Either a a)       • Illegal instance declaration for ‘C (Either a a)’
        instance C S                  • Illegal instance declaration for ‘C S’
                                        (All instance types must be of the form (T t1 ... tn)
                                         where T is not a synonym. ...)
        instance Show b => C (b, c)   accepted
        instance Eq [a] => C [a]      • Non type-variable argument in the constraint: Eq [a]
    V4.hs (class C a where n :: Eq a => a -> Bool):
        • Constraint ‘Eq a’ in the type of ‘n’ constrains only the class type variables
    V5.hs (instance Show x => C [a]):
        • Variable ‘x’ occurs more often
            in the constraint ‘Show x’ than in the instance head ‘C [a]’
"""

from __future__ import annotations

from tc_builders import EQ, MAYBE, SHOW, Decls, k_name

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import T_INT
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.validity import (
    check_class_methods,
    check_instance,
    superclass_cycles,
    synonym_cycles,
)

C, S = k_name("C"), k_name("S")
EITHER = k_name("Either")


def messages(st: TcState) -> list[str]:
    return [e.message for e in st.errors]


def test_synonym_cycles() -> None:
    d = Decls()
    A, B, R = k_name("A"), k_name("B"), k_name("R")
    a = d.tyvar("a")
    decls: list[ast.Decl[Name]] = [
        d.syn(A, (), d.tcon(B)),
        d.syn(B, (), ast.TList(d.sp(), d.tcon(A))),
        # Through a data type is fine: type Forest = [Rose]; data Rose = Rose Forest.
        d.syn(k_name("Forest"), (), ast.TList(d.sp(), d.tcon(R))),
        d.data(R, (), d.con("Rose", d.tcon(k_name("Forest")))),
        d.syn(k_name("Self"), (a,), d.app(d.tcon(k_name("Self")), d.tvar(a))),
    ]
    st = TcState()
    synonym_cycles(st, decls)
    assert messages(st) == [
        "Cycle in type synonym declarations: A, B",
        "Cycle in type synonym declarations: Self",
    ]
    assert st.errors[0].code == "T011" and st.errors[0].span == decls[0].span


def test_superclass_cycles() -> None:
    d = Decls()
    A, B, a, b = k_name("A"), k_name("B"), d.tyvar("a"), d.tyvar("a")
    st = TcState()
    superclass_cycles(st, [d.cls(A, a, (B,)), d.cls(B, b, (A,)), d.cls(C, d.tyvar("a"), ())])
    assert messages(st) == ["Superclass cycle for ‘A’", "Superclass cycle for ‘B’"]
    assert st.errors[0].context == ("In the class declaration for ‘A’",)


def test_class_methods() -> None:
    d = Decls()
    a, b = d.tyvar("a"), d.tyvar("b")
    cls = d.cls(
        C,
        a,
        (),
        d.sig("m", d.tcon(T_INT.con.name)),
        d.sig("n", d.fun(d.tvar(a), d.tvar(b)), (EQ, d.tvar(a)), (SHOW, d.tvar(b))),
    )
    st = TcState()
    check_class_methods(st, cls)
    assert messages(st) == [
        "The class method ‘m’ mentions none of the type variables of the class ‘C a’",
        "Constraint ‘Eq a’ in the type of ‘n’ constrains only the class type variables",
    ]
    assert all(e.code == "T007" for e in st.errors)


def _instance(
    d: Decls, t: ast.Type[Name], *context: tuple[Name, ast.Type[Name]]
) -> ast.InstanceDecl[Name]:
    preds = tuple(ast.Pred(d.sp(), i, pt) for i, pt in context)
    return ast.InstanceDecl(d.sp(), preds, C, t, ())


def test_instance_heads() -> None:
    d = Decls()
    a, b, c = d.tyvar("a"), d.tyvar("b"), d.tyvar("c")
    maybe = MAYBE.con.name
    int_ = d.tcon(T_INT.con.name)
    cases = [
        (_instance(d, ast.TList(d.sp(), int_)), "C [Int]", "distinct"),
        (
            _instance(d, d.app(d.tcon(maybe), d.app(d.tcon(maybe), d.tvar(a)))),
            "C (Maybe (Maybe a))",
            "distinct",
        ),
        (_instance(d, d.app(d.tcon(EITHER), d.tvar(a), d.tvar(a))), "C (Either a a)", "distinct"),
        (_instance(d, d.tcon(S)), "C S", "synonym"),
    ]
    for inst, shown, why in cases:
        st = TcState()
        assert not check_instance(st, {S}, inst)
        [err] = st.errors
        assert err.code == "T012"
        assert err.message.startswith(f"Illegal instance declaration for ‘{shown}’")
        assert why in err.message
        assert err.context == (f"In the instance declaration for ‘{shown}’",)
    st = TcState()
    ok = _instance(d, ast.TTuple(d.sp(), (d.tvar(b), d.tvar(c))), (SHOW, d.tvar(b)))
    assert check_instance(st, {S}, ok) and st.errors == []
    fn_ok = _instance(d, d.fun(d.tvar(a), d.tvar(b)))
    assert check_instance(st, {S}, fn_ok) and st.errors == []


def test_instance_contexts() -> None:
    d = Decls()
    a, x = d.tyvar("a"), d.tyvar("x")
    list_a = ast.TList(d.sp(), d.tvar(a))
    st = TcState()
    check_instance(st, set(), _instance(d, list_a, (EQ, ast.TList(d.sp(), d.tvar(a)))))
    check_instance(st, set(), _instance(d, list_a, (SHOW, d.tvar(x))))
    assert messages(st) == [
        "Non type-variable argument in the constraint: Eq [a]",
        "Variable ‘x’ occurs more often in the constraint ‘Show x’"
        " than in the instance head ‘C [a]’",
    ]
