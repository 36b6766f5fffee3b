"""Loading and running the Python modules the code generator wrote.

``PythonProgram(sources, world)`` takes every module of a program as ``(module,
package, source)`` in dependency order (package base included) and loads them:

1. each text is compiled (``compile()``, file name ``<hs:Module>``; compiled code
   is cached per process by the text's hash, so package base is compiled once) and
   run in a fresh module namespace named ``python_module_name(module, package)``,
   holding ``__hs_runtime__``: the program's primitive table (``make_prims(self,
   world)``) and its linker;
2. the text's first statements call ``__hs_runtime__.link(globals(), rows)``: for
   each row ``(alias, python module, attribute, arity, Haskell name)`` the linker
   binds ``alias`` in the importing namespace to the attribute of that module
   (``arity`` None), or to a function of exactly ``arity`` arguments calling it
   (``pyrt.adapter``: the attribute itself when its arity is right). An attribute
   ``X...`` (a constructor's strict builder) is bound as it is. See Note [Linking
   before loading];
3. when every module is loaded, the links made to globals not loaded yet are
   resolved, or reported (``PyBackendError`` naming the importing module).

``PythonProgram`` implements ``runtime.Backend`` (``force``, ``apply``) and gives
``global_value(module, occ)``. ``run_python_program(sources, entry, world)`` loads
the program and runs ``main`` through ``world.run_main`` on a thread set up for
deep recursion (See Note [Deep evaluation runs on a big stack]).

Note [Linking before loading]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Imported names are bound in the importer's namespace before its own definitions
run, so that a constant built at load time (a dictionary whose fields are imported
functions) holds the imported value itself, and a call of an imported function is a
plain global lookup and call. Modules come in dependency order, so the targets
exist, except around an import cycle (hs-boot files): a name not loaded yet is bound
to a forwarder (a thunk, or a function of the right arity, looking the name up when
first used), and rebound to the real value once everything is loaded. Only values
built at load time keep a forwarder; they behave the same.

Note [Deep evaluation runs on a big stack]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Generated code evaluates by Python recursion (See Note [Only plain calls on the
deep path] in ifacedir.backend.pyrt): a million-deep thunk chain is a few million
Python frames, which live on CPython's own frame stack (heap memory), not on the C
stack. The program runs under ``run_deep`` (a thread with a large C stack, for the
few C-level re-entries primitives make) with the recursion limit raised to
``RECURSION_LIMIT`` while it runs: deep enough for a million-deep recursion with
several frames per level, and low enough that an infinite recursion stops with
``stack overflow`` (a ``RecursionError``, see ifacedir.backend.world) before using
more than a few gigabytes.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import hashlib
import sys
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final

from ifacedir.backend.pyrt import (
    PThunk,
    PyBackendError,
    adapter,
    apply_fn,
    force,
    forwarder,
)
from ifacedir.backend.python_names import con_name, global_name, python_module_name
from ifacedir.backend.runtime import Value
from ifacedir.backend.world import World, run_main
from ifacedir.syntax.names import Name
from ifacedir.util.deep import run_deep

__all__ = ["RECURSION_LIMIT", "PythonProgram", "run_python_program"]

RECURSION_LIMIT: Final = 10_000_000
_CODE_CACHE: dict[tuple[str, bytes], types.CodeType] = {}
_A1: Final = apply_fn(1)

Row = tuple[str, str, str, "int | None", str]


def _compiled(source: str, filename: str) -> types.CodeType:
    key = (filename, hashlib.blake2b(source.encode("utf-8", "surrogatepass")).digest())
    code = _CODE_CACHE.get(key)
    if code is None:
        try:
            code = compile(source, filename, "exec")
        except (SyntaxError, RecursionError, MemoryError) as exc:
            raise PyBackendError(f"{filename}: generated code does not compile: {exc}") from exc
        _CODE_CACHE[key] = code
    return code


class _Runtime:
    """What a generated module sees as ``__hs_runtime__``: ``prim(entity)``, the
    primitive table's entry, and ``link(namespace, rows)``."""

    __slots__ = ("_program", "link")

    def __init__(self, program: PythonProgram) -> None:
        self._program = program
        self.link = program._link

    def prim(self, entity: str) -> Callable[..., Value]:
        fn = self._program.prims.get(entity)
        if fn is None:
            where = self._program.loading
            raise PyBackendError(f"module {where}: unknown primitive {entity!r}")
        return fn


