#!/usr/bin/env python3
"""Typecheck and run package base (ifacedir/lib/base) under GHC, through shims.

Until our own compiler can run the library, GHC checks it. The script

1. copies the base sources to a temporary directory;
2. replaces ``GHC.Types`` by a shim that re-exports GHC's own ``Int``, ``Bool``,
   ``IO``, ... and ``GHC.Prim`` by a shim that implements every primitive with GHC's
   real operation (the signatures are copied from our ``GHC/Prim.hs``, so the
   declared types are checked too, and a primitive without an implementation here is
   an error);
3. compiles every module with ``-XHaskell2010 -XRebindableSyntax``: GHC's literals,
   ``do`` notation and negation must refer to *our* ``fromInteger``, ``>>=`` and
   ``negate``, which is what Haskell 2010 means when base is the Prelude.
   RebindableSyntax also makes ``if`` call whatever ``ifThenElse`` is in scope, so
   the script appends a (non-exported) ``ifThenElse`` to each copied module;
4. compiles each test program of ``programs/`` twice, against GHC's real Prelude
   and against ours (``-i`` puts our modules first; the program gets an explicit
   ``import Prelude`` and a shim for fractional literals, whose type under
   RebindableSyntax is GHC's ``Rational``), runs both with the same arguments and
   input, and compares stdout, stderr and the exit status.

Limits of the method (see spec/LIBRARY.md): GHC's defaulting does not apply to our
classes, so test programs annotate ambiguous numeric types; arithmetic sequences
and ``deriving`` refer to GHC's own classes, so test programs call ``enumFromTo``
and friends by name and write their instances by hand; GHC's ``error`` adds a
CallStack, stripped from stderr before comparison.

Usage: ``python tests/base_lib/check_with_ghc.py [--keep DIR] [--only NAME ...]``.
Exit status 0 when everything typechecks and every program agrees.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASE_DIR = HERE.parents[1] / "ifacedir" / "lib" / "base"
PROGRAMS_DIR = HERE / "programs"

GHC_FLAGS = ["-O0", "-XHaskell2010", "-v0"]

# --- Shims ------------------------------------------------------------------------

SHIM_TYPES = """\
{-# LANGUAGE NoRebindableSyntax, PackageImports #-}
-- Shim: the primitive types are GHC's own.
module GHC.Types
  ( P.Bool(False, True), P.Ordering(LT, EQ, GT)
  , P.Int, P.Integer, P.Double, P.Float, P.Char, P.IO
  , IO.Handle, P.IOError
  ) where

import qualified "base" Prelude as P
import qualified "base" System.IO as IO
"""

# Implementation of each primitive with GHC's real functions.
PRIM_IMPLS: dict[str, str] = {
    "primIntAdd": "(P.+)",
    "primIntSub": "(P.-)",
    "primIntMul": "(P.*)",
    "primIntNegate": "P.negate",
    "primIntQuot": "P.quot",
    "primIntRem": "P.rem",
    "primIntEq": "(P.==)",
    "primIntLt": "(P.<)",
    "primIntLe": "(P.<=)",
    "primIntToInteger": "P.toInteger",
    "primIntegerToInt": "P.fromInteger",
    "primIntegerAdd": "(P.+)",
    "primIntegerSub": "(P.-)",
    "primIntegerMul": "(P.*)",
    "primIntegerNegate": "P.negate",
    "primIntegerQuot": "P.quot",
    "primIntegerRem": "P.rem",
    "primIntegerEq": "(P.==)",
    "primIntegerLt": "(P.<)",
    "primIntegerLe": "(P.<=)",
    "primDoubleAdd": "(P.+)",
    "primDoubleSub": "(P.-)",
    "primDoubleMul": "(P.*)",
    "primDoubleDiv": "(P./)",
    "primDoubleNegate": "P.negate",
    "primDoubleEq": "(P.==)",
    "primDoubleLt": "(P.<)",
    "primDoubleLe": "(P.<=)",
    "primRationalToDouble": "\\n d -> P.fromRational (n R.% d)",
    "primDecodeDouble": "P.decodeFloat",
    "primEncodeDouble": "P.encodeFloat",
    "primShowDouble": "P.show",
    "primDoubleExp": "P.exp",
    "primDoubleLog": "P.log",
    "primDoubleSqrt": "P.sqrt",
    "primDoublePow": "(P.**)",
    "primDoubleSin": "P.sin",
    "primDoubleCos": "P.cos",
    "primDoubleTan": "P.tan",
    "primDoubleAsin": "P.asin",
    "primDoubleAcos": "P.acos",
    "primDoubleAtan": "P.atan",
    "primDoubleSinh": "P.sinh",
    "primDoubleCosh": "P.cosh",
    "primDoubleTanh": "P.tanh",
    "primDoubleAsinh": "P.asinh",
    "primDoubleAcosh": "P.acosh",
    "primDoubleAtanh": "P.atanh",
    "primDoubleToFloat": "F.double2Float",
    "primFloatToDouble": "F.float2Double",
    "primShowFloat": "P.show",
    "primCharToInt": "P.fromEnum",
    "primIntToChar": "P.toEnum",
    "primCharGeneralCategory": "\\c -> P.fromEnum (C.generalCategory c)",
    "primCharToUpper": "C.toUpper",
    "primCharToLower": "C.toLower",
    "primCharToTitle": "C.toTitle",
    "primSeq": "P.seq",
    "primError": "P.errorWithoutStackTrace",
    "primReturnIO": "P.return",
    "primBindIO": "(P.>>=)",
    "primStdin": "IO.stdin",
    "primStdout": "IO.stdout",
    "primStderr": "IO.stderr",
    "primHPutStr": "IO.hPutStr",
    "primHFlush": "IO.hFlush",
    "primHSetBuffering": (
        "\\h n -> IO.hSetBuffering h (if n P.== 0 then IO.NoBuffering"
        " else if n P.== 1 then IO.LineBuffering else IO.BlockBuffering P.Nothing)"
    ),
    "primHGetLine": "IO.hGetLine",
    "primHGetChar": "IO.hGetChar",
    "primHGetContents": "IO.hGetContents",
    "primHIsEOF": "IO.hIsEOF",
    "primReadFile": "P.readFile",
    "primWriteFile": "P.writeFile",
    "primAppendFile": "P.appendFile",
    "primGetArgs": "E.getArgs",
    "primGetProgName": "E.getProgName",
    "primExitWith": "\\n -> X.exitWith (if n P.== 0 then X.ExitSuccess else X.ExitFailure n)",
    "primUserError": "P.userError",
    "primIoError": "P.ioError",
    "primShowIOError": "P.show",
}

SHIM_PRIM_HEADER = """\
{-# LANGUAGE NoRebindableSyntax, PackageImports #-}
-- Shim: every primitive implemented with GHC's real operation.
module GHC.Prim ({exports}) where

import GHC.Types
import qualified "base" Prelude as P
import qualified "base" Data.Ratio as R
import qualified "base" Data.Char as C
import qualified "base" GHC.Float as F
import qualified "base" System.IO as IO
import qualified "base" System.Environment as E
import qualified "base" System.Exit as X

"""

# Appended to every copied module (RebindableSyntax makes `if` call it).
IF_THEN_ELSE = """

-- Added by check_with_ghc.py: under RebindableSyntax `if` calls ifThenElse.
ifThenElse c t e
  | c = t
ifThenElse _ _ e = e
"""

# Imported by test programs compiled against our Prelude.
SHIM_SUPPORT = """\
{-# LANGUAGE NoRebindableSyntax, PackageImports #-}
-- Fractional literals under RebindableSyntax have GHC's type Rational; convert.
module ShimSupport (ifThenElse, fromRational) where

import qualified "base" Prelude as G
import qualified "base" Data.Ratio as G
import qualified Prelude as O
import qualified Data.Ratio as O

ifThenElse :: G.Bool -> a -> a -> a
ifThenElse c t e = if c then t else e

fromRational :: O.Fractional a => G.Rational -> a
fromRational r = O.fromRational (G.numerator r O.% G.denominator r)
"""

FOREIGN_RE = re.compile(
    r'^foreign\s+import\s+prim\s+"(?P<entity>[^"]+)"\s+(?P<name>\w+)\s*::\s*(?P<type>.+)$',
    re.MULTILINE,
)


def primitives(prim_source: str) -> list[tuple[str, str, str]]:
    """(entity, name, type) of every ``foreign import prim`` in GHC/Prim.hs."""
    return [(m["entity"], m["name"], m["type"].strip()) for m in FOREIGN_RE.finditer(prim_source)]


def shim_prim(prim_source: str) -> str:
    prims = primitives(prim_source)
    missing = [name for _, name, _ in prims if name not in PRIM_IMPLS]
    if missing:
        raise SystemExit(f"no GHC implementation for primitives: {', '.join(missing)}")
    for entity, name, _ in prims:
        if name != "prim" + entity[0].upper() + entity[1:]:
            raise SystemExit(f"primitive {name} does not follow the naming rule (entity {entity})")
    out = [SHIM_PRIM_HEADER.replace("{exports}", ", ".join(name for _, name, _ in prims))]
    for _, name, ty in prims:
        out.append(f"{name} :: {ty}\n{name} = {PRIM_IMPLS[name]}\n")
    return "\n".join(out)


def prepare(work: Path) -> Path:
    """Copy base into work/src with the shims in place; return src."""
    src = work / "src"
    shutil.copytree(BASE_DIR, src)
    prim_source = (BASE_DIR / "GHC" / "Prim.hs").read_text()
    (src / "GHC" / "Types.hs").write_text(SHIM_TYPES)
    (src / "GHC" / "Prim.hs").write_text(shim_prim(prim_source))
    for path in sorted(src.rglob("*.hs")):
        if path.relative_to(src).as_posix() in ("GHC/Types.hs", "GHC/Prim.hs"):
            continue
        path.write_text(path.read_text() + IF_THEN_ELSE)
    (src / "ShimSupport.hs").write_text(SHIM_SUPPORT)
    return src


def module_names(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).with_suffix("").as_posix().replace("/", ".") for p in root.rglob("*.hs")
    )


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, **kw)


def ghc_version() -> str:
    return run(["ghc", "--numeric-version"]).stdout.strip()


def typecheck_all(src: Path, out: Path) -> tuple[bool, str]:
    """Compile every module of base (with code, so programs can link against it)."""
    mods = module_names(BASE_DIR)
    cmd = [
        "ghc",
        "--make",
        *GHC_FLAGS,
        "-XRebindableSyntax",
        "-XTypeSynonymInstances",
        "-i" + str(src),
        "-outputdir",
        str(out),
        "-no-link",
        "-fkeep-going",
        *mods,
    ]
    r = run(cmd, cwd=src)
    return r.returncode == 0, r.stdout + r.stderr


# --- Test programs ------------------------------------------------------------------


@dataclass
class Outcome:
    stdout: str
    stderr: str
    status: int


CALLSTACK_RE = re.compile(r"^CallStack \(from HasCallStack\):\n(?:  .*\n?)*", re.MULTILINE)


def normalise_stderr(text: str) -> str:
    return CALLSTACK_RE.sub("", text)


def build(source: Path, work: Path, *, ours: bool, src: Path, out: Path) -> Path | str:
    """Compile a test program; the executable, or the compiler's messages."""
    name = source.stem
    d = work / ("ours" if ours else "ghc") / name
    d.mkdir(parents=True, exist_ok=True)
    text = source.read_text()
    if ours:
        text = "import Prelude hiding (fromRational)\nimport ShimSupport\n" + text
        # GHC.Prim is the name of a wired-in module of GHC's; --make does not chase an
        # import of it into the home package, so it is named as a target.
        flags = [
            "-XRebindableSyntax",
            "-XTypeSynonymInstances",
            "-i" + str(src),
            "-outputdir",
            str(out),
            "GHC.Prim",
        ]
        # Main.o is shared between programs in the common outputdir; rebuild it.
        for stale in (out / "Main.o", out / "Main.hi"):
            stale.unlink(missing_ok=True)
    else:
        flags = ["-outputdir", str(d / "o")]
    (d / "Main.hs").write_text(text)
    exe = d / "prog"
    cmd = [
        "ghc",
        "--make",
        "-O0",
        "-XHaskell2010",
        "-v0",
        *flags,
        str(d / "Main.hs"),
        "-o",
        str(exe),
    ]
    r = run(cmd)
    if r.returncode != 0:
        return r.stdout + r.stderr
    return exe


def run_program(exe: Path | str, args: list[str], stdin: str) -> Outcome:
    if isinstance(exe, str):
        return Outcome("", "COMPILE ERROR\n" + exe, -1)
    p = run([str(exe), *args], input=stdin, cwd=exe.parent, timeout=60)
    return Outcome(p.stdout, normalise_stderr(p.stderr), p.returncode)


def runs_of(source: Path) -> tuple[list[list[str]], str]:
    """The argument lists (one run per line of NAME.args) and the input (NAME.stdin)."""
    args_file = source.with_suffix(".args")
    stdin_file = source.with_suffix(".stdin")
    runs = (
        [line.split() for line in args_file.read_text().splitlines() if line.strip()]
        if args_file.exists()
        else [[]]
    )
    return runs, stdin_file.read_text() if stdin_file.exists() else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    ap.add_argument("--only", nargs="*", help="run only these test programs (by stem)")
    ap.add_argument("--typecheck-only", action="store_true")
    opts = ap.parse_args(argv)
    if shutil.which("ghc") is None:
        print("ghc not found", file=sys.stderr)
        return 2
    if opts.keep:
        if opts.keep.exists():
            shutil.rmtree(opts.keep)
        opts.keep.mkdir(parents=True)
        work = opts.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="base-ghc-"))
    try:
        src = prepare(work)
        out = work / "out"
        ok, log = typecheck_all(src, out)
        if not ok:
            print("base does not compile under GHC:\n" + log)
            return 1
        print(f"typecheck: all {len(module_names(BASE_DIR))} modules of base compile under GHC")
        if opts.typecheck_only:
            return 0
        failures = 0
        programs = sorted(PROGRAMS_DIR.glob("*.hs"))
        if opts.only:
            programs = [p for p in programs if p.stem in opts.only]
        for prog in programs:
            ref_exe = build(prog, work, ours=False, src=src, out=out)
            our_exe = build(prog, work, ours=True, src=src, out=out)
            runs, stdin = runs_of(prog)
            if isinstance(our_exe, str) or isinstance(ref_exe, str):
                failures += 1
                which = "our base" if isinstance(our_exe, str) else "GHC's base"
                msg = our_exe if isinstance(our_exe, str) else ref_exe
                print(f"FAIL  {prog.stem}: does not compile against {which}")
                print("\n".join(str(msg).splitlines()[:25]))
                continue
            bad = 0
            for args in runs:
                want = run_program(ref_exe, args, stdin)
                got = run_program(our_exe, args, stdin)
                if want == got:
                    continue
                bad += 1
                print(f"FAIL  {prog.stem} {' '.join(args)}")
                for label, a, b in (
                    ("stdout", want.stdout, got.stdout),
                    ("stderr", want.stderr, got.stderr),
                    ("status", str(want.status), str(got.status)),
                ):
                    if a != b:
                        diff = difflib.unified_diff(
                            a.splitlines(),
                            b.splitlines(),
                            f"{label} (GHC base)",
                            f"{label} (our base)",
                            lineterm="",
                            n=1,
                        )
                        print("\n".join(list(diff)[:80]))
            if bad:
                failures += 1
            else:
                print(f"ok    {prog.stem}" + (f" ({len(runs)} runs)" if len(runs) > 1 else ""))
        print(f"{len(programs) - failures} of {len(programs)} programs agree with GHC's base")
        return 1 if failures else 0
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
