"""Occurrence analysis: how often, and where, a variable is used in an expression.

The simplifier may substitute a binding's right-hand side for its variable only when
that cannot duplicate work or code (GHC's OccInfo, in its simplest form):

* ``DEAD``: no occurrence; a lazy binding can be dropped;
* ``ONCE``: exactly one occurrence, not inside a lambda below the binding: moving the
  right-hand side there evaluates it at most once, as the binding did;
* ``MANY``: anything else (several occurrences, or one inside a lambda, which may be
  entered many times).

The walk uses an explicit stack.
"""

from __future__ import annotations

import enum

from ifacedir.syntax import core
from ifacedir.syntax.corewalk import children
from ifacedir.syntax.names import Name

__all__ = ["Occ", "occurrence"]


class Occ(enum.Enum):
    DEAD = "dead"
    ONCE = "once"
    MANY = "many"


def occurrence(e: core.Expr, name: Name) -> Occ:
    """How ``name`` occurs in ``e`` (see the module docstring)."""
    count = 0
    stack: list[tuple[core.Expr, bool]] = [(e, False)]
    while stack:
        x, under_lambda = stack.pop()
        if isinstance(x, core.CoreVar):
            if x.name == name:
                if under_lambda:
                    return Occ.MANY
                count += 1
                if count > 1:
                    return Occ.MANY
            continue
        inner = under_lambda or isinstance(x, core.Lam)
        stack.extend((c, inner) for c in children(x))
    return Occ.ONCE if count == 1 else Occ.DEAD
