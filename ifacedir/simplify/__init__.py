"""The simplifier: a module's ``ds`` Core to its ``simpl`` Core, and Core Lint.

``occur``     occurrence analysis (dead, once, many)
``rename``    cloning with fresh binders; replacing a variable
``simplify``  ``simplify_module`` and ``unfoldings_of``
``lint``      ``lint_module``: the checks of spec/CORE.md §4
"""

from ifacedir.simplify.simplify import simplify_module, unfoldings_of

__all__ = ["simplify_module", "unfoldings_of"]
