"""Steps 1-6 of ``typecheck_module`` (plan §1): the module's type-level declarations.

``check_declarations(st, imported, module, decls)`` returns ``Declared``: every table
the value bindings need, extended with the module's own declarations, in order:

1. **kinds** of ``data``/``newtype``/``type``/``class`` in dependency groups (R§4.6);
2. **synonyms** in dependency order, after rejecting cycles of synonyms (R§4.2.2);
3. **classes** in dependency order after rejecting superclass cycles; their method
   schemes (R§4.3.1);
4. **data constructors** and **field selectors**: ``f :: forall params. T params ->
   t``; a field shared by several constructors must have one type (R§4.2.1);
5. **instances** (R§4.3.2), then the **derived instances** (R§4.3.3, chapter 11; see
   ifacedir.typecheck.deriving);
6. the module's **default** list (R§4.3.4).

Every error is reported into ``st`` and the step carries on with what it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    Forall,
    IsIn,
    KFun,
    Pred,
    Qual,
    Scheme,
    TyVar,
    fn,
    fn_parts,
    pretty_pred,
)
from ifacedir.typecheck.classes import (
    Class,
    ClassEnv,
    ClassEnvError,
    add_class,
    add_inst,
    entail,
)
from ifacedir.typecheck.convert import (
    TypeScope,
    constructor_scheme,
    instance_head,
    method_scheme,
    sig_scheme,
    synonym,
    to_type,
    tyvar_of,
)
from ifacedir.typecheck.defaulting import module_defaults
from ifacedir.typecheck.deriving import derive_instances
from ifacedir.typecheck.iface import (
    ClassInfo,
    DataConInfo,
    DataInfo,
    ImportedEnv,
    InstanceInfo,
    SynonymInfo,
    ValueInfo,
)
from ifacedir.typecheck.kinds import infer_kinds, kind_groups
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.tcenv import BUILTIN, ConInfo
from ifacedir.typecheck.validity import (
    check_class_methods,
    check_instance,
    instance_head_span,
    superclass_cycles,
    synonym_cycles,
)

__all__ = ["Declared", "check_declarations"]


@dataclass
class Declared:
    """The tables after steps 1-6, imported and own entities together, plus the
    module's own declarations in interface form."""

    scope: TypeScope
    ce: ClassEnv
    values: dict[Name, Scheme]
    cons: dict[Name, ConInfo] = field(default_factory=dict)
    fields: dict[Name, tuple[Name, ...]] = field(default_factory=dict)
    data: list[DataInfo] = field(default_factory=list)
    synonyms: list[SynonymInfo] = field(default_factory=list)
    classes: list[ClassInfo] = field(default_factory=list)
    instances: list[InstanceInfo] = field(default_factory=list)
    own_values: dict[Name, Scheme] = field(default_factory=dict)
    instance_heads: dict[int, Qual[Pred]] = field(default_factory=dict)
    instance_spans: dict[Pred, SrcSpan] = field(default_factory=dict)


def check_declarations(
    st: TcState, imported: ImportedEnv, module: str, decls: Sequence[ast.Decl[Name]]
) -> Declared:
    kinds = dict(imported.kinds)
    kinds.update(infer_kinds(st, kinds, decls))
    synonym_cycles(st, decls)
    superclass_cycles(st, decls)
    synonyms = dict(imported.synonyms)
    out = Declared(TypeScope(kinds, synonyms), imported.class_env(), dict(imported.values))
    _imported_cons(out, imported)
    ordered = [td for group in kind_groups(decls) for td in group]
    for td in ordered:
        if isinstance(td, ast.TypeSynDecl):
            syn = synonym(st, out.scope, td)
            synonyms[td.name] = syn
            out.synonyms.append(SynonymInfo(syn, kinds[td.name]))
    for td in ordered:
        if isinstance(td, ast.ClassDecl):
            _class(st, out, td)
        elif isinstance(td, ast.DataDecl):
            _data(st, out, td)
    for d in decls:
        if isinstance(d, ast.InstanceDecl):
            _instance(st, out, module, d)
        elif isinstance(d, ast.ForeignImport):
            out.own_values[d.name] = sig_scheme(st, out.scope, d.type)
    out.values.update(out.own_values)
    data_decls = [d for d in decls if isinstance(d, ast.DataDecl)]
    out.ce, derived = derive_instances(
        st, out.ce, data_decls, {d.name: d for d in out.data}, out.cons
    )
    out.instances.extend(InstanceInfo(i, module, derived=True) for i in derived)
    _superclass_instances(st, out, data_decls)
    num = BUILTIN.NUM
    out.ce = out.ce.with_defaults(
        module_defaults(st, out.ce, decls, num, lambda t: to_type(st, out.scope, t))
    )
    return out


def _imported_cons(out: Declared, imported: ImportedEnv) -> None:
    for d in imported.data.values():
        _record_cons(out, d)


