"""Comparing our inferred schemes with GHC's ``-ddump-types`` lines (plan §6).

Not a test module. ``normalise(text)`` puts a printed scheme in a canonical form:
``forall`` dropped (ours quantifies every variable; GHC marks inferred ones with
braces), the synonyms of base expanded on GHC's side (Note [Types are synonym-free]),
the context's predicates sorted (plan §6: context order may differ), and variables
renamed ``a, b, c, ...`` in order of appearance after that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ifacedir.syntax.names import Name, NameSpace, arrow_tycon, list_tycon, tuple_tycon
from ifacedir.syntax.types import (
    STAR,
    Scheme,
    TAp,
    TCon,
    TVar,
    TyCon,
    Type,
    TypePrinter,
    TyVar,
    fn,
    list_type,
    pretty_scheme,
    tuple_type,
)
from ifacedir.typecheck.convert import Synonym
from ifacedir.typecheck.subst import Subst, apply

_SYNONYMS: Final = (
    (r"\bString\b", "[Char]"),
    (r"\bShowS\b", "([Char] -> [Char])"),
    (r"\bRational\b", "(Ratio Integer)"),
    (r"\bFilePath\b", "[Char]"),
    (r"\bIOError\b", "IOException"),
)


def strip_forall(text: str) -> str:
    return re.sub(r"^forall [^.]*\.\s*", "", text.strip())


def _split_context(text: str) -> tuple[list[str], str]:
    depth = 0
    for i in range(len(text) - 1):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and text.startswith("=>", i):
            ctx = text[:i].strip()
            if ctx.startswith("(") and ctx.endswith(")"):
                ctx = ctx[1:-1]
            return _top_commas(ctx), text[i + 2 :].strip()
    return [], text


def _top_commas(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for c in text:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


def _rename(text: str) -> str:
    names: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        v = m.group(0)
        if v not in names:
            names[v] = f"v{len(names)}"
        return names[v]

    return re.sub(r"(?<![\w'.])[a-z_][\w']*", sub, text)


def _canon_ctx(ctx: list[str]) -> list[str]:
    # sort by class name then argument shape, with variables anonymised
    return sorted(ctx, key=lambda p: re.sub(r"(?<![\w'.])[a-z_][\w']*", "v", p) + p)


def normalise(
    text: str, *, expand: bool = True, synonyms: Mapping[str, Synonym] | None = None
) -> str:
    body = strip_forall(text)
    if synonyms:
        body = expand_synonyms(body, synonyms)
    if expand:
        for pat, rep in _SYNONYMS:
            body = re.sub(pat, rep, body)
    body = re.sub(r"\s+", " ", body)
    ctx, ty = _split_context(body)
    # name variables by their appearance in the type first, then the context (the
    # context is compared as a set)
    renamed = _rename(ty + " ||| " + " , ".join(_canon_ctx(ctx)))
    ty2, _, ctx2 = renamed.partition(" ||| ")
    preds = sorted(p.strip() for p in ctx2.split(" , ") if p.strip())
    return (f"({', '.join(preds)}) => " if preds else "") + ty2


def ours(sc: Scheme) -> str:
    return normalise(pretty_scheme(sc), expand=False)


# --- Expanding synonyms in GHC's output ----------------------------------------------------

_TOKENS: Final = re.compile(r"\s*(->|=>|[()\[\],]|[A-Za-z_][\w'.]*)")


def expand_synonyms(text: str, synonyms: Mapping[str, Synonym]) -> str:
    """GHC's printed type with the given synonyms (by occurrence name) expanded, printed
    back in our spelling; qualifiers (``S.Stack``) are dropped."""
    body = strip_forall(text)
    ctx, ty = _split_context(re.sub(r"\s+", " ", body))
    parser = _Parser(ty, synonyms)
    t = parser.type_()
    pp = TypePrinter(rename=False)
    shown_ctx = []
    for p in ctx:
        cls, _, arg = p.partition(" ")
        shown_ctx.append(f"{cls} {pp.type(_Parser(arg, synonyms).type_(), 2)}")
    context = "" if not shown_ctx else "(" + ", ".join(shown_ctx) + ") => "
    return context + pp.type(t)


class _Parser:
    def __init__(self, text: str, synonyms: Mapping[str, Synonym]) -> None:
        self.toks = _TOKENS.findall(text)
        self.pos = 0
        self.synonyms = synonyms

    def peek(self) -> str:
        return self.toks[self.pos] if self.pos < len(self.toks) else ""

    def take(self) -> str:
        tok = self.peek()
        self.pos += 1
        return tok

    def type_(self) -> Type:
        t = self.btype()
        if self.peek() == "->":
            self.take()
            return fn(t, self.type_())
        return t

    def btype(self) -> Type:
        head = self.peek()
        args: list[Type] = []
        first = self.atype()
        while self.peek() and self.peek() not in ("->", ")", "]", ","):
            args.append(self.atype())
        occ = head.rsplit(".", 1)[-1]
        syn = self.synonyms.get(occ) if head[:1].isupper() else None
        if syn is not None and len(args) >= len(syn.params):
            s = Subst(zip(syn.params, args[: len(syn.params)], strict=True))
            first, args = apply(s, syn.rhs), args[len(syn.params) :]
        for a in args:
            first = TAp(first, a)
        return first

    def atype(self) -> Type:
        tok = self.take()
        if tok == "(" and self.peek() in ("->", ","):
            commas = 0
            while self.peek() != ")":
                commas += self.take() == ","
            self.take()
            name = arrow_tycon() if commas == 0 else tuple_tycon(commas + 1)
            return TCon(TyCon(name, STAR))
        if tok == "[" and self.peek() == "]":
            self.take()
            return TCon(TyCon(list_tycon(), STAR))
        if tok == "(":
            if self.peek() == ")":
                self.take()
                return tuple_type(())
            ts = [self.type_()]
            while self.peek() == ",":
                self.take()
                ts.append(self.type_())
            self.take()
            return ts[0] if len(ts) == 1 else tuple_type(ts)
        if tok == "[":
            t = self.type_()
            self.take()
            return list_type(t)
        occ = tok.rsplit(".", 1)[-1]
        if occ[:1].isupper():
            syn = self.synonyms.get(occ)
            if syn is not None and not syn.params:
                return syn.rhs
            return TCon(TyCon(Name("?", "?", occ, NameSpace.TYCON), STAR))
        return TVar(TyVar(occ, STAR))
