"""The parser against the GHC-recorded corpora (tests/module_system/README.md).

* Every program of tests/parse_errors whose kind is lexical, layout or syntactic is
  rejected by ``parse_module``, and the first diagnostic in source order is at GHC's
  location, with one of the codes that ``KIND_CODES`` maps that kind to.
* Every other program of tests/parse_errors (its error is a scope error, found by
  the renamer) and every module of every tests/module_system case parses without
  any diagnostic.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ifacedir.diagnostics import SourceError
from ifacedir.parse.parser import parse_module, parse_module_diagnostics

TESTS = Path(__file__).resolve().parents[2]


def _ghc_cases() -> ModuleType:
    """tests/module_system/ghc_cases.py (not a package), loaded once by path."""
    if "ghc_cases" in sys.modules:
        return sys.modules["ghc_cases"]
    spec = importlib.util.spec_from_file_location(
        "ghc_cases", TESTS / "module_system" / "ghc_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ghc_cases"] = module
    spec.loader.exec_module(module)
    return module


GHC_CASES = _ghc_cases()

# Corpus kind -> the diagnostic codes that express it. L-codes come from the lexer
# (ifacedir.parse.lexer) and the layout stream, P-codes from the parser.
KIND_CODES: dict[str, frozenset[str]] = {
    "unterminated-string": frozenset({"L001"}),
    # GHC reads 'a and 'ab' as Template Haskell name quotes (see the corpus README).
    "unterminated-char": frozenset({"L003", "L007"}),
    "unterminated-comment": frozenset({"L002"}),
    "bad-escape": frozenset({"L004"}),
    "escape-out-of-range": frozenset({"L005"}),
    "illegal-char": frozenset({"L006", "L008"}),
    "layout-error": frozenset({"P004", "L201"}),
    # P011: GHC's "Unexpected do block in function application" (case 026).
    "parse-error": frozenset({"P001", "P011"}),
    "empty-do": frozenset({"P005"}),
    "last-stmt-not-expr": frozenset({"P006"}),
    "pattern-syntax": frozenset({"P009"}),
    "precedence-out-of-range": frozenset({"P007"}),
    "qualified-binder": frozenset({"P008"}),
    "invalid-signature": frozenset({"P010"}),
}

# Cases whose first diagnostic cannot sit where GHC puts it, with the reason.
# (Empty: every case currently matches GHC's line and column.)
LOCATION_EXCEPTIONS: dict[str, str] = {}


def _rejected_by_parser() -> list[Any]:
    return [
        c for c in GHC_CASES.parse_error_cases() if c.expected().fields.get("kind") in KIND_CODES
    ]


def _scope_errors() -> list[Any]:
    return [
        c
        for c in GHC_CASES.parse_error_cases()
        if c.expected().fields.get("kind") not in KIND_CODES
    ]


def _module_system_sources() -> list[tuple[str, Path]]:
    return [
        (f"{case.name}/{source}", case.root / source)
        for case in GHC_CASES.module_system_cases()
        for source in case.sources
    ]


def test_every_corpus_kind_is_classified() -> None:
    parser_kinds = {k for k in GHC_CASES.KINDS if k in KIND_CODES}
    assert set(KIND_CODES) <= set(GHC_CASES.KINDS)
    assert len(parser_kinds) == 14
    assert len(_rejected_by_parser()) >= 30


@pytest.mark.parametrize("case", _rejected_by_parser(), ids=lambda c: c.name)
def test_parse_error_case_is_rejected_at_ghc_location(case: Any) -> None:
    path = case.root / case.main
    with pytest.raises(SourceError) as info:
        parse_module(path.read_text(encoding="utf-8"), case.main)
    first = info.value.diagnostics[0]
    expected = case.expected()
    assert first.code in KIND_CODES[expected.fields["kind"]], first
    location = expected.location
    if case.name in LOCATION_EXCEPTIONS:
        pytest.skip(LOCATION_EXCEPTIONS[case.name])
    assert (first.span.file, first.span.start.line, first.span.start.col) == (
        location.file,
        location.line,
        location.col,
    ), first


@pytest.mark.parametrize("case", _scope_errors(), ids=lambda c: c.name)
def test_scope_error_case_parses(case: Any) -> None:
    path = case.root / case.main
    module, diagnostics = parse_module_diagnostics(path.read_text(encoding="utf-8"), case.main)
    assert diagnostics == ()
    assert module is not None and module.name == "Main"


@pytest.mark.parametrize(("name", "path"), _module_system_sources(), ids=lambda x: str(x))
def test_module_system_source_parses(name: str, path: Path) -> None:
    module, diagnostics = parse_module_diagnostics(path.read_text(encoding="utf-8"), name)
    assert diagnostics == ()
    assert module is not None
    expected_name = Path(name).relative_to(name.split("/")[0]).with_suffix("")
    if module.has_header:
        assert module.name == ".".join(expected_name.parts)
