"""Expressions (Report §3): each snippet parses to exactly the tree shown (spans left out).

The trees are printed by ``parse_helpers.sexp``; operator chains stay unresolved
(``EOpChain``), since fixity is the renamer's business.
"""

from __future__ import annotations

import pytest
from parse_helpers import expr, module

EXPRESSIONS: list[tuple[str, str]] = [
    (
        "f x y",
        "(EApp (EApp (EVar f) (EVar x)) (EVar y))",
    ),
    (
        "a + b * c",
        "(EOpChain [(EVar a) (OpRef + False) (EVar b) (OpRef * False) (EVar c)])",
    ),
    (
        "- x",
        "(EOpChain [(Negation) (EVar x)])",
    ),
    (
        "a * - b",
        "(EOpChain [(EVar a) (OpRef * False) (Negation) (EVar b)])",
    ),
    (
        "(- x)",
        "(EParen (EOpChain [(Negation) (EVar x)]))",
    ),
    (
        "(+ 1)",
        "(ERightSection (OpRef + False) (ELit (LitInt 1)))",
    ),
    (
        "(1 +)",
        "(ELeftSection (ELit (LitInt 1)) (OpRef + False))",
    ),
    (
        "(+)",
        "(EVar +)",
    ),
    (
        "(-)",
        "(EVar -)",
    ),
    (
        "(subtract 1)",
        "(EParen (EApp (EVar subtract) (ELit (LitInt 1))))",
    ),
    (
        "(,)",
        "(ECon (,))",
    ),
    (
        "(,,)",
        "(ECon (,,))",
    ),
    (
        "()",
        "(ECon ())",
    ),
    (
        "[]",
        "(ECon [])",
    ),
    (
        "(:)",
        "(ECon :)",
    ),
    (
        "(x :: Int)",
        "(EParen (ETyped (EVar x) (QualType [] (TCon Int))))",
    ),
    (
        "x :: Num a => a",
        "(ETyped (EVar x) (QualType [(Pred Num (TVar a))] (TVar a)))",
    ),
    (
        "C {f = 1}",
        "(ERecCon C [(FieldBind f (ELit (LitInt 1)))])",
    ),
    (
        "C {}",
        "(ERecCon C [])",
    ),
    (
        "M.C {M.f = 1}",
        "(ERecCon M.C [(FieldBind M.f (ELit (LitInt 1)))])",
    ),
    (
        "r {f = 1, g = 2}",
        "(ERecUpd (EVar r) [(FieldBind f (ELit (LitInt 1))) (FieldBind g (ELit (LitInt 2)))])",
    ),
    (
        "f x {a = 1}",
        "(EApp (EVar f) (ERecUpd (EVar x) [(FieldBind a (ELit (LitInt 1)))]))",
    ),
    (
        "[1..]",
        "(EArith (ELit (LitInt 1)) - -)",
    ),
    (
        "[1,3..]",
        "(EArith (ELit (LitInt 1)) (ELit (LitInt 3)) -)",
    ),
    (
        "[1..9]",
        "(EArith (ELit (LitInt 1)) - (ELit (LitInt 9)))",
    ),
    (
        "[1,3..9]",
        "(EArith (ELit (LitInt 1)) (ELit (LitInt 3)) (ELit (LitInt 9)))",
    ),
    (
        "[x | x <- xs, let y = x, p y]",
        (
            "(EListComp (EVar x) [(SBind (PVar x) (EVar xs)) (SLet [(FunBind y [(Match [] (Rhs "
            "(EVar x) [] []))])]) (SExpr (EApp (EVar p) (EVar y)))])"
        ),
    ),
    (
        "[(x, y) | Just x <- xs, y <- ys]",
        (
            "(EListComp (ETuple [(EVar x) (EVar y)]) [(SBind (PCon Just [(PVar x)]) (EVar xs)) "
            "(SBind (PVar y) (EVar ys))])"
        ),
    ),
    (
        "let x = 1 in x",
        "(ELet [(FunBind x [(Match [] (Rhs (ELit (LitInt 1)) [] []))])] (EVar x))",
    ),
    (
        "(case x of y -> y)",
        "(EParen (ECase (EVar x) [(Alt (PVar y) (Rhs (EVar y) [] []))]))",
    ),
    (
        "case x of { Just y | y > 0 -> y | otherwise -> 0 where {z = 1}; _ -> 0 }",
        (
            "(ECase (EVar x) [(Alt (PCon Just [(PVar y)]) (Rhs - [(GuardedRhs [(SExpr (EOpChain "
            "[(EVar y) (OpRef > False) (ELit (LitInt 0))]))] (EVar y)) (GuardedRhs [(SExpr (EVar "
            "otherwise))] (ELit (LitInt 0)))] [(FunBind z [(Match [] (Rhs (ELit (LitInt 1)) [] "
            "[]))])])) (Alt (PWild) (Rhs (ELit (LitInt 0)) [] []))])"
        ),
    ),
    (
        "\\x (Just y) -> x",
        "(ELam [(PVar x) (PParen (PCon Just [(PVar y)]))] (EVar x))",
    ),
    (
        "if a then b else c",
        "(EIf (EVar a) (EVar b) (EVar c))",
    ),
    (
        "x `div` 2",
        "(EOpChain [(EVar x) (OpRef div False) (ELit (LitInt 2))])",
    ),
    (
        "a M.+ b",
        "(EOpChain [(EVar a) (OpRef M.+ False) (EVar b)])",
    ),
    (
        "a `M.op` b",
        "(EOpChain [(EVar a) (OpRef M.op False) (EVar b)])",
    ),
    (
        "x : xs ++ ys",
        "(EOpChain [(EVar x) (OpRef : True) (EVar xs) (OpRef ++ False) (EVar ys)])",
    ),
    (
        "do { x <- m; let {y = x}; return y }",
        (
            "(EDo [(SBind (PVar x) (EVar m)) (SLet [(FunBind y [(Match [] (Rhs (EVar x) [] "
            "[]))])]) (SExpr (EApp (EVar return) (EVar y)))])"
        ),
    ),
    (
        "do { (a, b) <- m; f a; b }",
        (
            "(EDo [(SBind (PTuple [(PVar a) (PVar b)]) (EVar m)) (SExpr (EApp (EVar f) (EVar "
            "a))) (SExpr (EVar b))])"
        ),
    ),
    (
        "1.5e-3",
        "(ELit (LitFrac '1.5e-3'))",
    ),
    (
        "0x1F",
        "(ELit (LitInt 31))",
    ),
    (
        "'c'",
        "(ELit (LitChar 'c'))",
    ),
    (
        '"s"',
        "(ELit (LitString 's'))",
    ),
    (
        "(a, b, c)",
        "(ETuple [(EVar a) (EVar b) (EVar c)])",
    ),
    (
        "f (-1)",
        "(EApp (EVar f) (EParen (EOpChain [(Negation) (ELit (LitInt 1))])))",
    ),
    (
        "[x, y]",
        "(EList [(EVar x) (EVar y)])",
    ),
    (
        "(`div` 2)",
        "(ERightSection (OpRef div False) (ELit (LitInt 2)))",
    ),
    (
        "(x `div`)",
        "(ELeftSection (EVar x) (OpRef div False))",
    ),
    (
        "(M.+ 1)",
        "(ERightSection (OpRef M.+ False) (ELit (LitInt 1)))",
    ),
    (
        "(M.+)",
        "(EVar M.+)",
    ),
    (
        "f (g x) (h y)",
        (
            "(EApp (EApp (EVar f) (EParen (EApp (EVar g) (EVar x)))) (EParen (EApp (EVar h) "
            "(EVar y))))"
        ),
    ),
    (
        "M.f M.x",
        "(EApp (EVar M.f) (EVar M.x))",
    ),
    (
        "f $ \\x -> x + 1",
        (
            "(EOpChain [(EVar f) (OpRef $ False) (ELam [(PVar x)] (EOpChain [(EVar x) (OpRef + "
            "False) (ELit (LitInt 1))]))])"
        ),
    ),
    (
        "f . g . h",
        "(EOpChain [(EVar f) (OpRef . False) (EVar g) (OpRef . False) (EVar h)])",
    ),
    (
        "do { if a then b else c; d }",
        "(EDo [(SExpr (EIf (EVar a) (EVar b) (EVar c))) (SExpr (EVar d))])",
    ),
    (
        "let { f x = x; y = f 1 } in y",
        (
            "(ELet [(FunBind f [(Match [(PVar x)] (Rhs (EVar x) [] []))]) (FunBind y [(Match [] "
            "(Rhs (EApp (EVar f) (ELit (LitInt 1))) [] []))])] (EVar y))"
        ),
    ),
    (
        "(f . g) x",
        "(EApp (EParen (EOpChain [(EVar f) (OpRef . False) (EVar g)])) (EVar x))",
    ),
]


@pytest.mark.parametrize(("src", "tree"), EXPRESSIONS, ids=[e[0] for e in EXPRESSIONS])
def test_expression_tree(src: str, tree: str) -> None:
    assert expr(src) == tree


def test_spans_are_smallest_covering() -> None:
    (bind,) = module("x = f (g y) z\n").decls
    body = bind.matches[0].rhs.body  # type: ignore[union-attr]
    assert str(body.span) == "M.hs:1:5-13"
    assert str(body.fun.arg.span) == "M.hs:1:7-11"  # type: ignore[union-attr]
    assert str(bind.span) == "M.hs:1:1-13"


def test_negative_literal_in_expression_is_a_negation() -> None:
    assert expr("-1") == "(EOpChain [(Negation) (ELit (LitInt 1))])"


def test_float_literal_keeps_its_exact_text() -> None:
    assert expr("0.1") == "(ELit (LitFrac '0.1'))"
    assert expr("1e400") == "(ELit (LitFrac '1e400'))"
