"""``desugar_module``: one module's typed tree (its ``tc`` file) to a Core module.

Input: the typechecker's ``TcResult`` for the module, its ``ModuleExports``, and the
``TcInterface`` of the modules below it (what its ``tc`` file's header names as
inputs: nothing else is read, so the phase runs from files alone). Steps, in the
order of the module's declarations:

1. ``data``/``newtype``: a Core ``DataType`` each, and for record fields a selector
   function (failing with GHC's "No match in record selector" on another
   constructor); the derived instances of the type (ifacedir.desugar.deriving);
2. ``class``: the dictionary type, selectors and default methods
   (ifacedir.desugar.classes); ``instance``: the dictionary function;
3. ``foreign import prim``: a function of the primitive's arguments whose body is
   the ``PrimOp`` (spec/CORE.md §1);
4. the value bindings of the top level (ifacedir.desugar.binds);

then every binding is put into dependency groups, and the module gets its exports
and entry point (``main`` in module ``Main``). The pass runs under ``run_deep``
(Note [Deep recursion runs on a big stack] in ifacedir.util.deep), since it recurses
over the tree.
"""

from __future__ import annotations

from collections.abc import Mapping

from ifacedir.desugar.binds import top_groups, value_binds
from ifacedir.desugar.classes import class_decl, instance_decl, instance_id
from ifacedir.desugar.context import Ds
from ifacedir.desugar.deriving import derived_instance
from ifacedir.desugar.env import ANY, DsEnv, DsError, builtin_data_types, use
from ifacedir.desugar.messages import no_selector_match
from ifacedir.rename.env import ModuleExports
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.names import BUILTIN_MODULE, Name, NameSpace
from ifacedir.syntax.traverse import iter_nodes
from ifacedir.syntax.types import Forall, Type, fn_parts, to_scheme
from ifacedir.typecheck.iface import DataInfo, InstanceInfo, TcInterface
from ifacedir.typecheck.typecheck import TcResult
from ifacedir.util.deep import run_deep

__all__ = ["desugar_module"]


def desugar_module(
    typed: TcResult, exports: ModuleExports, imported: Mapping[str, TcInterface]
) -> core.CoreModule:
    """The Core of one typechecked module; ``imported`` must hold the interface of
    every module in ``exports.deps`` (others are ignored). Raises DsError on a typed
    tree that breaks the typechecker's invariants (a bug, never a user error)."""
    return run_deep(_desugar, typed, exports, imported)


def _desugar(
    typed: TcResult, exports: ModuleExports, imported: Mapping[str, TcInterface]
) -> core.CoreModule:
    module = typed.module
    iface = typed.interface
    deps = [imported[m] for m in exports.deps if m in imported and m != module.name]
    env = DsEnv(module.name, iface.package, [*deps, iface], typed.witnesses, _first_unique(typed))
    ds = Ds(env)
    own_data = {d.name: d for d in iface.data_types}
    derived: dict[Name, list[InstanceInfo]] = {}
    for inst in iface.instances:
        if inst.derived:
            derived.setdefault(inst.instance.ident.tycon, []).append(inst)
    instances = {i.instance.ident: i for i in iface.instances}
    con_decls: dict[Name, ast.ConDecl[TcName]] = {
        c.name.name: c for d in module.decls if isinstance(d, ast.DataDecl) for c in d.constrs
    }
    data_types: list[core.DataType] = []
    binds: list[core.Bind] = []
    values: list[ast.Decl[TcName]] = []
    for d in module.decls:
        match d:
            case ast.DataDecl(name=tn):
                data = own_data[tn.name]
                data_types.append(_data_type(data))
                binds.extend(_selectors(ds, data, typed))
                for inst in derived.get(tn.name, []):
                    binds.extend(derived_instance(ds, inst, data, con_decls))
            case ast.ClassDecl():
                dt, cbinds = class_decl(ds, d)
                data_types.append(dt)
                binds.extend(cbinds)
            case ast.InstanceDecl():
                ident = instance_id(d)
                if ident not in instances:
                    raise DsError(f"{d.span}: instance {ident} is not in the interface")
                binds.extend(instance_decl(ds, d, instances[ident]))
            case ast.ForeignImport():
                binds.append(_primitive(ds, d))
            case ast.FunBind() | ast.PatBind():
                values.append(d)
            case _:
                pass
    binds.extend(value_binds(ds, values, top=True))
    if module.name == BUILTIN_MODULE and iface.package == "base":
        data_types.extend(builtin_data_types())
    exported = tuple(
        sorted(n for n in exports.names() if n.space in (NameSpace.VAR, NameSpace.CON))
    )
    main = Name(iface.package, module.name, "main", NameSpace.VAR)
    entry = main if module.name == "Main" and any(b.var.name == main for b in binds) else None
    return core.CoreModule(
        module.name, iface.package, top_groups(binds), tuple(data_types), exported, entry
    )


