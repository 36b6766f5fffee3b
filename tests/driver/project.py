"""A small three-module project for the driver's tests, and helpers to build it.

``A`` (types, functions, an operator with a fixity), ``B`` (imports ``A``) and
``Main`` (imports ``A`` by name and ``B``). ``triple`` is too big to be inlined;
``double`` is small and exported, so at ``-O1`` its unfolding is in ``A.hi``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ifacedir.driver.build import BuildOptions, BuildResult, build

A = """\
module A (double, triple, Shape(..), area, (<+>)) where

infixl 6 <+>

-- a comment
double :: Int -> Int
double x = x * 2

triple :: Int -> Int
triple x = sum (replicate 3 x) + length (show x) - length (show x)

data Shape = Circle Int | Square Int deriving (Show, Eq)

area :: Shape -> Int
area (Circle r) = 3 * r * r
area (Square s) = s * s

(<+>) :: Int -> Int -> Int
a <+> b = a + b
"""

B = """\
module B (quad, describe) where

import A

quad :: Int -> Int
quad x = double (double x)

describe :: Shape -> String
describe s = show s ++ " has area " ++ show (area s)
"""

MAIN = """\
module Main where

import A (triple, Shape(..), (<+>))
import B

main :: IO ()
main = do
  print (quad 5 <+> triple 2 <+> 1)
  putStrLn (describe (Circle 2))
"""

MODULES = ("A", "B", "Main")
PHASES = ("tc", "ds", "simpl", "hi", "codegen")


def write_project(src: Path, **texts: str) -> Path:
    src.mkdir(parents=True, exist_ok=True)
    for name, text in {"A": A, "B": B, "Main": MAIN, **texts}.items():
        (src / f"{name}.hs").write_text(text)
    return src


def edit(src: Path, module: str, old: str, new: str) -> None:
    path = src / f"{module}.hs"
    text = path.read_text()
    assert old in text, f"{old!r} not in {module}"
    path.write_text(text.replace(old, new, 1))


def ran(result: BuildResult) -> set[tuple[str, str]]:
    """The (module, phase) pairs the build executed."""
    return {(m, s.value) for m, s in result.ran}


def every(*modules: str, phases: tuple[str, ...] = PHASES) -> set[tuple[str, str]]:
    return {(m, p) for m in modules for p in phases}


def clone(built: Path, to: Path) -> tuple[Path, Path]:
    """A copy of a built project (sources and output) to edit."""
    shutil.copytree(built, to, symlinks=True)
    return to / "src", to / "out"


def build_dir(root: Path, **options: object) -> BuildResult:
    result = build(root / "src", root / "out", BuildOptions(**options))  # type: ignore[arg-type]
    assert result.ok, result.rendered + "\n".join(result.errors)
    return result


def why(result: BuildResult, module: str, phase: str) -> list[str]:
    """The reasons the check gave for running ``phase`` of ``module``."""
    from ifacedir.driver.plan import Step

    return result.why.get((module, Step(phase)), [])
