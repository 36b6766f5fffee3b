"""``typecheck_module`` and ``typecheck_program``: the typechecker's entry points.

``typecheck_module(renamed, imported)`` follows spec/TYPECHECK-PLAN.md §1:

1-6. the type-level declarations (ifacedir.typecheck.decls): kinds, synonyms,
     classes, constructors and field selectors, instances (declared and derived),
     defaults;
7.   the value bindings of the top level as one binding group
     (ifacedir.typecheck.bindings), then each class's default methods against their
     method's scheme, and each instance's methods against the method's scheme at the
     instance type, the instance context given;
8.   Rule 2 of Report §4.5.5: what is left unresolved is defaulted, or an ambiguity;
9.   ``main`` (module ``Main``) must have a type ``IO t`` (Report §5);

then the final pass (ifacedir.typecheck.zonk) builds the typed tree
``Module[TcName]`` and the module's ``TcInterface`` (ifacedir.typecheck.iface).
Every step reports into one ``TcState`` and carries on; the result lists every
diagnostic, sorted by position. The whole pass runs under ``run_deep``.

``typecheck_program(main, search_path, base)`` renames the program (a main file or a
directory of modules, ifacedir.rename.program) and typechecks its modules in
dependency order. Without ``base`` that includes package base, whose results are
cached per process (see Note [Caching the typechecked base]); with ``base`` (the
``BaseInterfaces`` read from the per-user cache by ifacedir.iface.basecache) base
modules are neither renamed nor typechecked: their exports and interfaces are those.

``imported`` must hold the ``TcInterface`` of every module in the module's
``ModuleExports.deps`` (the transitive imports, whose instances are visible, Report
§5.4); other entries are ignored.

Known departures from GHC 9.0.2 (see also spec/TYPECHECK-PLAN.md §6):

* errors about ``deriving`` clauses point at the data declaration, not at the class
  in the clause (renamed deriving clauses carry no spans);
* recursive uses of a binder inside its own implicit group carry no evidence: they
  use the group's own dictionary parameters (Note [Evidence after the fact] in
  ifacedir.typecheck.tcenv).

Note [Caching the typechecked base]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
The renamer caches each base module's ``RenamedModule`` per process (Note [Caching
the base library] in ifacedir.rename.program), keyed by the file's path, size and
mtime, and returns the same object while the file is unchanged. Base modules import
only base modules, so their typechecking depends on nothing else: we key the
``TcResult`` by that object's identity (holding on to the object, so the identity
cannot be reused), and an edited base file gets a new object and is checked again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ifacedir.diagnostics import Diagnostic
from ifacedir.rename.program import BASE_PACKAGE, ProgramResult, rename_program
from ifacedir.rename.rename import RenamedModule
from ifacedir.syntax import ast
from ifacedir.syntax.ast import Module
from ifacedir.syntax.evidence import TcName, Witness
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import STAR, T_IO, Pred, Qual, Scheme, TAp, TVar, TypePrinter
from ifacedir.typecheck.assump import Assumptions
from ifacedir.typecheck.bindings import (
    check_binding,
    generalise_rigid,
    infer_bind_group,
    pattern_binders,
)
from ifacedir.typecheck.classes import ClassEnv
from ifacedir.typecheck.decls import Declared, check_declarations
from ifacedir.typecheck.defaulting import top_level_defaults
from ifacedir.typecheck.iface import ImportedEnv, TcInterface, ValueInfo
from ifacedir.typecheck.state import ErrorPrinter, TcState
from ifacedir.typecheck.subst import Subst, apply, free_tyvars, instantiate, quantify
from ifacedir.typecheck.tcenv import Tc
from ifacedir.typecheck.unify import UnifyError
from ifacedir.typecheck.zonk import Zonker
from ifacedir.util.deep import run_deep

if TYPE_CHECKING:
    from ifacedir.iface.basecache import BaseInterfaces

__all__ = [
    "ProgramTcResult",
    "TcResult",
    "dump_types",
    "typecheck_module",
    "typecheck_program",
    "typecheck_renamed",
]


@dataclass(frozen=True, slots=True)
class TcResult:
    """The typechecker's result for one module."""

    module: Module[TcName]
    """The typed tree: every binder with its scheme, every occurrence with its type and
    evidence (plan §4)."""
    interface: TcInterface
    """What importers' typecheckers need (plan §5)."""
    schemes: tuple[ValueInfo, ...]
    """Every top-level value the module defines (exported or not), with its scheme, in
    source order: bindings, foreign imports, constructors, selectors, methods."""
    witnesses: tuple[Witness, ...]
    """The class methods that literals, negation, ``do`` and sequences stand for
    (Note [Witnesses for syntax] in ifacedir.syntax.evidence)."""
    diagnostics: tuple[Diagnostic, ...]
    """Type errors, sorted by position; the module is well typed when empty."""

    @property
    def ok(self) -> bool:
        return not self.diagnostics


