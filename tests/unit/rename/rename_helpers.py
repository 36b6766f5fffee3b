"""Helpers for the renamer's unit tests: rename small programs given as text."""

from __future__ import annotations

from ifacedir.diagnostics import Diagnostic, SourceError
from ifacedir.parse.parser import parse_module
from ifacedir.rename.env import ModuleExports
from ifacedir.rename.rename import RenamedModule, rename_module

# A tiny Prelude, so that unit tests do not depend on package base.
PRELUDE = """\
{-# LANGUAGE NoImplicitPrelude #-}
module Prelude where
infixl 6 +, -
infixl 7 *
infix 4 ==
infixr 9 .
infixr 0 $
infixr 5 ++
data Bool = False | True
data Int
data Char
data IO a
type String = [Char]
data Maybe a = Nothing | Just a
class Eq a where
  (==) :: a -> a -> Bool
class Show a where
  show :: a -> String
class Num a where
  (+), (-), (*) :: a -> a -> a
  negate :: a -> a
not :: Bool -> Bool
not True = False
not False = True
id x = x
map f [] = []
map f (x:xs) = f x : map f xs
[] ++ ys = ys
(x:xs) ++ ys = x : (xs ++ ys)
(f . g) x = f (g x)
f $ x = f x
putStrLn :: String -> IO ()
putStrLn s = putStrLn s
"""


def rename_all(*sources: str, prelude: bool = True) -> dict[str, RenamedModule]:
    """Rename the modules in order (each may import the earlier ones); raise on error."""
    exports: dict[str, ModuleExports] = {}
    out: dict[str, RenamedModule] = {}
    for text in ((PRELUDE,) if prelude else ()) + sources:
        module = parse_module(text, "<prelude>" if text is PRELUDE else _file_of(text))
        result = rename_module(module, exports)
        exports[module.name] = result.exports
        out[module.name] = result
    return out


def errors_of(*sources: str, prelude: bool = True) -> list[Diagnostic]:
    """The diagnostics of the first module that fails (empty if all rename)."""
    try:
        rename_all(*sources, prelude=prelude)
    except SourceError as exc:
        return list(exc.diagnostics)
    return []


def first_error(*sources: str) -> str:
    """``CODE line:col message`` of the first diagnostic."""
    diags = errors_of(*sources)
    assert diags, "expected an error"
    d = diags[0]
    return f"{d.code} {d.span.start.line}:{d.span.start.col} {d.message}"


def _file_of(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("module "):
            return line.split()[1].replace(".", "/") + ".hs"
    return "Main.hs"
