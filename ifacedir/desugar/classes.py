"""Classes and instances to plain records and functions (Note [Dictionaries are
ordinary values] in ifacedir.syntax.core).

For a class ``C`` with superclasses ``S1 .. Sk`` and methods ``m1 .. mn``:

* the data type ``C`` with one constructor ``C:C`` of ``k + n`` lazy fields;
* a selector per superclass, ``$p<i>C = \\d -> case d of C:C f1 .. -> fi``, and per
  method, named by the method itself;
* ``$dm<m>`` for each method with a default: the default's binding, whose dictionary
  parameters are the class's (first) and the method's own constraints.

For an instance ``ctx => C t`` (named ``$fCT``, ``InstId``): a function of one
dictionary per predicate of ``ctx`` (none: a constant) returning ``C:C`` applied to

* the superclass dictionaries, proved from ``ctx`` (``entail_evidence``);
* each method's implementation: the instance's own binding (whose first dictionary
  parameters stand for ``ctx``: they are mapped to the function's parameters by
  position, see Note [Instance methods and the instance context]), else the class
  default applied to this very dictionary, else GHC's "No instance nor default
  method" error.

Note [Instance methods and the instance context]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
The typechecker checks each method of an instance on its own, with fresh rigid
variables, so its binder's dictionary parameters (Note [Binders and their
dictionaries] in ifacedir.typecheck.tcenv) are the instance context *in that
method's variables*, then the method's own constraints. The predicates of two methods
are therefore different values, but they stand, position by position, for the same
context. The dictionary function binds the context once; each method's first
``len(ctx)`` assumed predicates are mapped to those parameters, and only the
method's own constraints become parameters of the method's field.
"""

from __future__ import annotations

from collections.abc import Sequence

from ifacedir.desugar import messages
from ifacedir.desugar.binds import function_body
from ifacedir.desugar.context import Ds, app, is_atom, lam
from ifacedir.desugar.env import (
    ANY,
    DsError,
    class_con_name,
    default_method,
    super_selector,
    use,
)
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import InstId, TcName
from ifacedir.syntax.names import (
    Name,
    arrow_tycon,
    list_tycon,
    tuple_tycon,
)
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.syntax.types import (
    STAR,
    Forall,
    IsIn,
    KFun,
    Qual,
    TGen,
    Type,
    fn,
    to_scheme,
)
from ifacedir.typecheck.classes import entail_evidence
from ifacedir.typecheck.iface import ClassInfo, InstanceInfo

__all__ = ["class_decl", "instance_decl", "instance_id", "instance_parts"]


def _dict_of(ds: Ds, cls: Name, t: Type) -> Type:
    return ds.env.dict_type(IsIn(cls, t))


def class_decl(ds: Ds, d: ast.ClassDecl[TcName]) -> tuple[core.DataType, list[core.Bind]]:
    """The dictionary type, the selectors and the default methods of a class."""
    ci = ds.env.class_info(d.name.name)
    cls = ci.cls
    a = TGen(0)
    field_types = [_dict_of(ds, s, a) for s in cls.supers] + [
        _method_field_type(ds, m) for m in ci.methods
    ]
    con_t: Type = _dict_of(ds, cls.name, a)
    for ft in reversed(field_types):
        con_t = fn(ft, con_t)
    arity = len(field_types)
    con = core.DataCon(
        class_con_name(cls.name), 0, arity, (False,) * arity, Forall((cls.kind,), Qual((), con_t))
    )
    data = core.DataType(cls.name, KFun(cls.kind, STAR), (con,))
    binds: list[core.Bind] = []
    selected = [(super_selector(cls.name, i + 1), to_scheme(ANY)) for i in range(len(cls.supers))]
    selected += [(m.name, m.scheme) for m in ci.methods]
    for index, (name, scheme) in enumerate(selected):
        binds.append(_selector(ds, con, name, scheme, index, field_types[index]))
    for b in d.decls:
        if isinstance(b, ast.FunBind):
            core_bind = _default(ds, b)
            binds.append(core_bind)
    return data, binds


