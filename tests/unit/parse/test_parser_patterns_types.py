"""Patterns (Report §3.17) and types (Report §4.1): exact trees, spans left out."""

from __future__ import annotations

import pytest
from parse_helpers import pat, typ

PATTERNS: list[tuple[str, str]] = [
    (
        "x",
        "(PVar x)",
    ),
    (
        "_",
        "(PWild)",
    ),
    (
        "1",
        "(PLit (LitInt 1))",
    ),
    (
        "-1",
        "(PLit (LitInt -1))",
    ),
    (
        "-2.5",
        "(PLit (LitFrac '-2.5'))",
    ),
    (
        "'a'",
        "(PLit (LitChar 'a'))",
    ),
    (
        '"s"',
        "(PLit (LitString 's'))",
    ),
    (
        "Just x",
        "(PCon Just [(PVar x)])",
    ),
    (
        "Just (Left x) y",
        "(PCon Just [(PParen (PCon Left [(PVar x)])) (PVar y)])",
    ),
    (
        "x : xs",
        "(POpChain [(PVar x) (PVar xs)] [(OpRef : True)])",
    ),
    (
        "x:y:z",
        "(POpChain [(PVar x) (PVar y) (PVar z)] [(OpRef : True) (OpRef : True)])",
    ),
    (
        "a :+ b",
        "(POpChain [(PVar a) (PVar b)] [(OpRef :+ True)])",
    ),
    (
        "x `Cons` y",
        "(POpChain [(PVar x) (PVar y)] [(OpRef Cons True)])",
    ),
    (
        "(x, y)",
        "(PTuple [(PVar x) (PVar y)])",
    ),
    (
        "(x, y, z)",
        "(PTuple [(PVar x) (PVar y) (PVar z)])",
    ),
    (
        "[a, b]",
        "(PList [(PVar a) (PVar b)])",
    ),
    (
        "[]",
        "(PCon [] [])",
    ),
    (
        "()",
        "(PCon () [])",
    ),
    (
        "a@(Just _)",
        "(PAs a (PParen (PCon Just [(PWild)])))",
    ),
    (
        "xs@(_:_)",
        "(PAs xs (PParen (POpChain [(PWild) (PWild)] [(OpRef : True)])))",
    ),
    (
        "~(a, b)",
        "(PLazy (PTuple [(PVar a) (PVar b)]))",
    ),
    (
        "C {f = x, g = _}",
        "(PRec C [(FieldPat f (PVar x)) (FieldPat g (PWild))])",
    ),
    (
        "C {}",
        "(PRec C [])",
    ),
    (
        "(:) x xs",
        "(PCon : [(PVar x) (PVar xs)])",
    ),
    (
        "(,) a b",
        "(PCon (,) [(PVar a) (PVar b)])",
    ),
    (
        "M.C x",
        "(PCon M.C [(PVar x)])",
    ),
    (
        "(x)",
        "(PParen (PVar x))",
    ),
    (
        "((x))",
        "(PParen (PParen (PVar x)))",
    ),
    (
        "Just ~(a, b)",
        "(PCon Just [(PLazy (PTuple [(PVar a) (PVar b)]))])",
    ),
    (
        "-1 : xs",
        "(POpChain [(PLit (LitInt -1)) (PVar xs)] [(OpRef : True)])",
    ),
]

TYPES: list[tuple[str, str]] = [
    (
        "Int",
        "(QualType [] (TCon Int))",
    ),
    (
        "a",
        "(QualType [] (TVar a))",
    ),
    (
        "a -> b -> c",
        "(QualType [] (TFun (TVar a) (TFun (TVar b) (TVar c))))",
    ),
    (
        "(a -> b) -> c",
        "(QualType [] (TFun (TFun (TVar a) (TVar b)) (TVar c)))",
    ),
    (
        "Maybe a",
        "(QualType [] (TApp (TCon Maybe) (TVar a)))",
    ),
    (
        "Either a b",
        "(QualType [] (TApp (TApp (TCon Either) (TVar a)) (TVar b)))",
    ),
    (
        "[a]",
        "(QualType [] (TList (TVar a)))",
    ),
    (
        "(a, b)",
        "(QualType [] (TTuple [(TVar a) (TVar b)]))",
    ),
    (
        "(a, b, c)",
        "(QualType [] (TTuple [(TVar a) (TVar b) (TVar c)]))",
    ),
    (
        "()",
        "(QualType [] (TCon ()))",
    ),
    (
        "[]",
        "(QualType [] (TCon []))",
    ),
    (
        "[] a",
        "(QualType [] (TApp (TCon []) (TVar a)))",
    ),
    (
        "(->)",
        "(QualType [] (TCon ->))",
    ),
    (
        "(->) a b",
        "(QualType [] (TApp (TApp (TCon ->) (TVar a)) (TVar b)))",
    ),
    (
        "(,)",
        "(QualType [] (TCon (,)))",
    ),
    (
        "(,,) a",
        "(QualType [] (TApp (TCon (,,)) (TVar a)))",
    ),
    (
        "M.T a",
        "(QualType [] (TApp (TCon M.T) (TVar a)))",
    ),
    (
        "Eq a => a",
        "(QualType [(Pred Eq (TVar a))] (TVar a))",
    ),
    (
        "(Eq a) => a",
        "(QualType [(Pred Eq (TVar a))] (TVar a))",
    ),
    (
        "(Eq a, Show b) => a -> b",
        "(QualType [(Pred Eq (TVar a)) (Pred Show (TVar b))] (TFun (TVar a) (TVar b)))",
    ),
    (
        "() => a",
        "(QualType [] (TVar a))",
    ),
    (
        "m (f a)",
        "(QualType [] (TApp (TVar m) (TApp (TVar f) (TVar a))))",
    ),
    (
        "IO ()",
        "(QualType [] (TApp (TCon IO) (TCon ())))",
    ),
]


@pytest.mark.parametrize(("src", "tree"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_pattern_tree(src: str, tree: str) -> None:
    assert pat(src) == tree


@pytest.mark.parametrize(("src", "tree"), TYPES, ids=[t[0] for t in TYPES])
def test_type_tree(src: str, tree: str) -> None:
    assert typ(src) == tree
