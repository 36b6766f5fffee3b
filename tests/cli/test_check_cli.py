"""``ifacedir check``: the front end as a user runs it (spec/cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cli.app import app
from ifacedir.check_report import CheckReport
from ifacedir.parse.parser import parse_module

runner = CliRunner()

_GOOD = """\
module Main (main) where
import qualified Data.List as L
import Queue (Queue, push, empty, toList)

infixl 6 |+|
(|+|) :: Int -> Int -> Int
a |+| b = a + b

main :: IO ()
main = print (L.sort (toList (push 3 (push 1 empty))), 1 |+| 2 * 3)
"""

_QUEUE = """\
module Queue (Queue, empty, push, toList) where
data Queue a = Queue [a]
empty :: Queue a
empty = Queue []
push :: a -> Queue a -> Queue a
push x (Queue xs) = Queue (xs ++ [x])
toList :: Queue a -> [a]
toList (Queue xs) = xs
"""

_BAD = """\
module Main (main) where
import Data.List (nosuch)
f x = y + 1
main = print (f 1, g)
"""


def _program(tmp_path: Path, main: str) -> Path:
    (tmp_path / "Queue.hs").write_text(_QUEUE, encoding="utf-8")
    path = tmp_path / "Main.hs"
    path.write_text(main, encoding="utf-8")
    return path


def test_good_program_checks_and_dump_is_renamed_source(tmp_path: Path) -> None:
    main = _program(tmp_path, _GOOD)
    result = runner.invoke(app, ["check", str(main), "--stop-after", "rename", "--dump-renamed"])
    assert result.exit_code == 0, result.stderr
    # The dump holds both program modules (not base's), names qualified by their origin.
    assert "module Queue" in result.stdout and "module Main" in result.stdout
    assert "Data.List.sort" in result.stdout
    assert "Queue.push 3" in result.stdout
    # Fixity was resolved: |+| (infixl 6) binds looser than * (infixl 7).
    assert "1 Main.|+| (2 GHC.Num.* 3)" in result.stdout
    # The dump is Haskell with explicit braces: it parses again.
    main_dump = result.stdout[result.stdout.index("module Main") :]
    parse_module(main_dump, "dump.hs")


def test_without_dump_prints_a_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_program(tmp_path, _GOOD))])
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok: 2 module(s) checked up to typecheck"  # the default


def test_errors_are_all_reported_with_location_and_caret(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_program(tmp_path, _BAD))])
    assert result.exit_code == 1
    err = result.stderr
    assert "Main.hs:2:19: error: [R013] Module ‘Data.List’ does not export ‘nosuch’" in err
    assert "Main.hs:3:7: error: [R001]" in err
    assert "Main.hs:4:20: error: [R001]" in err
    assert "3 | f x = y + 1\n  |       ^" in err
    assert result.stdout == ""


def test_json_report_validates_and_lists_diagnostics(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_program(tmp_path, _BAD)), "--json"])
    assert result.exit_code == 1
    report = CheckReport.model_validate(json.loads(result.stdout))
    assert not report.ok
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [
        ("R013", 2, 19),
        ("R001", 3, 7),
        ("R001", 4, 20),
    ]


def test_stop_after_parse_checks_one_file_only(tmp_path: Path) -> None:
    # Scope errors are the renamer's: parsing alone accepts the file.
    main = _program(tmp_path, _BAD)
    result = runner.invoke(app, ["check", str(main), "--stop-after", "parse", "--dump"])
    assert result.exit_code == 0, result.stderr
    assert "import Data.List (nosuch);" in result.stdout


def test_missing_module_names_the_paths_tried(tmp_path: Path) -> None:
    main = tmp_path / "Main.hs"
    main.write_text("import Nowhere.Thing\nmain = return ()\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(main)])
    assert result.exit_code == 1
    assert "Could not find module ‘Nowhere.Thing’" in result.stderr
    assert "Nowhere/Thing.hs" in result.stderr


def test_invalid_utf8_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    main = tmp_path / "Main.hs"
    main.write_bytes(b"main = print 1\nx = \xff\n")
    for stop in ("parse", "rename"):
        result = runner.invoke(app, ["check", str(main), "--stop-after", stop])
        assert result.exit_code == 1
        assert "Main.hs:2:5: error: [L011]" in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", str(tmp_path / "none.hs")]).exit_code == 2
    main = _program(tmp_path, _GOOD)
    assert runner.invoke(app, ["check", str(main), "--stop-after", "desugar"]).exit_code == 2
