"""The generated projects of the build-driver benchmark (bench/projects.py).

The benchmark's figures only mean something if its projects are what they claim:
deterministic, acyclic, valid for our front end (so every build really goes through
every phase) and for GHC (so both compilers do the same job), and if every edit kind
keeps them valid. ``ifacedir check`` runs in process, with package base from this
session's cache (tests/conftest.py); the comparison with GHC's output is the only
part that starts compilers.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from bench.projects import (
    EDIT_KINDS,
    MAIN_FILE,
    SHAPES,
    apply_edit,
    default_target,
    generate_project,
    module_file,
    project_imports,
)
from cli.check import run_check
from ifacedir.iface.basecache import BaseInterfaces, load_base


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root


@pytest.fixture(scope="module")
def base() -> BaseInterfaces:
    loaded = load_base()
    assert loaded.base is not None, loaded
    return loaded.base


def _check(root: Path, base: BaseInterfaces) -> None:
    outcome = run_check(root, [], "typecheck", None, base)
    assert outcome.report.ok, outcome.rendered_errors
    assert len(outcome.report.modules) == len(list(root.rglob("*.hs")))


def _number(module: str) -> int:
    return 0 if module == "Main" else int(module.removeprefix("Gen.M"))


@pytest.mark.parametrize("shape", SHAPES)
def test_deterministic_per_seed(shape: str) -> None:
    project = generate_project(30, shape, seed=3)
    assert project == generate_project(30, shape, seed=3)
    assert project != generate_project(30, shape, seed=4)
    assert list(project)[-1] == MAIN_FILE and len(project) == 31


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("n", [1, 2, 17, 60])
def test_acyclic_and_imports_exist(shape: str, n: int) -> None:
    project = generate_project(n, shape, seed=1)
    imports = project_imports(project)
    assert set(imports) == {f"Gen.M{i:04d}" for i in range(1, n + 1)} | {"Main"}
    for module, deps in imports.items():
        assert module_file(module) in project
        imported = re.findall(r"^import (?:qualified )?(\S+)", project[module_file(module)], re.M)
        assert imported == deps, "every import is of a module of the project"
        if module != "Main":
            assert all(_number(d) < _number(module) for d in deps), "imports go downwards"
    # Main depends on every module, through the modules nobody else imports.
    seen, todo = set(), ["Main"]
    while todo:
        for dep in imports[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    assert seen == set(imports) - {"Main"}
    tops = set(imports) - {"Main"} - {d for m, ds in imports.items() if m != "Main" for d in ds}
    assert set(imports["Main"]) == tops


def test_shapes() -> None:
    n = 50
    chain = project_imports(generate_project(n, "chain", 0))
    assert all(chain[f"Gen.M{i:04d}"] == [f"Gen.M{i - 1:04d}"] for i in range(2, n + 1))
    assert chain["Main"] == [f"Gen.M{n:04d}"]
    width = round(math.sqrt(n))
    layered = project_imports(generate_project(n, "layered", 0))
    for i in range(1, n + 1):
        deps = [_number(d) for d in layered[f"Gen.M{i:04d}"]]
        layer = (i - 1) // width
        assert (layer == 0) == (not deps)
        assert len(deps) <= 3 and all((d - 1) // width == layer - 1 for d in deps)
    rand = project_imports(generate_project(n, "random", 0))
    assert all(1 <= len(rand[f"Gen.M{i:04d}"]) <= 3 for i in range(2, n + 1))


def test_modules_are_small_and_use_every_feature() -> None:
    project = generate_project(60, "random", 0)
    sizes = [text.count("\n") for path, text in project.items() if path != MAIN_FILE]
    assert min(sizes) >= 25 and max(sizes) <= 50
    text = "".join(project.values())
    for needle in ("deriving (Show, Eq)", "instance Size", "infixl 6 |", "import qualified"):
        assert needle in text
    # The operator is used by importers, where its fixity decides the parse.
    assert re.search(r"x \+ 1 \|\S+\| ", text)


def test_unknown_shape_and_edit() -> None:
    with pytest.raises(ValueError, match="shape"):
        generate_project(3, "tree", 0)
    project = generate_project(3, "chain", 0)
    with pytest.raises(ValueError, match="edit kind"):
        apply_edit(project, "rename", "Gen.M0001")
    with pytest.raises(ValueError, match="not in the project"):
        apply_edit(project, "body", "Gen.M0009")


@pytest.mark.parametrize("shape", SHAPES)
def test_small_project_passes_check(shape: str, tmp_path: Path, base: BaseInterfaces) -> None:
    _check(_write(tmp_path, generate_project(8, shape, seed=2)), base)


@pytest.mark.parametrize("kind", EDIT_KINDS)
def test_every_edit_changes_text_and_still_checks(
    kind: str, tmp_path: Path, base: BaseInterfaces
) -> None:
    project = generate_project(12, "random", seed=5)
    target = default_target(project, kind)
    edited = apply_edit(project, kind, target)
    changed = {p for p in project if edited[p] != project[p]}
    assert module_file(target) in changed
    if kind == "type_change":  # the users change with it, and only they
        users = {m for m, deps in project_imports(project).items() if target in deps}
        assert changed == {module_file(target)} | {module_file(u) for u in users}
    else:
        assert changed == {module_file(target)}
    if kind == "comment":  # no line shifts: the same line numbers for everything else
        old, new = project[module_file(target)], edited[module_file(target)]
        assert old.count("\n") == new.count("\n")
        assert [a == b for a, b in zip(old.split("\n"), new.split("\n"), strict=True)].count(
            False
        ) == 1
    _check(_write(tmp_path, edited), base)


def test_default_target_has_most_importers() -> None:
    project = generate_project(40, "random", seed=0)
    imports = project_imports(project)
    counts = {m: sum(m in ds for ds in imports.values()) for m in imports}
    target = default_target(project, "body")
    assert counts[target] == max(counts.values())
    fixity = default_target(project, "fixity")
    assert "infixl 6" in project[module_file(fixity)]


def _ifacedir() -> list[str]:
    script = Path(sys.executable).with_name("ifacedir")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ifacedir"]


def _ghc_and_ifacedir_output(project: Mapping[str, str], tmp_path: Path) -> tuple[str, str]:
    src = _write(tmp_path / "src", project)
    out = tmp_path / "ghc"
    out.mkdir()
    command = ["ghc", "--make", "-O0", "-v0", "-outputdir", str(out), "-o", str(out / "main")]
    subprocess.run([*command, f"-i{src}", str(src / MAIN_FILE)], check=True)
    theirs = subprocess.run([out / "main"], capture_output=True, text=True, check=True).stdout
    ours = subprocess.run(
        [*_ifacedir(), "run", str(src), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return theirs, ours


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_ghc_and_ifacedir_print_the_same(tmp_path: Path) -> None:
    """``ghc --make`` and ``ifacedir run`` agree on a small project (about 7 s: the
    first ``ifacedir run`` of the session builds package base's back-end files)."""
    theirs, ours = _ghc_and_ifacedir_output(generate_project(8, "random", seed=2), tmp_path)
    assert theirs.count("\n") == 3
    assert ours == theirs


@pytest.mark.ghc
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
@pytest.mark.parametrize("kind", EDIT_KINDS)
def test_edited_projects_print_the_same(kind: str, tmp_path: Path) -> None:
    """The same after each edit (each edit changes what GHC accepts differently)."""
    project = generate_project(8, "random", seed=2)
    edited = apply_edit(project, kind, default_target(project, kind))
    theirs, ours = _ghc_and_ifacedir_output(edited, tmp_path)
    assert ours == theirs


@pytest.mark.slow
def test_driver_benchmark_runs(tmp_path: Path) -> None:
    """Smoke test of ``python -m bench driver`` on a tiny project (slow: a dozen builds
    in fresh processes, and the warm-up builds package base's files)."""
    from bench.driver import format_table, report_ok, run_driver_benchmark

    report = run_driver_benchmark(
        modules=3, shape="chain", edits=("comment", "fixity"), workdir=tmp_path
    )
    assert report_ok(report)
    for variant in report["full"]["variants"].values():
        assert "skipped" in variant or variant["seconds"] > 0
    if report["noop"]["ifacedir"]["pairs"] is not None:
        assert report["noop"]["ifacedir"]["pairs"] == 0
        assert report["edits"]["comment"]["ifacedir"]["modules"] >= 1
    if "ghc" in report["noop"]:
        assert report["noop"]["ghc"]["modules"] == 0
        assert report["edits"]["comment"]["ghc"]["module_names"] == ["Gen.M0001"]
    table = format_table(report)
    assert "no-op rebuild" in table and "fixity" in table
