"""``ifacedir demo``: build and run the bundled example program, then show its files.

The program (ifacedir/examples/queue: a bank-queue simulation over an abstract
``Data.Queue``) is copied to ``OUTDIR/src/`` so the run can be reproduced with
``ifacedir build``/``run``, compiled through every phase into ``OUTDIR`` (``tc``,
``ds``, ``simpl``, ``.hi`` and the backend's output per module), and run. Its output
is what GHC prints (the example's ``expected.txt`` was recorded with ``runghc``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ifacedir.errors import IfacedirError

__all__ = ["DemoResult", "write_demo"]


@dataclass(frozen=True, slots=True)
class DemoResult:
    written: list[Path]
    """Every file of the output directory, sorted."""
    main: Path
    """The copied main module."""


def write_demo(outdir: Path, level: int = 1, backend: str = "python") -> DemoResult:
    """Compile the example into ``outdir``; raise IfacedirError if it does not build."""
    from ifacedir.driver.build import BuildOptions, build
    from ifacedir.examples import example_dir

    src = outdir / "src"
    shutil.copytree(
        example_dir("queue"), src, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*")
    )
    main = src / "Main.hs"
    result = build(main, outdir, BuildOptions(level=level, backend=backend))
    if not result.ok:  # the bundled program is known to be good
        raise IfacedirError(
            "the demo program did not compile:\n" + result.rendered + "\n".join(result.errors)
        )
    written = sorted(p for p in outdir.rglob("*") if p.is_file() and src not in p.parents)
    return DemoResult(written, main)
