"""Names before and after renaming.

The parser produces ``RdrName``: what the programmer wrote, an occurrence name with an
optional module qualifier (``x``, ``M.x``, ``+``, ``Data.List.\\\\``). Which namespace
it lives in is implied by where it appears in the tree (a type, an expression, a
pattern), as in the Report (§1.4: variables and constructors, type constructors and
classes, type variables, module names). A ``RdrName`` also carries the span of the
token it was written as; see Note [Names carry their spans].

The renamer replaces every ``RdrName`` with a ``Name``: the entity the occurrence
refers to. A top-level entity is identified by its *original name* (package, defining
module, occurrence name, namespace), the same in every module that refers to it, so
that interface files can name it. A local binder (a lambda-bound variable, a ``let``
binding, a type variable in a signature) has no module; it is told apart from other
locals with the same occurrence name by ``unique``, numbered per module in source
order (never from a process-wide counter, see DESIGN, "Fingerprints").

Special syntax (Report §6.1.3-§6.1.5: unit, lists, tuples, the function arrow) is
always in scope and cannot be hidden or redefined; its names live in the wired-in
module ``BUILTIN_MODULE`` of package ``BUILTIN_PACKAGE`` and are built by the
functions at the end of this module.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final

from ifacedir.syntax.span import SrcSpan

__all__ = [
    "BUILTIN_MODULE",
    "BUILTIN_PACKAGE",
    "Name",
    "NameSpace",
    "RdrName",
    "arrow_tycon",
    "cons_con",
    "list_tycon",
    "nil_con",
    "tuple_con",
    "tuple_tycon",
    "unit_con",
    "unit_tycon",
]

BUILTIN_PACKAGE: Final = "base"
BUILTIN_MODULE: Final = "GHC.Types"


class NameSpace(enum.StrEnum):
    """The Report's namespaces (§1.4), with values split into variables and constructors."""

    VAR = "var"  # variables, including class methods and record fields
    CON = "con"  # data constructors
    TYCON = "tycon"  # type constructors, type synonyms and classes
    TYVAR = "tyvar"  # type variables


# Note [Names carry their spans]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Many names in the tree have no node of their own: the name of a function binding,
# the operators of a fixity declaration, the class of an instance, the parameters of
# a data declaration, the labels of a record. Diagnostics about them must point at the
# name (GHC's `Located RdrName`), so the parser stores the token's span in the
# `RdrName` itself. The span takes no part in equality, hashing or ordering: `x`
# written twice is the same name, and trees compare equal modulo positions as before.
# Renamed trees do not need it (a `Name` is an entity, not an occurrence), and the
# syntax codec does not store it, since only renamed trees are persisted.


@dataclass(frozen=True, slots=True, order=True)
class RdrName:
    """A name as written: ``occ`` with the module qualifier ``qual`` ("" if none), and
    where it was written (None for names the compiler made up)."""

    occ: str
    qual: str = ""
    span: SrcSpan | None = field(default=None, compare=False, repr=False)

    @property
    def is_qualified(self) -> bool:
        return bool(self.qual)

    def __str__(self) -> str:
        return f"{self.qual}.{self.occ}" if self.qual else self.occ


@dataclass(frozen=True, slots=True, order=True)
class Name:
    """A resolved name: an original name for top-level entities, a unique for locals.

    Globals have ``module`` (and ``package``) set and ``unique == 0``; locals have
    ``module == ""`` and a ``unique`` that is positive and distinct within a module.
    """

    package: str
    module: str
    occ: str
    space: NameSpace
    unique: int = 0

    @staticmethod
    def local(occ: str, space: NameSpace, unique: int) -> Name:
        return Name("", "", occ, space, unique)

    @property
    def is_global(self) -> bool:
        return bool(self.module)

    @property
    def is_operator(self) -> bool:
        """True for symbolic names (``+``, ``:|``), which print infix or in parentheses."""
        return _is_symbolic(self.occ)

    def qualified(self) -> str:
        """``Module.occ`` for globals, ``occ_unique`` for locals (for dumps)."""
        if self.is_global:
            return f"{self.module}.{self.occ}"
        return f"{self.occ}_{self.unique}"

    def __str__(self) -> str:
        return self.qualified()


def _is_symbolic(occ: str) -> bool:
    if occ in ("()", "[]") or occ.startswith("(,"):
        return False
    return bool(occ) and not (occ[0].isalpha() or occ[0] == "_")


def _builtin(occ: str, space: NameSpace) -> Name:
    return Name(BUILTIN_PACKAGE, BUILTIN_MODULE, occ, space)


def unit_tycon() -> Name:
    return _builtin("()", NameSpace.TYCON)


def unit_con() -> Name:
    return _builtin("()", NameSpace.CON)


def list_tycon() -> Name:
    return _builtin("[]", NameSpace.TYCON)


def nil_con() -> Name:
    return _builtin("[]", NameSpace.CON)


def cons_con() -> Name:
    return _builtin(":", NameSpace.CON)


def arrow_tycon() -> Name:
    return _builtin("->", NameSpace.TYCON)


def tuple_tycon(arity: int) -> Name:
    """The type constructor of ``arity``-tuples (arity >= 2): ``(,)``, ``(,,)``, ..."""
    return _builtin(_tuple_occ(arity), NameSpace.TYCON)


def tuple_con(arity: int) -> Name:
    return _builtin(_tuple_occ(arity), NameSpace.CON)


def _tuple_occ(arity: int) -> str:
    if arity < 2:
        raise ValueError(f"no tuple of arity {arity}")
    return "(" + "," * (arity - 1) + ")"
