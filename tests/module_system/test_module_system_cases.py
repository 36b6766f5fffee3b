"""The case corpora are well-formed (no GHC needed): fields present, locations inside the files.

The corpora are described in tests/module_system/README.md; the renamer's own tests,
which compile every case and compare with the recorded verdicts, come later.
"""

from __future__ import annotations

import re

import pytest
from ghc_cases import (
    KINDS,
    MODULE_SYSTEM_DIR,
    PARSE_ERRORS_DIR,
    Case,
    Expected,
    all_cases,
    module_system_cases,
    parse_error_cases,
)

CASES = all_cases()


def test_corpus_sizes() -> None:
    module_cases = module_system_cases()
    assert len(module_cases) >= 45
    assert sum(c.expected().outcome == "reject" for c in parse_error_cases()) >= 32
    # both verdicts are well represented in the module-system corpus
    outcomes = [c.expected().outcome for c in module_cases]
    assert outcomes.count("accept") >= 20 and outcomes.count("reject") >= 20


def test_every_case_directory_is_complete() -> None:
    for d in MODULE_SYSTEM_DIR.iterdir():
        if d.is_dir() and not d.name.startswith((".", "_")):
            assert (d / "expected.txt").is_file(), f"{d.name}: no expected.txt"
            assert (d / "Main.hs").is_file(), f"{d.name}: no Main.hs"
    stems = {p.stem for p in PARSE_ERRORS_DIR.glob("*.hs")}
    assert stems == {p.stem for p in PARSE_ERRORS_DIR.glob("*.expected")}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_file_is_well_formed(case: Case) -> None:
    text = case.expected_path.read_text(encoding="utf-8")
    expected = Expected.parse(text)
    assert expected.problems() == []
    assert expected.render() == text, "not in canonical form (re-run record_ghc.py)"
    assert expected.fields.get("recorded-with", "").startswith("ghc "), "verdict not recorded"
    if expected.outcome == "accept":
        assert expected.stdout, "an accepted program prints something"
    elif case.root == PARSE_ERRORS_DIR:
        assert expected.location is not None and expected.location.file == case.main


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.expected().outcome == "reject"], ids=lambda c: c.name
)
def test_location_is_inside_its_file(case: Case) -> None:
    loc = case.expected().location
    assert loc is not None
    assert loc.file in case.sources, f"{loc.file} is not a file of the case"
    lines = (case.root / loc.file).read_text(encoding="utf-8").split("\n")
    assert 1 <= loc.line <= len(lines), f"{loc}: no such line"
    # Column len+1 is the end of the line (where an unterminated literal is reported).
    assert 1 <= loc.col <= len(lines[loc.line - 1]) + 1, f"{loc}: no such column"


def test_sources_are_tab_free() -> None:
    # GHC and the Report agree on tab stops, but tab-free sources keep columns obvious.
    for case in CASES:
        for rel in case.sources:
            assert "\t" not in (case.root / rel).read_text(encoding="utf-8"), (case.name, rel)


def test_readme_documents_every_kind() -> None:
    readme = (MODULE_SYSTEM_DIR / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", readme, re.MULTILINE))
    assert documented == set(KINDS)


def test_parser_rejects_malformed_files() -> None:
    for bad in ("outcome accept\n", "colour: red\n", "outcome: a\noutcome: b\n", "stdout:\n|x\n"):
        with pytest.raises(ValueError):
            Expected.parse(bad)
    assert Expected.parse("# d\noutcome: maybe\n").problems() != []
    assert Expected.parse("# d\noutcome: reject\nkind: nonsense\n").problems() != []