def _record_cons(out: Declared, d: DataInfo) -> None:
    for c in d.constructors:
        out.cons[c.name] = ConInfo(d.name, c.labels, len(c.strict), len(d.constructors), c.strict)
        for lb in c.labels:
            out.fields[lb] = (*out.fields.get(lb, ()), c.name)


def _class(st: TcState, out: Declared, d: ast.ClassDecl[Name]) -> None:
    """Step 3: the class, its method schemes, which methods have defaults."""
    check_class_methods(st, d)
    methods: list[ValueInfo] = []
    for sig in d.decls:
        if isinstance(sig, ast.TypeSig):
            sc = method_scheme(st, out.scope, d.name, d.tyvar, sig.type)
            methods.extend(ValueInfo(n, sc) for n in sig.names)
    defaults = tuple(dict.fromkeys(b.name for b in d.decls if isinstance(b, ast.FunBind)))
    supers = tuple(p.cls for p in d.context)
    c = Class(d.name, out.scope.kinds[d.name], supers, tuple(m.name for m in methods))
    try:
        out.ce = add_class(out.ce, c)
    except ClassEnvError as err:
        st.report("T007", d.span, str(err))
    out.classes.append(ClassInfo(c, tuple(methods), defaults))
    out.own_values.update((m.name, m.scheme) for m in methods)


def _data(st: TcState, out: Declared, d: ast.DataDecl[Name]) -> None:
    """Step 4: constructor schemes and field selectors."""
    cons: list[DataConInfo] = []
    selectors: dict[Name, Scheme] = {}
    for c in d.constrs:
        sc = constructor_scheme(st, out.scope, d, c)
        labels = tuple(lb for f in c.fields for lb in f.labels)
        strict = tuple(f.strict for f in c.fields for _ in range(max(1, len(f.labels))))
        cons.append(DataConInfo(c.name, sc, labels, strict))
        out.own_values[c.name] = sc
        if labels:
            _selectors(st, c, sc, labels, selectors)
    params = _params(out.scope, d)
    info = DataInfo(d.name, out.scope.kinds[d.name], params, tuple(cons), d.is_newtype)
    out.data.append(info)
    _record_cons(out, info)
    out.own_values.update(selectors)


def _params(scope: TypeScope, d: ast.DataDecl[Name]) -> tuple[TyVar, ...]:
    k = scope.kinds[d.name]
    params: list[TyVar] = []
    for v in d.tyvars:
        if not isinstance(k, KFun):
            break
        params.append(tyvar_of(v, k.arg))
        k = k.res
    return tuple(params)


def _selectors(
    st: TcState,
    c: ast.ConDecl[Name],
    sc: Scheme,
    labels: tuple[Name, ...],
    selectors: dict[Name, Scheme],
) -> None:
    """``f :: forall params. T params -> t`` for each field ``f`` of ``c``."""
    args = []
    t = sc.qual.head
    parts = fn_parts(t)
    while parts is not None:
        args.append(parts[0])
        t = parts[1]
        parts = fn_parts(t)
    for lb, arg in zip(labels, args, strict=False):
        sel = Forall(sc.kinds, Qual((), fn(t, arg)))
        old = selectors.get(lb)
        if old is not None and old != sel:
            message = f"Constructors of one type give the field ‘{lb.occ}’ different types"
            st.report("T017", c.span, message)
            continue
        selectors[lb] = sel


def _instance(st: TcState, out: Declared, module: str, d: ast.InstanceDecl[Name]) -> None:
    """Step 5: a declared instance (R§4.3.2)."""
    if not check_instance(st, out.scope.synonyms, d):
        return
    qual = instance_head(st, out.scope, d)
    try:
        out.ce = add_inst(out.ce, qual.preds, qual.head)
    except ClassEnvError:
        first = out.instance_spans.get(qual.head, instance_head_span(d))
        message = f"Duplicate instance declarations: instance {pretty_pred(qual.head)}"
        st.report("T006", first, message)
        return
    out.instance_spans[qual.head] = instance_head_span(d)
    inst = next(i for i in out.ce.insts(qual.head.cls) if i.qual == qual)
    out.instance_heads[id(d)] = qual
    out.instances.append(InstanceInfo(inst, module))


def _superclass_instances(
    st: TcState, out: Declared, data_decls: Sequence[ast.DataDecl[Name]]
) -> None:
    """Each instance's class's superclasses have instances for its type, given its
    context (Report §4.3.2)."""
    where = {d.name: d.span for d in data_decls}
    for info in out.instances:
        head = info.instance.qual.head
        for sup in out.ce.supers(head.cls):
            if entail(out.ce, info.instance.qual.preds, IsIn(sup, head.type)):
                continue
            span = out.instance_spans.get(head) or where.get(info.instance.ident.tycon)
            if span is None:
                continue
            shown = pretty_pred(IsIn(sup, head.type))
            message = (
                f"No instance for ({shown}) arising from the superclasses of an instance"
                " declaration"
            )
            with st.context(f"In the instance declaration for ‘{pretty_pred(head)}’"):
                st.report("T004", span, message)
