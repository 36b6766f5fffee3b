"""Recompilation scenarios: each edit rebuilds exactly the (module, phase) pairs listed.

The project is tests/driver/project.py's; each test starts from a copy of a project
built once (per level), edits it, rebuilds, and asserts the exact set of pairs that
ran (ifacedir.driver.recomp decides; the reasons are checked where they matter).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from project import build_dir, clone, edit, every, ran, why, write_project

from ifacedir.driver.build import BuildOptions, build


@pytest.fixture(scope="module")
def built_o0(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("o0")
    write_project(root / "src")
    first = build_dir(root)
    assert ran(first) == every("A", "B", "Main")
    return root


@pytest.fixture(scope="module")
def built_o1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("o1")
    write_project(root / "src")
    build_dir(root, level=1)
    return root


@pytest.fixture
def o0(built_o0: Path, tmp_path: Path) -> Path:
    clone(built_o0, tmp_path / "p")
    return tmp_path / "p"


@pytest.fixture
def o1(built_o1: Path, tmp_path: Path) -> Path:
    clone(built_o1, tmp_path / "p")
    return tmp_path / "p"


def test_nothing_changed_runs_nothing(o0: Path) -> None:
    result = build_dir(o0)
    assert ran(result) == set()
    assert result.up_to_date == 15


def test_comment_only_edit_typechecks_that_module_only(o0: Path) -> None:
    edit(o0 / "src", "A", "-- a comment", "-- a longer comment, same line")
    result = build_dir(o0)
    assert ran(result) == {("A", "tc")}
    assert why(result, "A", "tc") == ["the source file changed"]


def test_comment_that_shifts_lines_rebuilds_no_importer(o0: Path) -> None:
    edit(o0 / "src", "A", "-- a comment", "-- a comment\n-- and another line")
    result = build_dir(o0)
    assert {m for m, _p in ran(result)} == {"A"}


def test_body_of_a_function_not_inlined_rebuilds_no_importer(o0: Path) -> None:
    edit(o0 / "src", "A", "sum (replicate 3 x)", "sum (replicate 3 x) + 0")
    assert ran(build_dir(o0)) == every("A")


def test_body_of_an_inlined_function_at_O1_rebuilds_importers_simplify_only(o1: Path) -> None:
    edit(o1 / "src", "A", "double x = x * 2", "double x = x + x")
    result = build_dir(o1, level=1)
    later = ("simpl", "hi", "codegen")
    assert ran(result) == every("A") | every("B", "Main", phases=later)
    assert why(result, "B", "simpl") == ["the unfoldings of A changed"]


def test_same_body_change_at_O0_rebuilds_no_importer(o0: Path) -> None:
    edit(o0 / "src", "A", "double x = x * 2", "double x = x + x")
    assert ran(build_dir(o0)) == every("A")


def test_new_export_nobody_uses_rebuilds_no_importer(o0: Path) -> None:
    edit(o0 / "src", "A", "(<+>)) where", "(<+>), unused) where\n\nunused :: Int\nunused = 7")
    assert ran(build_dir(o0)) == every("A")


def test_new_export_that_clashes_with_a_mentioned_name_rebuilds_the_importer(
    o0: Path,
) -> None:
    # B defines and exports `describe`: the same name newly exported by A makes B's
    # export ambiguous, so B must be typechecked again (and now fails)
    edit(o0 / "src", "A", "(<+>)) where", "(<+>), describe) where\n\ndescribe :: Int\ndescribe = 7")
    result = build(o0 / "src", o0 / "out", BuildOptions())
    assert not result.ok and "Ambiguous occurrence ‘describe’" in result.rendered
    assert ("B", "tc") in ran(result)
    assert why(result, "B", "tc") == ["A now exports describe, which this module mentions"]
    assert result.skipped == ["Main"]


def test_changed_type_of_a_used_function_rebuilds_its_users_only(o0: Path) -> None:
    edit(o0 / "src", "A", "double :: Int -> Int", "double :: Num a => a -> a")
    result = build_dir(o0)
    assert ran(result) == every("A", "B")  # Main does not use double
    assert why(result, "B", "tc") == ["A.double changed"]


def test_removed_export_that_is_used_fails_the_importer(o0: Path) -> None:
    edit(o0 / "src", "A", "module A (double, triple,", "module A (double,")
    result = build(o0 / "src", o0 / "out", BuildOptions())
    assert not result.ok
    assert "triple" in result.rendered
    assert "A no longer exports triple" in why(result, "Main", "tc")
    assert not {p for m, p in ran(result) if m == "B"}  # B does not use triple


def test_new_instance_of_a_used_type_retypechecks_its_users_and_stops_there(o0: Path) -> None:
    edit(o0 / "src", "A", "deriving (Show, Eq)", "deriving (Show, Eq, Ord)")
    result = build_dir(o0)
    # the instance is part of Shape's fingerprint (Note [Instances attached to an
    # entity]); both importers use Shape, their typed programs come out the same, so
    # their ds does too and their simplify does not run
    assert ran(result) == every("A") | every("B", "Main", phases=("tc", "ds", "hi"))
    assert "A.type Shape changed" in why(result, "B", "tc")


def test_new_instance_of_a_type_nobody_uses_rebuilds_no_importer(o0: Path) -> None:
    extra = '\ndata Colour = Red | Green\n\ninstance Show Colour where\n  show _ = "c"\n'
    (o0 / "src" / "A.hs").write_text((o0 / "src" / "A.hs").read_text() + extra)
    assert ran(build_dir(o0)) == every("A")


def test_new_orphan_instance_retypechecks_every_module_above(o0: Path) -> None:
    orphan = "\ninstance Num Bool where\n  fromInteger n = n /= 0\n  a + b = a || b\n"
    orphan += "  a * b = a && b\n  negate = not\n  abs = id\n  signum = id\n"
    (o0 / "src" / "A.hs").write_text((o0 / "src" / "A.hs").read_text() + orphan)
    result = build_dir(o0)
    assert ran(result) == every("A") | every("B", "Main", phases=("tc", "ds", "hi"))
    assert why(result, "B", "tc") == ["the instances seen through A changed"]


def test_fixity_change_rebuilds_the_user_of_the_operator(o0: Path) -> None:
    edit(o0 / "src", "A", "infixl 6 <+>", "infixr 6 <+>")
    result = build_dir(o0)
    # A's own Core does not change (it never applies <+>); B does not use it
    assert ran(result) == every("A", phases=("tc", "ds", "hi")) | every("Main")
    assert "A.<+> changed" in why(result, "Main", "tc")


def test_optimisation_flag_reruns_simplify_and_later_only(o0: Path) -> None:
    result = build_dir(o0, level=1)
    assert ran(result) == every("A", "B", "Main", phases=("simpl", "hi", "codegen"))
    assert why(result, "A", "simpl")[0] == "flag optimise changed"


def test_backend_switch_reruns_codegen_only(o0: Path) -> None:
    result = build_dir(o0, backend="python")
    assert ran(result) == every("A", "B", "Main", phases=("codegen",))
    again = build_dir(o0, backend="interp")
    assert ran(again) == set()  # each backend's output and stamp are its own


def test_deleted_phase_file_rebuilds_that_phase(o0: Path) -> None:
    (o0 / "out" / "B.hidir" / "ds.ifc").unlink()
    result = build_dir(o0)
    assert ran(result) == {("B", "ds")}
    assert why(result, "B", "ds") == ["ds file missing"]


@pytest.mark.parametrize("role", ["tc.ifc", "simpl.ifc", "A.hi"])
def test_corrupt_phase_file_rebuilds_that_phase(o0: Path, role: str) -> None:
    path = o0 / "out" / "A.hidir" / role
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # inside the last section
    path.write_bytes(bytes(data))
    result = build_dir(o0)
    phase = {"tc.ifc": "tc", "simpl.ifc": "simpl", "A.hi": "hi"}[role]
    assert ran(result) == {("A", phase)}
    assert "corrupt" in why(result, "A", phase)[0]


def test_changed_source_then_reverted_is_a_noop_after_the_second_build(o0: Path) -> None:
    edit(o0 / "src", "B", "quad x = double (double x)", "quad x = double x * 2")
    build_dir(o0)
    edit(o0 / "src", "B", "quad x = double x * 2", "quad x = double (double x)")
    build_dir(o0)
    assert ran(build_dir(o0)) == set()
