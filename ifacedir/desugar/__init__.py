"""The desugarer: a module's typed tree (its ``tc`` file) to Core (its ``ds`` file).

Modules, in the order a reader should take them:

``env``       what the desugarer knows: constructors, classes, instances, fresh names
``context``   ``Ds``, the shared state: dictionaries in scope; Core builders
``typeof``    the types of patterns and expressions, read off the typed tree
``literals``  literals and the methods they stand for
``match``     the pattern-match compiler
``rhs``       guards and ``where``
``expr``      expressions, one function per construct
``binds``     function and pattern bindings, dependency groups
``classes``   classes and instances as records and functions
``deriving``  derived instances
``messages``  GHC's texts for run-time match failures
``desugar``   ``desugar_module``, the entry point

Variable conventions: ``ds`` the ``Ds`` state, ``tn`` a ``TcName``, ``u``/``us`` match
variables (occurrences), ``t`` a type, ``p`` a pattern or a predicate, ``ev`` evidence.
"""

from ifacedir.desugar.desugar import desugar_module

__all__ = ["desugar_module"]
