"""The typecheck corpus is well-formed (no GHC needed), and our front end accepts its programs.

The corpus is described in tests/typecheck_corpus/README.md. These tests check that every
expected file is complete and canonical, that every location lies inside its file, that
the ``types:`` blocks name exactly the modules of the case, and that the parser and
renamer pass every program whose error (if any) is the typechecker's to find. The
typechecker's own comparison with the recorded verdicts and types comes with it.
"""

from __future__ import annotations

import re
from typing import Final

import pytest
from tc_cases import (
    CORPUS_DIR,
    KINDS,
    TcCase,
    TcExpected,
    all_cases,
    normalise_stderr,
    parse_dump_types,
    strip_forall,
)

from ifacedir.rename.program import rename_program

CASES = all_cases()
REJECTS = [c for c in CASES if c.expected().outcome == "reject"]

# Rejected programs our front end already rejects (correctly, but before the typechecker
# would), with the diagnostic code it gives. Every other case must parse and rename.
FRONT_END_REJECTS: Final[dict[str, str]] = {
    # GHC: "Illegal instance declaration for ‘Sum [Int]’" (a typechecker error); our
    # parser rejects the head as "unsupported: instance type other than T a1 ... an".
    "155-instance-head-concrete-argument": "P002",
}


def module_name(rel: str) -> str:
    """``Data/Stack.hs`` -> ``Data.Stack``."""
    return rel.removesuffix(".hs").replace("/", ".")


def test_corpus_sizes() -> None:
    outcomes = [c.expected().outcome for c in CASES]
    assert outcomes.count("accept") >= 60
    assert outcomes.count("reject") >= 40
    # several kinds, none dominating
    kinds = [c.expected().fields["kind"] for c in REJECTS]
    assert len(set(kinds)) >= 12
    assert max(kinds.count(k) for k in set(kinds)) <= len(kinds) // 3


def test_every_case_directory_is_complete() -> None:
    for d in CORPUS_DIR.iterdir():
        if d.is_dir() and not d.name.startswith((".", "_")):
            assert re.fullmatch(r"\d{3}-[a-z0-9-]+", d.name), d.name
            assert (d / "expected.txt").is_file(), f"{d.name}: no expected.txt"
            assert (d / "Main.hs").is_file(), f"{d.name}: no Main.hs"
    numbers = [c.name[:3] for c in CASES]
    assert len(numbers) == len(set(numbers)), "case numbers are unique"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_file_is_well_formed(case: TcCase) -> None:
    text = case.expected_path.read_text(encoding="utf-8")
    expected = TcExpected.parse(text)
    assert expected.problems() == []
    assert expected.render() == text, "not in canonical form (re-run record_ghc.py)"
    if expected.outcome == "accept":
        # one types: block per module of the case, Main last (GHC compiles it last)
        assert set(expected.types) == {module_name(s) for s in case.sources}
        assert list(expected.types)[-1] == "Main"
        assert any(e.startswith("main :: ") for e in expected.types["Main"])
        # types must not differ between GHC's Foldable Prelude and our list one
        for entries in expected.types.values():
            assert not [e for e in entries if "Foldable" in e or "Traversable" in e]


@pytest.mark.parametrize("case", REJECTS, ids=lambda c: c.name)
def test_location_is_inside_its_file(case: TcCase) -> None:
    loc = case.expected().location
    assert loc is not None
    assert loc.file in case.sources, f"{loc.file} is not a file of the case"
    lines = (case.root / loc.file).read_text(encoding="utf-8").split("\n")
    assert 1 <= loc.line <= len(lines), f"{loc}: no such line"
    assert 1 <= loc.col <= len(lines[loc.line - 1]), f"{loc}: no such column"


def test_sources_are_tab_free_and_declare_their_module() -> None:
    for case in CASES:
        for rel in case.sources:
            text = (case.root / rel).read_text(encoding="utf-8")
            assert "\t" not in text, (case.name, rel)
            if rel != "Main.hs":
                assert f"module {module_name(rel)}" in text, (case.name, rel)