def _first_unique(typed: TcResult) -> int:
    """One more than the largest local unique of the typed tree; See Note [Fresh
    names in Core] in ifacedir.desugar.env."""
    top = 0
    for node in iter_nodes((typed.module, typed.witnesses)):
        if type(node) is Name and node.unique > top:
            top = node.unique
    return top + 1


def _data_type(info: DataInfo) -> core.DataType:
    cons = tuple(
        core.DataCon(c.name, tag, len(c.strict), c.strict, c.scheme)
        for tag, c in enumerate(info.constructors)
    )
    return core.DataType(info.name, info.kind, cons)


def _selectors(ds: Ds, info: DataInfo, typed: TcResult) -> list[core.Bind]:
    """A function per record field: the field of whichever constructor has it."""
    schemes = {v.name: v.scheme for v in typed.schemes}
    labels: list[Name] = []
    for c in info.constructors:
        labels.extend(label for label in c.labels if label not in labels)
    out: list[core.Bind] = []
    for label in labels:
        scheme = schemes.get(label, to_scheme(ANY))
        result = _result(scheme)
        r = ds.env.fresh("r", ANY)
        alts: list[core.Alt] = []
        for c in info.constructors:
            if label not in c.labels:
                continue
            entry = ds.env.con(c.name)
            vs = [ds.env.fresh("x", ANY) for _ in range(entry.ref.arity)]
            alts.append(core.ConAlt(entry.ref, tuple(vs), use(vs[c.labels.index(label)])))
        if len(alts) < len(info.constructors):
            alts.append(core.DefaultAlt(core.PatError(no_selector_match(label.occ), result)))
        body = core.Case(use(r), ds.env.fresh("ds", ANY), result, tuple(alts))
        out.append(core.Bind(core.CoreVar(label, scheme), core.Lam((r,), body)))
    return out


def _result(scheme: Forall) -> Type:
    parts = fn_parts(scheme.qual.head)
    return parts[1] if parts is not None else ANY


def _primitive(ds: Ds, d: ast.ForeignImport[TcName]) -> core.Bind:
    """``foreign import prim "e" f :: t1 -> .. -> tn -> r`` is ``f = \\x1 .. xn ->
    PrimOp e (x1 .. xn)``; an ``f :: r`` of no argument is the ``PrimOp`` itself."""
    tn = d.name
    scheme = tn.scheme if tn.scheme is not None else to_scheme(ANY)
    args: list[Type] = []
    t = scheme.qual.head
    while (parts := fn_parts(t)) is not None:
        args.append(parts[0])
        t = parts[1]
    params = tuple(ds.env.fresh("p", a) for a in args)
    op = core.PrimOp(d.entity, len(params), tuple(use(p) for p in params), t)
    rhs: core.Expr = core.Lam(params, op) if params else op
    return core.Bind(core.CoreVar(tn.name, scheme), rhs)
