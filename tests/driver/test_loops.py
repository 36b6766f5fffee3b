"""Import loops broken by hs-boot files: plan, build, run, rebuild, and the
boot/implementation check (tests/driver/loops/README.md says where the expected
outputs come from)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from project import ran

from ifacedir.backend.world import World
from ifacedir.driver.build import BuildOptions, build, run
from ifacedir.driver.state import STATE_NAME

LOOPS = Path(__file__).parent / "loops"


def _copy(name: str, tmp_path: Path) -> Path:
    src = tmp_path / name
    shutil.copytree(LOOPS / name, src)
    return src


def _run(out: Path, options: BuildOptions) -> str:
    world = World.in_memory()
    assert run(out, options, world) == 0
    return world.stdout_bytes().decode("utf-8")


@pytest.mark.parametrize("loop", ["two", "three"])
@pytest.mark.parametrize(("level", "backend"), [(0, "interp"), (1, "python")])
def test_a_resolved_loop_builds_and_prints_what_ghc_prints(
    tmp_path: Path, loop: str, level: int, backend: str
) -> None:
    src = _copy(loop, tmp_path)
    options = BuildOptions(level=level, backend=backend, lint=True)
    result = build(src / "Main.hs", tmp_path / "out", options)
    assert result.ok, result.rendered + "\n".join(result.errors)
    assert _run(tmp_path / "out", options) == (src / "expected.stdout").read_text()
    assert ran(build(src / "Main.hs", tmp_path / "out", options)) == set()


def test_loop_members_see_the_boot_interface(tmp_path: Path) -> None:
    src = _copy("two", tmp_path)
    options = BuildOptions()
    build(src / "Main.hs", tmp_path / "out", options)
    # a change to A's body: B was typechecked against A.hs-boot, so only A reruns
    text = (src / "A.hs").read_text().replace("g x + 1", "g x + 3")
    (src / "A.hs").write_text(text)
    result = build(src / "Main.hs", tmp_path / "out", options)
    assert result.ok
    assert {m for m, _p in ran(result)} == {"A"}
    assert _run(tmp_path / "out", options) == "18\n"


def test_a_changed_boot_file_retypechecks_the_loop(tmp_path: Path) -> None:
    src = _copy("two", tmp_path)
    options = BuildOptions()
    build(src / "Main.hs", tmp_path / "out", options)
    (src / "A.hs-boot").write_text("module A where\n\nf :: Int -> Int\n\nk :: Int\n")
    (src / "A.hs").write_text((src / "A.hs").read_text() + "\nk :: Int\nk = 3\n")
    (src / "B.hs").write_text((src / "B.hs").read_text().replace("else 0", "else k"))
    result = build(src / "Main.hs", tmp_path / "out", options)
    assert result.ok, result.rendered
    assert ("A", "tc") in ran(result) and ("B", "tc") in ran(result)
    assert _run(tmp_path / "out", options) == "12\n"


def test_an_implementation_that_breaks_its_boot_file_is_an_error(tmp_path: Path) -> None:
    src = _copy("two", tmp_path)
    text = (src / "A.hs").read_text()
    text = text.replace("f :: Int -> Int", "f :: Integer -> Integer")
    text = text.replace("f x = g x + 1", "f x = toInteger (g (fromInteger x)) + 1")
    (src / "A.hs").write_text(text)
    result = build(src / "Main.hs", tmp_path / "out", BuildOptions(keep_going=True))
    assert not result.ok
    assert "A.hs:5:1: error: [D005] Type of ‘f’ differs from its hs-boot declaration" in (
        result.rendered
    )
    assert "the module has ‘Integer -> Integer’, the hs-boot file ‘Int -> Int’" in result.rendered
    assert sorted(result.skipped) == ["C", "Main"]


def test_a_missing_export_of_the_boot_file_is_an_error(tmp_path: Path) -> None:
    src = _copy("three", tmp_path)
    (src / "X.hs").write_text(
        (src / "X.hs").read_text().replace("(Tree(..), size, build)", "(Tree(..), build)")
    )
    result = build(src / "Main.hs", tmp_path / "out", BuildOptions())
    assert not result.ok
    assert "‘size’ is exported by the hs-boot file, but not by the module" in result.rendered


def test_a_binding_in_a_boot_file_is_an_error(tmp_path: Path) -> None:
    src = _copy("two", tmp_path)
    (src / "A.hs-boot").write_text("module A where\n\nf :: Int -> Int\nf x = x\n")
    result = build(src / "Main.hs", tmp_path / "out", BuildOptions())
    assert not result.ok
    assert "A.hs-boot:4:1: error: [D004] Bindings are not allowed in an hs-boot file" in (
        result.rendered
    )


def test_loops_are_deterministic_across_j_and_split(tmp_path: Path) -> None:
    outs = []
    for n, (jobs, split) in enumerate([(1, True), (2, True), (2, False)]):
        src = _copy("three", tmp_path / f"r{n}")
        options = BuildOptions(level=1, backend="python", jobs=jobs, split=split)
        assert build(src / "Main.hs", tmp_path / f"o{n}", options).ok
        outs.append(
            {
                p.relative_to(tmp_path / f"o{n}").as_posix(): p.read_bytes()
                for p in (tmp_path / f"o{n}").rglob("*")
                if p.is_file() and p.name != STATE_NAME
            }
        )
    assert outs[0] == outs[1] == outs[2]
    assert "X.hidir/X.hi-boot" in outs[0]


def test_resuming_a_loop_from_its_tc_files_gives_the_same_bytes(tmp_path: Path) -> None:
    from ifacedir.driver.build import resume
    from ifacedir.driver.plan import Step

    src = _copy("three", tmp_path)
    options = BuildOptions(level=1, backend="python")
    assert build(src / "Main.hs", tmp_path / "full", options).ok
    full = {
        p.relative_to(tmp_path / "full").as_posix(): p.read_bytes()
        for p in (tmp_path / "full").rglob("*")
        if p.is_file() and p.name != STATE_NAME
    }
    fresh = tmp_path / "fresh"
    for rel in full:
        if rel.endswith(("tc.ifc", ".hi-boot")):
            (fresh / rel).parent.mkdir(parents=True, exist_ok=True)
            (fresh / rel).write_bytes(full[rel])
    shutil.rmtree(src)
    result = resume(fresh, Step.DS, options)
    assert result.ok, result.errors
    got = {p.relative_to(fresh).as_posix(): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    assert got == full
