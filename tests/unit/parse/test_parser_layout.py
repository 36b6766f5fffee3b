"""The layout rule inside the parser (Report §10.3): laid-out source and its explicitly
braced version parse to the same tree (spans stripped), including the cases that need
Note 5's parse-error(t) rule, which only the parser can decide.
"""

from __future__ import annotations

import pytest
from parse_helpers import diagnostics, module, sexp

# (laid out, explicit braces and semicolons)
SAME_TREE: list[tuple[str, str, str]] = [
    (
        "let-in-one-line",
        "f x = let y = x in y\n",
        "f x = let { y = x } in y\n",
    ),
    (
        "case-in-parens",
        "g x = (case x of y -> y)\n",
        "g x = (case x of { y -> y })\n",
    ),
    (
        "let-in-comprehension",
        "h x = [e | let y = x, p y]\n",
        "h x = [e | let { y = x }, p y]\n",
    ),
    (
        "nested-where-let-case-do",
        "f x = do\n"
        "    y <- g x\n"
        "    let z = case y of\n"
        "          Just a -> a\n"
        "          Nothing -> w\n"
        "        u = 2\n"
        "    return (z + u)\n"
        "  where\n"
        "    w = 1\n"
        "    g = h\n",
        "f x = do { y <- g x ; let { z = case y of { Just a -> a ; Nothing -> w } ; u = 2 }"
        " ; return (z + u) } where { w = 1 ; g = h }\n",
    ),
    (
        "if-then-else-in-do",
        "main = do\n  if c\n  then a\n  else b\n  c\n",
        "main = do { if c then a else b ; c }\n",
    ),
    (
        "if-with-semicolons-in-do",
        "main = do\n  if c then a\n  else b\n",
        "main = do { if c then a ; else b }\n",
    ),
    (
        "operator-at-line-start",
        "f = a\n  ++ b\n  ++ c\n",
        "f = a ++ b ++ c\n",
    ),
    (
        "operator-at-line-start-in-do",
        "main = do\n  x <- a\n    >>= b\n  c\n",
        "main = do { x <- a >>= b ; c }\n",
    ),
    (
        "tabs",
        "f x = case x of\n\tJust y -> y\n\tNothing -> 0\n",
        "f x = case x of { Just y -> y ; Nothing -> 0 }\n",
    ),
    (
        "tab-aligns-with-spaces",
        "f = do\n        a\n\tb\n",
        "f = do { a ; b }\n",
    ),
    (
        "mixed-explicit-and-layout",
        "f = do { a ; let x = 1\n                 y = 2\n        ; b }\n",
        "f = do { a ; let { x = 1 ; y = 2 } ; b }\n",
    ),
    (
        "implicit-case-inside-explicit-do",
        "f = do { case x of y -> y }\n",
        "f = do { case x of { y -> y } }\n",
    ),
    (
        "two-blocks-closed-by-paren",
        "f = (case a of b -> case b of c -> c)\n",
        "f = (case a of { b -> case b of { c -> c } })\n",
    ),
    (
        "where-after-guards",
        "f x\n  | x > 0 = y\n  | otherwise = 0\n  where y = 1\n",
        "f x | x > 0 = y | otherwise = 0 where { y = 1 }\n",
    ),
    (
        "where-closes-case-alternatives",
        "f x = case x of\n  y -> z\n  where z = 1\n",
        "f x = case x of { y -> z } where { z = 1 }\n",
    ),
    (
        "class-and-instance-bodies",
        "class C a where\n  m :: a\n  n :: a\n  n = m\ninstance C Int where\n  m = 1\n",
        "class C a where { m :: a ; n :: a ; n = m } ; instance C Int where { m = 1 }\n",
    ),
    (
        "let-block-continuation-lines",
        "f = let x = a\n          + b\n        y = c\n    in x\n",
        "f = let { x = a + b ; y = c } in x\n",
    ),
    (
        "empty-lines-and-comments",
        "f = do\n\n  -- a comment\n  a\n  {- block -}\n  b\n",
        "f = do { a ; b }\n",
    ),
    (
        "guards-in-case",
        "f x = case x of\n  y | y > 0 -> 1\n    | True -> 2\n",
        "f x = case x of { y | y > 0 -> 1 | True -> 2 }\n",
    ),
    (
        "lambda-case-in-do",
        "main = do\n  mapM_ (\\x -> case x of\n    1 -> a\n    _ -> b) xs\n  c\n",
        "main = do { mapM_ (\\x -> case x of { 1 -> a ; _ -> b }) xs ; c }\n",
    ),
    (
        "let-in-guard",
        "f x | let y = x, y > 0 = y\n",
        "f x | let { y = x }, y > 0 = y\n",
    ),
    (
        "nested-do-with-let-in",
        "main = do\n  let x = 1 in print x\n  print 2\n",
        "main = do { let { x = 1 } in print x ; print 2 }\n",
    ),
]


@pytest.mark.parametrize(("name", "laid_out", "explicit"), SAME_TREE, ids=[c[0] for c in SAME_TREE])
def test_layout_equals_explicit_braces(name: str, laid_out: str, explicit: str) -> None:
    assert sexp(module(laid_out).decls) == sexp(module(explicit).decls)


def test_whole_module_in_explicit_braces() -> None:
    braced = "module M (f, g) where { import A ; f = 1 ; g = do { x <- f ; return x } }"
    laid = "module M (f, g) where\nimport A\nf = 1\ng = do\n  x <- f\n  return x\n"
    assert sexp(module(braced)) == sexp(module(laid))


def test_explicit_module_without_header() -> None:
    assert sexp(module("{ f = 1 ; g = 2 }")) == sexp(module("f = 1\ng = 2\n"))


def test_whole_module_on_one_line_with_semicolons() -> None:
    assert sexp(module("module M where { f = 1; ; g = 2; }")) == sexp(
        module("module M where\nf = 1\ng = 2\n")
    )


def test_let_in_on_one_line_is_one_expression() -> None:
    (bind,) = module("f x = let y = x in y\n").decls
    assert sexp(bind) == (
        "(FunBind f [(Match [(PVar x)] (Rhs (ELet [(FunBind y [(Match [] (Rhs (EVar x) [] []))])]"
        " (EVar y)) [] []))])"
    )


def test_virtual_tokens_do_not_widen_spans() -> None:
    (bind,) = module("f = do\n  a\n  b\n\ng = 1\n").decls[:1]
    assert str(bind.span) == "M.hs:(1,1)-(3,3)"


def test_explicit_close_brace_inside_implicit_block_closes_it() -> None:
    assert diagnostics("f = do { case x of y -> y }\n") == ()


def test_unmatched_close_brace_is_reported() -> None:
    found = diagnostics("f = 1\n}\ng = 2\n")
    assert found and found[0].span.start.line == 2
