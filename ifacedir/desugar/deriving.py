"""Derived instances (Report chapter 11), written directly in Core.

A derived instance has no typed tree: the typechecker only computed its context
(ifacedir.typecheck.deriving). Its methods are generated here, as GHC 9.0.2 derives
them (spec/LIBRARY.md, "Derived instances"), with the evidence for each field's
class predicate proved from the instance context (``entail_evidence``):

* ``Eq``: ``==`` compares constructors, then fields left to right; ``/=`` is the
  class default;
* ``Ord``: ``compare`` by constructor order, then fields left to right; for types
  of one to three constructors and for enumerations also ``<`` (the last field
  compared with its own ``<``), ``<=``, ``>``, ``>=`` from it;
* ``Show``: ``showsPrec`` with ``showParen (d >= 11)`` around a prefix constructor
  with fields, records as ``C {f = v}``, infix constructors at their fixity with both
  operands at one more;
* ``Enum`` (enumerations): ``fromEnum``/``toEnum`` by tag, ``succ``/``pred`` with
  GHC's errors, ``enumFrom``/``enumFromThen`` stopping at the last (first)
  constructor; ``enumFromTo``/``enumFromThenTo`` are the class defaults;
* ``Bounded``: the first and last constructor, or for a single constructor every
  field's ``minBound``/``maxBound``.

Constructor order is compared through tags, with ``intLt`` primitives on a local
``tag`` function (one ``case``), so the code is linear in the number of
constructors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from ifacedir.desugar.classes import dictionary, instance_parts
from ifacedir.desugar.context import Ds, app, bool_case
from ifacedir.desugar.env import ANY, ConEntry, DsError, use
from ifacedir.rename.env import DEFAULT_FIXITY
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.syntax.types import (
    T_BOOL,
    T_INT,
    T_ORDERING,
    IsIn,
    Type,
    fn_parts,
    split_ap,
)
from ifacedir.typecheck.classes import entail_evidence
from ifacedir.typecheck.iface import DataInfo, InstanceInfo
from ifacedir.typecheck.subst import instantiate

__all__ = ["derived_instance"]


def _base(module: str, occ: str, space: NameSpace = NameSpace.VAR) -> Name:
    return Name("base", module, occ, space)


_EQ: Final = _base("GHC.Base", "Eq", NameSpace.TYCON)
_ORD: Final = _base("GHC.Base", "Ord", NameSpace.TYCON)
_SHOW: Final = _base("GHC.Show", "Show", NameSpace.TYCON)
_ENUM: Final = _base("GHC.Enum", "Enum", NameSpace.TYCON)
_BOUNDED: Final = _base("GHC.Enum", "Bounded", NameSpace.TYCON)


def derived_instance(
    ds: Ds, info: InstanceInfo, data: DataInfo, decls: Mapping[Name, ast.ConDecl[TcName]]
) -> list[core.Bind]:
    """The dictionary function of a derived instance (and its methods' bindings)."""
    d = _Deriver(ds, info, data, decls)
    cls = info.instance.qual.head.cls
    makers: dict[Name, Callable[[], dict[Name, core.Expr]]] = {
        _EQ: d.eq,
        _ORD: d.ord,
        _SHOW: d.show,
        _ENUM: d.enum,
        _BOUNDED: d.bounded,
    }
    make = makers.get(cls)
    if make is None:
        raise DsError(f"cannot derive {cls}")
    with ds.given(d.given):
        methods = make()
    return dictionary(ds, info, d.params, methods, _NOWHERE)


_NOWHERE: Final = SrcSpan("", SrcLoc(1, 1), SrcLoc(1, 1))
"""Where a derived instance's missing method would be reported (never: every class
that can be derived has defaults for the methods not derived)."""


class _Deriver:
    """The pieces every derived method is made of, for one instance."""

    def __init__(
        self,
        ds: Ds,
        info: InstanceInfo,
        data: DataInfo,
        decls: Mapping[Name, ast.ConDecl[TcName]],
    ) -> None:
        self.ds = ds
        self.info = info
        self.data = data
        self.decls = decls
        head = info.instance.qual.head
        self.type = head.type
        self.args = split_ap(head.type)[1]
        self.params = instance_parts(ds, info)[2]
        self.given = [
            (p, use(v)) for p, v in zip(info.instance.qual.preds, self.params, strict=True)
        ]
        self.cons = [ds.env.con(c.name) for c in data.constructors]
        self.ty_name = data.name.occ

    # --- Building blocks ---------------------------------------------------------------

    def fields(self, entry: ConEntry) -> list[Type]:
        q = instantiate(self.args, entry.scheme.qual)
        out: list[Type] = []
        t = q.head
        for _ in range(entry.ref.arity):
            parts = fn_parts(t)
            if parts is None:
                raise DsError(f"constructor {entry.ref.name} has fewer fields than its arity")
            out.append(parts[0])
            t = parts[1]
        return out

    def dict_for(self, cls: Name, t: Type) -> core.Expr:
        ev = entail_evidence(self.ds.env.ce, self.info.instance.qual.preds, IsIn(cls, t))
        if ev is None:
            raise DsError(f"derived {self.info.instance.ident}: no instance {cls.occ} {t}")
        return self.ds.evidence(ev)

    def method(
        self, cls: Name, module: str, occ: str, t: Type, args: Sequence[core.Expr]
    ) -> core.Expr:
        sel = core.CoreVar(_base(module, occ), ANY)
        return app(sel, (self.dict_for(cls, t), *args))

    def var(self, t: Type, occ: str = "ds") -> core.CoreVar:
        return self.ds.env.fresh(occ, t)

    def con_case(
        self,
        scrut: core.Expr,
        t: Type,
        alt: Callable[[int, ConEntry, list[core.CoreVar]], core.Expr],
        only: Sequence[int] | None = None,
        default: core.Expr | None = None,
    ) -> core.Expr:
        """``case scrut of`` one alternative per constructor (those in ``only``)."""
        alts: list[core.Alt] = []
        for i, entry in enumerate(self.cons):
            if only is not None and i not in only:
                continue
            vs = [self.var(ft, "x") for ft in self.fields(entry)]
            alts.append(core.ConAlt(entry.ref, tuple(vs), alt(i, entry, vs)))
        if default is not None and len(alts) < len(self.cons):
            alts.append(core.DefaultAlt(default))
        return core.Case(scrut, self.var(self.type), t, tuple(alts))

    def tag_fn(self) -> core.CoreVar:
        return self.var(ANY, "tag")

    def tag_bind(self, tag: core.CoreVar) -> core.Bind:
        x = self.var(self.type, "x")
        body = self.con_case(use(x), T_INT, lambda i, _e, _v: core.IntLit(i, core.IntKind.INT))
        return core.Bind(tag, core.Lam((x,), body))

    def ordering(self, occ: str) -> core.Expr:
        return core.ConApp(self.ds.env.con(_base("GHC.Types", occ, NameSpace.CON)).ref, ())

    def bool_lit(self, value: bool) -> core.Expr:
        from ifacedir.desugar.context import FALSE, TRUE

        return core.ConApp(TRUE if value else FALSE, ())

    def int_lt(self, a: core.Expr, b: core.Expr) -> core.Expr:
        return core.PrimOp("intLt", 2, (a, b), T_BOOL)

    def is_enumeration(self) -> bool:
        return bool(self.cons) and all(e.ref.arity == 0 for e in self.cons)

    def lam2(self, body: Callable[[core.Expr, core.Expr], core.Expr]) -> core.Expr:
        a, b = self.var(self.type, "a"), self.var(self.type, "b")
        return core.Lam((a, b), body(use(a), use(b)))

    def string(self, text: str, rest: core.Expr) -> core.Expr:
        return app(core.CoreVar(_base("GHC.Base", "++"), ANY), (core.StringLit(text), rest))

    def error(self, message: core.Expr) -> core.Expr:
        return app(core.CoreVar(_base("GHC.Base", "error"), ANY), (message,))

    # --- Eq -------------------------------------------------------------------------------

    def eq(self) -> dict[Name, core.Expr]:
        if not self.cons:
            return {_base("GHC.Base", "=="): self.lam2(lambda _a, _b: self.bool_lit(True))}

        def body(a: core.Expr, b: core.Expr) -> core.Expr:
            def outer(i: int, entry: ConEntry, xs: list[core.CoreVar]) -> core.Expr:
                def inner(_j: int, _e: ConEntry, ys: list[core.CoreVar]) -> core.Expr:
                    result = self.bool_lit(True)
                    ts = self.fields(entry)
                    for x, y, t in reversed(list(zip(xs, ys, ts, strict=True))):
                        test = self.method(_EQ, "GHC.Base", "==", t, (use(x), use(y)))
                        result = bool_case(self.ds, test, result, self.bool_lit(False), T_BOOL)
                    return result

                return self.con_case(b, T_BOOL, inner, only=[i], default=self.bool_lit(False))

            return self.con_case(a, T_BOOL, outer)

        return {_base("GHC.Base", "=="): self.lam2(body)}

    # --- Ord ------------------------------------------------------------------------------

    def ord(self) -> dict[Name, core.Expr]:
        out = {_base("GHC.Base", "compare"): self._compare()}
        if self.cons and (len(self.cons) <= 3 or self.is_enumeration()):
            lt = self._lt()
            out[_base("GHC.Base", "<")] = lt

            def self_lt(x: core.Expr, y: core.Expr) -> core.Expr:
                return self.method(_ORD, "GHC.Base", "<", self.type, (x, y))

            out[_base("GHC.Base", "<=")] = self.lam2(lambda a, b: self._not(self_lt(b, a)))
            out[_base("GHC.Base", ">")] = self.lam2(lambda a, b: self_lt(b, a))
            out[_base("GHC.Base", ">=")] = self.lam2(lambda a, b: self._not(self_lt(a, b)))
        return out

    def _not(self, e: core.Expr) -> core.Expr:
        return bool_case(self.ds, e, self.bool_lit(False), self.bool_lit(True), T_BOOL)

    def _with_tag(self, body: Callable[[core.CoreVar], core.Expr]) -> core.Expr:
        tag = self.tag_fn()
        return core.Let(self.tag_bind(tag), body(tag))

    def _compare(self) -> core.Expr:
        if not self.cons:
            return self.lam2(lambda _a, _b: self.ordering("EQ"))

        def by_tags(i: core.Expr, j: core.Expr) -> core.Expr:
            eq = core.PrimOp("intEq", 2, (i, j), T_BOOL)
            gt_or_eq = bool_case(self.ds, eq, self.ordering("EQ"), self.ordering("GT"), T_ORDERING)
            return bool_case(self.ds, self.int_lt(i, j), self.ordering("LT"), gt_or_eq, T_ORDERING)

        def with_tag(tag: core.CoreVar) -> core.Expr:
            def tag_of(e: core.Expr) -> core.Expr:
                return core.App(use(tag), (e,))

            if self.is_enumeration():
                return self.lam2(lambda a, b: by_tags(tag_of(a), tag_of(b)))

            def body(a: core.Expr, b: core.Expr) -> core.Expr:
                def outer(i: int, entry: ConEntry, xs: list[core.CoreVar]) -> core.Expr:
                    def inner(_j: int, _e: ConEntry, ys: list[core.CoreVar]) -> core.Expr:
                        return self._compare_fields(entry, xs, ys)

                    mine = core.IntLit(i, core.IntKind.INT)
                    other = bool_case(
                        self.ds,
                        self.int_lt(mine, tag_of(b)),
                        self.ordering("LT"),
                        self.ordering("GT"),
                        T_ORDERING,
                    )
                    return self.con_case(b, T_ORDERING, inner, only=[i], default=other)

                return self.con_case(a, T_ORDERING, outer)

            return self.lam2(body)

        return self._with_tag(with_tag)

    def _compare_fields(
        self, entry: ConEntry, xs: list[core.CoreVar], ys: list[core.CoreVar]
    ) -> core.Expr:
        ts = self.fields(entry)
        if not xs:
            return self.ordering("EQ")
        result = self.method(_ORD, "GHC.Base", "compare", ts[-1], (use(xs[-1]), use(ys[-1])))
        for x, y, t in reversed(list(zip(xs[:-1], ys[:-1], ts[:-1], strict=True))):
            c = self.method(_ORD, "GHC.Base", "compare", t, (use(x), use(y)))
            result = self._ordering_case(
                c, self.ordering("LT"), result, self.ordering("GT"), T_ORDERING
            )
        return result

    def _ordering_case(
        self, scrut: core.Expr, lt: core.Expr, eq: core.Expr, gt: core.Expr, t: Type
    ) -> core.Expr:
        refs = [
            self.ds.env.con(_base("GHC.Types", o, NameSpace.CON)).ref for o in ("LT", "EQ", "GT")
        ]
        alts = tuple(core.ConAlt(r, (), e) for r, e in zip(refs, (lt, eq, gt), strict=True))
        return core.Case(scrut, self.var(T_ORDERING), t, alts)

    def _lt(self) -> core.Expr:
        def with_tag(tag: core.CoreVar) -> core.Expr:
            def tag_of(e: core.Expr) -> core.Expr:
                return core.App(use(tag), (e,))

            if self.is_enumeration():
                return self.lam2(lambda a, b: self.int_lt(tag_of(a), tag_of(b)))

            def body(a: core.Expr, b: core.Expr) -> core.Expr:
                def outer(i: int, entry: ConEntry, xs: list[core.CoreVar]) -> core.Expr:
                    def inner(_j: int, _e: ConEntry, ys: list[core.CoreVar]) -> core.Expr:
                        return self._lt_fields(entry, xs, ys)

                    other = self.int_lt(core.IntLit(i, core.IntKind.INT), tag_of(b))
                    return self.con_case(b, T_BOOL, inner, only=[i], default=other)

                return self.con_case(a, T_BOOL, outer)

            return self.lam2(body)

        return self._with_tag(with_tag)

    def _lt_fields(
        self, entry: ConEntry, xs: list[core.CoreVar], ys: list[core.CoreVar]
    ) -> core.Expr:
        ts = self.fields(entry)
        if not xs:
            return self.bool_lit(False)
        result = self.method(_ORD, "GHC.Base", "<", ts[-1], (use(xs[-1]), use(ys[-1])))
        for x, y, t in reversed(list(zip(xs[:-1], ys[:-1], ts[:-1], strict=True))):
            c = self.method(_ORD, "GHC.Base", "compare", t, (use(x), use(y)))
            result = self._ordering_case(
                c, self.bool_lit(True), result, self.bool_lit(False), T_BOOL
            )
        return result

    # --- Show -----------------------------------------------------------------------------

    def show(self) -> dict[Name, core.Expr]:
        d = self.var(T_INT, "d")
        x = self.var(self.type, "x")
        shows_t = ANY
        body = self.con_case(use(x), shows_t, lambda _i, e, vs: self._show_con(use(d), e, vs))
        if not self.cons:
            body = self.error(core.StringLit("Void showsPrec"))
        return {_base("GHC.Show", "showsPrec"): core.Lam((d, x), body)}

    def _show_con(self, d: core.Expr, entry: ConEntry, vs: list[core.CoreVar]) -> core.Expr:
        name = entry.ref.name
        decl = self.decls.get(name)
        ts = self.fields(entry)
        s = self.var(ANY, "s")
        if not vs:
            return core.Lam((s,), self.string(_prefix_occ(name.occ), use(s)))

        def shows(prec: int, v: core.CoreVar, t: Type, rest: core.Expr) -> core.Expr:
            return self.method(
                _SHOW,
                "GHC.Show",
                "showsPrec",
                t,
                (core.IntLit(prec, core.IntKind.INT), use(v), rest),
            )

        if decl is not None and decl.is_record and entry.labels:
            rest: core.Expr = self.string("}", use(s))
            for k in reversed(range(len(vs))):
                rest = shows(0, vs[k], ts[k], rest)
                label = _prefix_occ(entry.labels[k].occ)
                sep = "" if k == 0 else ", "
                rest = self.string(f"{sep}{label} = ", rest)
            text = self.string(_prefix_occ(name.occ) + " {", rest)
            return self._paren(
                self.int_le(core.IntLit(11, core.IntKind.INT), d), core.Lam((s,), text)
            )
        if decl is not None and decl.is_infix and len(vs) == 2:
            fixity = self.ds.env.fixities.get(name, DEFAULT_FIXITY)
            p = fixity.prec
            op = name.occ if name.is_operator else f"`{name.occ}`"
            text = shows(
                p + 1, vs[0], ts[0], self.string(f" {op} ", shows(p + 1, vs[1], ts[1], use(s)))
            )
            return self._paren(
                self.int_lt(core.IntLit(p, core.IntKind.INT), d), core.Lam((s,), text)
            )
        rest = use(s)
        for k in reversed(range(len(vs))):
            rest = shows(11, vs[k], ts[k], rest)
            if k > 0:
                rest = core.ConApp(self.ds.env.con(_CONS).ref, (core.CharLit(32), rest))
        text = self.string(_prefix_occ(name.occ) + " ", rest)
        return self._paren(self.int_le(core.IntLit(11, core.IntKind.INT), d), core.Lam((s,), text))

    def _paren(self, cond: core.Expr, shows: core.Expr) -> core.Expr:
        return app(core.CoreVar(_base("GHC.Show", "showParen"), ANY), (cond, shows))

    def int_le(self, a: core.Expr, b: core.Expr) -> core.Expr:
        return core.PrimOp("intLe", 2, (a, b), T_BOOL)

    # --- Enum -----------------------------------------------------------------------------

    def enum(self) -> dict[Name, core.Expr]:
        if not self.is_enumeration():
            raise DsError(f"derived Enum for {self.ty_name}, not an enumeration")
        last = len(self.cons) - 1
        ty = self.ty_name

        def con(i: int) -> core.Expr:
            return core.ConApp(self.cons[i].ref, ())

        def int_lit(i: int) -> core.Expr:
            return core.IntLit(i, core.IntKind.INT)

        def tagged(body: Callable[[Callable[[core.Expr], core.Expr]], core.Expr]) -> core.Expr:
            return self._with_tag(lambda tag: body(lambda e: core.App(use(tag), (e,))))

        x = self.var(self.type, "x")
        from_enum = core.Lam((x,), self.con_case(use(x), T_INT, lambda i, _e, _v: int_lit(i)))
        n = self.var(T_INT, "n")
        shown = self.method(
            _SHOW,
            "GHC.Show",
            "showsPrec",
            T_INT,
            (int_lit(0), use(n), core.StringLit(f") is outside of enumeration's range (0,{last})")),
        )
        bad = self.error(self.string(f"toEnum{{{ty}}}: tag (", shown))
        alts: list[core.Alt] = [
            core.LitAlt(core.IntLit(i, core.IntKind.INT), con(i)) for i in range(len(self.cons))
        ]
        alts.append(core.DefaultAlt(bad))
        to_enum = core.Lam((n,), core.Case(use(n), self.var(T_INT), self.type, tuple(alts)))

        def step(delta: int, edge: int, word: str, which: str) -> core.Expr:
            v = self.var(self.type, "x")
            msg = f"{word}{{{ty}}}: tried to take `{word}' of {which} tag in enumeration"

            def alt(i: int, _e: ConEntry, _vs: list[core.CoreVar]) -> core.Expr:
                if i == edge:
                    return self.error(core.StringLit(msg))
                return con(i + delta)

            return core.Lam((v,), self.con_case(use(v), self.type, alt))

        def self_to_enum() -> core.Expr:
            return app(
                core.CoreVar(_base("GHC.Enum", "toEnum"), ANY), (self.dict_for(_ENUM, self.type),)
            )

        def int_enum(occ: str, args: Sequence[core.Expr]) -> core.Expr:
            return self.method(_ENUM, "GHC.Enum", occ, T_INT, args)

        def mapped(ints: core.Expr) -> core.Expr:
            return app(core.CoreVar(_base("GHC.Base", "map"), ANY), (self_to_enum(), ints))

        def enum_from(tag_of: Callable[[core.Expr], core.Expr]) -> core.Expr:
            v = self.var(self.type, "x")
            return core.Lam((v,), mapped(int_enum("enumFromTo", (tag_of(use(v)), int_lit(last)))))

        def enum_from_then(tag_of: Callable[[core.Expr], core.Expr]) -> core.Expr:
            a, b = self.var(self.type, "x"), self.var(self.type, "y")
            fa, fb = self.var(T_INT, "i"), self.var(T_INT, "j")
            limit = bool_case(
                self.ds,
                core.PrimOp("intLe", 2, (use(fa), use(fb)), T_BOOL),
                int_lit(last),
                int_lit(0),
                T_INT,
            )
            body = mapped(int_enum("enumFromThenTo", (use(fa), use(fb), limit)))
            body = core.Let(
                core.Bind(fa, tag_of(use(a))), core.Let(core.Bind(fb, tag_of(use(b))), body)
            )
            return core.Lam((a, b), body)

        return {
            _base("GHC.Enum", "succ"): step(1, last, "succ", "last"),
            _base("GHC.Enum", "pred"): step(-1, 0, "pred", "first"),
            _base("GHC.Enum", "toEnum"): to_enum,
            _base("GHC.Enum", "fromEnum"): from_enum,
            _base("GHC.Enum", "enumFrom"): tagged(enum_from),
            _base("GHC.Enum", "enumFromThen"): tagged(enum_from_then),
        }

    # --- Bounded --------------------------------------------------------------------------

    def bounded(self) -> dict[Name, core.Expr]:
        if self.is_enumeration():
            lo: core.Expr = core.ConApp(self.cons[0].ref, ())
            hi: core.Expr = core.ConApp(self.cons[-1].ref, ())
        elif len(self.cons) == 1:
            entry = self.cons[0]
            ts = self.fields(entry)
            lo = core.ConApp(
                entry.ref, tuple(self.method(_BOUNDED, "GHC.Enum", "minBound", t, ()) for t in ts)
            )
            hi = core.ConApp(
                entry.ref, tuple(self.method(_BOUNDED, "GHC.Enum", "maxBound", t, ()) for t in ts)
            )
        else:
            raise DsError(f"derived Bounded for {self.ty_name}")
        return {_base("GHC.Enum", "minBound"): lo, _base("GHC.Enum", "maxBound"): hi}


_CONS: Final = Name("base", "GHC.Types", ":", NameSpace.CON)


def _prefix_occ(occ: str) -> str:
    """A constructor or field name as written in prefix position: ``(:+)`` for operators."""
    if occ and not (occ[0].isalpha() or occ[0] == "_"):
        return f"({occ})"
    return occ
