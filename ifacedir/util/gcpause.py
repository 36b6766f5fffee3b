"""``gc_paused()``: run a pass that builds a large acyclic structure with the cycle
collector off. See Note [Pausing the garbage collector].

Note [Pausing the garbage collector]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Lexing, parsing and renaming allocate a few objects per token or node and free almost
none until the pass ends, which is the worst case for CPython's generational
collector: it runs again and again, and each run of the oldest generation walks every
object made so far. Tokens and trees are acyclic (frozen dataclasses of tuples), and a
pass's own working state is freed by reference counting, so there is nothing for the
collector to find. Pausing it took a third off lexing a 50,000-line file and two
thirds off renaming a 10,000-line module. The previous state is restored afterwards,
and nested pauses are harmless.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
