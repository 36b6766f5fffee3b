"""The Python code generator backend: Core modules compiled to Python modules.

The public surface, in the order a user meets it:

* ``emit_module(m)``: the Python source of one ``CoreModule``, deterministic
  (ifacedir.backend.python_emit, with ifacedir.backend.python_expr and
  ifacedir.backend.python_case for expressions);
* ``python_module_name(module, package)``: the name that source is loaded as,
  ``hs_base__GHC_Base`` (ifacedir.backend.python_names);
* ``PythonProgram(sources, world)``: a program's modules loaded and linked, a
  ``runtime.Backend`` with ``global_value(module, occ)``; and
  ``run_python_program(sources, entry, world)``, which runs ``main`` to an exit
  status (ifacedir.backend.python_load);
* ``PyBackendError``: Core the backend cannot compile, link or run, with the module
  it is in.

How the generated code runs (runtime support in ifacedir.backend.pyrt): values are
those of ifacedir.backend.runtime; a thunk is a ``runtime.Thunk`` whose code is a
Python function; a Haskell function is a Python function whose first default
argument is its arity (See Note [Function values are Python functions] in
ifacedir.backend.pyrt). Known calls are direct Python calls, ``case`` is
``if``/``elif`` on tuple tags, primitives are inline where they are total, self tail
calls are loops, and evaluation recurses in Python on a thread set up for it, so a
million-deep evaluation neither overflows nor crashes (See Note [Only plain calls on
the deep path] in ifacedir.backend.pyrt).
"""

from __future__ import annotations

from ifacedir.backend.pyrt import PyBackendError
from ifacedir.backend.python_emit import emit_module
from ifacedir.backend.python_load import PythonProgram, run_python_program
from ifacedir.backend.python_names import python_module_name

__all__ = [
    "PyBackendError",
    "PythonProgram",
    "emit_module",
    "python_module_name",
    "run_python_program",
]
