"""Written types to types: synonyms, signatures, methods, constructors, instances.

Expectations recorded from GHC 9.0.2 (``ghc -fno-code -ddump-types -XHaskell2010``):

    module S where                         -- S.hs
    type Pair a = (a, a)
    type Arr = (->)
    f :: Eq b => a -> b -> a
    g :: Pair a -> Arr a Int
    h :: String -> [String]
    class C a where
      m :: Show b => a -> b -> String

    TYPE SIGNATURES
      f :: forall b a. Eq b => a -> b -> a
      g :: forall a. Pair a -> Arr a Int
      h :: String -> [String]
      m :: forall a b. (C a, Show b) => a -> b -> String

and, from K.hs (see test_tc_kinds.py), DATA CONSTRUCTORS:

      Rec :: forall (t :: * -> *). t Int -> Bool -> Rec t
      Rose :: forall a. a -> Forest a -> Rose a
      Node :: forall a. Tree a -> a -> Tree a -> Tree a
      T :: forall (f :: * -> *) a. f a -> T f a

Our types are synonym-free (Note [Types are synonym-free]), so the expected strings
below are GHC's with ``Pair a``, ``Arr a Int``, ``String`` and ``Forest a`` expanded.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tc_builders import EQ, SHOW, Decls, k_name, normalise_ghc

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name, NameSpace, arrow_tycon
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_CHAR,
    T_INT,
    Kind,
    TGen,
    list_type,
    pretty_pred,
    pretty_scheme,
)
from ifacedir.typecheck.convert import (
    Synonym,
    TypeScope,
    constructor_scheme,
    instance_head,
    method_scheme,
    sig_scheme,
    synonym,
    to_type,
)
from ifacedir.typecheck.kinds import infer_kinds
from ifacedir.typecheck.state import TcState

INT, BOOL = T_INT.con.name, T_BOOL.con.name
STRING = Name("base", "GHC.Base", "String", NameSpace.TYCON)
BASE_KINDS: dict[Name, Kind] = {INT: STAR, BOOL: STAR, EQ: STAR, SHOW: STAR, STRING: STAR}
BASE_SYNONYMS = {STRING: Synonym(STRING, (), list_type(T_CHAR))}


def scope_for(st: TcState, decls: list[ast.Decl[Name]]) -> TypeScope:
    """Kinds by inference, then the synonyms in order (they do not refer to each other)."""
    kinds = {**BASE_KINDS, **infer_kinds(st, BASE_KINDS, decls)}
    scope = TypeScope(kinds, dict(BASE_SYNONYMS))
    synonyms = dict(BASE_SYNONYMS)
    for d in decls:
        if isinstance(d, ast.TypeSynDecl):
            synonyms[d.name] = synonym(st, scope, d)
            scope = TypeScope(kinds, synonyms)
    return scope


def test_signatures_quantify_in_written_order() -> None:
    d = Decls()
    Pair, Arr, C = k_name("Pair"), k_name("Arr"), k_name("C")
    a, b, a2, ca, cb = (d.tyvar(n) for n in ("a", "b", "a", "a", "b"))
    decls: list[ast.Decl[Name]] = [
        d.syn(Pair, (a,), ast.TTuple(d.sp(), (d.tvar(a), d.tvar(a)))),
        d.syn(Arr, (), d.tcon(arrow_tycon())),
        d.cls(C, ca, ()),
    ]
    st = TcState()
    scope = scope_for(st, decls)
    f = d.sig("f", d.fun(d.tvar(a), d.fun(d.tvar(b), d.tvar(a))), (EQ, d.tvar(b)))
    g_type = d.fun(d.app(d.tcon(Pair), d.tvar(a2)), d.app(d.tcon(Arr), d.tvar(a2), d.tcon(INT)))
    string = d.tcon(STRING)
    h_type = d.fun(string, ast.TList(d.sp(), d.tcon(STRING)))
    m_type = d.fun(d.tvar(ca), d.fun(d.tvar(cb), d.tcon(STRING)))
    m_ctx = (ast.Pred(d.sp(), SHOW, d.tvar(cb)),)
    ours = {
        "f": sig_scheme(st, scope, f.type),
        "g": sig_scheme(st, scope, ast.QualType(d.sp(), (), g_type)),
        "h": sig_scheme(st, scope, ast.QualType(d.sp(), (), h_type)),
        "m": method_scheme(st, scope, C, ca, ast.QualType(d.sp(), m_ctx, m_type)),
    }
    assert st.errors == []
    expected = {
        "f": "forall b a. Eq b => a -> b -> a",
        "g": "forall a. (a, a) -> a -> Int",
        "h": "[Char] -> [[Char]]",
        "m": "forall a b. (C a, Show b) => a -> b -> [Char]",
    }
    assert {n: pretty_scheme(sc) for n, sc in ours.items()} == {
        n: normalise_ghc(s) for n, s in expected.items()
    }
    assert ours["f"].qual.preds[0].type == TGen(0)  # b, written first (in the context)


def test_constructor_schemes() -> None:
    d = Decls()
    T, Tree, Rec, Rose, Forest = (k_name(n) for n in ("T", "Tree", "Rec", "Rose", "Forest"))
    f, a, t, r, fa = d.tyvar("f"), d.tyvar("a"), d.tyvar("t"), d.tyvar("a"), d.tyvar("a")
    tree_a = d.app(d.tcon(Tree), d.tvar(a))
    rec_fields = (
        ast.ConField(
            d.sp(), (Name("main", "K", "unRec", NameSpace.VAR),), d.app(d.tvar(t), d.tcon(INT))
        ),
        ast.ConField(d.sp(), (Name("main", "K", "other", NameSpace.VAR),), d.tcon(BOOL)),
    )
    rec_con = ast.ConDecl(
        d.sp(), Name("main", "K", "Rec", NameSpace.CON), rec_fields, is_record=True
    )
    decls: list[ast.Decl[Name]] = [
        d.data(T, (f, a), d.con("T", d.app(d.tvar(f), d.tvar(a)))),
        d.data(Tree, (a,), d.con("Leaf"), d.con("Node", tree_a, d.tvar(a), tree_a)),
        d.data(Rec, (t,), rec_con),
        d.data(Rose, (r,), d.con("Rose", d.tvar(r), d.app(d.tcon(Forest), d.tvar(r)))),
        d.syn(Forest, (fa,), ast.TList(d.sp(), d.app(d.tcon(Rose), d.tvar(fa)))),
    ]
    st = TcState()
    scope = scope_for(st, decls)
    ours = {}
    for decl in decls:
        if isinstance(decl, ast.DataDecl):
            for c in decl.constrs:
                ours[c.name.occ] = pretty_scheme(constructor_scheme(st, scope, decl, c))
    assert st.errors == []
    expected = {
        "T": "forall (f :: * -> *) a. f a -> T f a",
        "Leaf": "forall a. Tree a",
        "Node": "forall a. Tree a -> a -> Tree a -> Tree a",
        "Rec": "forall (t :: * -> *). t Int -> Bool -> Rec t",
        "Rose": "forall a. a -> [Rose a] -> Rose a",
    }
    assert ours == {n: normalise_ghc(s) for n, s in expected.items()}


def test_record_fields_sharing_a_type_are_separate_arguments() -> None:
    d = Decls()
    P = k_name("P")
    labels = tuple(Name("main", "K", n, NameSpace.VAR) for n in ("x", "y"))
    con = ast.ConDecl(
        d.sp(),
        Name("main", "K", "P", NameSpace.CON),
        (ast.ConField(d.sp(), labels, d.tcon(INT)),),
        is_record=True,
    )
    decl = d.data(P, (), con)
    st = TcState()
    scope = scope_for(st, [decl])
    assert pretty_scheme(constructor_scheme(st, scope, decl, con)) == "Int -> Int -> P"


def test_instance_heads() -> None:
    d = Decls()
    Tree, a, ia = k_name("Tree"), d.tyvar("a"), d.tyvar("a")
    decls: list[ast.Decl[Name]] = [d.data(Tree, (a,), d.con("Leaf"))]
    st = TcState()
    scope = scope_for(st, decls)
    inst = ast.InstanceDecl(
        d.sp(), (ast.Pred(d.sp(), EQ, d.tvar(ia)),), EQ, d.app(d.tcon(Tree), d.tvar(ia)), ()
    )
    qual = instance_head(st, scope, inst)
    assert st.errors == []
    assert [pretty_pred(p) for p in qual.preds] == ["Eq a"]
    assert pretty_pred(qual.head) == "Eq (Tree a)"
    assert qual.head.type.arg == qual.preds[0].type  # type: ignore[union-attr]


def test_synonym_given_too_few_arguments() -> None:
    """type P a b = (a, b); data W f = W (f Int); x :: W (P Int): GHC says
    "The type synonym ‘P’ should have 2 arguments, but has been given 1"."""
    d = Decls()
    P, W = k_name("P"), k_name("W")
    a, b, f = d.tyvar("a"), d.tyvar("b"), d.tyvar("f")
    decls: list[ast.Decl[Name]] = [
        d.syn(P, (a, b), ast.TTuple(d.sp(), (d.tvar(a), d.tvar(b)))),
        d.data(W, (f,), d.con("W", d.app(d.tvar(f), d.tcon(INT)))),
    ]
    st = TcState()
    scope = scope_for(st, decls)
    p_int = d.app(d.tcon(P), d.tcon(INT))
    to_type(st, scope, d.app(d.tcon(W), p_int))
    [err] = st.errors
    assert err.code == "T010"
    assert err.message == "The type synonym ‘P’ should have 2 arguments, but has been given 1"


S_SOURCE = """\
module S where
type Pair a = (a, a)
type Arr = (->)
f :: Eq b => a -> b -> a
f x _ = x
g :: Pair a -> Arr a Int
g _ _ = 1
h :: String -> [String]
h s = [s]
class C a where
  m :: Show b => a -> b -> String
"""

S_SIGNATURES = """\
  f :: forall b a. Eq b => a -> b -> a
  g :: forall a. Pair a -> Arr a Int
  h :: String -> [String]
  m :: forall a b. (C a, Show b) => a -> b -> String
"""


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_recorded_signatures_are_what_ghc_prints(tmp_path: Path) -> None:
    (tmp_path / "S.hs").write_text(S_SOURCE)
    out = subprocess.run(
        ["ghc", "-fno-code", "-ddump-types", "-XHaskell2010", "S.hs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    section = out.split("TYPE SIGNATURES\n", 1)[1].split("TYPE CONSTRUCTORS", 1)[0]
    assert section == S_SIGNATURES
