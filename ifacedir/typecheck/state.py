"""The typechecker's state, THIH's ``TI`` monad (§10) made an object, plus its errors.

``TcState`` holds what inference threads through every judgement:

* the **current substitution**: ``st.unify(t1, t2)`` unifies the two types *under* it
  and extends it with the result (THIH's ``unify`` and ``extSubst``); ``TcState`` is
  itself a ``Substitution``, so ``apply(st, x)`` brings any HasTypes value up to date.
  See Note [A triangular current substitution];
* the **fresh-variable supply**: ``st.new_tvar(k)`` gives ``t1``, ``t2``, ... numbered
  per ``TcState``, that is per module, so the same module always gets the same
  variables whatever else the process compiled (DESIGN, "Fingerprints");
  ``st.fresh_inst(sc)`` instantiates a scheme with fresh variables (THIH ``freshInst``);
* the **errors** found so far, each a ``TcError`` carrying its span and the *error
  context* active when it was reported: lines such as "In the second argument of
  ‘f’", pushed with ``with st.context(...)`` around the judgement they describe and
  printed innermost first, as GHC does. Inference reports an error and carries on, so
  one run finds every independent error.

Error codes: ``Txxx``, listed in ``TC_ERROR_CODES`` with a one-line summary each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

from ifacedir.diagnostics import ERROR_CODES, Diagnostic, Severity
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    STAR,
    Kind,
    Qual,
    Scheme,
    TCon,
    TVar,
    Type,
    TypePrinter,
    TyVar,
    kind_of,
)
from ifacedir.typecheck.subst import Subst, apply, free_tyvars, instantiate
from ifacedir.typecheck.unify import Mismatch, UnifyError, mgu

__all__ = ["TC_ERROR_CODES", "ErrorPrinter", "TcError", "TcState", "ordinal"]

# The typechecker's codes, the "T" block of the one registry in ifacedir.diagnostics.
TC_ERROR_CODES: Final[Mapping[str, str]] = {
    code: summary for code, summary in ERROR_CODES.items() if code.startswith("T")
}


@dataclass(frozen=True, slots=True)
class TcError:
    """One type error: ``context`` lists the enclosing constructs, innermost first."""

    code: str
    span: SrcSpan
    message: str
    context: tuple[str, ...] = ()

    def to_diagnostic(self) -> Diagnostic:
        """As a ``Diagnostic`` (the ``Txxx`` codes must be in ``ERROR_CODES``)."""
        return Diagnostic(self.code, Severity.ERROR, self.span, self.message, self.context)


# Note [A triangular current substitution]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# THIH keeps the current substitution idempotent: extending it by u computes
# `u @@ s`, applying u to every image in s. That costs time proportional to the whole
# substitution at every unification, quadratic over a module. We keep it
# *triangular* instead: a binding's image may mention variables bound later, and
# `lookup` resolves an image on demand and writes the resolved image back (path
# compression), chasing chains of variable-to-variable bindings in a loop rather than
# by recursion. `apply(st, x)` therefore gives exactly what THIH's `apply s x` gives.
# It stays acyclic because a new binding always comes from `mgu` of two types
# already brought up to date: its variables are unbound, and so are those of its
# images. `ext_subst` checks that invariant.


class TcState:
    """THIH's ``TI`` state: substitution, fresh-variable counter, errors and context."""

    def __init__(self) -> None:
        self._bindings: dict[TyVar, Type] = {}
        self._next = 0
        self._context: list[str | Callable[[], str]] = []
        self.errors: list[TcError] = []

    # --- The current substitution ------------------------------------------------------

    def lookup(self, u: TyVar) -> Type | None:
        """The image of ``u`` under the current substitution, fully resolved."""
        t = self._bindings.get(u)
        if t is None:
            return None
        chain = [u]
        while isinstance(t, TVar) and t.var in self._bindings:
            chain.append(t.var)
            t = self._bindings[t.var]
        if not isinstance(t, TVar):
            t = apply(self, t)
        for v in chain:
            self._bindings[v] = t
        return t

    def subst(self) -> Subst:
        """THIH's ``getSubst``: the current substitution, idempotent."""
        return Subst({u: apply(self, TVar(u)) for u in list(self._bindings)})

    def ext_subst(self, s: Subst) -> None:
        """THIH's ``extSubst``: the current substitution becomes ``s @@ current``.

        ``s`` must bind only unbound variables to types whose variables are unbound
        (see Note [A triangular current substitution])."""
        for u, t in s.items():
            if u in self._bindings or any(v in self._bindings for v in free_tyvars(t)):
                raise ValueError(f"ext_subst: {u.ident} +-> {t} is not up to date")
            self._bindings[u] = t

    def unify(self, t1: Type, t2: Type) -> None:
        """THIH's ``unify``: raises ``UnifyError``, leaving the substitution unchanged."""
        a1, a2 = apply(self, t1), apply(self, t2)
        try:
            s = mgu(a1, a2)
        except ValueError:  # an ill-kinded type, after a kind error was reported
            raise UnifyError(Mismatch.KINDS, a1, a2) from None
        self.ext_subst(s)

    # --- Fresh variables -----------------------------------------------------------------

    def new_tvar(self, k: Kind) -> Type:
        """THIH's ``newTVar``: ``t1``, ``t2``, ... in order of request."""
        self._next += 1
        return TVar(TyVar(f"t{self._next}", k))

    def fresh_inst(self, sc: Scheme) -> Qual[Type]:
        """THIH's ``freshInst``: the scheme's body with fresh variables for its TGens."""
        ts = tuple(self.new_tvar(k) for k in sc.kinds)
        return instantiate(ts, sc.qual)

    # --- Errors --------------------------------------------------------------------------

    @contextmanager
    def context(self, line: str | Callable[[], str]) -> Iterator[None]:
        """Errors reported inside the block mention ``line`` ("In an equation for ‘f’");
        a callable is called only if an error is reported (printing an expression for
        every node of a deep chain would be quadratic)."""
        self._context.append(line)
        try:
            yield
        finally:
            self._context.pop()

    def report(self, code: str, span: SrcSpan, message: str) -> None:
        if code not in TC_ERROR_CODES:
            raise ValueError(f"unregistered typechecker error code {code!r}")
        lines = tuple(c if isinstance(c, str) else c() for c in reversed(self._context))
        self.errors.append(TcError(code, span, message, lines))

    def unify_at(self, span: SrcSpan, expected: Type, actual: Type) -> bool:
        """``unify``, reporting a failure at ``span`` in GHC's words; True on success."""
        try:
            self.unify(expected, actual)
        except UnifyError as err:
            code, message = self._mismatch(err, expected, actual)
            self.report(code, span, message)
            return False
        return True

    def _mismatch(self, err: UnifyError, expected: Type, actual: Type) -> tuple[str, str]:
        """GHC 9.0's wording: the whole types when they are what differs, else the
        parts that differ (actual part first, as GHC prints them) and then the whole."""
        pp = ErrorPrinter()
        e, a = pp.type(apply(self, expected)), pp.type(apply(self, actual))
        left, right = pp.type(err.left), pp.type(err.right)
        if err.reason is Mismatch.OCCURS:
            return "T002", f"Occurs check: cannot construct the infinite type: {left} ~ {right}"
        if err.reason is Mismatch.KINDS:
            return "T003", f"Couldn't match kind of ‘{left}’ with ‘{right}’"
        rigid = [t for t in (err.left, err.right) if _is_rigid(t)]
        if rigid:
            v = pp.type(rigid[0])
            return "T014", (
                f"Couldn't match expected type ‘{e}’ with actual type ‘{a}’:"
                f" ‘{v}’ is a rigid type variable"
            )
        if (left, right) == (e, a) or not _is_whole(err.left) or not _is_whole(err.right):
            return "T001", f"Couldn't match expected type ‘{e}’ with actual type ‘{a}’"
        return "T001", f"Couldn't match type ‘{right}’ with ‘{left}’ (expected: {e}, actual: {a})"


