"""What the Python code generator knows while it writes one module.

The vocabulary ifacedir.backend.python_expr (expressions) and
ifacedir.backend.python_emit (the module) share:

* ``Out``: lines of Python being written, at an indentation depth.
* ``Var``: what a Core variable is in the Python code: the expression naming it (a
  local, a module global, a literal), whether its value is known to be in WHNF, and
  when it is a function of known arity, that arity (direct calls).
* ``Env``: Core local names to ``Var``, with marks to undo the facts learnt inside
  an alternative (See Note [Facts learnt by a case]).
* ``Fn``: the Python function being written: its ``Out``, and the self-tail-call
  loop it runs, if any.
* ``ModuleState``: the module-wide tables: temporaries, imports (linked by the
  loader, ifacedir.backend.python_load), primitives, string literals and constants
  hoisted to the top level, lifted functions, this module's globals and
  constructors.
* ``FreeVars``: the free local variables of every subexpression, computed once with
  an explicit stack and memoised.
* ``py_type``: the Python type of the WHNF values of a Core type, where it is one.

Note [Facts learnt by a case]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``case x of b { alts }`` forces ``x`` once; in the alternatives both ``x`` and ``b``
stand for the forced value, so later uses of ``x`` are not forced again. The
alternatives are written with ``x`` bound to ``b``'s ``Var``; the mark taken before
the case undoes that afterwards, where ``x`` may still be a thunk (another
alternative, or code after a strict case). Local uniques are distinct within a
module (spec/CORE.md §4), so nothing else needs undoing: a name bound in one branch
is never mentioned outside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Final

from ifacedir.backend.pyrt import PyBackendError
from ifacedir.backend.python_names import builder_name, con_name, global_name, python_module_name
from ifacedir.syntax import core
from ifacedir.syntax.names import BUILTIN_MODULE, Name, NameSpace, arrow_tycon
from ifacedir.syntax.types import Forall, TCon, Type, split_ap

__all__ = [
    "INDENT",
    "Env",
    "Fn",
    "FreeVars",
    "Loop",
    "ModuleState",
    "Out",
    "Var",
    "py_type",
]

INDENT: Final = "    "


class Out:
    """Lines of Python at indentation ``depth``."""

    __slots__ = ("depth", "lines")

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.lines: list[str] = []

    def emit(self, line: str) -> None:
        self.lines.append(INDENT * self.depth + line)

    def child(self) -> Out:
        """A separate block one level deeper (a function body)."""
        return Out(self.depth + 1)

    def extend(self, lines: Iterable[str]) -> None:
        self.lines.extend(lines)


@dataclass(slots=True)
class Var:
    """A Core variable in the Python code."""

    py: str
    """The Python expression naming it."""
    local: bool = False
    """A local of some enclosing Python function (captured by inner functions)."""
    whnf: bool = False
    """Its value is in WHNF (never a thunk)."""
    arity: int = 0
    """> 0: a function taking exactly this many arguments (direct calls)."""
    pytype: str | None = None
    """The Python type of its WHNF value, if known (``tuple``, ``int``...)."""
    imported: Name | None = None
    """An imported global: calls go through the per-arity import."""

    def forced(self, py: str, pytype: str | None) -> Var:
        return replace(self, py=py, local=True, whnf=True, pytype=pytype or self.pytype)


@dataclass(frozen=True, slots=True)
class Loop:
    """A function compiled as ``while True``: its tail calls to itself with
    ``len(params)`` arguments assign the parameters and ``continue``."""

    name: Name
    params: tuple[str, ...]


@dataclass(slots=True)
class Fn:
    """The Python function being written (``top``: the module body itself)."""

    out: Out
    loop: Loop | None = None
    top: bool = False


class Env:
    """Core locals to ``Var``, with undo marks. See Note [Facts learnt by a case]."""

    __slots__ = ("_undo", "_vars")

    def __init__(self) -> None:
        self._vars: dict[Name, Var] = {}
        self._undo: list[tuple[Name, Var | None]] = []

    def bind(self, name: Name, var: Var) -> None:
        self._undo.append((name, self._vars.get(name)))
        self._vars[name] = var

    def get(self, name: Name) -> Var | None:
        return self._vars.get(name)

    def mark(self) -> int:
        return len(self._undo)

    def release(self, mark: int) -> None:
        while len(self._undo) > mark:
            name, old = self._undo.pop()
            if old is None:
                del self._vars[name]
            else:
                self._vars[name] = old


_WIRED_TYPES: Final = {"Int": "int", "Integer": "int", "Double": "float", "Float": "float"}
_OPAQUE_TYPES: Final = frozenset({"IO", "Handle", "IOError"})


def py_type(t: Type | Forall) -> str | None:
    """The Python type of the WHNF values of ``t`` when it is one (a data type's are
    tuples, ``Int``'s ints), else None (type variables, ``IO``). Only a hint: the
    generated code forces any value not of that type, so a newtype represented as
    its field is merely forced for nothing."""
    if isinstance(t, Forall):
        if t.qual.preds:
            return "_fn"  # dictionaries are arguments
        t = t.qual.head
    head, args = split_ap(t)
    if not isinstance(head, TCon):
        return None
    name = head.con.name
    if not name.is_global or name.space != NameSpace.TYCON:  # a (rigid) type variable
        return None
    if name == arrow_tycon():
        return "_fn"
    if name.module == BUILTIN_MODULE:
        if name.occ in _WIRED_TYPES:
            return _WIRED_TYPES[name.occ]
        if name.occ == "Char":
            return "str"
        if name.occ == "Any":  # a dictionary's field: most often a method
            return "_fn"
        if name.occ in _OPAQUE_TYPES:
            return None
    del args
    return "tuple"


class FreeVars:
    """The free local variables of expressions, memoised by node identity (the tree
    is alive, and not modified, while a module is written)."""

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[int, frozenset[Name]] = {}

    def of(self, e: core.Expr) -> frozenset[Name]:
        got = self._memo.get(id(e))
        if got is not None:
            return got
        self._fill(e)
        return self._memo[id(e)]

    def _fill(self, root: core.Expr) -> None:
        """Post-order over the nodes below ``root`` not seen yet, with a stack."""
        memo = self._memo
        stack: list[tuple[core.Expr, bool]] = [(root, False)]
        while stack:
            e, done = stack.pop()
            if id(e) in memo:
                continue
            kids = _children(e)
            if not done and any(id(k) not in memo for k in kids):
                stack.append((e, True))
                stack.extend((k, False) for k in kids if id(k) not in memo)
                continue
            memo[id(e)] = self._node(e)

    def _node(self, e: core.Expr) -> frozenset[Name]:
        memo = self._memo
        if isinstance(e, core.CoreVar):
            return frozenset() if e.name.is_global else frozenset((e.name,))
        if isinstance(e, core.App):
            return memo[id(e.fun)].union(*(memo[id(a)] for a in e.args))
        if isinstance(e, core.Lam):
            return memo[id(e.body)].difference(p.name for p in e.params)
        if isinstance(e, core.Let):
            return memo[id(e.bind.rhs)] | (memo[id(e.body)] - {e.bind.var.name})
        if isinstance(e, core.LetRec):
            inner = memo[id(e.body)].union(*(memo[id(b.rhs)] for b in e.binds))
            return inner.difference(b.var.name for b in e.binds)
        if isinstance(e, core.Case):
            alts: set[Name] = set()
            for alt in e.alts:
                body = memo[id(alt.rhs)]
                alts |= (
                    body.difference(v.name for v in alt.vars)
                    if isinstance(alt, core.ConAlt)
                    else body
                )
            alts.discard(e.binder.name)
            return memo[id(e.scrut)] | alts
        if isinstance(e, core.ConApp | core.PrimOp):
            return frozenset().union(*(memo[id(a)] for a in e.args))
        return frozenset()


def _children(e: core.Expr) -> tuple[core.Expr, ...]:
    if isinstance(e, core.App):
        return (e.fun, *e.args)
    if isinstance(e, core.Lam):
        return (e.body,)
    if isinstance(e, core.Let):
        return (e.bind.rhs, e.body)
    if isinstance(e, core.LetRec):
        return (*(b.rhs for b in e.binds), e.body)
    if isinstance(e, core.Case):
        return (e.scrut, *(a.rhs for a in e.alts))
    if isinstance(e, core.ConApp | core.PrimOp):
        return e.args
    return ()


@dataclass(slots=True)
class _Import:
    alias: str
    pymodule: str
    attr: str
    arity: int | None
    name: str


@dataclass(slots=True)
class ModuleState:
    """The module-wide tables (see the module docstring)."""

    module: str
    package: str
    own: dict[Name, Var] = field(default_factory=dict)
    """This module's top-level bindings (and floated ones), by name."""
    cons: dict[Name, core.DataCon] = field(default_factory=dict)
    """This module's constructors."""
    where: str = ""
    """The binding being written, for error messages."""
    fv: FreeVars = field(default_factory=FreeVars)
    _counter: int = 0
    _imports: dict[tuple[Name, str, int | None], _Import] = field(default_factory=dict)
    _strings: dict[str, str] = field(default_factory=dict)
    consts: list[str] = field(default_factory=list)
    """Module-level constant definitions (``K...``), in order of creation."""
    lifted: list[str] = field(default_factory=list)
    """Lines of the lifted functions (``L...``)."""
    prims: dict[str, str] = field(default_factory=dict)
    """Primitive entity -> the module global bound to its table entry."""
    applies: set[int] = field(default_factory=set)
    delays: set[int] = field(default_factory=set)
    undefined: set[str] = field(default_factory=set)
    """Top-level names not yet defined while the module body is written: a constant
    reaches them through a forwarder (Note [The top level] in
    ifacedir.backend.python_emit)."""

    def error(self, message: str) -> PyBackendError:
        where = f" in {self.where}" if self.where else ""
        return PyBackendError(f"module {self.module}: {message}{where}")

    def fresh(self, prefix: str = "_") -> str:
        self._counter += 1
        return f"{prefix}{self._counter}"

    # --- globals ---

    def global_var(self, name: Name) -> Var:
        """The ``Var`` of a global: this module's own, or an import."""
        own = self.own.get(name)
        if own is not None:
            return own
        if name.space == NameSpace.CON:
            return self._con_var(name)
        if name.module == self.module:
            raise self.error(f"unknown variable {name}")
        return Var(self._import(name, global_name(name.occ), None), imported=name)

    def _con_var(self, name: Name) -> Var:
        dc = self.cons.get(name)
        if dc is not None:
            return Var(con_name(name.occ), whnf=True, arity=dc.arity)
        if name.module == self.module:
            raise self.error(f"unknown constructor {name}")
        return Var(self._import(name, con_name(name.occ), None))

    def import_call(self, name: Name, arity: int) -> str:
        """The import of ``name`` as a function of exactly ``arity`` arguments."""
        attr = con_name(name.occ) if name.space == NameSpace.CON else global_name(name.occ)
        return self._import(name, attr, arity)

    def import_builder(self, name: Name, arity: int) -> str:
        """The strict builder of an imported constructor of ``arity`` fields (None
        if it has no strict field)."""
        return self._import(name, builder_name(name.occ), arity)

    def _import(self, name: Name, attr: str, arity: int | None) -> str:
        key = (name, attr, arity)
        got = self._imports.get(key)
        if got is None:
            n = len(self._imports)
            alias = f"I{n}{attr[0]}{'' if arity is None else f'{arity}'}_{attr[1:]}"
            got = self._imports[key] = _Import(
                alias, python_module_name(name.module, name.package), attr, arity, str(name)
            )
        return got.alias

    def import_rows(self) -> list[tuple[str, str, str, int | None, str]]:
        """(alias, Python module, attribute, arity or None, Haskell name) per import,
        in order of first use."""
        return [(i.alias, i.pymodule, i.attr, i.arity, i.name) for i in self._imports.values()]

    # --- module-level things ---

    def string(self, s: str) -> str:
        got = self._strings.get(s)
        if got is None:
            got = self._strings[s] = f"S{len(self._strings)}"
        return got

    def string_rows(self) -> list[tuple[str, str]]:
        return [(name, s) for s, name in self._strings.items()]

    def const(self, text: str) -> str:
        """A module-level constant ``K<n> = text``; its name."""
        name = self.fresh("K")
        self.consts.append(f"{name} = {text}")
        return name

    def prim(self, entity: str) -> str:
        got = self.prims.get(entity)
        if got is None:
            got = self.prims[entity] = f"_p{len(self.prims)}_{entity}"
        return got

    def apply(self, k: int) -> str:
        self.applies.add(k)
        return f"_A{k}"

    def delay(self, k: int) -> str:
        self.delays.add(k)
        return f"_D{k}"