class PythonProgram:
    """A loaded program; implements ``runtime.Backend``. See the module docstring."""

    force: Callable[[Value], Value]
    """``v`` in weak head normal form (``pyrt.force`` itself, a plain function)."""

    def __init__(
        self,
        sources: Sequence[tuple[str, str, str]],
        world: World,
        *,
        prims: Mapping[str, Callable[..., Value]] | None = None,
    ) -> None:
        """``prims`` defaults to ``prims.make_prims(self, world)``."""
        from ifacedir.backend.prims import make_prims

        self.world = world
        self.force = force
        self.prims = dict(make_prims(self, world)) if prims is None else prims
        self._namespaces: dict[str, dict[str, Any]] = {}
        self._by_module: dict[str, dict[str, Any]] = {}
        self._late: list[tuple[str, dict[str, Any], Row]] = []
        self.loading = ""
        runtime = _Runtime(self)
        for module, package, source in sources:
            name = python_module_name(module, package)
            if name in self._namespaces:
                raise PyBackendError(f"module {module} (package {package}) loaded twice")
            namespace = types.ModuleType(name).__dict__
            namespace["__builtins__"] = builtins
            namespace["__hs_runtime__"] = runtime
            self._namespaces[name] = namespace
            self._by_module[module] = namespace
            self.loading = module
            exec(_compiled(source, f"<hs:{module}>"), namespace)
        self.loading = ""
        self._resolve_late()

    # --- Linking -----------------------------------------------------------------------

    def _link(self, namespace: dict[str, Any], rows: Sequence[Row]) -> None:
        """See Note [Linking before loading]."""
        for row in rows:
            alias, pymodule, attr, arity, _ = row
            target = self._namespaces.get(pymodule)
            if target is not None and attr in target:
                namespace[alias] = self._bound(target[attr], attr, arity)
                continue
            self._late.append((self.loading, namespace, row))
            namespace[alias] = self._forward(pymodule, attr, arity)

    @staticmethod
    def _bound(value: Value, attr: str, arity: int | None) -> Value:
        if arity is None or attr.startswith("X"):
            return value
        return adapter(value, arity)

    def _forward(self, pymodule: str, attr: str, arity: int | None) -> Value:
        def lookup() -> Value:
            target = self._namespaces.get(pymodule, {})
            if attr.startswith("X"):  # the builder: the constructor's own function
                return target["C" + attr[1:]]
            return target[attr]

        fwd = forwarder(lookup)
        return fwd if arity is None else adapter(fwd, arity)

    def _resolve_late(self) -> None:
        for importer, namespace, row in self._late:
            alias, pymodule, attr, arity, hsname = row
            target = self._namespaces.get(pymodule)
            if target is None or attr not in target:
                what = "constructor" if attr[0] in "CX" else "variable"
                raise PyBackendError(f"module {importer}: unknown {what} {hsname}")
            namespace[alias] = self._bound(target[attr], attr, arity)
        self._late.clear()

    # --- The Backend interface ---------------------------------------------------------

    def apply(self, f: Value, arg: Value) -> Value:
        """``f arg``, as a thunk (evaluated when forced)."""
        t = PThunk()
        t.code = lambda: _A1(f, arg)
        return t

    def global_value(self, module: str, occ: str) -> Value:
        """The value of the top-level binding (or constructor) ``occ`` of ``module``
        (a thunk for a CAF)."""
        namespace = self._by_module.get(module)
        if namespace is None:
            raise PyBackendError(f"no module {module} in the program")
        for attr in (global_name(occ), con_name(occ)):
            if attr in namespace:
                return namespace[attr]
        raise PyBackendError(f"module {module}: unknown variable {module}.{occ}")

    def namespace(self, module: str) -> Mapping[str, Any]:
        """The loaded namespace of ``module`` (for tools and tests)."""
        return self._by_module[module]


def run_python_program(sources: Sequence[tuple[str, str, str]], entry: Name, world: World) -> int:
    """Load the program, run ``entry`` (``main``); the exit status."""

    def run() -> int:
        program = PythonProgram(sources, world)
        main = program.global_value(entry.module, entry.occ)
        with deep_evaluation():
            return run_main(program, main, world)

    return run_deep(run)


@contextlib.contextmanager
def deep_evaluation() -> Iterator[None]:
    """The recursion limit raised and the collector relaxed while a program runs.
    See Note [Deep evaluation runs on a big stack] and Note [Fewer garbage
    collections] in ifacedir.backend.interp."""
    old_limit = sys.getrecursionlimit()
    old_gc = gc.get_threshold()
    sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
    gc.set_threshold(*(max(a, b) for a, b in zip(_GC_THRESHOLD, old_gc, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*old_gc)
        sys.setrecursionlimit(old_limit)


_GC_THRESHOLD: Final = (100_000, 50, 100)
