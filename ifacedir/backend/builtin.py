"""The two built-in backends, as plugins (ifacedir.backend.plugin).

* ``interp`` consumes ``simpl`` files and writes nothing: ``run`` reads every module's
  Core and hands it to the lazy interpreter (ifacedir.backend.interp);
* ``python`` consumes ``simpl`` files and writes ``ext/python/<Last>.py`` per module,
  the generated Python module (ifacedir.backend.python), whose first line records the
  fingerprint of the Core it was generated from; ``run`` loads those files alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ifacedir.errors import CorruptFileError
from ifacedir.iface.model import CorePhase

if TYPE_CHECKING:
    from ifacedir.backend.plugin import BackendPlugin
    from ifacedir.backend.world import World
    from ifacedir.format.layout import ModuleDir
    from ifacedir.syntax.core import CoreModule
    from ifacedir.syntax.names import Name

__all__ = ["BUILTIN_BACKENDS", "INTERP", "PYTHON"]


class InterpBackend:
    name: str = "interp"
    consumes: CorePhase = CorePhase.SIMPL
    description: str = "lazy Core interpreter (reference; reads simpl files)"

    def generate(self, mdir: ModuleDir, core: CoreModule) -> None:
        del mdir, core  # interprets the simpl file itself

    def run(self, dirs: Sequence[ModuleDir], entry: Name, world: World) -> int:
        from ifacedir.backend.interp import run_program
        from ifacedir.driver.session import cached_core

        modules = [cached_core(d, self.consumes) for d in dirs]
        return run_program(modules, entry, world)


_PY_HEADER: Final = "# ifacedir python backend, from Core "


class PythonBackend:
    name: str = "python"
    consumes: CorePhase = CorePhase.SIMPL
    description: str = "Python code generator (writes ext/python/<Module>.py)"

    def generate(self, mdir: ModuleDir, core: CoreModule) -> None:
        from ifacedir.backend.python import emit_module
        from ifacedir.format.fingerprint import fingerprint
        from ifacedir.iface.sections import write_file
        from ifacedir.syntax.codec import encode_tree_bytes

        source = emit_module(core)
        stamp = fingerprint(encode_tree_bytes(core)).hex()
        text = f"{_PY_HEADER}{stamp}\n{source}"
        path = mdir.ext_dir("python") / (mdir.module.components[-1] + ".py")
        write_file(path, text.encode("utf-8"))

    def run(self, dirs: Sequence[ModuleDir], entry: Name, world: World) -> int:
        from ifacedir.backend.python import run_python_program
        from ifacedir.iface.corefile import open_core

        sources: list[tuple[str, str, str]] = []
        for d in dirs:
            path = d.ext_dir("python") / (d.module.components[-1] + ".py")
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CorruptFileError(path, f"cannot read the generated module: {exc}") from None
            with open_core(d, self.consumes) as f:
                package = f.meta().package
            sources.append((d.module.text, package, text))
        return run_python_program(sources, entry, world)


INTERP: Final = InterpBackend()
PYTHON: Final = PythonBackend()
BUILTIN_BACKENDS: Final[tuple[BackendPlugin, ...]] = (INTERP, PYTHON)
