"""Running recursive passes over deep trees without hitting Python's limits.

Recursive descent and recursive tree walks are the clearest way to write a parser, a
renamer or a typechecker, and Haskell programs nest deeply in practice: a 2,000-deep
parenthesised expression, a long right-nested chain of ``++`` after fixity resolution,
a 10,000-element list. DESIGN ("Robustness") asks that such input never ends in a
``RecursionError`` or a crash. See Note [Deep recursion runs on a big stack].

``run_deep(fn, *args)`` calls ``fn(*args)`` on a helper thread with a large stack and a
high recursion limit, returns its result or re-raises its exception in the caller.
Nested calls (a pass that calls another pass) run directly on the same thread.

``MAX_NESTING`` is the depth beyond which passes report an error ("nested too deeply")
instead of recursing further; it is well inside what the stack below allows.

Note [Deep recursion runs on a big stack]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Since Python 3.11 a call from Python code to Python code does not use the C stack, so
deep *Python* recursion is bounded only by `sys.getrecursionlimit()`. Calls that pass
through C (dataclass `__eq__` and `__hash__` comparing nested tuples, `repr`, `copy`)
still use the C stack, whose default size on a non-main thread can be as small as 8 MB.
So we run the whole pass on one thread whose stack we size ourselves (512 MiB of
address space, committed only as it is touched) and raise the recursion limit while it
runs. Rewriting every pass with explicit stacks would be the alternative; it would make
each of them harder to read, and the depth cap still has to exist somewhere.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar

__all__ = ["MAX_NESTING", "run_deep"]

MAX_NESTING: Final = 20_000
_STACK_BYTES: Final = 512 * 1024 * 1024
_RECURSION_LIMIT: Final = 400_000

_P = ParamSpec("_P")
_R = TypeVar("_R")

_state = threading.local()
_lock = threading.Lock()


def run_deep(fn: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R:
    """``fn(*args, **kwargs)`` on a thread with a big stack (see the module docstring)."""
    if getattr(_state, "deep", False):
        return fn(*args, **kwargs)
    outcome: list[_R] = []
    failure: list[BaseException] = []

    def body() -> None:
        _state.deep = True
        try:
            outcome.append(fn(*args, **kwargs))
        except BaseException as exc:  # re-raised in the caller's thread below
            failure.append(exc)

    with _lock:  # stack_size and the recursion limit are process-wide settings
        if sys.getrecursionlimit() < _RECURSION_LIMIT:
            sys.setrecursionlimit(_RECURSION_LIMIT)
        old_stack = threading.stack_size(_STACK_BYTES)
        try:
            worker = threading.Thread(target=body, name="ifacedir-deep", daemon=True)
            worker.start()
        finally:
            threading.stack_size(old_stack)
    worker.join()
    if failure:
        raise failure[0]
    return outcome[0]
