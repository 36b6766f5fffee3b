"""Kind inference on renamed declaration groups (Report §4.6).

Expected kinds were recorded from GHC 9.0.2 for ``GHC_SOURCE`` below (the
declarations the tests build as ``Decl[Name]``), ``GHC_KINDS`` being the TYPE
CONSTRUCTORS section without roles; ``test_recorded_kinds_are_what_ghc_prints``
re-runs GHC when it is installed. A class's kind ``k -> Constraint`` is the kind ``k``
of its parameter here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tc_builders import FUNCTOR, MAYBE, Decls, k_name

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name, arrow_tycon, list_tycon, tuple_tycon, unit_tycon
from ifacedir.syntax.types import STAR, T_INT, KFun, Kind, kind_arity, pretty_kind
from ifacedir.typecheck.kinds import (
    builtin_kind,
    check_instance,
    infer_kinds,
    kind_groups,
    kind_qual_type,
)
from ifacedir.typecheck.state import TcState

GHC_SOURCE = """\
module K where
data T f a = T (f a)
data Tree a = Leaf | Node (Tree a) a (Tree a)
data Rose a = Rose a (Forest a)
type Forest a = [Rose a]
data Phantom a = Phantom
data Fix f = In (f (Fix f))
data Even a = ENil | ECons a (Odd a)
data Odd a = OCons a (Even a)
newtype Wrap m a = Wrap (m (Maybe a))
type Pair a = (a, a)
type Arr = (->)
data Comp f g a = Comp (f (g a))
class Container f where
  empty :: f a
  insert :: a -> f a -> f a
class Container f => Sized f where
  size :: f a -> Int
class MyEq a where
  eq :: a -> a -> Bool
class MyEq a => MyOrd a where
  lt :: a -> a -> Bool
data Rec t = Rec { unRec :: t Int, other :: Bool }
instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)
"""

# $ ghc -fno-code -ddump-types -XHaskell2010 K.hs   (GHC 9.0.2; roles lines left out)
GHC_KINDS = """\
  type synonym Arr{0} :: * -> * -> *
  data type Comp{3} :: (* -> *) -> (* -> *) -> * -> *
  class Container{1} :: (* -> *) -> Constraint
  data type Even{1} :: * -> *
  data type Fix{1} :: (* -> *) -> *
  type synonym Forest{1} :: * -> *
  class MyEq{1} :: * -> Constraint
  class MyOrd{1} :: * -> Constraint
  data type Odd{1} :: * -> *
  type synonym Pair{1} :: * -> *
  data type Phantom{1} :: * -> *
  data type Rec{1} :: (* -> *) -> *
  data type Rose{1} :: * -> *
  class Sized{1} :: (* -> *) -> Constraint
  data type T{2} :: (* -> *) -> * -> *
  data type Tree{1} :: * -> *
  newtype Wrap{2} :: (* -> *) -> * -> *
