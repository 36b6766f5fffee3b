"""The renamer's working state for one module, and name lookup in every namespace.

``RnContext`` holds what the passes of ``ifacedir.rename`` share while one module is
renamed:

* the top-level environment (``GlobalEnv``, ifacedir.rename.scope);
* the local scope: variables and type variables bound by enclosing lambdas,
  patterns, ``let``/``where`` groups, statements and signatures. It is one dict per
  namespace, updated in place by ``push`` and restored by ``pop``, so binding and
  lookup cost O(1) however deep the nesting (see
  Note [Local scope as an undo stack]);
* the fixity of every name whose fixity was declared (imported, top-level or local;
  locals have uniques, so one dict serves all of them);
* the unique supply for local binders, counting from 1 in traversal order, which is
  source order, so the numbering is a function of the module text alone;
* the diagnostics collected so far, with out-of-scope variables and constructors in
  expressions kept apart (see Note [Out-of-scope variables are reported last]).

Lookup order for an unqualified variable: innermost local binder, then the top-level
environment (Report §3.2: a local binding shadows a top-level or imported one).
Special syntax (``()``, ``[]``, ``(,)``, ``:``, ``->``; Report §6.1.3-§6.1.5) is
always in scope and maps to the wired-in names of ifacedir.syntax.names.

Note [Out-of-scope variables are reported last]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
GHC's renamer does not report an unqualified variable or data constructor of an
*expression* that is not in scope: it leaves a hole there, and the typechecker
reports it ("Variable not in scope: f :: String", with the type it inferred). The
typechecker only runs when renaming succeeded, so such an error is shown only when
the module has no other scope error (corpus: parse_errors 054 reports the fixity
declaration without binding, not the unbound operator that it causes). We keep
those diagnostics in ``deferred`` and list them after all the others, so that the
first diagnostic is GHC's, and nothing is lost.

Note [Local scope as an undo stack]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
A chain of scopes (one dict per binding construct) makes lookup cost the nesting
depth, and copying a dict per construct costs its size; a 2,000-deep expression
makes either quadratic. Instead the current scope is a single dict, and binding a set
of names returns the values it overwrote; ``pop`` puts them back. Constructs nest
strictly, so pops always come in the reverse order of pushes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.rename.env import DEFAULT_FIXITY, Fixity
from ifacedir.rename.scope import GlobalEntry, GlobalEnv, describe_entry
from ifacedir.syntax import names as wired
from ifacedir.syntax.ast import Assoc
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["RnContext", "Saved", "special_name"]

Saved = list[tuple[NameSpace, str, Name | None]]


def special_name(occ: str, space: NameSpace) -> Name | None:
    """The wired-in name of special syntax ``occ`` in ``space``, if it is one."""
    if occ.startswith("(,") and occ.endswith(")") and set(occ[1:-1]) == {","}:
        arity = len(occ) - 1
        return wired.tuple_con(arity) if space is NameSpace.CON else wired.tuple_tycon(arity)
    if space is NameSpace.CON:
        return {"()": wired.unit_con, "[]": wired.nil_con, ":": wired.cons_con}.get(
            occ, lambda: None
        )()
    if space is NameSpace.TYCON:
        return {"()": wired.unit_tycon, "[]": wired.list_tycon, "->": wired.arrow_tycon}.get(
            occ, lambda: None
        )()
    return None


_NOT_IN_SCOPE = {
    NameSpace.VAR: "Variable not in scope: {}",
    NameSpace.CON: "Data constructor not in scope: {}",
    NameSpace.TYCON: "Not in scope: type constructor or class ‘{}’",
    NameSpace.TYVAR: "Not in scope: type variable ‘{}’",
}


CONS_FIXITY: Final = Fixity(Assoc.RIGHT, 5)


class RnContext:
    """See the module docstring."""

    def __init__(self, module: str, genv: GlobalEnv, fixities: dict[Name, Fixity]) -> None:
        self.module = module
        self.genv = genv
        self.fixities = fixities
        self.diags: list[Diagnostic] = []
        self.fields: set[Name] = set()  # record fields in scope (imported or own)
        self.deferred: list[Diagnostic] = []  # See Note [Out-of-scope variables are reported last]
        self._unique = 0
        self._scope: dict[tuple[NameSpace, str], Name] = {}

    # --- diagnostics and uniques ----------------------------------------------------

    def error(self, code: str, span: SrcSpan, message: str, *notes: str) -> None:
        self.diags.append(error(code, span, message, *notes))

    def fresh(self, occ: str, space: NameSpace) -> Name:
        self._unique += 1
        return Name.local(occ, space, self._unique)

    def fixity_of(self, name: Name) -> Fixity:
        if name == wired.cons_con():  # `:` is infixr 5 (Report §4.4.2, spec/LIBRARY.md)
            return CONS_FIXITY
        return self.fixities.get(name, DEFAULT_FIXITY)

    # --- local scope: see Note [Local scope as an undo stack] ----------------------

    def push(self, names: Iterable[Name]) -> Saved:
        saved: Saved = []
        for name in names:
            key = (name.space, name.occ)
            saved.append((name.space, name.occ, self._scope.get(key)))
            self._scope[key] = name
        return saved

    def pop(self, saved: Saved) -> None:
        for space, occ, old in reversed(saved):
            if old is None:
                del self._scope[(space, occ)]
            else:
                self._scope[(space, occ)] = old

    @contextmanager
    def binding(self, names: Iterable[Name]) -> Iterator[None]:
        saved = self.push(names)
        try:
            yield
        finally:
            self.pop(saved)

    def local(self, occ: str, space: NameSpace) -> Name | None:
        return self._scope.get((space, occ))

    # --- lookup ---------------------------------------------------------------------

    def var(self, rdr: RdrName, span: SrcSpan) -> Name:
        """A variable occurrence in an expression (also an operator in infix position)."""
        if not rdr.qual:
            found = self._scope.get((NameSpace.VAR, rdr.occ))
            if found is not None:
                return found
        return self.global_name(rdr, NameSpace.VAR, span, in_expr=True)

    def con(self, rdr: RdrName, span: SrcSpan, *, in_expr: bool = False) -> Name:
        special = special_name(rdr.occ, NameSpace.CON)
        return special or self.global_name(rdr, NameSpace.CON, span, in_expr=in_expr)

    def tycon(self, rdr: RdrName, span: SrcSpan) -> Name:
        special = special_name(rdr.occ, NameSpace.TYCON)
        return special or self.global_name(rdr, NameSpace.TYCON, span)

    def tyvar(self, rdr: RdrName, span: SrcSpan) -> Name:
        found = self._scope.get((NameSpace.TYVAR, rdr.occ))
        if found is not None:
            return found
        self.error("R001", span, _NOT_IN_SCOPE[NameSpace.TYVAR].format(rdr.occ))
        return Name.local(rdr.occ, NameSpace.TYVAR, 0)

    def global_name(
        self, rdr: RdrName, space: NameSpace, span: SrcSpan, *, in_expr: bool = False
    ) -> Name:
        """The one top-level entity ``rdr`` names, or a diagnostic and a placeholder.

        ``in_expr``: the occurrence is in an expression; see
        Note [Out-of-scope variables are reported last].
        """
        found = self.genv.lookup(rdr, space)
        if len(found) == 1:
            return found[0].name
        if not found:
            self.not_in_scope(rdr, space, span, deferred=in_expr and not rdr.qual)
        else:
            self.ambiguous(rdr, found, span)
        return Name.local(rdr.occ, space, 0)

    def not_in_scope(
        self, rdr: RdrName, space: NameSpace, span: SrcSpan, *, deferred: bool = False
    ) -> None:
        if rdr.qual:
            message = f"Not in scope: ‘{rdr}’"
        elif space is NameSpace.CON and not deferred:
            message = f"Not in scope: data constructor ‘{rdr.occ}’"
        else:
            message = _NOT_IN_SCOPE[space].format(rdr.occ)
        (self.deferred if deferred else self.diags).append(error("R001", span, message))

    def ambiguous(self, rdr: RdrName, found: list[GlobalEntry], span: SrcSpan) -> None:
        notes = [f"It could refer to {describe_entry(found[0])}"]
        notes += [f"or {describe_entry(e)}" for e in found[1:]]
        self.error("R002", span, f"Ambiguous occurrence ‘{rdr}’", *notes)
