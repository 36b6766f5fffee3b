"""Core Lint: the guarantees of spec/CORE.md §4, checked on a module.

``lint_module(m, world)`` returns one message per problem (empty: the module is
fine). ``world`` holds what the module's imports define (their top-level names and
data types); without it, references to other modules are taken on trust. Checks:

* **scoping**: every local occurrence is inside a binder of that local; every local
  is bound once in the module (no shadowing); a global of this module is used only
  in its own group or a later one (dependency order); a global of another module is
  defined there (with ``world``); top-level names belong to the module, once each;
  the entry point is bound;
* **constructors**: every ``ConApp`` and ``ConAlt`` names a known constructor with
  its declared tag and arity, and gives exactly ``arity`` fields;
* **primitives**: every ``PrimOp`` names a primitive of spec/LIBRARY.md with its
  arity;
* **case**: at most one default, last; no constructor or literal twice; alternatives
  of one data type (or literals of one kind); exhaustive: every constructor of the
  type, or a default;
* **shape** (what typing can say without type inference, CORE.md §2): a literal, a
  constructor application or a primitive result that is not a function is never
  applied; a lambda is never a case scrutinee; ``Int`` literals fit in 64 bits.

The walk keeps its own stack (deep Core is fine).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ifacedir.backend.prims import PRIM_SPECS
from ifacedir.syntax import core
from ifacedir.syntax.corewalk import bound_here, children
from ifacedir.syntax.names import Name

__all__ = ["LintWorld", "lint_module", "lint_program"]


@dataclass
class LintWorld:
    """What the imports of a module define."""

    modules: set[str] = field(default_factory=set)
    """The modules whose top-level names are all known (references into others are
    taken on trust)."""
    globals: set[Name] = field(default_factory=set)
    cons: dict[Name, core.DataCon] = field(default_factory=dict)
    siblings: dict[Name, int] = field(default_factory=dict)
    """Constructor -> how many constructors its type has."""

    def add(self, m: core.CoreModule) -> None:
        self.modules.add(m.module)
        for g in m.groups:
            self.globals.update(b.var.name for b in g.binds)
        for dt in m.data:
            for c in dt.cons:
                self.cons[c.name] = c
                self.siblings[c.name] = len(dt.cons)

    @staticmethod
    def of(modules: Iterable[core.CoreModule]) -> LintWorld:
        w = LintWorld()
        for m in modules:
            w.add(m)
        return w


def lint_module(m: core.CoreModule, world: LintWorld | None = None) -> list[str]:
    """Every problem found in ``m`` (see the module docstring)."""
    return _Linter(m, world).run()


_ENTER, _EXIT = 0, 1


class _Linter:
    def __init__(self, m: core.CoreModule, world: LintWorld | None) -> None:
        self.m = m
        self.world = world
        self.problems: list[str] = []
        self.cons: dict[Name, core.DataCon] = dict(world.cons) if world else {}
        self.siblings: dict[Name, int] = dict(world.siblings) if world else {}
        for dt in m.data:
            for c in dt.cons:
                self.cons[c.name] = c
                self.siblings[c.name] = len(dt.cons)
        self.owner: dict[Name, Name] = {c.name: dt.name for dt in m.data for c in dt.cons}
        self.bound_once: set[Name] = set()
        self.defined: set[Name] = set()
        self.where = ""

    def report(self, message: str) -> None:
        self.problems.append(f"{self.where}: {message}" if self.where else message)

    def run(self) -> list[str]:
        m = self.m
        own: set[Name] = set()
        for g in m.groups:
            for b in g.binds:
                n = b.var.name
                if not n.is_global or n.module != m.module:
                    self.report(f"top-level binder {n} is not a global of module {m.module}")
                if n in own:
                    self.report(f"{n} is bound twice at top level")
                own.add(n)
        for g in m.groups:
            names = [b.var.name for b in g.binds]
            if not g.recursive and len(g.binds) != 1:
                self.report(f"a non-recursive group of {len(g.binds)} bindings")
            self.defined.update(names)
            for b in g.binds:
                self.where = str(b.var.name)
                self.expr(b.rhs, own)
                if not g.recursive and b.var.name in _free_globals(b.rhs):
                    self.report("mentions itself but its group is not recursive")
        self.where = ""
        if m.entry is not None and m.entry not in own:
            self.report(f"the entry point {m.entry} is not bound in the module")
        return self.problems

    # --- Expressions ------------------------------------------------------------------

    def expr(self, e: core.Expr, own: set[Name]) -> None:
        in_scope: set[Name] = set()
        stack: list[tuple[int, core.Expr]] = [(_ENTER, e)]
        while stack:
            step, x = stack.pop()
            binders = [v.name for v in bound_here(x)]
            if step == _EXIT:
                in_scope.difference_update(binders)
                continue
            self.node(x, in_scope, own)
            for n in binders:
                if n.is_global:
                    self.report(f"binds the global {n}")
                if n in self.bound_once:
                    self.report(f"local {n} is bound more than once in the module")
                self.bound_once.add(n)
            in_scope.update(binders)
            stack.append((_EXIT, x))
            stack.extend((_ENTER, c) for c in reversed(children(x)))

    def node(self, x: core.Expr, in_scope: set[Name], own: set[Name]) -> None:
        match x:
            case core.CoreVar(name, _):
                self.occurrence(name, in_scope, own)
            case core.Let(b, _) if b.var.name in _occurrence_names(b.rhs):
                self.report(f"non-recursive let of {b.var.name} mentions it in its rhs")
            case core.App(f, args):
                if not args:
                    self.report("an application to no argument")
                if isinstance(f, core.IntLit | core.DoubleLit | core.CharLit | core.StringLit):
                    self.report("a literal is applied to arguments")
                if isinstance(f, core.ConApp):
                    self.report(f"the constructor application {f.con.name} is applied")
            case core.Lam(params, _) if not params:
                self.report("a lambda without parameters")
            case core.Case(scrut, _, _, alts):
                if isinstance(scrut, core.Lam):
                    self.report("a lambda is a case scrutinee")
                self.alts(alts)
            case core.ConApp(con, args):
                self.con(con, len(args), "ConApp")
            case core.PrimOp(entity, arity, args, _):
                spec = PRIM_SPECS.get(entity)
                if spec is None:
                    self.report(f"unknown primitive {entity!r}")
                elif spec.arity != arity or len(args) != arity:
                    given = len(args)
                    self.report(f"primitive {entity} takes {spec.arity} arguments, given {given}")
            case core.IntLit(v, kind) if kind is core.IntKind.INT and not -(2**63) <= v < 2**63:
                self.report(f"Int literal {v} out of range")
            case _:
                pass

    def occurrence(self, name: Name, in_scope: set[Name], own: set[Name]) -> None:
        if not name.is_global:
            if name not in in_scope:
                self.report(f"local {name} is not in scope")
            return
        if name.module == self.m.module:
            if name not in own:
                self.report(f"{name} is not bound in the module")
            elif name not in self.defined:
                self.report(f"{name} is used before its binding group")
            return
        world = self.world
        if world is not None and name.module in world.modules and name not in world.globals:
            self.report(f"{name} is not defined by any module the module imports")

    def con(self, ref: core.DataConRef, given: int, what: str) -> None:
        if given != ref.arity:
            self.report(f"{what} {ref.name} with {given} fields, arity {ref.arity}")
        dc = self.cons.get(ref.name)
        if dc is None:
            known = self.world.modules if self.world is not None else set()
            if ref.name.module in known or ref.name.module == self.m.module:
                self.report(f"unknown constructor {ref.name}")
            return
        if (dc.tag, dc.arity) != (ref.tag, ref.arity):
            self.report(
                f"{ref.name} referenced with tag {ref.tag} and arity {ref.arity}, "
                f"declared {dc.tag} and {dc.arity}"
            )

    def alts(self, alts: tuple[core.Alt, ...]) -> None:
        seen_cons: set[Name] = set()
        seen_lits: set[object] = set()
        lit_kinds: set[type] = set()
        defaults = 0
        for i, a in enumerate(alts):
            match a:
                case core.ConAlt(con, vs, _):
                    self.con(con, len(vs), "ConAlt")
                    if con.name in seen_cons:
                        self.report(f"two alternatives for {con.name}")
                    seen_cons.add(con.name)
                case core.LitAlt(lit, _):
                    if isinstance(lit, core.StringLit):
                        self.report("a string literal alternative")
                    if lit in seen_lits:
                        self.report(f"two alternatives for the literal {lit}")
                    seen_lits.add(lit)
                    lit_kinds.add(type(lit))
                case core.DefaultAlt():
                    defaults += 1
                    if i != len(alts) - 1:
                        self.report("a default alternative that is not the last")
        if defaults > 1:
            self.report("more than one default alternative")
        if seen_cons and seen_lits:
            self.report("constructor and literal alternatives in one case")
        if len(lit_kinds) > 1:
            self.report("literal alternatives of different types")
        owners = {self.owner.get(c) for c in seen_cons if c in self.owner}
        if len(owners) > 1:
            self.report("constructor alternatives of different data types")
        if not defaults:
            if seen_lits:
                self.report("literal alternatives without a default")
            elif seen_cons:
                first = next(iter(seen_cons))
                total = self.siblings.get(first)
                if total is not None and total != len(seen_cons):
                    self.report(
                        f"non-exhaustive alternatives: {len(seen_cons)} of {total} constructors"
                    )
            elif not alts:
                self.report("a case without alternatives")


def _occurrence_names(e: core.Expr) -> set[Name]:
    from ifacedir.syntax.corewalk import occurrences

    return occurrences(e)


def _free_globals(e: core.Expr) -> set[Name]:
    return {n for n in _occurrence_names(e) if n.is_global}


def lint_program(modules: Iterable[core.CoreModule]) -> dict[str, list[str]]:
    """Lint every module against the ones before it (dependency order)."""
    world = LintWorld()
    out: dict[str, list[str]] = {}
    for m in modules:
        out[m.module] = lint_module(m, world)
        world.add(m)
    return out
