"""Seeded generator of realistic interface payloads (what a module's ``.hi`` holds).

The benchmark needs many files that look like the interfaces a Haskell compiler
writes, without running a compiler. Each :class:`ModulePayload` is one module's
final interface, shaped like GHC's ``ModIface`` and like what ``ifacedir`` stores:

* ``meta``: module identity, ABI / export / flag fingerprints, language, extensions;
* ``exports``: avails, i.e. qualified names, with constructors, fields and methods
  grouped under their parent type or class;
* ``decls``: value bindings with their type (a type tree of a few levels, nested
  arrays), arity, strictness signature, source span and fingerprint; some carry an
  unfolding (Core, stored as a flat node table as the Core codec does);
* ``tycons``: data types and newtypes with type parameters, kinds, constructors,
  strict fields and record field labels, derived classes;
* ``classes`` and ``instances``: superclasses, method signatures, defaults,
  instance heads, dictionary function names, orphan flags;
* ``fixities``, ``usages`` (per imported module: its fingerprint and the fingerprint
  of every entity used from it), ``deps`` (modules, packages, orphans, boot imports).

Fingerprints are 16 random bytes and spans are small int arrays. Sizes follow a
log-normal distribution over the number of declarations (most modules are small, a
few are large), giving files from a few KB to a few hundred KB of raw CBOR. Type
trees stay a handful of levels deep, far below the CBOR nesting limit (256).

Everything is deterministic for a given seed: module ``i`` is generated from its own
``random.Random`` seeded with ``"<seed>:<i>"`` (string seeds are hashed with
SHA-512, so ``PYTHONHASHSEED`` does not matter).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

__all__ = [
    "Document",
    "ModulePayload",
    "generate_module_names",
    "generate_payloads",
]

# A value of the CBOR data model: None, bool, int, float, str, bytes, and lists and
# str-keyed dicts of those. Spelled ``Any`` because a precise recursive alias fights
# list invariance at every construction site for no benefit in a data generator.
Value: TypeAlias = Any
Document: TypeAlias = dict[str, Value]

SCHEMA_VERSION: Final = 1
UNIT: Final = "main"

# -- vocabulary ------------------------------------------------------------------------

_TOP: Final = (
    "Data", "Control", "App", "Lib", "Network", "Text", "System", "Database",
    "Web", "Compiler", "Codec", "Test",
)  # fmt: skip
_WORDS: Final = (
    "queue", "map", "set", "graph", "tree", "state", "reader", "writer", "parser",
    "lexer", "token", "syntax", "type", "check", "infer", "env", "scope", "name",
    "expr", "pattern", "decl", "module", "import", "export", "config", "option",
    "flag", "error", "warning", "report", "span", "source", "file", "path", "cache",
    "build", "plan", "task", "worker", "job", "result", "value", "key", "entry",
    "table", "index", "node", "edge", "label", "field", "record", "user", "session",
    "request", "response", "handler", "route", "server", "client", "socket", "stream",
    "buffer", "chunk", "byte", "text", "string", "list", "vector", "array", "heap",
    "monad", "functor", "pretty", "doc", "layout", "render", "encode", "decode",
    "hash", "digest", "time", "clock", "event", "log", "metric", "counter", "pool",
)  # fmt: skip
_VERBS: Final = (
    "insert", "delete", "lookup", "member", "fold", "map", "filter", "traverse",
    "run", "eval", "exec", "with", "from", "to", "new", "empty", "singleton",
    "union", "split", "merge", "render", "parse", "check", "infer", "resolve",
    "emit", "collect", "update", "modify", "get", "put", "read", "write", "open",
    "close", "find", "add", "remove", "make", "build", "is", "has", "mk", "un",
    "sort", "group", "zip", "unzip", "apply", "bind", "lift", "alter", "adjust",
)  # fmt: skip
_BASE_MODULES: Final = (
    "GHC.Base", "GHC.Types", "GHC.Classes", "GHC.Show", "GHC.Num", "GHC.Real",
    "GHC.List", "GHC.Maybe", "Data.Either", "Data.Foldable", "Data.Traversable",
    "Data.Functor", "Control.Monad", "System.IO", "Data.Char", "Data.Tuple",
)  # fmt: skip
_BASE_TYCONS: Final = (
    ("GHC.Types.Int", 0), ("GHC.Types.Char", 0), ("GHC.Types.Double", 0),
    ("GHC.Types.Bool", 0), ("GHC.Num.Integer.Integer", 0), ("GHC.Base.String", 0),
    ("GHC.Maybe.Maybe", 1), ("Data.Either.Either", 2), ("GHC.Types.IO", 1),
    ("GHC.Tuple.Unit", 0), ("GHC.Types.Ordering", 0),
)  # fmt: skip
_BASE_CLASSES: Final = (
    "GHC.Classes.Eq", "GHC.Classes.Ord", "GHC.Show.Show", "GHC.Num.Num",
    "GHC.Base.Functor", "GHC.Base.Monad", "GHC.Enum.Enum", "GHC.Enum.Bounded",
    "GHC.Base.Semigroup", "GHC.Base.Monoid", "Data.Foldable.Foldable",
)  # fmt: skip
_DERIVABLE: Final = (
    "GHC.Classes.Eq", "GHC.Classes.Ord", "GHC.Show.Show", "GHC.Enum.Enum",
    "GHC.Enum.Bounded",
)  # fmt: skip
_TYVARS: Final = ("a", "b", "c", "m", "f", "k", "v", "s", "e", "r")
_EXTENSIONS: Final = (
    "ScopedTypeVariables", "BangPatterns", "LambdaCase", "TupleSections",
    "GeneralizedNewtypeDeriving", "RecordWildCards", "OverloadedStrings",
)  # fmt: skip
_OPERATORS: Final = ("<+>", "<|", "|>", "!?", "<$$>", "//", ".:", "+++", "<&&>", "==>")
_CORE_TAGS: Final = ("var", "lit", "app", "lam", "let", "case", "con", "cast", "tick")


def _camel(words: list[str]) -> str:
    return words[0] + "".join(w.capitalize() for w in words[1:])


def _conid(rng: random.Random) -> str:
    return "".join(w.capitalize() for w in rng.sample(_WORDS, rng.choice((1, 1, 2, 2, 3))))


def _varid(rng: random.Random) -> str:
    return _camel([rng.choice(_VERBS), *rng.sample(_WORDS, rng.choice((0, 1, 1, 2)))])


def generate_module_names(count: int, seed: int) -> list[str]:
    """``count`` distinct hierarchical module names, deterministic for ``seed``."""
    rng = random.Random(f"{seed}:names")
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        parts = [rng.choice(_TOP)]
        parts += [_conid(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        name = ".".join(parts)
        if name in seen:
            name = f"{name}{len(names)}"
        seen.add(name)
        names.append(name)
    return names


@dataclass(frozen=True)
class ModulePayload:
    """One module's interface: the header fields plus the sections, as plain values."""

    module: str
    unit: str
    schema_version: int
    inputs: dict[str, bytes]
    sections: dict[str, Value]
    imports: list[str] = field(default_factory=list)

    def document(self) -> Document:
        """Everything the file holds as one dict: what the JSON and pickle baselines store."""
        return {
            "kind": "interface",
            "phase": "simpl",
            "module": self.module,
            "unit": self.unit,
            "schema_version": self.schema_version,
            "inputs": dict(self.inputs),
            "sections": self.sections,
        }


