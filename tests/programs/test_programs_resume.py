"""Resume equivalence, for every program of the corpus (issue 5, DESIGN "Resume").

Build from source into one directory; copy only the ``tc`` files to a fresh
directory (no source anywhere near it) and resume from them; copy only the ``ds``
files to another and resume from those. Every later file (``ds``, ``simpl``, ``.hi``
and the backend's output) must be byte-identical to the build's. Package base comes
from the per-user cache in all three, as imported interfaces do. (By default a
bounded selection runs; see BOUNDED.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from prog_cases import ProgCase, all_programs

from ifacedir.driver.build import BuildOptions, build, resume
from ifacedir.driver.plan import Step as Phase
from ifacedir.driver.state import STATE_NAME

ALL = all_programs()
# CI's bounded version: every multi-module program and every eighth of the others
# (16 of 66, about a minute); `make test-slow` resumes every program.
BOUNDED = {c.name for i, c in enumerate(ALL) if c.multi_module or i % 8 == 0}
CASES = [c if c.name in BOUNDED else pytest.param(c, marks=pytest.mark.slow) for c in ALL]


def _backend() -> str:
    try:
        import ifacedir.backend.python  # noqa: F401
    except ImportError:
        return "interp"
    return "python"


def files(outdir: Path) -> dict[str, bytes]:
    """The output files (not the driver's build-state cache, ifacedir.driver.state)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != STATE_NAME
    }


def only(outdir: Path, target: Path, name: str) -> None:
    for p in outdir.rglob(name):
        dest = target / p.relative_to(outdir)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, dest)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in ALL])
def test_resuming_from_tc_or_ds_gives_the_same_bytes(case: ProgCase, tmp_path: Path) -> None:
    options = BuildOptions(level=1, backend=_backend())
    full = tmp_path / "full"
    built = build(case.root / case.main, full, options)
    assert built.ok, (built.rendered, built.errors)
    expected = files(full)
    assert any(k.endswith("simpl.ifc") for k in expected)
    for start, keep in ((Phase.DS, "tc.ifc"), (Phase.SIMPL, "ds.ifc")):
        fresh = tmp_path / f"from-{keep}"
        only(full, fresh, keep)
        if keep == "ds.ifc":
            only(full, fresh, "tc.ifc")  # the .hi copies the tc file's interface
        resumed = resume(fresh, start, options)
        assert resumed.ok, resumed.errors
        assert sorted(resumed.modules) == sorted(built.modules)
        assert files(fresh) == expected, f"resumed from {keep}"
