"""The driver beyond recompilation: module graph errors, cycles, parallel builds and
their determinism, --keep-going, --trace, resuming after `check`, explain and diff."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import MAIN, B, build_dir, edit, every, ran, write_project

from ifacedir.driver.build import BuildOptions, build
from ifacedir.driver.graph import GraphError, NodeKey, module_graph
from ifacedir.driver.plan import CycleError, Step, TaskKey, module_order, tasks
from ifacedir.driver.state import STATE_NAME

IFACEDIR = [sys.executable, "-m", "ifacedir"]


def files_of(outdir: Path) -> dict[str, bytes]:
    """Every output file (not the build-state cache: timestamps, absolute paths)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != STATE_NAME
    }


# --- The module graph, from headers -------------------------------------------------------


def test_graph_from_headers_only(tmp_path: Path) -> None:
    src = write_project(tmp_path)
    # a body that does not parse: the downsweep reads the header and stops
    (src / "B.hs").write_text(B + "\nthis is not ( Haskell\n")
    graph = module_graph(src, (), {"Prelude"})
    assert sorted(str(k) for k in graph.nodes) == ["A", "B", "Main"]
    assert graph.edges(NodeKey("Main")) == [NodeKey("A"), NodeKey("B")]
    assert graph.external == {"Prelude"}


def test_missing_module_names_the_search_path(tmp_path: Path) -> None:
    src = write_project(tmp_path / "src", B=B.replace("import A", "import A\nimport Data.Gone"))
    with pytest.raises(GraphError) as info:
        module_graph(src / "Main.hs", (tmp_path / "lib",), {"Prelude"})
    (diag,) = info.value.diagnostics
    assert diag.message == "Could not find module ‘Data.Gone’"
    assert (diag.span.file, diag.span.start.line) == ("B.hs", 4)
    assert "Data/Gone.hs" in diag.notes[0] and "lib/Data/Gone.lhs" in diag.notes[0]


def test_module_name_must_match_its_file(tmp_path: Path) -> None:
    src = write_project(tmp_path, B=B.replace("module B", "module Bee"))
    with pytest.raises(GraphError) as info:
        module_graph(src / "Main.hs", (), {"Prelude"})
    assert "File name does not match module name" in info.value.diagnostics[0].message


def test_a_module_in_two_search_directories_is_an_error(tmp_path: Path) -> None:
    src = write_project(tmp_path / "src")
    (src / "B.hs").unlink()
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "B.hs").write_text(B)
    with pytest.raises(GraphError) as info:
        module_graph(src / "Main.hs", (tmp_path / "one", tmp_path / "two"), {"Prelude"})
    assert "found in more than one search directory" in info.value.diagnostics[0].message


def test_source_import_without_a_boot_file_is_an_error(tmp_path: Path) -> None:
    src = write_project(tmp_path, B=B.replace("import A", "import {-# SOURCE #-} A"))
    with pytest.raises(GraphError) as info:
        module_graph(src / "Main.hs", (), {"Prelude"})
    assert "boot file (hs-boot)" in info.value.diagnostics[0].message


# --- Cycles --------------------------------------------------------------------------------


def _loop(tmp_path: Path, n: int) -> Path:
    names = [f"M{i}" for i in range(n)]
    for i, name in enumerate(names):
        nxt = names[(i + 1) % n]
        (tmp_path / f"{name}.hs").write_text(
            f"module {name} where\n\nimport {nxt}\n\nf{i} :: Int\nf{i} = 1\n"
        )
    (tmp_path / "Main.hs").write_text("import M0\nmain = print f0\n")
    return tmp_path


@pytest.mark.parametrize("n", [2, 3])
def test_unresolved_cycle_names_the_loop_and_the_import_to_change(tmp_path: Path, n: int) -> None:
    graph = module_graph(_loop(tmp_path, n) / "Main.hs", (), {"Prelude"})
    with pytest.raises(CycleError) as info:
        module_order(graph)
    (diag,) = info.value.diagnostics
    chain = " which imports ".join(f"‘M{i}’" for i in [*range(n), 0])
    assert diag.notes[0] == f"module {chain}"
    assert diag.span.file == f"M{n - 1}.hs" and diag.span.start.line == 3
    assert "give ‘M0’ an hs-boot file (M0.hs-boot)" in diag.notes[1]
    assert "import {-# SOURCE #-} M0" in diag.notes[1]


