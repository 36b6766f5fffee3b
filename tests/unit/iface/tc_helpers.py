"""Helpers for the tc-file tests: a multi-module program on disk, checked and written.

The program uses package base (so its files record base imports) and most of the
syntax the renamer handles: data types with records and strict fields, a class with a
default method and superclass, instances, operators with fixities, qualified and
``hiding`` imports, guards, ``where``, ``case``, ``let``, ``do``, comprehensions,
sections and arithmetic sequences.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from ifacedir.format.layout import scan_outdir
from ifacedir.iface.tcfile import (
    interface_fingerprint,
    read_tc,
    tc_inputs,
    tc_payload,
    write_tc,
)
from ifacedir.rename.program import MAIN_PACKAGE, ProgramResult, rename_program
from ifacedir.rename.rename import RenamedModule
from ifacedir.syntax.evidence import TcName, pretty_evidence
from ifacedir.typecheck.typecheck import ProgramTcResult, TcResult, dump_types, typecheck_program

PROGRAM: dict[str, str] = {
    "Data/Queue.hs": """\
module Data.Queue (Queue, empty, push, pop, size, (<+)) where

infixl 5 <+

data Queue a = Queue { front :: [a], back :: ![a] }

empty :: Queue a
empty = Queue [] []

push :: a -> Queue a -> Queue a
push x (Queue f b) = Queue f (x : b)

(<+) :: Queue a -> a -> Queue a
q <+ x = push x q

pop :: Queue a -> Maybe (a, Queue a)
pop (Queue [] []) = Nothing
pop (Queue [] b) = pop (Queue (reverse b) [])
pop (Queue (x : f) b) = Just (x, Queue f b)

size :: Queue a -> Int
size q = length (front q) + length (back q)
""",
    "Shape.hs": """\
module Shape (Shape(..), HasArea(..), describe) where

data Shape = Circle Double | Rect Double Double
  deriving (Eq, Show)

class Show a => HasArea a where
  area :: a -> Double
  perimeter :: a -> Double
  perimeter _ = 0

instance HasArea Shape where
  area (Circle r) = pi * r * r
  area (Rect w h) = w * h
  perimeter s = case s of
    Circle r -> 2 * pi * r
    Rect w h
      | w == h -> 4 * w
      | otherwise -> 2 * (w + h)

describe :: HasArea a => a -> String
describe x = show x ++ ": " ++ show (area x) ++ extra
  where extra = let p = perimeter x in if p > 0 then " / " ++ show p else ""
""",
    "Main.hs": """\
module Main (main) where

import qualified Data.Queue as Q
import Data.Queue (Queue, (<+))
import Shape hiding (perimeter)
import Data.List (sortBy)

squares :: [Int]
squares = [x * x | x <- [1 .. 10], odd x]

build :: [Int] -> Queue Int
build = foldl (<+) Q.empty

drain :: Queue a -> [a]
drain q = case Q.pop q of
  Nothing -> []
  Just (x, rest) -> x : drain rest

main :: IO ()
main = do
  let q = build squares
  print (drain q, Q.size q)
  mapM_ (putStrLn . describe) [Circle 1.0, Rect 2 3]
  print (sortBy (\\a b -> compare b a) (map (* 2) squares))
""",
}


def write_program(root: Path, files: Mapping[str, str] = PROGRAM) -> Path:
    """Write the sources under ``root``; return the main file."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "Main.hs"


def own_modules(result: ProgramResult) -> list[RenamedModule]:
    return [m for m in result.modules if m.exports.package == MAIN_PACKAGE]


def write_tc_files(
    result: ProgramResult, outdir: Path, typed: Mapping[str, TcResult] | None = None
) -> dict[str, Path]:
    """What ``check --outdir`` does, as library calls: module -> tc file written.

    Stage ``rename`` files, or stage ``typecheck`` ones given every module's ``TcResult``.
    """
    assert result.ok, result.diagnostics
    sources = dict(result.sources)
    by_name = {m.exports.module: m for m in result.modules}

    def fingerprint_of(module: str) -> bytes:
        iface = None if typed is None else typed[module].interface
        return interface_fingerprint(by_name[module].exports, iface)

    from ifacedir.iface.fingerprints import program_fingerprints

    tables = (
        {}
        if typed is None
        else program_fingerprints(((m, typed[m.exports.module]) for m in result.modules), {})
    )
    written: dict[str, Path] = {}
    for m in own_modules(result):
        name = m.exports.module
        inputs = tc_inputs(
            sources[m.module.span.file], {i.module: fingerprint_of(i.module) for i in m.imports}
        )
        own, usages = tables.get(name, (None, None))
        payload = tc_payload(m, None if typed is None else typed[name], None, own, usages)
        written[name] = write_tc(outdir, name, payload, inputs)
    return written


def check_and_write(root: Path, outdir: Path) -> tuple[ProgramResult, dict[str, Path]]:
    """Rename the program and write stage ``rename`` files (the codec path)."""
    result = rename_program(write_program(root))
    return result, write_tc_files(result, outdir)


def typecheck_and_write(root: Path, outdir: Path) -> tuple[ProgramTcResult, dict[str, Path]]:
    """Typecheck the program and write stage ``typecheck`` files (what check does)."""
    result = typecheck_program(write_program(root))
    assert result.ok, result.diagnostics
    typed = {m.module.name: m for m in result.modules}
    return result, write_tc_files(result.renamed, outdir, typed)


def typed_names(root: object) -> list[TcName]:
    """Every ``TcName`` in a typed tree, in a fixed (pre-order, field-order) order."""
    found: list[TcName] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, TcName):
            found.append(node)
        elif isinstance(node, tuple | list):
            stack.extend(reversed(node))
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            stack.extend(reversed([getattr(node, f.name) for f in dataclasses.fields(node)]))
    return found


def render_typed(result: TcResult) -> list[str]:
    """A canonical text of what a module's typechecking found: its ``-ddump-types``
    lines, then every ``TcName`` of the typed tree (its full repr: name, scheme, type,
    evidence) with its evidence pretty-printed, then every witness."""
    lines = dump_types(result).splitlines()
    for tn in typed_names(result.module):
        lines.append(f"{tn!r}  ev: {'; '.join(pretty_evidence(e) for e in tn.evidence)}")
    lines.extend(repr(w) for w in result.witnesses)
    return lines


def render_outdir(outdir: Path) -> dict[str, list[str]]:
    """``render_typed`` of every module's program, read back from its tc file alone."""
    rendered: dict[str, list[str]] = {}
    for mdir in scan_outdir(outdir):
        program = read_tc(mdir).program
        assert isinstance(program, TcResult)
        rendered[mdir.module.text] = render_typed(program)
    return rendered
