"""rename_program: finding modules, ordering them, and the base library."""

from __future__ import annotations

from pathlib import Path

import pytest

from ifacedir.rename.program import base_dir, rename_program


@pytest.fixture(autouse=True)
def _needs_base() -> None:
    if not (base_dir() / "Prelude.hs").is_file():
        pytest.skip("package base has no Prelude.hs yet")


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "Main.hs"


MAIN = "module Main (main) where\nimport {imp}\nmain :: IO ()\nmain = putStrLn {use}\n"


def test_hierarchical_modules_in_dependency_order(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "Main.hs": MAIN.format(imp="Data.Stack (top)", use="top"),
            "Data/Stack.hs": "module Data.Stack (top) where\nimport Util\ntop = Util.u\n",
            "Util.lhs": '> module Util (u) where\n> u = "u"\n',
        },
    )
    result = rename_program(main)
    assert result.ok, result.diagnostics
    names = [m.module.name for m in result.modules]
    assert names[-3:] == ["Util", "Data.Stack", "Main"]
    assert names.index("Prelude") < names.index("Util")
    assert {"Data.Stack", "Util", "Prelude"} <= set(result.modules[-1].exports.deps)
    assert {m.exports.package for m in result.modules if m.module.name == "Prelude"} == {"base"}


def test_search_path(tmp_path: Path) -> None:
    main = write(tmp_path / "app", {"Main.hs": MAIN.format(imp="Lib", use="lib")})
    write(tmp_path / "lib", {"Lib.hs": 'module Lib (lib) where\nlib = "lib"\n'})
    assert rename_program(main, [tmp_path / "lib"]).ok
    missing = rename_program(main)
    [d] = missing.diagnostics
    assert d.code == "R014" and str(d.span) == "Main.hs:2:1-10"
    assert "Lib.hs" in d.notes[-1] and "Lib.lhs" in d.notes[-1]


def test_import_cycle(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "Main.hs": MAIN.format(imp="A", use="a"),
            "A.hs": "module A (a) where\nimport B\na = b\n",
            "B.hs": "module B (b) where\nimport A\nb = a\n",
        },
    )
    [d] = rename_program(main).diagnostics
    assert d.code == "R019" and d.span.file == "B.hs"
    assert d.notes == ("module ‘A’ which imports ‘B’ which imports ‘A’",)


def test_file_name_must_match_module_name(tmp_path: Path) -> None:
    main = write(
        tmp_path, {"Main.hs": MAIN.format(imp="A", use="a"), "A.hs": "module B (a) where\na = 1\n"}
    )
    [d] = rename_program(main).diagnostics
    assert d.code == "R020" and d.span.file == "A.hs"


def test_errors_in_an_import_stop_its_importers(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {"Main.hs": MAIN.format(imp="A", use="a"), "A.hs": "module A (a) where\na = nope\n"},
    )
    result = rename_program(main)
    assert [(d.code, d.span.file) for d in result.diagnostics] == [("R001", "A.hs")]
    assert "Main" not in [m.module.name for m in result.modules]