@dataclass(frozen=True, slots=True)
class ProgramTcResult:
    """``typecheck_program``'s result: the renamer's, then each module's in order."""

    renamed: ProgramResult
    """The whole program renamed (its diagnostics come first)."""
    modules: tuple[TcResult, ...]
    """Typechecked modules in dependency order (a module whose import failed is left out)."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.renamed.diagnostics + tuple(d for m in self.modules for d in m.diagnostics)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def typecheck_module(renamed: RenamedModule, imported: Mapping[str, TcInterface]) -> TcResult:
    """Typecheck one renamed module against the interfaces of the modules below it
    (``imported`` may hold more; those in the module's dependencies are used)."""
    return run_deep(_typecheck_module, renamed, imported)


def _typecheck_module(renamed: RenamedModule, imported: Mapping[str, TcInterface]) -> TcResult:
    st = TcState()
    try:
        return _check_module(st, renamed, imported)
    except (ValueError, KeyError, AssertionError) as exc:
        # See Note [Internal errors after type errors]
        if not st.errors:
            raise
        return _failed(st, renamed, exc)


# Note [Internal errors after type errors]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Each step carries on after reporting an error, with whatever it could build: a type
# whose kind is wrong, a binding without a scheme. A later step may then meet
# something it never meets in a well-typed module and fail an internal check. When
# errors were already reported, that failure is a consequence of them: the module is
# rejected with those errors (never a traceback). Without earlier errors it is a bug
# in the typechecker and propagates, to be reported as an internal error.


def _failed(st: TcState, renamed: RenamedModule, exc: Exception) -> TcResult:
    module = renamed.module
    empty: Module[Name] = ast.Module(module.span, module.name, None, (), (), module.has_header)
    iface = TcInterface(module.name, renamed.exports.package, (), (), (), (), (), (), ())
    diags = tuple(sorted((e.to_diagnostic() for e in st.errors), key=lambda d: d.span))
    return TcResult(Zonker(st, ClassEnv(), {}).tree(empty), iface, (), (), diags)


def _check_module(
    st: TcState, renamed: RenamedModule, imported: Mapping[str, TcInterface]
) -> TcResult:
    module = renamed.module
    deps = [imported[m] for m in renamed.exports.deps if m in imported]
    ienv = ImportedEnv.merge(deps)
    declared = check_declarations(st, ienv, module.name, module.decls)
    tc = Tc(st, declared.ce, declared.scope, declared.cons, declared.fields)
    globals_ = declared.values
    env = Assumptions(globals_)
    values = [d for d in module.decls if isinstance(d, ast.TypeSig | ast.FunBind | ast.PatBind)]
    typed_values, env = infer_bind_group(tc, env, values, top=globals_)
    typed: dict[int, Any] = {id(d): t for d, t in zip(values, typed_values, strict=True)}
    for d in module.decls:
        if isinstance(d, ast.ClassDecl):
            typed[id(d)] = _class_defaults(tc, env, d, globals_)
        elif isinstance(d, ast.InstanceDecl):
            typed[id(d)] = _instance_methods(tc, env, d, declared, globals_)
    _rule2(tc)
    schemes = _final_schemes(tc, module.decls, env, declared, globals_)
    if module.name == "Main":
        _check_main(tc, module, renamed.exports.package, schemes)
    zonk = Zonker(st, tc.ce, schemes)
    decls = tuple(typed.get(id(d), d) for d in module.decls)
    tree = zonk.tree(
        ast.Module(
            module.span,
            module.name,
            module.exports,
            module.imports,
            decls,
            module.has_header,
            module.name_span,
            module.extensions,
        )
    )
    witnesses = tuple(Witness(span, role, zonk.occ(o)) for span, role, o in tc.witnesses)
    iface = _interface(renamed, declared, schemes, deps)
    diags = tuple(sorted((e.to_diagnostic() for e in st.errors), key=lambda d: d.span))
    infos = tuple(ValueInfo(n, sc) for n, sc in schemes.items())
    return TcResult(tree, iface, infos, witnesses, diags)


# --- Step 7: class default methods and instance methods ---------------------------------


def _class_defaults(
    tc: Tc, env: Assumptions, d: ast.ClassDecl[Name], globals_: dict[Name, Scheme]
) -> ast.ClassDecl[Any]:
    """Each default method checked against its method's scheme (Report §4.3.1)."""
    out: list[Any] = []
    for b in d.decls:
        sc = globals_.get(b.name) if isinstance(b, ast.FunBind) else None
        if not isinstance(b, ast.FunBind) or sc is None:
            out.append(b)
            continue
        skolems = tc.rigid_vars(sc.kinds)
        q = instantiate(skolems, sc.qual)
        what = f"the default method for ‘{b.name.occ}’ in class ‘{d.name.occ}’"
        with tc.st.context(f"In the class declaration for ‘{d.name.occ}’"):
            tb = check_binding(tc, env, b, q.preds, q.head, skolems, what)
        tb.name.scheme = sc  # type: ignore[union-attr]
        out.append(tb)
    return ast.ClassDecl(d.span, d.context, d.name, d.tyvar, tuple(out))


def _instance_methods(
    tc: Tc,
    env: Assumptions,
    d: ast.InstanceDecl[Name],
    declared: Declared,
    globals_: dict[Name, Scheme],
) -> ast.InstanceDecl[Any]:
    """Each method checked against the method's scheme at the instance type, with the
    instance's context given (Report §4.3.2)."""
    head = declared.instance_heads.get(id(d))
    if head is None:
        return d  # the instance itself was rejected
    pp = TypePrinter()
    shown = f"{head.head.cls.occ} {pp.type(head.head.type, 2)}"
    out: list[Any] = []
    for b in d.decls:
        sc = globals_.get(b.name) if isinstance(b, ast.FunBind) else None
        if not isinstance(b, ast.FunBind) or sc is None:
            out.append(b)
            continue
        inst_vars = free_tyvars(head)
        fresh = dict(zip(inst_vars, tc.rigid_vars(tuple(v.kind for v in inst_vars)), strict=True))
        s = Subst(fresh)
        inst_t = apply(s, head.head.type)
        others = tc.rigid_vars(sc.kinds[1:])
        q = instantiate((inst_t, *others), sc.qual)
        givens: tuple[Pred, ...] = (*apply(s, head.preds), *q.preds[1:])
        what = f"the instance declaration for ‘{shown}’"
        rigid = (*fresh.values(), *others)
        with tc.st.context(f"In the instance declaration for ‘{shown}’"):
            tb = check_binding(tc, env, b, givens, q.head, rigid, what)
        # the method at this instance: forall vs. (instance context, method's) => t
        tb.name.scheme = generalise_rigid(rigid, Qual(givens, q.head))  # type: ignore[union-attr]
        out.append(tb)
    return ast.InstanceDecl(d.span, d.context, d.cls, d.type, tuple(out))


# --- Steps 8 and 9 -------------------------------------------------------------------------


def _rule2(tc: Tc) -> None:
    """Rule 2 of Report §4.5.5: default what the restricted top-level groups left."""
    ps = tuple(dict.fromkeys(apply(tc.st, tuple(tc.wanted))))
    tc.wanted = []
    dflt = top_level_defaults(tc.ce, ps)
    pending = [(u, t) for u, t in dflt.subst.items() if tc.st.lookup(u) is None]
    if pending:
        tc.st.ext_subst(Subst(pending))
    pp = ErrorPrinter()
    for a in dflt.unresolved if not tc.st.errors else ():
        found = tc.origin_of(a.preds[0], list(tc.origins))
        if found is None:
            continue
        at, why = found
        shown = ", ".join(pp.pred(p) for p in a.preds)
        message = (
            f"Ambiguous type variable ‘{pp.type(TVar(a.var))}’ arising from {why} prevents the"
            f" constraint ‘({shown})’ from being solved"
        )
        tc.st.report("T005", at, message)


def _final_schemes(
    tc: Tc,
    decls: Sequence[ast.Decl[Name]],
    env: Assumptions,
    declared: Declared,
    globals_: dict[Name, Scheme],
) -> dict[Name, Scheme]:
    """Every top-level value of the module with its final, closed scheme."""
    for a in env.locals():  # restricted groups, now defaulted: close what is left
        qt = apply(tc.st, a.scheme.qual)
        if a.scheme.kinds:
            globals_[a.name] = Scheme(a.scheme.kinds, qt)
        else:
            globals_[a.name] = quantify(free_tyvars(qt), qt)
    out: dict[Name, Scheme] = {}
    for d in decls:
        names: list[Name] = []
        if isinstance(d, ast.FunBind):
            names = [d.name]
        elif isinstance(d, ast.PatBind):
            names = pattern_binders(d.pat)
        elif isinstance(d, ast.ForeignImport):
            names = [d.name]
        for n in names:
            if n in globals_:
                out[n] = globals_[n]
    for n, sc in declared.own_values.items():
        out.setdefault(n, sc)
    return out


def _check_main(
    tc: Tc, module: ast.Module[Name], package: str, schemes: dict[Name, Scheme]
) -> None:
    """Report §5: ``main`` must have a type ``IO t``."""
    main = Name(package, module.name, "main", NameSpace.VAR)
    sc = schemes.get(main)
    if sc is None:
        return
    span = next(
        (d.span for d in module.decls if isinstance(d, ast.FunBind) and d.name == main),
        module.span,
    )
    q = tc.st.fresh_inst(sc)
    io = TAp(T_IO, tc.st.new_tvar(STAR))
    try:
        tc.st.unify(io, q.head)
    except UnifyError:
        actual = TypePrinter().type(apply(tc.st, q.head))
        message = f"Couldn't match expected type ‘IO t0’ with actual type ‘{actual}’"
        with tc.st.context("When checking the type of the IO action ‘main’"):
            tc.st.report("T015", span, message)


# --- The interface ---------------------------------------------------------------------------


def _interface(
    renamed: RenamedModule,
    declared: Declared,
    schemes: dict[Name, Scheme],
    deps: Sequence[TcInterface],
) -> TcInterface:
    exported = set(renamed.exports.names())
    values = tuple(
        ValueInfo(n, sc)
        for n, sc in sorted(schemes.items())
        if n in exported and n.space is NameSpace.VAR
    )
    module = renamed.module.name
    inst_modules = {m for i in deps for m in i.instance_modules}
    if declared.instances:
        inst_modules.add(module)
    return TcInterface(
        module=module,
        package=renamed.exports.package,
        values=values,
        data_types=tuple(declared.data),
        synonyms=tuple(declared.synonyms),
        classes=tuple(declared.classes),
        instances=tuple(declared.instances),
        fixities=renamed.fixities,
        instance_modules=tuple(sorted(inst_modules)),
    )


def dump_types(result: TcResult) -> str:
    """The module's types in the shape of GHC's ``-ddump-types``: every top-level
    value (sorted by name) with its scheme, then every instance the module declares or
    derives. Types print as in Note [Printing types like GHC] in
    ifacedir.syntax.types (synonyms expanded)."""
    lines = ["TYPE SIGNATURES"]
    for v in sorted(result.schemes, key=lambda v: v.name.occ.lower()):
        if v.name.space is NameSpace.VAR:
            shown = f"({v.name.occ})" if v.name.is_operator else v.name.occ
            lines.append(f"  {shown} :: {TypePrinter().scheme(v.scheme)}")
    lines.append("CLASS INSTANCES")
    for info in result.interface.instances:
        pp = TypePrinter()
        q = info.instance.qual
        head = f"{q.head.cls.occ} {pp.type(q.head.type, 2)}"
        derived = "  -- derived" if info.derived else ""
        lines.append(f"  instance {pp.context(q.preds)}{head}{derived}")
    return "\n".join(lines) + "\n"


# --- Whole programs --------------------------------------------------------------------------

# See Note [Caching the typechecked base]
_BASE_TC: dict[int, tuple[RenamedModule, TcResult]] = {}


def typecheck_program(
    main: Path, search_path: Sequence[Path] = (), base: BaseInterfaces | None = None
) -> ProgramTcResult:
    """Rename ``main`` (a file, or a directory of modules) and everything it imports,
    then typecheck every module in dependency order. A module is skipped when a module
    it imports has errors. With ``base``, package base is taken from those interfaces."""
    if base is None:
        return typecheck_renamed(rename_program(main, search_path))
    renamed = rename_program(main, search_path, base.exports)
    return typecheck_renamed(renamed, base.interfaces)


def typecheck_renamed(
    renamed: ProgramResult, imported: Mapping[str, TcInterface] | None = None
) -> ProgramTcResult:
    """``typecheck_program`` after renaming (also for package base alone); ``imported``
    holds the interfaces of the modules the renamer took from interfaces."""
    ifaces: dict[str, TcInterface] = dict(imported or {})
    failed: set[str] = set()
    results: list[TcResult] = []
    for rm in renamed.modules:
        deps = rm.exports.deps
        if any(m in failed for m in deps):
            failed.add(rm.module.name)
            continue
        result = _cached(rm, ifaces)
        results.append(result)
        ifaces[rm.module.name] = result.interface
        if not result.ok:
            failed.add(rm.module.name)
    return ProgramTcResult(renamed, tuple(results))


def _cached(rm: RenamedModule, ifaces: Mapping[str, TcInterface]) -> TcResult:
    if rm.exports.package != BASE_PACKAGE:
        return typecheck_module(rm, ifaces)
    hit = _BASE_TC.get(id(rm))
    if hit is not None and hit[0] is rm:
        return hit[1]
    result = typecheck_module(rm, ifaces)
    if result.ok:
        _BASE_TC[id(rm)] = (rm, result)
    return result