_FRESH: Final = re.compile(r"t[0-9]+")


class ErrorPrinter(TypePrinter):
    """Prints types in error messages: a variable of inference (``t17``) as GHC prints
    an unification variable, ``a0``, ``b0``, ... in order of appearance, so it cannot be
    mistaken for a rigid variable of a signature (printed as written, ``a``)."""

    def __init__(self) -> None:
        super().__init__(rename=False)
        self._count = 0
        self._vars: dict[TyVar | int, str] = {}

    def name_of(self, v: TyVar | int) -> str:
        if isinstance(v, TyVar) and not _FRESH.fullmatch(v.ident):
            return v.ident  # not one of ``new_tvar``'s: keep its name
        name = self._vars.get(v)
        if name is None:
            letter = "abcdefghijklmnopqrstuvwxyz"[self._count % 26]
            name = f"{letter}{self._count // 26}"
            self._count += 1
            self._vars[v] = name
        return name


def _is_whole(t: Type) -> bool:
    """A type of kind ``*``: ``(,) Int`` is only a part of ``(Int, b)``, worth
    showing on its own only as a complete type."""
    try:
        return kind_of(t) == STAR
    except ValueError:
        return False


def _is_rigid(t: Type) -> bool:
    """A rigid type variable; see Note [Rigid type variables] in ifacedir.typecheck.tcenv."""
    return isinstance(t, TCon) and not t.con.name.is_global


_ORDINALS: Final = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def ordinal(n: int) -> str:
    """``first``, ``second``, ... ``tenth``, then ``11th``, ``12th``, ... (1-based)."""
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