def test_readme_documents_every_kind() -> None:
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", readme, re.MULTILINE))
    assert documented == set(KINDS)


def test_parser_rejects_malformed_files() -> None:
    for bad in (
        "outcome accept\n",
        "colour: red\n",
        "outcome: a\noutcome: b\n",
        "stdout:\n|x\n",
        "| stray\n",
        "types:\n| x :: Int\n",
        "types: M\n| a :: Int\ntypes: M\n",
        "stdout: text\n",
    ):
        with pytest.raises(ValueError):
            TcExpected.parse(bad)
    assert TcExpected.parse("# d\noutcome: maybe\n").problems() != []
    assert TcExpected.parse("# d\noutcome: reject\nkind: nonsense\n").problems() != []
    accepted = (
        "# d\noutcome: accept\nrecorded-with: ghc 9.0.2\nexit: 1\n"
        "types: Main\n| main :: IO ()\nstdout:\n| x\n"
    )
    assert TcExpected.parse(accepted).problems() == ["stderr: exactly when exit is not 0"]


def test_round_trip_of_every_block() -> None:
    text = (
        "# d\noutcome: accept\nrecorded-with: ghc 9.0.2\nargs: a b\nexit: 1\n"
        "types: A\n| f :: Int\n| instance Show T\ntypes: Main\n| main :: IO ()\n"
        "stdin:\n| 1\n|\nstdout:\n| x\nstderr:\n| <prog>: boom\n"
    )
    exp = TcExpected.parse(text)
    assert exp.render() == text
    assert exp.problems() == []
    assert exp.args == ["a", "b"] and exp.stdin == "1\n\n" and exp.exit == 1
    assert exp.types == {"A": ["f :: Int", "instance Show T"], "Main": ["main :: IO ()"]}


def test_dump_types_parsing() -> None:
    dump = (
        "[1 of 2] Compiling A                ( A.hs, nothing )\n"
        "TYPE SIGNATURES\n"
        "  size :: forall {p} {a}. Num p => Tree a -> p\n"
        "TYPE CONSTRUCTORS\n"
        "  data type Tree{1} :: * -> *\n"
        "CLASS INSTANCES\n"
        "  instance Show a => Show (Tree a) -- Defined at A.hs:2:56\n"
        "  instance (Show a, Show b) => Show (Pair a b)\n"
        "    -- Defined at A.hs:3:45\n"
        "Dependent modules: []\n"
        "[2 of 2] Compiling Main             ( Main.hs, nothing )\n"
        "TYPE SIGNATURES\n"
        "  :Main.main :: IO ()\n"
        "  long ::\n"
        "    forall {t1}.\n"
        "    (t1 -> t1)\n"
        "    -> t1\n"
        "  main :: IO ()\n"
        "Dependent packages: [base-4.15.1.0]\n"
    )
    assert parse_dump_types(dump) == {
        "A": [
            "size :: forall {p} {a}. Num p => Tree a -> p",
            "instance Show a => Show (Tree a)",
            "instance (Show a, Show b) => Show (Pair a b)",
        ],
        "Main": ["long :: forall {t1}. (t1 -> t1) -> t1", "main :: IO ()"],
    }
    assert strip_forall("forall {p} a. Num p => a -> p") == "Num p => a -> p"
    assert strip_forall("Int -> Int") == "Int -> Int"


def test_stderr_normalisation() -> None:
    raw = (
        "Main.hs: boom\nCallStack (from HasCallStack):\n"
        "  error, called at Main.hs:3:8 in main:Main\n"
    )
    assert normalise_stderr(raw, "Main.hs") == "<prog>: boom\n"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_front_end_passes_the_program(case: TcCase) -> None:
    """Parser and renamer find nothing: every error in the corpus is a type error."""
    diagnostics = rename_program(case.root / case.main).diagnostics
    codes = [d.code for d in diagnostics]
    if case.name in FRONT_END_REJECTS:
        assert codes[:1] == [FRONT_END_REJECTS[case.name]]
    else:
        assert codes == [], [str(d) for d in diagnostics]
