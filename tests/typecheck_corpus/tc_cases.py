"""The typecheck corpus under tests/typecheck_corpus, and how GHC judges and runs it.

Not a test module: ``record_ghc.py`` and the tests import it. The format and the
error-kind vocabulary are described in ``tests/typecheck_corpus/README.md``; ``KINDS``
below is the machine-readable copy of that vocabulary.

It reuses the machinery of ``tests/module_system/ghc_cases.py`` (GHC's flags, the
error-header parser, the environment, source copying); what is new here is the richer
expected file (the types GHC infers, stdin, stderr, exit status) and
``-ddump-types`` parsing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "module_system"))

from ghc_cases import (  # importable thanks to the sys.path entry above
    GHC_FLAGS,
    Case,
    Location,
    Verdict,
    copy_sources,
    ghc_env,
    ghc_version,
    parse_ghc_output,
)

__all__ = [
    "CORPUS_DIR",
    "DUMP_FLAGS",
    "GHC_FLAGS",
    "KINDS",
    "Location",
    "Run",
    "TcCase",
    "TcExpected",
    "Verdict",
    "all_cases",
    "ghc_version",
    "parse_dump_types",
    "run_ghc",
    "run_program",
    "strip_forall",
]

CORPUS_DIR: Final = Path(__file__).resolve().parent

# Every error kind a rejected case may name, with a one-line meaning (README.md has
# the longer table; a test checks the two agree).
KINDS: Final[dict[str, str]] = {
    # unification (Report 4.1, 4.5)
    "type-mismatch": "two types that must be equal have different constructors",
    "occurs-check": "a type variable unified with a type containing it (an infinite type)",
    "rigid-type-variable": "a signature more general than its binding (a signature variable bound)",
    "arity-mismatch": "a constructor pattern or equations with more arguments than the type has",
    "monomorphism": "a binding kept monomorphic by Rule 1 of 4.5.5 used at two types",
    "monomorphic-lambda": "a lambda- or case-bound variable (never generalised) used at two types",
    "main-type": "main whose type is not IO t (Report 5)",
    # classes and instances (Report 4.3)
    "no-instance": "a constraint C T on a concrete type T with no instance",
    "could-not-deduce": "a constraint on a declared variable that its declaration's context lacks",
    "ambiguous-type": "a constrained variable not in the type that defaulting does not fix",
    "missing-superclass": "an instance whose class's superclass has no instance for the type",
    "duplicate-instance": "two instances of one class for one type (derived or written)",
    "instance-head": "an instance head Haskell 2010 forbids (synonym, repeated or non-variable)",
    "method-type": "a class method type not mentioning the class variable, or constraining only it",
    "deriving": "a deriving clause the type cannot support (field instance, non-enumeration)",
    # kinds (Report 4.6)
    "kind-mismatch": "a type of one kind used where another kind is needed",
    # records (Report 3.15)
    "record-field": "a record construction or update naming fields no one constructor has",
    "missing-field": "a record construction omitting a strict field",
}

# GHC's dump of the types of each module's top-level bindings.
DUMP_FLAGS: Final = ("-ddump-types", "-dsuppress-uniques")

_SCALAR_KEYS: Final = ("outcome", "kind", "location", "ghc", "recorded-with", "args", "exit")
_BLOCK_KEYS: Final = ("types", "stdin", "stdout", "stderr")


@dataclass
class TcExpected:
    """One expected.txt: comments, ``key: value`` fields, then blocks of ``| `` lines.

    ``types: M`` opens the block of module ``M``'s inferred types (one block per
    module, in GHC's compilation order); ``stdin:``, ``stdout:`` and ``stderr:`` open
    text blocks (each line of the text is one ``| `` line, a bare ``|`` an empty one;
    the text ends with a newline after its last line).
    """

    comments: list[str]
    fields: dict[str, str]
    types: dict[str, list[str]] = field(default_factory=dict)
    stdin: str | None = None
    stdout: str | None = None
    stderr: str | None = None

    @property
    def description(self) -> str:
        return self.comments[0] if self.comments else ""

    @property
    def outcome(self) -> str:
        return self.fields["outcome"]

    @property
    def location(self) -> Location | None:
        text = self.fields.get("location")
        return Location.parse(text) if text else None

    @property
    def exit(self) -> int:
        return int(self.fields.get("exit", "0"))

    @property
    def args(self) -> list[str]:
        return self.fields.get("args", "").split()

    @staticmethod
    def parse(text: str) -> TcExpected:
        exp = TcExpected([], {})
        block: list[str] | None = None
        texts: dict[str, list[str]] = {}
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith("|"):
                if block is None:
                    raise ValueError(f"line {n}: '|' line outside a block")
                if line != "|" and not line.startswith("| "):
                    raise ValueError(f"line {n}: block lines start with '| '")
                block.append(line[2:])
                continue
            block = None
            if line.startswith("#"):
                if exp.fields or exp.types or texts:
                    raise ValueError(f"line {n}: comments come first")
                exp.comments.append(line[1:].strip())
            elif not line.strip():
                continue
            else:
                key, sep, value = line.partition(":")
                value = value.strip()
                if not sep or key not in _SCALAR_KEYS + _BLOCK_KEYS:
                    raise ValueError(f"line {n}: expected 'key: value' with a known key")
                if key == "types":
                    if not value or value in exp.types:
                        raise ValueError(f"line {n}: types needs a new module name")
                    block = exp.types[value] = []
                elif key in _BLOCK_KEYS:
                    if value or key in texts:
                        raise ValueError(f"line {n}: {key}: stands alone, once")
                    block = texts[key] = []
                else:
                    if key in exp.fields:
                        raise ValueError(f"line {n}: {key} given twice")
                    exp.fields[key] = value
        for key, lines in texts.items():
            setattr(exp, key, "".join(s + "\n" for s in lines))
        return exp

    def render(self) -> str:
        def block(text: str) -> list[str]:
            return [f"| {s}" if s else "|" for s in text.splitlines()]

        lines = [f"# {c}" if c else "#" for c in self.comments]
        lines += [f"{k}: {self.fields[k]}" for k in _SCALAR_KEYS if k in self.fields]
        for module, entries in self.types.items():
            lines.append(f"types: {module}")
            lines += [f"| {e}" for e in entries]
        for key in ("stdin", "stdout", "stderr"):
            text = getattr(self, key)
            if text is not None:
                lines.append(f"{key}:")
                lines += block(text)
        return "\n".join(lines) + "\n"

    def problems(self) -> list[str]:
        """What is missing or malformed (empty when the file is well-formed)."""
        out: list[str] = []
        outcome = self.fields.get("outcome")
        if outcome not in ("accept", "reject"):
            return [f"outcome must be accept or reject, not {outcome!r}"]
        if not self.description:
            out.append("missing the description comment")
        if not self.fields.get("recorded-with", "").startswith("ghc "):
            out.append("missing recorded-with: (run record_ghc.py)")
        if outcome == "reject":
            out += [f"missing {k}:" for k in ("kind", "location", "ghc") if not self.fields.get(k)]
            if self.fields.get("kind") and self.fields["kind"] not in KINDS:
                out.append(f"unknown kind {self.fields['kind']!r}")
            if self.types or self.stdout is not None or self.stderr is not None:
                out.append("a rejected program has no types, stdout or stderr")
            if "exit" in self.fields or "args" in self.fields or self.stdin is not None:
                out.append("a rejected program is not run (no exit, args or stdin)")
        else:
            if any(k in self.fields for k in ("kind", "location", "ghc")):
                out.append("an accepted program has no kind, location or ghc")
            if "Main" not in self.types:
                out.append("missing types: Main")
            if not self.stdout:
                out.append("an accepted program prints something (stdout:)")
            if not re.fullmatch(r"\d+", self.fields.get("exit", "")):
                out.append("missing exit: (the exit status)")
            elif (self.exit != 0) != bool(self.stderr):
                out.append("stderr: exactly when exit is not 0")
            for module, entries in self.types.items():
                if not entries:
                    out.append(f"types: {module} is empty")
                for e in entries:
                    if " :: " not in e and not e.startswith("instance "):
                        out.append(f"types: {module}: not 'name :: type': {e!r}")
        return out


@dataclass(frozen=True)
class TcCase(Case):
    """A case directory; ``expected()`` reads the richer format of this corpus."""

    def expected(self) -> TcExpected:  # type: ignore[override]
        return TcExpected.parse(self.expected_path.read_text(encoding="utf-8"))


def all_cases() -> list[TcCase]:
    cases = []
    for d in sorted(p for p in CORPUS_DIR.iterdir() if (p / "expected.txt").is_file()):
        sources = tuple(sorted(str(p.relative_to(d)) for p in d.rglob("*.hs")))
        cases.append(TcCase(d.name, d, "Main.hs", d / "expected.txt", sources))
    return cases


# ---------------------------------------------------------------------------
# -ddump-types

_COMPILING: Final = re.compile(r"^\[\s*\d+ of \d+\] Compiling (\S+)")
_SECTION: Final = re.compile(r"^[A-Z][A-Z ]+$")  # TYPE SIGNATURES, CLASS INSTANCES, ...
_DEFINED_AT: Final = re.compile(r"\s+-- Defined at .*$")


def parse_dump_types(output: str) -> dict[str, list[str]]:
    """Module name -> its entries, from ``ghc --make -ddump-types -dsuppress-uniques``.

    Kept: every line of ``TYPE SIGNATURES`` (the top-level bindings, class methods and
    field selectors, with and without signatures, in GHC's order) except GHC's wrapper
    ``:Main.main``, then every line of ``CLASS INSTANCES`` without its ``-- Defined at``
    comment (in GHC's order). A type GHC wraps over several lines is joined with
    single spaces; otherwise the text is GHC's, ``forall {a}.`` included.
    """
    modules: dict[str, list[str]] = {}
    current: list[str] | None = None
    section = ""
    for line in output.splitlines():
        m = _COMPILING.match(line)
        if m:
            current = modules.setdefault(m[1], [])
            section = ""
            continue
        if current is None:
            continue
        if _SECTION.match(line):
            section = line
            continue
        if not line.startswith("  "):
            section = ""  # "Dependent modules: ..." and the like end the dump
            continue
        if section not in ("TYPE SIGNATURES", "CLASS INSTANCES"):
            continue
        if line.startswith("   "):  # a continuation of a wrapped type
            if current:
                current[-1] = current[-1].rstrip() + " " + line.strip()
            continue
        if not line.strip().startswith(":Main.main ::"):
            current.append(line.strip())
    return {m: [_DEFINED_AT.sub("", e) for e in es] for m, es in modules.items()}


def strip_forall(ty: str) -> str:
    """``forall {p} a. Num p => a -> p`` -> ``Num p => a -> p`` (for comparisons)."""
    return re.sub(r"^forall [^.]*\.\s*", "", ty)


@dataclass(frozen=True)
class TcVerdict:
    verdict: Verdict
    types: dict[str, list[str]]


def run_ghc(case: Case, ghc: str = "ghc", timeout: float = 120) -> TcVerdict:
    """``ghc --make -fno-code`` with the flags of ghc_cases plus ``DUMP_FLAGS``.

    The dump flags change nothing in GHC's verdict or messages; they add the dump of
    the inferred types (to stdout) for the modules that typecheck.
    """
    with tempfile.TemporaryDirectory(prefix="tc-case-") as tmp:
        work = Path(tmp) / "src"
        work.mkdir()
        copy_sources(case, work)
        cmd = [ghc, *GHC_FLAGS, *DUMP_FLAGS, "-outputdir", str(Path(tmp) / "out"), case.main]
        proc = subprocess.run(
            cmd, cwd=work, env=ghc_env(), capture_output=True, text=True, timeout=timeout
        )
        output = proc.stdout + proc.stderr
        return TcVerdict(parse_ghc_output(output, proc.returncode), parse_dump_types(proc.stdout))


@dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str  # normalised: see normalise_stderr
    exit: int


_CALLSTACK: Final = re.compile(r"^CallStack \(from HasCallStack\):\n(?:  .*\n)*", re.MULTILINE)


def normalise_stderr(stderr: str, main: str) -> str:
    """runghc names the program after its file (``Main.hs: boom``); the corpus writes
    ``<prog>: boom``. GHC's ``CallStack (from HasCallStack):`` lines (which our
    ``error`` does not print, LIBRARY.md) are dropped."""
    text = _CALLSTACK.sub("", stderr)
    return re.sub(rf"^{re.escape(main)}: ", "<prog>: ", text, flags=re.MULTILINE)


def run_program(case: TcCase, runghc: str = "runghc", timeout: float = 120) -> Run:
    """``runghc Main.hs ARGS`` on a temporary copy, with the case's stdin."""
    expected = case.expected()
    with tempfile.TemporaryDirectory(prefix="tc-run-") as tmp:
        copy_sources(case, Path(tmp))
        proc = subprocess.run(
            [runghc, "--ghc-arg=-XHaskell2010", "--ghc-arg=-i.", case.main, *expected.args],
            cwd=tmp,
            env=ghc_env(),
            input=expected.stdin or "",
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Run(proc.stdout, normalise_stderr(proc.stderr, case.main), proc.returncode)
