"""The front end (parse + rename) gives GHC's verdict on every corpus case.

For every case of ``tests/module_system`` and ``tests/parse_errors`` (see README.md):

* an accepted program parses and renames with no diagnostic at all;
* a rejected program whose kind belongs to the parser or the renamer is rejected,
  and the *first* diagnostic (the downsweep's, then each module's in dependency
  order, each module's in source order) has the expected kind (``KIND_OF_CODE``
  maps our diagnostic codes to the corpus vocabulary) and GHC's file:line:column;
* a rejected program whose kind belongs to the typechecker (``TYPECHECKER_KINDS``)
  must pass the renamer, since the error is not the renamer's to find.

``LOCATION_EXCEPTIONS`` lists the cases whose location cannot match GHC's, with the
reason; it is empty today.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Final

import pytest
from ghc_cases import KINDS, MODULE_SYSTEM_DIR, PARSE_ERRORS_DIR, Expected

from ifacedir.diagnostics import ERROR_CODES, render
from ifacedir.rename.program import base_dir, rename_base_library, rename_program

KIND_OF_CODE: Final[dict[str, str]] = {
    # lexer (Report chapter 2)
    "L001": "unterminated-string",
    "L002": "unterminated-comment",
    "L003": "unterminated-char",
    "L004": "bad-escape",
    "L005": "escape-out-of-range",
    "L006": "illegal-char",
    "L007": "unterminated-char",  # GHC: 'ab' is a TH name quote followed by junk
    "L008": "illegal-char",
    # parser
    "P001": "parse-error",
    "P004": "layout-error",
    "P005": "empty-do",
    "P006": "last-stmt-not-expr",
    "P007": "precedence-out-of-range",
    "P008": "qualified-binder",
    "P009": "pattern-syntax",
    "P010": "invalid-signature",
    "P011": "parse-error",  # GHC: "Unexpected do block in function application"
    # renamer
    "R001": "not-in-scope",
    "R002": "ambiguous",
    "R003": "duplicate-definition",
    "R004": "conflicting-definitions",
    "R005": "duplicate-signature",
    "R006": "duplicate-fixity",
    "R007": "signature-without-binding",
    "R008": "fixity-without-binding",
    "R009": "arity-mismatch",
    "R010": "not-a-subordinate",
    "R011": "conflicting-exports",
    "R012": "module-not-imported",
    "R013": "not-exported-by-import",
    "R014": "module-not-found",
    "R015": "main-not-exported",
    "R017": "fixity-conflict",
    "R018": "section-precedence",
}

TYPECHECKER_KINDS: Final = frozenset({"no-instance"})

# case id -> why our location cannot be GHC's
LOCATION_EXCEPTIONS: Final[dict[str, str]] = {}


def _cases() -> list[tuple[str, Path, Expected]]:
    out: list[tuple[str, Path, Expected]] = []
    for d in sorted(MODULE_SYSTEM_DIR.iterdir()):
        if (d / "expected.txt").is_file():
            out.append((d.name, d / "Main.hs", Expected.parse((d / "expected.txt").read_text())))
    for f in sorted(PARSE_ERRORS_DIR.glob("*.hs")):
        expected = Expected.parse(f.with_suffix(".expected").read_text())
        out.append((f"parse_errors/{f.stem}", f, expected))
    return out


CASES: Final = _cases()


def _require_base() -> None:
    if not (base_dir() / "Prelude.hs").is_file():
        pytest.skip("package base has no Prelude.hs yet")


def test_kind_table_uses_known_codes_and_kinds() -> None:
    assert set(KIND_OF_CODE) <= set(ERROR_CODES)
    assert set(KIND_OF_CODE.values()) | TYPECHECKER_KINDS <= set(KINDS)
    assert set(LOCATION_EXCEPTIONS) <= {case_id for case_id, _, _ in CASES}


def test_every_kind_in_the_corpus_is_covered() -> None:
    used = {e.fields["kind"] for _, _, e in CASES if e.outcome == "reject"}
    assert used <= set(KIND_OF_CODE.values()) | TYPECHECKER_KINDS


@pytest.mark.parametrize(("case_id", "main", "expected"), CASES, ids=[c[0] for c in CASES])
def test_front_end_verdict(case_id: str, main: Path, expected: Expected) -> None:
    _require_base()
    result = rename_program(main)
    sources = dict(result.sources)
    shown = "\n".join(render(d, sources.get(d.span.file)) for d in result.diagnostics[:5])
    kind = expected.fields.get("kind")
    if expected.outcome == "accept" or kind in TYPECHECKER_KINDS:
        assert not result.diagnostics, f"expected the front end to accept:\n{shown}"
        return
    assert result.diagnostics, f"expected {kind} at {expected.location}, but accepted"
    first = result.diagnostics[0]
    assert KIND_OF_CODE.get(first.code) == kind, f"expected {kind}:\n{shown}"
    if case_id in LOCATION_EXCEPTIONS:
        return
    where = f"{first.span.file}:{first.span.start.line}:{first.span.start.col}"
    assert where == str(expected.location), f"expected {kind} at {expected.location}:\n{shown}"


def test_base_library_renames_without_errors() -> None:
    _require_base()
    started = time.perf_counter()
    result = rename_base_library()
    sources = dict(result.sources)
    shown = "\n".join(render(d, sources.get(d.span.file)) for d in result.diagnostics[:5])
    assert result.ok, shown
    assert len(result.modules) == len(list(base_dir().rglob("*.hs")))
    assert time.perf_counter() - started < 60