def _method_field_type(ds: Ds, m: object) -> Type:
    """A method's type inside the dictionary: its own constraints as dictionary
    arguments, the class variable ``TGen 0``, other variables left quantified."""
    from ifacedir.typecheck.iface import ValueInfo

    assert isinstance(m, ValueInfo)
    q = m.scheme.qual
    t = q.head
    for p in reversed(q.preds[1:]):
        t = fn(ds.env.dict_type(p), t)
    return t


def _selector(
    ds: Ds, con: core.DataCon, name: Name, scheme: Forall, index: int, field_t: Type
) -> core.Bind:
    d = ds.env.fresh("$dict", ANY)
    fields = [ds.env.fresh("f", ANY) for _ in range(con.arity)]
    body = core.Case(
        use(d),
        ds.env.fresh("ds", ANY),
        field_t,
        (core.ConAlt(con.ref(), tuple(fields), use(fields[index])),),
    )
    return core.Bind(core.CoreVar(name, scheme), core.Lam((d,), body))


def _default(ds: Ds, b: ast.FunBind[TcName]) -> core.Bind:
    tn = b.name
    dvars = [ds.env.fresh_dict(ev.pred) for ev in tn.evidence]
    with ds.given((ev.pred, use(v)) for ev, v in zip(tn.evidence, dvars, strict=True)):
        body = function_body(ds, b, tn.type)
    scheme = tn.scheme if tn.scheme is not None else to_scheme(ANY)
    return core.Bind(core.CoreVar(default_method(tn.name), scheme), lam(dvars, body))


# Note [Methods of instances without a context]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The dictionary of an instance without a context is a constant, `$fNumInt = C:Num
# m1 .. mn`. Its methods become top-level bindings of their own, `$fNumInt$c+`, so the
# dictionary is a constructor applied to variables: small enough for the simplifier
# to inline wherever it is taken apart, after which `(+) $fNumInt x y` is a call of
# `$fNumInt$c+` it can inline in turn (ifacedir.simplify). A method of an instance
# with a context stays a field expression over the context's dictionaries.


# --- Instances ---------------------------------------------------------------------------------


def instance_id(d: ast.InstanceDecl[TcName]) -> InstId:
    """The ``InstId`` of an instance declaration, from its written head."""
    t: ast.Type[TcName] = d.type
    while isinstance(t, ast.TApp):
        t = t.fun
    match t:
        case ast.TCon(_, tn):
            tycon = tn.name
        case ast.TList():
            tycon = list_tycon()
        case ast.TTuple(_, elems):
            tycon = tuple_tycon(len(elems))
        case ast.TFun():
            tycon = arrow_tycon()
        case _:
            raise DsError(f"{d.span}: instance head without a type constructor")
    return InstId(d.cls.name, tycon)


def instance_parts(
    ds: Ds, info: InstanceInfo
) -> tuple[Name, ClassInfo, list[core.CoreVar], core.Expr]:
    """An instance's dictionary function name, class, context parameters and the
    expression of the dictionary itself (the function applied to its parameters)."""
    inst = info.instance
    name = ds.env.dfun(inst.ident)
    ci = ds.env.class_info(inst.qual.head.cls)
    params = [ds.env.fresh_dict(p) for p in inst.qual.preds]
    t = ds.env.dict_type(inst.qual.head)
    for p in reversed(inst.qual.preds):
        t = fn(ds.env.dict_type(p), t)
    self_dict = app(core.CoreVar(name, t), [use(p) for p in params])
    return name, ci, params, self_dict


