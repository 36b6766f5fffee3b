"""Assumptions (THIH §9): the scheme of every variable and constructor in scope.

THIH keeps a list of ``i :>: sc`` and looks names up with ``find``. A module sees
thousands of imported names, so the environment here has two parts:

* the **globals**: imported and top-level names, whose schemes are closed (no free
  type variables; top-level bindings are generalised, Rule 2 of Report §4.5.5 aside)
  in one mapping shared by every scope;
* the **locals**: layers of ``Assump`` pushed by lambdas, patterns, ``let``/``where``
  and binding groups being inferred, whose schemes may mention variables of the
  current substitution (monomorphic binders, THIH's ``toScheme t``).

``find(name)`` looks in the innermost layer first (names are unique after renaming, so
shadowing never actually happens, but the order is THIH's). ``free_tyvars`` and
``apply`` (through the HasTypes protocol, see ifacedir.typecheck.subst) only look at
the locals, since the globals have nothing free: that is what keeps generalisation,
which needs the variables free in the environment (THIH ``tiImpls``), cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Scheme
from ifacedir.typecheck.subst import Substitution, apply

__all__ = ["Assump", "Assumptions"]


@dataclass(frozen=True, slots=True)
class Assump:
    """THIH's ``name :>: scheme``."""

    name: Name
    scheme: Scheme

    def apply_subst(self, s: Substitution) -> Assump:
        return Assump(self.name, apply(s, self.scheme))

    def type_parts(self) -> Iterator[Scheme]:
        yield self.scheme


class Assumptions:
    """Globals plus layers of locals; immutable (``extend`` returns a new one)."""

    __slots__ = ("_globals", "_locals")

    def __init__(
        self, globals_: Mapping[Name, Scheme], locals_: tuple[dict[Name, Assump], ...] = ()
    ) -> None:
        self._globals = globals_
        self._locals = locals_  # each layer in order of binding; never mutated

    def find(self, name: Name) -> Scheme | None:
        """THIH's ``find``: the scheme of ``name``, or None if it is not in scope."""
        for layer in reversed(self._locals):
            a = layer.get(name)
            if a is not None:
                return a.scheme
        return self._globals.get(name)

    def extend(self, assumps: Iterable[Assump]) -> Assumptions:
        """The environment with one more layer of local assumptions."""
        return Assumptions(self._globals, (*self._locals, {a.name: a for a in assumps}))

    def locals(self) -> tuple[Assump, ...]:
        return tuple(a for layer in self._locals for a in layer.values())

    def apply_subst(self, s: Substitution) -> Assumptions:
        layers = tuple({n: a.apply_subst(s) for n, a in layer.items()} for layer in self._locals)
        return Assumptions(self._globals, layers)

    def type_parts(self) -> Iterator[Assump]:
        """The locals only: global schemes are closed (see the module docstring)."""
        for layer in self._locals:
            yield from layer.values()