"""


def _ghc_kinds() -> dict[str, str]:
    kinds = {}
    for line in GHC_KINDS.splitlines():
        m = re.fullmatch(r"\s*(?:data type|type synonym|newtype|class) (\w+)\{\d+\} :: (.*)", line)
        assert m, line
        kind = m.group(2)
        if kind.endswith(" -> Constraint"):  # a class: the kind of its parameter
            kind = kind.removesuffix(" -> Constraint").removeprefix("(").removesuffix(")")
        kinds[m.group(1)] = kind
    return kinds


GHC = _ghc_kinds()
INT = T_INT.con.name
ENV: dict[Name, Kind] = {INT: STAR, MAYBE.con.name: kind_arity(1), FUNCTOR: kind_arity(1)}


def kinds_of(decls: list[ast.Decl[Name]]) -> tuple[dict[str, str], TcState]:
    st = TcState()
    kinds = infer_kinds(st, ENV, decls)
    return {n.occ: pretty_kind(k) for n, k in kinds.items()}, st


def test_builtin_kinds() -> None:
    assert builtin_kind(unit_tycon()) == STAR
    assert builtin_kind(list_tycon()) == kind_arity(1)
    assert builtin_kind(arrow_tycon()) == kind_arity(2)
    assert builtin_kind(tuple_tycon(3)) == kind_arity(3)
    assert builtin_kind(INT) is None


def test_data_and_synonyms_as_ghc_infers_them() -> None:
    d = Decls()
    T, Tree, Rose, Forest = k_name("T"), k_name("Tree"), k_name("Rose"), k_name("Forest")
    Phantom, Fix, Even, Odd = k_name("Phantom"), k_name("Fix"), k_name("Even"), k_name("Odd")
    Wrap, Pair, Arr, Comp = k_name("Wrap"), k_name("Pair"), k_name("Arr"), k_name("Comp")
    f, a, g, m = d.tyvar("f"), d.tyvar("a"), d.tyvar("g"), d.tyvar("m")
    A, F = d.tvar(a), d.tvar(f)
    tree_a = d.app(d.tcon(Tree), d.tvar(a))
    decls: list[ast.Decl[Name]] = [
        d.data(T, (f, a), d.con("T", d.app(F, A))),
        d.data(Tree, (a,), d.con("Leaf"), d.con("Node", tree_a, A, tree_a)),
        d.data(Rose, (a,), d.con("Rose", A, d.app(d.tcon(Forest), A))),
        d.syn(Forest, (a,), ast.TList(d.sp(), d.app(d.tcon(Rose), A))),
        d.data(Phantom, (a,), d.con("Phantom")),
        d.data(Fix, (f,), d.con("In", d.app(F, d.app(d.tcon(Fix), F)))),
        d.data(Even, (a,), d.con("ENil"), d.con("ECons", A, d.app(d.tcon(Odd), A))),
        d.data(Odd, (a,), d.con("OCons", A, d.app(d.tcon(Even), A))),
        ast.DataDecl(
            d.sp(),
            Wrap,
            (m, a),
            (d.con("Wrap", d.app(d.tvar(m), d.app(d.tcon(MAYBE.con.name), A))),),
            (),
            is_newtype=True,
        ),
        d.syn(Pair, (a,), ast.TTuple(d.sp(), (A, A))),
        d.syn(Arr, (), d.tcon(arrow_tycon())),
        d.data(Comp, (f, g, a), d.con("Comp", d.app(F, d.app(d.tvar(g), A)))),
    ]
    kinds, st = kinds_of(decls)
    assert st.errors == []
    assert kinds == {n: GHC[n] for n in kinds}
    assert len(kinds) == 12


def test_classes_as_ghc_infers_them() -> None:
    d = Decls()
    Container, Sized = k_name("Container"), k_name("Sized")
    MyEq, MyOrd, Rec = k_name("MyEq"), k_name("MyOrd"), k_name("Rec")
    f, a, t = d.tyvar("f"), d.tyvar("a"), d.tyvar("t")
    fa = d.app(d.tvar(f), d.tvar(a))
    bool_ = k_name("Bool")
    decls: list[ast.Decl[Name]] = [
        d.cls(
            Container, f, (), d.sig("empty", fa), d.sig("insert", d.fun(d.tvar(a), d.fun(fa, fa)))
        ),
        d.cls(Sized, f, (Container,), d.sig("size", d.fun(fa, d.tcon(INT)))),
        d.cls(MyEq, a, (), d.sig("eq", d.fun(d.tvar(a), d.fun(d.tvar(a), d.tcon(bool_))))),
        d.cls(MyOrd, a, (MyEq,)),
        d.data(bool_, ()),
        d.data(Rec, (t,), d.con("Rec", d.app(d.tvar(t), d.tcon(INT)), d.tcon(bool_))),
    ]
    kinds, st = kinds_of(decls)
    assert st.errors == []
    assert kinds == {n: GHC.get(n, "*") for n in kinds}  # Bool is ours, not in K.hs
    assert len(kinds) == 6


def test_groups_come_in_dependency_order() -> None:
    d = Decls()
    X, Y, Z, W = k_name("X"), k_name("Y"), k_name("Z"), k_name("W")
    decls: list[ast.Decl[Name]] = [
        d.data(X, (), d.con("X", d.tcon(Y))),
        d.data(Y, (), d.con("Y", d.tcon(Z))),
        d.data(Z, (), d.con("Z", d.tcon(Y))),  # Y and Z are one group
        d.data(W, ()),
    ]
    groups = [[decl.name.occ for decl in g] for g in kind_groups(decls)]
    assert groups == [["Y", "Z"], ["X"], ["W"]]


def test_earlier_group_is_not_changed_by_a_later_one() -> None:
    """GHC 9.0.2, P.hs (data P a = P; data Q = Q (P Maybe)):

    P.hs:3:15: error:
        • Expecting one more argument to ‘Maybe’
          Expected a type, but ‘Maybe’ has kind ‘* -> *’
        • In the first argument of ‘P’, namely ‘Maybe’
          In the type ‘(P Maybe)’
          In the definition of data constructor ‘Q’
    """
    d = Decls()
    P, Q, a = k_name("P"), k_name("Q"), d.tyvar("a")
    maybe = d.tcon(MAYBE.con.name)
    decls: list[ast.Decl[Name]] = [
        d.data(P, (a,), d.con("P")),
        d.data(Q, (), d.con("Q", d.app(d.tcon(P), maybe))),
    ]
    kinds, st = kinds_of(decls)
    assert kinds == {"P": "* -> *", "Q": "*"}
    [err] = st.errors
    assert err.code == "T003"
    assert err.span == maybe.span
    assert err.message == "Expected a type, but ‘Maybe’ has kind ‘* -> *’"
    assert err.context == (
        "In the definition of data constructor ‘Q’",
        "In the data declaration for ‘Q’",
    )


def test_infinite_kind() -> None:
    d = Decls()
    T, a = k_name("T"), d.tyvar("a")
    _, st = kinds_of([d.data(T, (a,), d.con("T", d.app(d.tvar(a), d.tvar(a))))])
    assert [e.code for e in st.errors] == ["T009"]


def test_too_many_arguments() -> None:
    d = Decls()
    T = k_name("T")
    int_ = d.tcon(INT)
    _, st = kinds_of([d.data(T, (), d.con("T", d.app(int_, d.tcon(INT))))])
    [err] = st.errors
    assert err.span == int_.span
    assert err.message == "Expected kind ‘* -> k2’, but ‘Int’ has kind ‘*’"


def _instance(d: Decls, cls: Name, t: ast.Type[Name]) -> ast.InstanceDecl[Name]:
    return ast.InstanceDecl(d.sp(), (), cls, t, ())


def test_instance_of_a_higher_kinded_class() -> None:
    """GHC 9.0.2, P2.hs (instance Functor Int):

    P2.hs:3:18: error:
        • Expected kind ‘* -> *’, but ‘Int’ has kind ‘*’
        • In the first argument of ‘Functor’, namely ‘Int’
          In the instance declaration for ‘Functor Int’
    """
    d = Decls()
    Tree = k_name("Tree")
    env = {**ENV, Tree: kind_arity(1)}
    st = TcState()
    assert check_instance(st, env, _instance(d, FUNCTOR, d.tcon(Tree))) == {}
    assert st.errors == []
    int_ = d.tcon(INT)
    check_instance(st, env, _instance(d, FUNCTOR, int_))
    [err] = st.errors
    assert (err.code, err.span) == ("T003", int_.span)
    assert err.message == "Expected kind ‘* -> *’, but ‘Int’ has kind ‘*’"
    assert err.context == (
        "In the first argument of ‘Functor’, namely ‘Int’",
        "In the instance declaration for ‘Functor Int’",
    )


def test_instance_variables_get_kinds() -> None:
    d = Decls()
    T, f = k_name("T"), d.tyvar("f")
    env = {**ENV, T: KFun(kind_arity(1), kind_arity(1))}
    st = TcState()
    kinds = check_instance(st, env, _instance(d, FUNCTOR, d.app(d.tcon(T), d.tvar(f))))
    assert kinds == {f: kind_arity(1)} and st.errors == []


def test_signature_variable_kinds() -> None:
    """fmap2 :: (Functor f1, Functor f2) => (a -> b) -> f1 (f2 a) -> f1 (f2 b)."""
    d = Decls()
    f1, f2, a, b = d.tyvar("f1"), d.tyvar("f2"), d.tyvar("a"), d.tyvar("b")

    def nest(x: Name) -> ast.Type[Name]:
        return d.app(d.tvar(f1), d.app(d.tvar(f2), d.tvar(x)))

    t = d.fun(d.fun(d.tvar(a), d.tvar(b)), d.fun(nest(a), nest(b)))
    preds = (ast.Pred(d.sp(), FUNCTOR, d.tvar(f1)), ast.Pred(d.sp(), FUNCTOR, d.tvar(f2)))
    st = TcState()
    kinds = kind_qual_type(st, ENV, ast.QualType(d.sp(), preds, t))
    assert kinds == {f1: kind_arity(1), f2: kind_arity(1), a: STAR, b: STAR}
    assert st.errors == []


def test_method_signature_fixes_the_class_variable() -> None:
    d = Decls()
    f, a = d.tyvar("f"), d.tyvar("a")
    qt = ast.QualType(d.sp(), (), d.app(d.tvar(f), d.tvar(a)))
    st = TcState()
    kinds = kind_qual_type(st, ENV, qt, {f: STAR})
    assert [e.code for e in st.errors] == ["T003"]
    assert kinds[f] == STAR


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_recorded_kinds_are_what_ghc_prints(tmp_path: Path) -> None:
    (tmp_path / "K.hs").write_text(GHC_SOURCE)
    out = subprocess.run(
        ["ghc", "-fno-code", "-ddump-types", "-XHaskell2010", "K.hs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    section = out.split("TYPE CONSTRUCTORS\n", 1)[1].split("COERCION AXIOMS", 1)[0]
    lines = [line for line in section.splitlines() if "roles" not in line]
    assert "\n".join(lines) + "\n" == GHC_KINDS