def superclass_fields(ds: Ds, info: InstanceInfo, ci: ClassInfo) -> list[core.Expr]:
    """The superclass dictionaries of an instance, proved from its context (the
    context's dictionaries must be given)."""
    inst = info.instance
    out: list[core.Expr] = []
    for s in ci.cls.supers:
        p = IsIn(s, inst.qual.head.type)
        ev = entail_evidence(ds.env.ce, inst.qual.preds, p)
        if ev is None:
            raise DsError(f"no evidence for superclass {s} of instance {inst.ident}")
        out.append(ds.evidence(ev))
    return out


def dictionary(
    ds: Ds,
    info: InstanceInfo,
    params: Sequence[core.CoreVar],
    methods: dict[Name, core.Expr],
    span: SrcSpan,
) -> list[core.Bind]:
    """The instance's binding ``$fCT = \\ctx -> C:C supers methods``. ``params`` are
    the context's dictionary parameters (from ``instance_parts``) and ``methods`` the
    instance's own implementations, desugared with those parameters given; a method
    missing there is the class default applied to this dictionary, or an error.
    See Note [Methods of instances without a context] for the other bindings."""
    inst = info.instance
    name = ds.env.dfun(inst.ident)
    ci = ds.env.class_info(inst.qual.head.cls)
    t = ds.env.dict_type(inst.qual.head)
    self_dict = app(core.CoreVar(name, t), [use(p) for p in params])
    given = [(p, use(v)) for p, v in zip(inst.qual.preds, params, strict=True)]
    with ds.given(given):
        fields = superclass_fields(ds, info, ci)
    out: list[core.Bind] = []
    for m in ci.methods:
        impl = methods.get(m.name)
        if impl is not None and not params and not is_atom(impl):
            method = ds.env.own(f"{name.occ}$c{m.name.occ}")
            out.append(core.Bind(core.CoreVar(method, m.scheme), impl))
            impl = core.CoreVar(method, ANY)
        if impl is None:
            if m.name in ci.defaults:
                impl = app(core.CoreVar(default_method(m.name), ANY), (self_dict,))
            else:
                impl = core.PatError(messages.no_method(span, m.name.occ), ANY)
        fields.append(impl)
    con = core.DataConRef(class_con_name(ci.cls.name), 0, len(fields))
    dfun = core.CoreVar(name, _dfun_scheme(ds, info))
    out.append(core.Bind(dfun, lam(list(params), core.ConApp(con, tuple(fields)))))
    return out


def _dfun_scheme(ds: Ds, info: InstanceInfo) -> Forall:
    q = info.instance.qual
    t = ds.env.dict_type(q.head)
    for p in reversed(q.preds):
        t = fn(ds.env.dict_type(p), t)
    return to_scheme(t)


def instance_decl(ds: Ds, d: ast.InstanceDecl[TcName], info: InstanceInfo) -> list[core.Bind]:
    """A declared instance: its methods from the declaration, the rest by default.
    See Note [Instance methods and the instance context]."""
    ctx = len(info.instance.qual.preds)
    params = instance_parts(ds, info)[2]
    methods: dict[Name, core.Expr] = {}
    for b in d.decls:
        if not isinstance(b, ast.FunBind):
            continue
        evs = b.name.evidence
        own = [ds.env.fresh_dict(ev.pred) for ev in evs[ctx:]]
        given = [(ev.pred, use(p)) for ev, p in zip(evs[:ctx], params, strict=True)]
        given += [(ev.pred, use(v)) for ev, v in zip(evs[ctx:], own, strict=True)]
        with ds.given(given):
            body = function_body(ds, b, b.name.type)
        methods[b.name.name] = lam(own, body)
    return dictionary(ds, info, params, methods, _head_span(d))


def _head_span(d: ast.InstanceDecl[TcName]) -> SrcSpan:
    """The span of ``C t`` in ``instance ctx => C t where``, where GHC reports a
    missing method: from the class name to the end of the type."""
    end = d.type.span.end
    start_col = d.type.span.start.col - len(d.cls.name.occ) - 1
    start = SrcLoc(d.type.span.start.line, max(start_col, 1))
    return SrcSpan(d.span.file, start, end)
