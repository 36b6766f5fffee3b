"""``ifacedir check DIR`` (every module below a directory) and ``--dump-types``."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from cli.app import app
from ifacedir.rename.program import MAIN_PACKAGE, rename_program

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "iface"))
from tc_helpers import write_program

runner = CliRunner()


def test_a_directory_checks_every_module_in_import_order(tmp_path: Path) -> None:
    write_program(tmp_path / "src")
    (tmp_path / "src" / "Util" / "Extra.hs").parent.mkdir()
    (tmp_path / "src" / "Util" / "Extra.hs").write_text(
        "module Util.Extra (twice) where\ntwice :: (a -> a) -> a -> a\ntwice f = f . f\n",
        encoding="utf-8",
    )
    result = rename_program(tmp_path / "src")
    assert result.ok, result.diagnostics
    own = [m.module.name for m in result.modules if m.exports.package == MAIN_PACKAGE]
    # Roots in name order, each after what it imports; the unimported module too.
    assert own == ["Data.Queue", "Shape", "Main", "Util.Extra"]
    out = runner.invoke(app, ["check", str(tmp_path / "src"), "-o", str(tmp_path / "out")])
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("ok: 4 module(s) checked up to typecheck; 4 tc file(s)")
    assert (tmp_path / "out" / "Util" / "Extra.hidir" / "tc.ifc").is_file()


def test_a_module_whose_header_disagrees_with_its_path_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "A").mkdir()
    (tmp_path / "A" / "B.hs").write_text("module A.C where\nx :: Int\nx = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "A/B.hs:1:8: error: [R020] File name does not match module name:" in result.stderr
    assert "Expected: ‘A.B’" in result.stderr


def test_directory_usage_errors_exit_2(tmp_path: Path) -> None:
    empty = runner.invoke(app, ["check", str(tmp_path)])
    assert empty.exit_code == 2 and "no .hs or .lhs module" in empty.stderr
    write_program(tmp_path)
    parse = runner.invoke(app, ["check", str(tmp_path), "--stop-after", "parse"])
    assert parse.exit_code == 2
    both = runner.invoke(app, ["check", str(tmp_path), "--dump-types", "--json"])
    assert both.exit_code == 2
    renamed = runner.invoke(app, ["check", str(tmp_path), "--dump-types", "--stop-after", "rename"])
    assert renamed.exit_code == 2


def test_dump_types_of_one_module_is_ghc_shaped(tmp_path: Path) -> None:
    main = tmp_path / "Main.hs"
    main.write_text(
        "module Main (main) where\n"
        "data T = A | B deriving (Eq, Show)\n"
        "pair x = (x, x)\n"
        "(<+>) :: Num a => a -> a -> a\n"
        "a <+> b = a + b\n"
        "main = print (pair A, 1 <+> 2)\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(main), "--dump-types"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "TYPE SIGNATURES\n"
        "  (<+>) :: forall a. Num a => a -> a -> a\n"
        "  main :: IO ()\n"
        "  pair :: forall a. a -> (a, a)\n"
        "CLASS INSTANCES\n"
        "  instance Eq T  -- derived\n"
        "  instance Show T  -- derived\n"
    )


def test_dump_types_heads_each_module_when_there_are_several(tmp_path: Path) -> None:
    write_program(tmp_path)
    result = runner.invoke(app, ["check", str(tmp_path), "--dump-types"])
    assert result.exit_code == 0, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith("-- Module")]
    assert headers == ["-- Module Data.Queue", "-- Module Shape", "-- Module Main"]
    assert "  push :: forall a. a -> Queue a -> Queue a\n" in result.stdout
    assert (
        "  describe :: forall a. HasArea a => a -> [Char]\n"
    )  # synonyms expanded, as GHC in result.stdout
    assert "GHC." not in result.stdout  # base is not dumped


def test_dump_types_prints_nothing_after_an_error(tmp_path: Path) -> None:
    main = tmp_path / "Main.hs"
    main.write_text("main = print (1 + True)\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(main), "--dump-types"])
    assert result.exit_code == 1
    assert result.stdout == ""
