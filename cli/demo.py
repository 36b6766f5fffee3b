"""``ifacedir demo``: write a small sample output directory to look at.

Until the compiler writes real interface files, this is the main job's input: two
modules, ``Data.Queue`` and ``Main``, each with every per-phase file and a final
interface, filled with hand-written payloads of the shape later phases will use
(marked as samples in their ``about`` section).
"""

from __future__ import annotations

from pathlib import Path

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

_ABOUT = {"note": "sample data written by `ifacedir demo`; real payloads come from the compiler"}


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
        "tc": {"about": _ABOUT, "exports": {"names": exports}, "decls": decls},
        "ds": {"about": _ABOUT, "bindings": {"push": {"lam": ["x", "q"], "body": "..."}}},
        "simpl": {"about": _ABOUT, "bindings": {"push": {"lam": ["x", "q"], "body": "..."}}},
        "hi": {"about": _ABOUT, "exports": {"names": exports}, "decls": decls,
               "fingerprints": {n: fingerprint(n.encode()) for n in decls}},
    }  # fmt: skip


def _main_sections() -> dict[str, dict[str, object]]:
    uses = {"Data.Queue": {n: fingerprint(n.encode()) for n in ("empty", "push", "pop")}}
    io_unit = {"con": _name("GHC.Types", "IO"), "args": [{"tuple": []}]}
    return {
        "tc": {"about": _ABOUT, "decls": {"main": {"type": io_unit}}, "usages": uses},
        "ds": {"about": _ABOUT, "bindings": {"main": {"app": "print", "body": "..."}}},
        "simpl": {"about": _ABOUT, "bindings": {"main": {"app": "print", "body": "..."}}},
        "hi": {"about": _ABOUT, "exports": {"names": [_name("Main", "main")]},
               "usages": uses},
    }  # fmt: skip


def write_demo(outdir: Path) -> list[Path]:
    """Write the sample directory (deterministically) and return the files written."""
    written: list[Path] = []
    samples = [
        ("Data.Queue", _QUEUE_SOURCE, _queue_sections()),
        ("Main", _MAIN_SOURCE, _main_sections()),
    ]
    for module, source, by_role in samples:
        mdir = ModuleDir(outdir, ModuleName(module))
        inputs = {"source": fingerprint(source), "flags": fingerprint(b"-O0")}
        for role in (FileRole.TC, FileRole.DS, FileRole.SIMPL, FileRole.HI):
            written.append(
                mdir.write(role, unit="main", schema_version=0, inputs=inputs,
                           sections=by_role[role.tag], phase="simpl")
            )  # fmt: skip
    return written
