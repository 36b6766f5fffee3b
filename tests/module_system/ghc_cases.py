"""The case corpora under tests/module_system and tests/parse_errors, and how GHC judges them.

Not a test module: the record script (``record_ghc.py``) and the tests import it. The file
format and the error-kind vocabulary are described in ``tests/module_system/README.md``;
``KINDS`` below is the machine-readable copy of that vocabulary.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

HERE: Final = Path(__file__).resolve().parent
MODULE_SYSTEM_DIR: Final = HERE
PARSE_ERRORS_DIR: Final = HERE.parent / "parse_errors"

# Every error kind a case may name, with a one-line meaning.
KINDS: Final[dict[str, str]] = {
    # lexical (Report chapter 2)
    "unterminated-string": "a string literal not closed before the end of its line",
    "unterminated-char": "a character literal whose one character is not followed by a quote",
    "unterminated-comment": "a block comment {- ... not closed before the end of the file",
    "bad-escape": "an escape sequence the Report does not define, or a malformed string gap",
    "escape-out-of-range": "a numeric escape above \\1114111",
    "illegal-char": "a character that may not appear in a program",
    # parse (Report chapter 3, 4 and the layout rule of 10.3)
    "parse-error": "a token where the grammar allows none",
    "layout-error": "a block or the file ends too early (GHC: 'possibly incorrect indentation')",
    "invalid-signature": "a type signature whose left-hand side is not a list of variables",
    "pattern-syntax": "an expression form used where a pattern is required",
    "qualified-binder": "a qualified name in a binding position",
    "last-stmt-not-expr": "the last statement of a do block is a binding",
    "empty-do": "a do block with no statements",
    "precedence-out-of-range": "a fixity declaration with precedence outside 0..9",
    # scope (Report 5, 4.4)
    "not-in-scope": "a name (variable, constructor, type, class, qualified or not) not in scope",
    "ambiguous": "a reference to a name that two different entities provide",
    "duplicate-definition": "two top-level declarations of one name in one namespace",
    "conflicting-definitions": "one name bound twice in one pattern, let, where or instance",
    "duplicate-signature": "two type signatures for one name",
    "duplicate-fixity": "two fixity declarations for one name",
    "signature-without-binding": "a type signature for a name the same group does not define",
    "arity-mismatch": "equations of one function with different numbers of arguments",
    "not-a-subordinate": "T(c) / C(m) / an instance method naming something T or C lacks",
    # module system (Report 5)
    "conflicting-exports": "two different entities exported under one unqualified name",
    "module-not-imported": "an export item `module M` where no import is named M",
    "not-exported-by-import": "an import list names something the module does not export",
    "module-not-found": "an import of a module that does not exist",
    "main-not-exported": "module Main has a main but its export list omits it",
    # fixity (Report 4.4.2, 10.6)
    "fixity-conflict": "operators of equal precedence but incompatible associativity mixed",
    "section-precedence": "a section whose operand binds less tightly than its operator",
    "fixity-without-binding": "a fixity declaration for a name the same group does not define",
    # type checking (only where a case needs it to show a scoping rule)
    "no-instance": "a needed instance is not visible",
}

REQUIRED_ACCEPT: Final = ("outcome",)
REQUIRED_REJECT: Final = ("outcome", "kind", "location", "ghc")
KEYS: Final = ("outcome", "kind", "location", "ghc", "stdout", "recorded-with")

GHC_FLAGS: Final = (
    "--make",
    "-fno-code",
    "-XHaskell2010",
    "-fdiagnostics-color=never",
    "-j1",
    "-i.",
)


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"

    @staticmethod
    def parse(text: str) -> Location:
        file, line, col = text.rsplit(":", 2)
        return Location(file, int(line), int(col))


@dataclass
class Expected:
    """One expected-outcome file: comment lines, then ``key: value`` fields.

    ``stdout:`` stands alone and is followed by its lines, each prefixed ``| ``
    (a bare ``|`` is an empty line).
    """

    comments: list[str]
    fields: dict[str, str]
    stdout: str | None = None

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

    @staticmethod
    def parse(text: str) -> Expected:
        comments: list[str] = []
        fields: dict[str, str] = {}
        stdout: list[str] | None = None
        for n, line in enumerate(text.splitlines(), 1):
            if stdout is not None and line.startswith("|"):
                if line != "|" and not line.startswith("| "):
                    raise ValueError(f"line {n}: stdout lines start with '| '")
                stdout.append(line[2:])
            elif line.startswith("#"):
                comments.append(line[1:].strip())
            elif not line.strip():
                continue
            elif line == "stdout:":
                if stdout is not None:
                    raise ValueError(f"line {n}: stdout given twice")
                stdout = []
            else:
                key, sep, value = line.partition(":")
                if not sep or key not in KEYS or key == "stdout":
                    raise ValueError(f"line {n}: expected 'key: value' with a known key")
                if key in fields:
                    raise ValueError(f"line {n}: {key} given twice")
                fields[key] = value.strip()
        out = None if stdout is None else "".join(s + "\n" for s in stdout)
        return Expected(comments, fields, out)

    def render(self) -> str:
        lines = [f"# {c}" if c else "#" for c in self.comments]
        lines += [f"{k}: {self.fields[k]}" for k in KEYS if k in self.fields]
        if self.stdout is not None:
            lines.append("stdout:")
            lines += [f"| {s}" if s else "|" for s in self.stdout.splitlines()]
        return "\n".join(lines) + "\n"

    def problems(self) -> list[str]:
        """What is missing or malformed (empty when the file is well-formed)."""
        out: list[str] = []
        outcome = self.fields.get("outcome")
        if outcome not in ("accept", "reject"):
            return [f"outcome must be accept or reject, not {outcome!r}"]
        if not self.description:
            out.append("missing the description comment")
        required = REQUIRED_ACCEPT if outcome == "accept" else REQUIRED_REJECT
        out += [f"missing {key}:" for key in required if not self.fields.get(key)]
        if outcome == "reject":
            if self.fields.get("kind") not in KINDS:
                out.append(f"unknown kind {self.fields.get('kind')!r}")
            if self.stdout is not None:
                out.append("a rejected program has no stdout")
        elif "kind" in self.fields or "location" in self.fields:
            out.append("an accepted program has no kind or location")
        return out


@dataclass(frozen=True)
class Case:
    """One program: the directory GHC runs in, its root module, and its expected file."""

    name: str
    root: Path  # directory holding the sources
    main: str  # the file handed to GHC, relative to root
    expected_path: Path
    sources: tuple[str, ...]  # every .hs file of the case, relative to root

    def expected(self) -> Expected:
        return Expected.parse(self.expected_path.read_text(encoding="utf-8"))


def module_system_cases() -> list[Case]:
    cases = []
    for d in sorted(p for p in MODULE_SYSTEM_DIR.iterdir() if (p / "expected.txt").is_file()):
        sources = tuple(sorted(str(p.relative_to(d)) for p in d.rglob("*.hs")))
        cases.append(Case(d.name, d, "Main.hs", d / "expected.txt", sources))
    return cases


def parse_error_cases() -> list[Case]:
    return [
        Case(p.stem, PARSE_ERRORS_DIR, p.name, p.with_suffix(".expected"), (p.name,))
        for p in sorted(PARSE_ERRORS_DIR.glob("*.hs"))
    ]


def all_cases() -> list[Case]:
    return module_system_cases() + parse_error_cases()


# GHC 9.0 error headers: "F.hs:3:5: error:", "F.hs:3:5-9: error:", "F.hs:(3,5)-(4,2): error:".
_HEADER: Final = re.compile(
    r"^(?P<file>[^\s:]+\.hs):(?:(?P<l1>\d+):(?P<c1>\d+)(?:-\d+)?|\((?P<l2>\d+),(?P<c2>\d+)\)"
    r"-\(\d+,\d+\)): error:(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Verdict:
    outcome: str  # "accept" or "reject"
    location: Location | None
    first_line: str | None  # first line of the first error message, verbatim, unindented
    output: str  # everything GHC printed


def ghc_env() -> dict[str, str]:
    # A UTF-8 locale makes GHC quote names with ‘’ whatever the caller's locale is.
    return {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def copy_sources(case: Case, into: Path) -> None:
    for rel in case.sources:
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case.root / rel, into / rel)


def parse_ghc_output(output: str, returncode: int) -> Verdict:
    if returncode == 0:
        return Verdict("accept", None, None, output)
    lines = output.splitlines()
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if not m:
            continue
        file = m["file"].removeprefix("./")
        loc = Location(file, int(m["l1"] or m["l2"]), int(m["c1"] or m["c2"]))
        first = m["rest"].strip()
        if not first:
            first = next((s.strip() for s in lines[i + 1 :] if s.strip()), "")
        return Verdict("reject", loc, first, output)
    return Verdict("reject", None, None, output)


def run_ghc(case: Case, ghc: str = "ghc", timeout: float = 120) -> Verdict:
    """``ghc --make -fno-code`` on a temporary copy of the case."""
    with tempfile.TemporaryDirectory(prefix="ghc-case-") as tmp:
        work = Path(tmp) / "src"
        work.mkdir()
        copy_sources(case, work)
        cmd = [ghc, *GHC_FLAGS, "-outputdir", str(Path(tmp) / "out"), case.main]
        proc = subprocess.run(
            cmd, cwd=work, env=ghc_env(), capture_output=True, text=True, timeout=timeout
        )
        return parse_ghc_output(proc.stdout + proc.stderr, proc.returncode)


def run_program(case: Case, runghc: str = "runghc", timeout: float = 120) -> str:
    """The standard output of ``runghc Main.hs`` on a temporary copy of the case."""
    with tempfile.TemporaryDirectory(prefix="ghc-run-") as tmp:
        copy_sources(case, Path(tmp))
        proc = subprocess.run(
            [runghc, "--ghc-arg=-XHaskell2010", "--ghc-arg=-i.", case.main],
            cwd=tmp,
            env=ghc_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{case.name}: runghc failed:\n{proc.stderr}")
        return proc.stdout


def ghc_version(ghc: str = "ghc") -> str:
    out = subprocess.run([ghc, "--numeric-version"], capture_output=True, text=True, check=True)
    return out.stdout.strip()
