"""One Core module to the text of one Python module (the Python code generator).

``emit_module(m)`` returns the source of ``m``'s Python module, loaded by
ifacedir.backend.python_load under ``python_module_name(m.module, m.package)``.
It is deterministic: the text depends on the Core alone (names come from the Core's
names and uniques, temporaries from counters advancing in tree order, tables are
written in order of first use; no ids, hashes of objects or timestamps).

The module's text, top to bottom:

1. **Imports** of the runtime (ifacedir.backend.pyrt, ``HaskellError``), the
   primitive table's entries it calls (``_p3_intQuot = _runtime.prim('intQuot')``)
   and the generic applications it uses (``_A2 = _apply_fn(2)``).
2. **Links**: ``__hs_runtime__.link(globals(), rows)`` binds every imported name
   (one ``I...`` alias per global and per number of arguments it is called with; See
   ifacedir.backend.python_load for the protocol). ``__hs_runtime__`` is put in the
   namespace by the loader before the text runs.
3. **Constants**: string literals (``S<n> = lazy_string(...)``, each a thunk shared
   by every use) and other hoisted constants (``K<n>``: failing thunks, the tables of
   large ``case``s).
4. **Lifted functions** (``L<n>``; See Note [Deep Core makes shallow Python] in
   ifacedir.backend.python_expr).
5. **Constructors**: ``C<name>``, the constructor as a value (its nullary tuple or a
   function building it), and ``X<name>``, the same function when it has strict
   fields (None otherwise) for importers, who do not know its strictness.
6. **The binding groups**, in the Core's dependency order. See Note [The top level].

Expressions are written by ifacedir.backend.python_expr; this module decides what
each top-level binding becomes. The whole walk runs under ``run_deep``: it recurses
over the tree.

Note [The top level]
~~~~~~~~~~~~~~~~~~~~
Running the module's text evaluates nothing: it only defines and allocates, so that
loading never fails and never loops. A top-level ``let`` is floated out first
(``f = let g = \\x -> ... in \\y -> ...`` becomes a top-level ``g`` and a function
``f``: the binding was evaluated at most once either way). Then each binding is one
of: a function (a ``def``, so calls to it are direct with its arity known); a
constant (a literal, or a constructor application, built at once, its non-atomic
fields becoming thunks); an alias of another global (the same value); or a CAF, a
thunk ``G = PThunk()`` whose code is set later. Within a group (maybe recursive),
the CAF thunks are allocated first, then the functions defined, then the constants
and aliases built in order, then the CAFs given their code: every name a constant
mentions then exists, except a later constant of the same group, which it reaches
through a forwarding thunk.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final

from ifacedir.backend.python_expr import ExprCompiler, literal_text
from ifacedir.backend.python_names import builder_name, con_name, global_name, local_name
from ifacedir.backend.python_scope import Env, Fn, ModuleState, Out, Var, py_type
from ifacedir.syntax import core
from ifacedir.syntax.names import Name
from ifacedir.util.deep import run_deep

__all__ = ["emit_module"]

_RUNTIME_NAMES: Final = (
    ("FALSE", "_FALSE"),
    ("INF", "_INF"),
    ("NIL", "_NIL"),
    ("TRUE", "_TRUE"),
    ("UNIT", "_UNIT"),
    ("FunctionType", "_fn"),
    ("PThunk", "_PT"),
    ("PyBackendError", "_PyBackendError"),
    ("apply_fn", "_apply_fn"),
    ("con_builder", "_con_builder"),
    ("delay_fn", "_delay_fn"),
    ("error_thunk", "_error_thunk"),
    ("force", "_force"),
    ("forwarder", "_forwarder"),
    ("int_wrap", "_int_wrap"),
    ("lazy_string", "_lazy_string"),
)


def emit_module(m: core.CoreModule) -> str:
    """The Python source of ``m``. See the module docstring and Note [Emitted text
    is remembered]."""
    with _LOCK:
        got = _MEMO.get(id(m))
        if got is not None and got[0] is m:
            _MEMO.move_to_end(id(m))
            return got[1]
    text = run_deep(_ModuleEmitter(m).run)
    with _LOCK:
        _MEMO[id(m)] = (m, text)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return text


# Note [Emitted text is remembered]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# A process that runs many programs (the test suite, a benchmark) emits package
# base's modules again for each: 0.5 s each time, for the same text (the Core objects
# of base are cached per process by ifacedir.driver.inmemory and the ds/simpl file
# readers). Core is immutable, so the last texts are kept by the identity of their
# module, which the entry holds alive (so the identity cannot be reused): an
# identical text, without hashing a large tree.
_MEMO_SIZE: Final = 96
_MEMO: OrderedDict[int, tuple[core.CoreModule, str]] = OrderedDict()
_LOCK: Final = threading.Lock()


@dataclass(slots=True)
class _Item:
    """One top-level binding (or one floated out of a top-level ``let``)."""

    name: Name
    rhs: core.Expr
    py: str
    kind: str  # "fun", "const", "alias", "caf"


class _ModuleEmitter:
    def __init__(self, m: core.CoreModule) -> None:
        self.m = m
        self.state = ModuleState(m.module, m.package)
        self.env = Env()
        self.compiler = ExprCompiler(self.state, self.env)
        self.out = Out(0)
        self.top = Fn(self.out, top=True)

    def run(self) -> str:
        self._add_data()
        groups = [self._classify(g) for g in self.m.groups]
        self.state.undefined.update(item.py for items in groups for item in items)
        for items in groups:
            self._emit_group(items)
        return self._assemble()

    # --- Data ---------------------------------------------------------------------------

    def _add_data(self) -> None:
        cons = self.state.cons
        for dt in self.m.data:
            for dc in dt.cons:
                if dc.name in cons:
                    raise self.state.error(f"constructor {dc.name} declared twice")
                if len(dc.strict) != dc.arity:
                    raise self.state.error(
                        f"constructor {dc.name}: {len(dc.strict)} strictness flags"
                    )
                cons[dc.name] = dc

    def _constructor_lines(self) -> list[str]:
        lines: list[str] = []
        for dc in self.state.cons.values():
            c, x = con_name(dc.name.occ), builder_name(dc.name.occ)
            if dc.arity == 0:
                lines.append(f"{c} = ({dc.tag},)")
            else:
                lines.append(f"{c} = _con_builder({dc.tag}, {dc.strict!r})")
            lines.append(f"{x} = {c if any(dc.strict) else 'None'}")
        return lines

    # --- Classification ----------------------------------------------------------------

    def _classify(self, group: core.BindGroup) -> list[_Item]:
        """The group's items (floated ones first), with ``state.own`` / ``env``
        entries for each. See Note [The top level]."""
        items: list[_Item] = []
        for bind in group.binds:
            name = bind.var.name
            if not name.is_global:
                raise self.state.error(f"top-level binding {name} is local")
            if name in self.state.own:
                raise self.state.error(f"{name} bound twice at top level")
            rhs = self._float(bind.rhs, items)
            item = _Item(name, rhs, global_name(name.occ), self._kind(rhs))
            items.append(item)
            self.state.own[name] = self._var(item, bind.var)
        return items

    def _float(self, rhs: core.Expr, items: list[_Item]) -> core.Expr:
        while isinstance(rhs, core.Let | core.LetRec):
            binds = (rhs.bind,) if isinstance(rhs, core.Let) else rhs.binds
            for b in binds:
                item = _Item(b.var.name, b.rhs, "F" + local_name(b.var.name), "")
                item.rhs = self._float(b.rhs, items) if isinstance(rhs, core.Let) else b.rhs
                item.kind = self._kind(item.rhs)
                items.append(item)
                self.env.bind(b.var.name, self._var(item, b.var))
            rhs = rhs.body
        return rhs

    def _kind(self, rhs: core.Expr) -> str:
        if isinstance(rhs, core.Lam):
            return "fun"
        if isinstance(rhs, core.CoreVar):
            return "alias"
        if isinstance(rhs, core.IntLit | core.DoubleLit | core.CharLit | core.StringLit):
            return "const"
        if isinstance(rhs, core.ConApp):
            strict = self.compiler.con_strictness(rhs.con)
            if strict is not None and not any(
                s and not isinstance(a, core.IntLit | core.DoubleLit | core.CharLit)
                for a, s in zip(rhs.args, strict, strict=False)
            ):
                return "const"
        return "caf"

    def _var(self, item: _Item, binder: core.CoreVar) -> Var:
        rhs = item.rhs
        if item.kind == "fun":
            assert isinstance(rhs, core.Lam)
            return Var(item.py, whnf=True, arity=len(rhs.params))
        if item.kind == "const":
            if isinstance(rhs, core.StringLit):
                return Var(item.py, whnf=not rhs.value)
            if isinstance(rhs, core.ConApp):
                return Var(item.py, whnf=True, pytype="tuple")
            assert isinstance(rhs, core.IntLit | core.DoubleLit | core.CharLit)
            return Var(item.py, whnf=True, pytype=literal_text(rhs)[1])
        return Var(item.py, pytype=py_type(binder.type))

    # --- Emission ----------------------------------------------------------------------

    def _emit_group(self, items: list[_Item]) -> None:
        c, out = self.compiler, self.out
        for item in items:
            if item.kind == "caf":
                out.emit(f"{item.py} = _PT()")
                self.state.undefined.discard(item.py)
        group = frozenset(item.name for item in items if item.kind == "fun")
        for item in items:
            if item.kind == "fun":
                self.state.where = str(item.name)
                assert isinstance(item.rhs, core.Lam)
                c.lam(item.rhs, self.top, item.py, item.name, group)
                self.state.undefined.discard(item.py)
        for item in items:
            if item.kind in ("const", "alias"):
                self.state.where = str(item.name)
                self._emit_value(item)
                self.state.undefined.discard(item.py)
        for item in items:
            if item.kind == "caf":
                self.state.where = str(item.name)
                out.emit(f"{item.py}.code = {c.thunk_code(item.rhs, self.top)}")
        self.state.where = ""

    def _emit_value(self, item: _Item) -> None:
        rhs = item.rhs
        op = self._const(rhs) if isinstance(rhs, core.ConApp) else self.compiler.lazy(rhs, self.top)
        self.out.emit(f"{item.py} = {op}")
        if isinstance(rhs, core.CoreVar):
            target = self.compiler.lookup(rhs.name)
            own = self.state.own.get(item.name) or self.env.get(item.name)
            if own is not None and target.imported is None and op == target.py:
                own.whnf, own.arity, own.pytype = target.whnf, target.arity, target.pytype

    def _const(self, rhs: core.ConApp) -> str:
        """A constant constructor application, built at load time (its non-atomic
        fields are thunks; See Note [The top level])."""
        self.compiler.check_con(rhs.con, len(rhs.args))
        fields = [self._field(a) for a in rhs.args]
        return f"({rhs.con.tag},)" if not fields else f"({rhs.con.tag}, {', '.join(fields)})"

    def _field(self, a: core.Expr) -> str:
        if isinstance(a, core.ConApp) and self._kind(a) == "const":
            t = self.state.fresh()
            self.out.emit(f"{t} = {self._const(a)}")
            return t
        return self.compiler.lazy(a, self.top)

    # --- The text ----------------------------------------------------------------------

    def _assemble(self) -> str:
        m, state = self.m, self.state
        head = [
            f"# Python code of the Haskell module {m.module} (package {m.package}),",
            "# written by ifacedir.backend.python_emit from its Core; loaded by",
            "# ifacedir.backend.python_load, which defines __hs_runtime__ first.",
            "from ifacedir.backend.pyrt import (",
            *(f"    {name} as {alias}," for name, alias in _RUNTIME_NAMES),
            ")",
            "from ifacedir.backend.runtime import HaskellError as _HaskellError",
            "",
            "_runtime = __hs_runtime__  # noqa: F821",
        ]
        head += [f"{alias} = _runtime.prim({entity!r})" for entity, alias in state.prims.items()]
        head += [f"_A{k} = _apply_fn({k})" for k in sorted(state.applies)]
        head += [f"_D{k} = _delay_fn({k})" for k in sorted(state.delays)]
        rows = state.import_rows()
        if rows:
            head.append("_runtime.link(globals(), (")
            head += [f"    {row!r}," for row in rows]
            head.append("))")
        head += [f"{name} = _lazy_string({s!a})" for name, s in state.string_rows()]
        head += state.consts
        body = [*state.lifted, *self._constructor_lines(), *self.out.lines]
        return "\n".join([*head, "", *body, ""])