class _ModuleGen:
    """Generates one module; all randomness comes from its own ``rng``."""

    def __init__(self, rng: random.Random, name: str, imports: list[str]) -> None:
        self.rng = rng
        self.name = name
        self.imports = imports
        self.line = 1
        self.local_tycons: list[tuple[str, int]] = []
        self.imported_tycons = [
            (f"{m}.{_conid(rng)}", rng.choice((0, 0, 1, 1, 2))) for m in imports for _ in range(2)
        ]

    # -- small pieces ----------------------------------------------------------------

    def fp(self) -> bytes:
        return self.rng.randbytes(16)

    def span(self, lines: int) -> list[Value]:
        start = self.line
        self.line += lines + self.rng.randint(1, 4)
        return [start, self.rng.randint(1, 9), start + lines, self.rng.randint(2, 100)]

    def qual(self, ident: str) -> str:
        return f"{self.name}.{ident}"

    def tycon(self) -> tuple[str, int]:
        rng = self.rng
        pick = rng.random()
        if pick < 0.45 or not (self.local_tycons or self.imported_tycons):
            return rng.choice(_BASE_TYCONS)
        if pick < 0.75 and self.local_tycons:
            return rng.choice(self.local_tycons)
        if self.imported_tycons:
            return rng.choice(self.imported_tycons)
        return rng.choice(_BASE_TYCONS)

    # -- type trees --------------------------------------------------------------------

    def type_tree(self, tyvars: list[str], depth: int, max_depth: int) -> Value:
        rng = self.rng
        leaf = depth >= max_depth or rng.random() < 0.25 + 0.15 * depth
        if leaf:
            if tyvars and rng.random() < 0.4:
                return ["var", rng.choice(tyvars)]
            con, _arity = rng.choice([tc for tc in _BASE_TYCONS if tc[1] == 0])
            return ["con", con, []]
        pick = rng.random()
        if pick < 0.35:
            return [
                "fun",
                self.type_tree(tyvars, depth + 1, max_depth),
                self.type_tree(tyvars, depth + 1, max_depth),
            ]
        if pick < 0.75:
            con, arity = self.tycon()
            args = [self.type_tree(tyvars, depth + 1, max_depth) for _ in range(arity)]
            return ["con", con, args]
        if pick < 0.87:
            return ["list", self.type_tree(tyvars, depth + 1, max_depth)]
        if pick < 0.95:
            n = rng.choice((2, 2, 3))
            return ["tuple", [self.type_tree(tyvars, depth + 1, max_depth) for _ in range(n)]]
        if tyvars:
            return [
                "app",
                ["var", rng.choice(tyvars)],
                self.type_tree(tyvars, depth + 1, max_depth),
            ]
        return ["con", "GHC.Types.Int", []]

    def signature(self, n_args: int) -> Value:
        rng = self.rng
        tyvars = sorted(rng.sample(_TYVARS, rng.choice((0, 1, 1, 2, 2, 3))))
        result = self.type_tree(tyvars, 1, 4)
        for _ in range(n_args):
            result = ["fun", self.type_tree(tyvars, 1, 4), result]
        if not tyvars:
            return result
        context: list[Value] = [
            [rng.choice(_BASE_CLASSES), ["var", rng.choice(tyvars)]]
            for _ in range(rng.choice((0, 0, 1, 1, 2)))
        ]
        return ["forall", list(tyvars), context, result]

    # -- Core unfoldings (a flat node table, as the Core codec stores deep trees) -------

    def unfolding(self, arity: int) -> Value:
        rng = self.rng
        n_nodes = max(3, int(rng.lognormvariate(math.log(18), 0.7)))
        nodes: list[Value] = []
        for i in range(n_nodes):
            tag = "var" if i < 2 else rng.choice(_CORE_TAGS)
            if tag == "var":
                nodes.append(["var", self.qual(_varid(rng)) if rng.random() < 0.5 else f"x{i}"])
            elif tag == "lit":
                lit: Value = rng.choice(
                    (rng.randint(0, 1000), rng.random() * 100, "lit" + _varid(rng))
                )
                nodes.append(["lit", lit])
            elif tag == "con":
                con, _ = self.tycon()
                nodes.append(["con", con, [rng.randrange(i) for _ in range(rng.randint(0, 2))]])
            elif tag == "case":
                alts = [
                    [_conid(rng), [f"p{j}" for j in range(rng.randint(0, 2))], rng.randrange(i)]
                    for _ in range(rng.randint(1, 3))
                ]
                nodes.append(["case", rng.randrange(i), f"wild{i}", alts])
            else:
                nodes.append([tag, *(rng.randrange(i) for _ in range(rng.randint(1, 3)))])
        return {"arity": arity, "root": n_nodes - 1, "nodes": nodes, "stable": rng.random() < 0.3}

    # -- declarations --------------------------------------------------------------------

    def tycon_decl(self) -> tuple[Value, list[str]]:
        rng = self.rng
        ident = _conid(rng)
        params = sorted(rng.sample(_TYVARS[:4], rng.choice((0, 0, 0, 1, 1, 2))))
        self.local_tycons.append((self.qual(ident), len(params)))
        newtype = rng.random() < 0.15
        n_cons = 1 if newtype else rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 10))
        record = rng.random() < 0.35
        cons: list[Value] = []
        subs: list[str] = []
        for tag in range(n_cons):
            con = _conid(rng) if n_cons > 1 else ident
            n_fields = 1 if newtype else rng.choice((0, 1, 1, 2, 3, 4, 6) if n_cons < 4 else (0, 1))
            fields: list[Value] = []
            for _ in range(n_fields):
                label = _varid(rng) if record else None
                fields.append(
                    {
                        "label": None if label is None else self.qual(label),
                        "type": self.type_tree(params, 1, 3),
                        "strict": rng.random() < 0.3,
                    }
                )
                if label is not None:
                    subs.append(self.qual(label))
            cons.append(
                {
                    "name": self.qual(con),
                    "tag": tag,
                    "fields": fields,
                    "span": self.span(max(1, n_fields)),
                    "fp": self.fp(),
                }
            )
            subs.append(self.qual(con))
        kind: Value = ["con", "Type", []]
        for _ in params:
            kind = ["fun", ["con", "Type", []], kind]
        deriving = sorted(rng.sample(_DERIVABLE, rng.choice((0, 1, 2, 2, 3))))
        decl: Value = {
            "name": self.qual(ident),
            "newtype": newtype,
            "params": list(params),
            "kind": kind,
            "cons": cons,
            "deriving": list(deriving),
            "span": self.span(n_cons + 1),
            "fp": self.fp(),
            "roles": ["representational" for _ in params],
        }
        return decl, subs

    def value_decl(self) -> tuple[Value, str]:
        rng = self.rng
        ident = _varid(rng)
        arity = rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5))
        unfold = rng.random() < 0.2
        decl: Value = {
            "name": self.qual(ident),
            "type": self.signature(arity),
            "arity": arity,
            "strictness": "".join(rng.choice("LSU1A") for _ in range(arity)),
            "inline": rng.choice((None, None, None, "INLINE", "INLINABLE", "NOINLINE")),
            "unfolding": self.unfolding(arity) if unfold else None,
            "span": self.span(rng.randint(1, 30)),
            "fp": self.fp(),
        }
        return decl, self.qual(ident)

    def class_decl(self) -> tuple[Value, list[str]]:
        rng = self.rng
        ident = _conid(rng)
        tv = rng.choice(("a", "f", "m"))
        methods: list[Value] = []
        names: list[str] = []
        for _ in range(rng.randint(1, 8)):
            meth = _varid(rng)
            names.append(self.qual(meth))
            methods.append(
                {
                    "name": self.qual(meth),
                    "type": self.signature(rng.randint(0, 3)),
                    "default": rng.random() < 0.4,
                    "fp": self.fp(),
                }
            )
        decl: Value = {
            "name": self.qual(ident),
            "tyvar": tv,
            "supers": [
                [c, ["var", tv]] for c in sorted(rng.sample(_BASE_CLASSES, rng.randint(0, 2)))
            ],
            "methods": methods,
            "minimal": [m for m in names if rng.random() < 0.5],
            "span": self.span(len(methods) + 2),
            "fp": self.fp(),
        }
        return decl, names

    def instance_decl(self, classes: list[str]) -> Value:
        rng = self.rng
        cls = rng.choice(classes) if classes and rng.random() < 0.3 else rng.choice(_BASE_CLASSES)
        con, arity = self.tycon()
        params = list(_TYVARS[:arity])
        head: Value = ["con", con, [["var", p] for p in params]]
        return {
            "class": cls,
            "head": [head],
            "context": [[cls, ["var", p]] for p in params],
            "dfun": self.qual(f"$f{cls.rsplit('.', 1)[-1]}{con.rsplit('.', 1)[-1]}"),
            "orphan": rng.random() < 0.05,
            "overlap": None,
            "span": self.span(rng.randint(1, 12)),
            "fp": self.fp(),
        }

    def generate(self) -> ModulePayload:
        rng = self.rng
        # The number of value declarations drives the size: log-normal, median ~24.
        n_values = min(900, max(2, int(rng.lognormvariate(math.log(24), 0.95))))
        n_tycons = max(0, int(n_values * rng.uniform(0.05, 0.3)))
        n_classes = rng.choice((0, 0, 0, 0, 1, 1, 2)) + n_values // 150

        tycons: list[Value] = []
        exports: list[Value] = []
        for _ in range(n_tycons):
            decl, subs = self.tycon_decl()
            tycons.append(decl)
            exports.append({"name": decl["name"], "subs": subs})
        classes: list[Value] = []
        class_names: list[str] = []
        for _ in range(n_classes):
            decl, methods = self.class_decl()
            classes.append(decl)
            class_names.append(decl["name"])
            exports.append({"name": decl["name"], "subs": methods})
        decls: list[Value] = []
        for _ in range(n_values):
            decl, qname = self.value_decl()
            decls.append(decl)
            if rng.random() < 0.7:
                exports.append(qname)
        n_instances = int(n_tycons * rng.uniform(0.3, 1.5)) + len(classes)
        instances = [self.instance_decl(class_names) for _ in range(n_instances)]
        fixities: list[Value] = [
            [self.qual(op), rng.choice(("infixl", "infixr", "infix")), rng.randint(0, 9)]
            for op in rng.sample(_OPERATORS, rng.choice((0, 0, 0, 1, 2, 3)))
        ]

        usages: list[Value] = []
        for imp in self.imports:
            n_used = max(1, int(rng.lognormvariate(math.log(5), 0.9)))
            entities: list[Value] = [
                [f"{imp}.{_varid(rng)}", self.fp()] for _ in range(min(n_used, 120))
            ]
            usages.append(
                {
                    "module": imp,
                    "unit": "base" if imp in _BASE_MODULES else UNIT,
                    "mod_fp": self.fp(),
                    "exports_fp": self.fp(),
                    "entities": entities,
                    "safe": False,
                }
            )
        home = [m for m in self.imports if m not in _BASE_MODULES]
        deps: Value = {
            "modules": [[m, False] for m in home],
            "packages": ["base"],
            "orphans": [m for m in self.imports if rng.random() < 0.05],
            "boot": [],
            "finsts": [],
        }
        meta: Value = {
            "module": self.name,
            "unit": UNIT,
            "abi": self.fp(),
            "exports_fp": self.fp(),
            "flags_fp": self.fp(),
            "opt_fp": self.fp(),
            "language": "Haskell2010",
            "extensions": sorted(rng.sample(_EXTENSIONS, rng.randint(0, 3))),
            "has_boot": rng.random() < 0.02,
            "trust": "none",
        }
        sections: dict[str, Value] = {
            "meta": meta,
            "exports": exports,
            "decls": decls,
            "tycons": tycons,
            "classes": classes,
            "instances": instances,
            "fixities": fixities,
            "usages": usages,
            "deps": deps,
        }
        inputs = {"source": self.fp(), "flags:simpl": self.fp()}
        for imp in self.imports:
            inputs[f"iface:{imp}"] = self.fp()
        return ModulePayload(
            module=self.name,
            unit=UNIT,
            schema_version=SCHEMA_VERSION,
            inputs=inputs,
            sections=sections,
            imports=list(self.imports),
        )


def _imports(rng: random.Random, index: int, names: list[str]) -> list[str]:
    n_base = rng.randint(1, 6)
    n_home = min(index, max(0, int(rng.lognormvariate(math.log(4), 0.8))))
    home = rng.sample(names[:index], n_home) if n_home else []
    return sorted(set(rng.sample(_BASE_MODULES, n_base)) | set(home))


def generate_payloads(count: int, seed: int) -> Iterator[ModulePayload]:
    """``count`` module interfaces, deterministic for ``seed``; imports form a DAG."""
    names = generate_module_names(count, seed)
    for index, name in enumerate(names):
        rng = random.Random(f"{seed}:{index}")
        imports = _imports(rng, index, names)
        yield _ModuleGen(rng, name, imports).generate()
