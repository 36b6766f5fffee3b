"""``ifacedir demo``: compile a small bundled program and write its output directory.

The program is two modules, ``Data.Queue`` and ``Main``; their sources are written
under ``OUTDIR/src/`` so the output can be reproduced with ``ifacedir check``. The
front end runs for real: each module's ``tc.ifc`` is what ``ifacedir check --outdir``
writes (the renamed and typechecked program, its interface, fingerprints of its
inputs). The later phases do not exist yet, so ``ds.ifc``, ``simpl.ifc`` and the
final ``.hi`` are hand-written samples of the shape they will take, marked as such in
their ``about`` section and by payload schema version 0.
"""

from __future__ import annotations

from pathlib import Path

from ifacedir.errors import IfacedirError
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName

__all__ = ["write_demo"]

_QUEUE_SOURCE = b"""module Data.Queue (Queue, empty, push, pop) where
data Queue a = Queue [a] [a]
empty :: Queue a
empty = Queue [] []
push :: a -> Queue a -> Queue a
push x (Queue f b) = Queue f (x : b)
pop :: Queue a -> Maybe (a, Queue a)
pop (Queue [] []) = Nothing
pop (Queue [] b) = pop (Queue (reverse b) [])
pop (Queue (x : f) b) = Just (x, Queue f b)
"""

_MAIN_SOURCE = b"""module Main (main) where
import Data.Queue
main :: IO ()
main = print (fmap fst (pop (push 1 (push 2 empty))))
"""

_ABOUT = {"note": "sample data written by `ifacedir demo`; this phase is not implemented yet"}


def _name(module: str, occ: str) -> dict[str, object]:
    return {"unit": "main", "module": module, "name": occ}


def _queue_sections() -> dict[str, dict[str, object]]:
    tyvar_a = {"var": "a"}
    queue_a = {"con": _name("Data.Queue", "Queue"), "args": [tyvar_a]}
    decls = {
        "Queue": {"data": {"params": ["a"], "constructors": []}},
        "empty": {"type": queue_a},
        "push": {"type": {"fun": [tyvar_a, {"fun": [queue_a, queue_a]}]}},
        "pop": {"type": {"fun": [queue_a, {"con": _name("GHC.Maybe", "Maybe"),
                                           "args": [{"tuple": [tyvar_a, queue_a]}]}]}},
    }  # fmt: skip
    exports = [_name("Data.Queue", n) for n in ("Queue", "empty", "push", "pop")]
    return {
        "ds": {"about": _ABOUT, "bindings": {"push": {"lam": ["x", "q"], "body": "..."}}},
        "simpl": {"about": _ABOUT, "bindings": {"push": {"lam": ["x", "q"], "body": "..."}}},
        "hi": {"about": _ABOUT, "exports": {"names": exports}, "decls": decls,
               "fingerprints": {n: fingerprint(n.encode()) for n in decls}},
    }  # fmt: skip


def _main_sections() -> dict[str, dict[str, object]]:
    uses = {"Data.Queue": {n: fingerprint(n.encode()) for n in ("empty", "push", "pop")}}
    return {
        "ds": {"about": _ABOUT, "bindings": {"main": {"app": "print", "body": "..."}}},
        "simpl": {"about": _ABOUT, "bindings": {"main": {"app": "print", "body": "..."}}},
        "hi": {"about": _ABOUT, "exports": {"names": [_name("Main", "main")]},
               "usages": uses},
    }  # fmt: skip


def write_demo(outdir: Path) -> list[Path]:
    """Compile the sample program into ``outdir`` (deterministically); the files written."""
    from cli.check import run_check
    from ifacedir.iface.basecache import load_base

    src = outdir / "src"
    (src / "Data").mkdir(parents=True, exist_ok=True)
    (src / "Data" / "Queue.hs").write_bytes(_QUEUE_SOURCE)
    (src / "Main.hs").write_bytes(_MAIN_SOURCE)
    outcome = run_check(src / "Main.hs", [], "typecheck", outdir, load_base().base)
    if not outcome.report.ok:  # the bundled program is known to be good
        raise IfacedirError(f"the demo program did not compile:\n{outcome.rendered_errors}")
    written = [outdir / m.tc_file for m in outcome.report.modules if m.tc_file is not None]
    samples = [
        ("Data.Queue", _QUEUE_SOURCE, _queue_sections()),
        ("Main", _MAIN_SOURCE, _main_sections()),
    ]
    for module, source, by_role in samples:
        mdir = ModuleDir(outdir, ModuleName(module))
        inputs = {"source": fingerprint(source), "flags": fingerprint(b"-O0")}
        for role in (FileRole.DS, FileRole.SIMPL, FileRole.HI):
            written.append(
                mdir.write(role, unit="main", schema_version=0, inputs=inputs,
                           sections=by_role[role.tag], phase="simpl")
            )  # fmt: skip
    return written