def test_unresolved_cycle_through_the_cli(tmp_path: Path) -> None:
    _loop(tmp_path, 2)
    proc = subprocess.run(
        [*IFACEDIR, "build", str(tmp_path / "Main.hs"), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "M1.hs:3:8: error: [D003] Module imports form a cycle:" in proc.stderr
    assert not (tmp_path / "out").exists()


def _boot_loop(tmp_path: Path) -> Path:
    """A loop A -> B -> A broken by A.hs-boot, and C outside importing B."""
    (tmp_path / "A.hs-boot").write_text("module A where\n\nf :: Int -> Int\n")
    (tmp_path / "A.hs").write_text("module A where\n\nimport B\n\nf :: Int -> Int\nf x = g x + 1\n")
    (tmp_path / "B.hs").write_text(
        "module B where\n\nimport {-# SOURCE #-} A\n\ng :: Int -> Int\n"
        "g x = if x > 0 then f (x - 1) else 0\n"
    )
    (tmp_path / "C.hs").write_text("module C where\n\nimport B\n\nh :: Int\nh = g 3\n")
    (tmp_path / "Main.hs").write_text("import A\nimport C\nmain = print (f 2 + h)\n")
    return tmp_path


def test_resolved_loop_plan(tmp_path: Path) -> None:
    graph = module_graph(_boot_loop(tmp_path) / "Main.hs", (), {"Prelude"})
    order = module_order(graph)
    assert order.index(NodeKey("A", True)) < order.index(NodeKey("B")) < order.index(NodeKey("A"))
    plan = tasks(graph, order)
    c_tc = plan[TaskKey(NodeKey("C"), Step.TC)]
    # C is outside the loop: it waits for every member, not only the B it imports
    assert set(c_tc.waits_for) == {TaskKey(NodeKey("B"), Step.TC), TaskKey(NodeKey("A"), Step.TC)}
    a_tc = plan[TaskKey(NodeKey("A"), Step.TC)]
    assert TaskKey(NodeKey("A", True), Step.TC) in a_tc.waits_for


# --- Parallel builds ----------------------------------------------------------------------


def test_j1_j2_and_no_split_write_identical_bytes(tmp_path: Path) -> None:
    outs = []
    for n, opts in enumerate(
        [dict(jobs=1), dict(jobs=2), dict(jobs=2, split=False), dict(jobs=1, split=False)]
    ):
        root = tmp_path / f"r{n}"
        write_project(root / "src")
        result = build_dir(root, level=1, backend="python", **opts)
        assert ran(result) == every("A", "B", "Main")
        outs.append(files_of(root / "out"))
    assert outs[0] == outs[1] == outs[2] == outs[3]
    assert any(name.endswith(".py") for name in outs[0])


def test_keep_going_builds_what_does_not_depend_on_a_failure(tmp_path: Path) -> None:
    src = write_project(tmp_path / "src", B=B.replace("double (double x)", "double 'x'"))
    (src / "C.hs").write_text("module C where\n\nimport A\n\nc :: Int\nc = double 2\n")
    (src / "Main.hs").write_text(MAIN.replace("import B\n", "import B\nimport C\n"))
    stopped = build(src, tmp_path / "out1", BuildOptions())
    going = build(src, tmp_path / "out2", BuildOptions(keep_going=True))
    assert not going.ok and going.skipped == ["Main"]
    assert "B.hs:6:17: error:" in going.rendered
    assert every("A", "C") <= ran(going)
    assert not {m for m, _p in ran(going)} & {"Main"}
    assert len(ran(stopped)) < len(ran(going))


def test_progress_lines_and_trace(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    lines: list[str] = []
    trace = tmp_path / "trace.json"
    result = build(
        tmp_path / "src", tmp_path / "out", BuildOptions(jobs=2, trace=trace), lines.append
    )
    assert result.ok
    assert "[1 of 3] Typechecking A" in lines and "[3 of 3] Generating code Main" in lines
    events = json.loads(trace.read_text())["traceEvents"]
    spans = [e for e in events if e["ph"] == "X"]
    assert sorted(e["name"] for e in spans) == sorted(
        f"{p} {m}" for m, p in every("A", "B", "Main")
    )
    assert all(e["dur"] >= 0 and e["ts"] >= 0 for e in spans)
    by = {e["name"]: e for e in spans}
    # an importer's typecheck starts after its import's typecheck ends
    assert by["tc B"]["ts"] >= by["tc A"]["ts"] + by["tc A"]["dur"]


# --- Resume, explain, diff ----------------------------------------------------------------


def test_check_then_build_typechecks_nothing_twice(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    out = tmp_path / "out"
    proc = subprocess.run(
        [*IFACEDIR, "check", str(tmp_path / "src"), "--outdir", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    result = build_dir(tmp_path)
    assert ran(result) == every("A", "B", "Main", phases=("ds", "simpl", "hi", "codegen"))


def test_build_resumes_from_the_newest_valid_file(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    build_dir(tmp_path)
    for m in ("A", "B", "Main"):
        for f in ("simpl.ifc", f"{m}.hi"):
            (tmp_path / "out" / f"{m}.hidir" / f).unlink()
    result = build_dir(tmp_path)
    assert ran(result) == every("A", "B", "Main", phases=("simpl", "hi"))


def test_explain_says_what_build_does(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    build_dir(tmp_path)
    edit(tmp_path / "src", "A", "double :: Int -> Int", "double :: Num a => a -> a")
    proc = subprocess.run(
        [*IFACEDIR, "explain", str(tmp_path / "src"), "-o", str(tmp_path / "out"), "--json"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    verdicts = {(v["module"], v["phase"]): v for v in report["phases"]}
    assert verdicts[("A", "tc")]["verdict"] == "rebuild"
    assert verdicts[("A", "tc")]["reasons"] == ["the source file changed"]
    assert verdicts[("B", "tc")]["verdict"] == "maybe"
    assert verdicts[("Main", "ds")]["verdict"] == "maybe"
    assert ran(build_dir(tmp_path)) == every("A", "B")  # explain itself changed nothing


def test_diff_names_the_changed_entities(tmp_path: Path) -> None:
    write_project(tmp_path / "one" / "src")
    build_dir(tmp_path / "one", level=1)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    edit(tmp_path / "two" / "src", "A", "double :: Int -> Int", "double :: Num a => a -> a")
    edit(
        tmp_path / "two" / "src",
        "A",
        "(<+>)) where",
        "(<+>), extra) where\n\nextra :: Int\nextra = 1",
    )
    build_dir(tmp_path / "two", level=1)
    proc = subprocess.run(
        [*IFACEDIR, "diff", str(tmp_path / "one" / "out"), str(tmp_path / "two" / "out")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert "A: changed (ABI, export list)" in lines
    assert "  + var:extra" in lines and "  ~ var:double" in lines
    assert "  ~ unfolding of double" in lines
    assert "Main: same" in lines
    same = subprocess.run(
        [*IFACEDIR, "diff", str(tmp_path / "one" / "out"), str(tmp_path / "one" / "out")],
        capture_output=True,
        text=True,
    )
    assert same.returncode == 0


def test_noop_with_workers_writes_nothing(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    build_dir(tmp_path, jobs=2)
    outputs = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p.name != STATE_NAME]
    before = {p: p.stat().st_mtime_ns for p in outputs}
    result = build_dir(tmp_path, jobs=2)
    assert ran(result) == set()
    assert before == {p: p.stat().st_mtime_ns for p in outputs}


def test_builds_in_one_process_see_the_files_of_the_build_before(tmp_path: Path) -> None:
    # the in-process worker must not keep interfaces from one build to the next
    write_project(tmp_path / "src")
    build_dir(tmp_path)
    edit(tmp_path / "src", "A", "double :: Int -> Int", "double :: Num a => a -> a")
    assert ran(build_dir(tmp_path)) == every("A", "B")
    assert ran(build_dir(tmp_path)) == set()
    edit(tmp_path / "src", "A", "double :: Num a => a -> a", "double :: Int -> Int")
    assert ran(build_dir(tmp_path)) == every("A", "B")
    assert ran(build_dir(tmp_path)) == set()
