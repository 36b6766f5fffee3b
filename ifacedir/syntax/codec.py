"""Syntax trees to the CBOR data model and back, for the phase files.

``encode_tree(node)`` turns a tree -- any ``ifacedir.syntax.ast`` node over
``RdrName`` or ``Name``, one of the renamer's frozen-dataclass results, or one of the
typechecker's types, schemes, evidence, classes and instances, or a Core module
(ifacedir.syntax.core, the ``ds`` and ``simpl`` files) -- into a
value of the data model of ifacedir.format.cbor (arrays, text, integers, null,
booleans); ``decode_tree(value)`` turns such a value back into an equal tree. Decoding
treats its input as untrusted: anything malformed raises ``CodecError``
(ifacedir.errors), and nothing else. ``encode_tree_bytes`` / ``decode_tree_bytes`` do the
same through canonical CBOR bytes (ifacedir.format.cbor).

The encoded value is one array ``[version, files, names, nodes]``:

* ``version``: ``CODEC_VERSION``, see Note [Syntax codec versions];
* ``files``: the file names of all spans, each once;
* ``names``: each name once, ``[occ, qual]`` for a ``RdrName`` and
  ``[package, module, occ, namespace, unique]`` for a ``Name`` (all names of one tree
  are of one kind); the tree refers to a name by its index;
* ``nodes``: the node table, children before parents, the root last. A node is
  ``[tag, field1, field2, ...]``, its fields in declaration order; ``tag`` is the
  class's number in ``NODE_CLASSES``. See Note [Flat node tables] for why.

How a field is written follows its declared type (the dataclass annotation), read
once per class (see Note [Field schemas from annotations]): a child node is the index
of its entry in ``nodes``; a name the index of its entry in ``names``; a span
``[file, line1, col1, line2, col2]``; a tuple an array; an enum member its value;
``int``, ``str``, ``bool`` and ``None`` themselves. A field whose type is a union is
written as whichever alternative the value is; alternatives are told apart on
decoding by their CBOR type (at most one alternative per CBOR type, checked when the
schema is built).

Equal subtrees are written once (see Note [Shared subtrees]): the table is a DAG in
which a child index may be used by several parents.

Decoding is one loop over the node table: each entry is checked (tag known, arity,
every field of its declared type, child indices pointing *backwards* to an entry of an
allowed class) and built once from already-built children, which a later entry may
share. Every entry but the root must be used at least once. No recursion, and work
and memory linear in the input: a shared entry is never copied, so a small table
cannot expand into a huge tree in memory.

Note [Shared subtrees]
~~~~~~~~~~~~~~~~~~~~~~
A typechecked tree repeats the same types and kinds at every occurrence of a name
(``Int -> Int``, ``*``), and a renamed tree repeats the same spans-free pieces. Writing
each occurrence out made typed ``tc`` files about ten times larger than the renamed
ones and slower to read than recompiling. So the encoder *hash-conses* the table:
an entry equal to one already written (same tag, same fields, same child indices) is
not written again; its parents point at the first one. Entries are compared after
their children are numbered, so the check is one dictionary lookup per node, and a
subtree that is the very same Python object as one already written is not even
walked again. The output depends only on the tree's value, not on how it was shared
in memory, so it stays deterministic. This is the reason for codec version 2:
a version-1 reader would reject the table ("used twice").

Note [Flat node tables]
~~~~~~~~~~~~~~~~~~~~~~~
Syntax trees are deep (a 5,000-deep chain of ``++`` after fixity resolution) and the
data model caps nesting at ``cbor.MAX_DEPTH`` (256) arrays, so a tree cannot be one
nested CBOR item. A flat table of nodes with children referenced by index keeps the
CBOR nesting at three or four levels whatever the tree, lets both directions run
without recursion, and is what GHC's ``.hi`` and Scala's TASTy do too. Arrays rather
than maps: the format benchmark (bench/README.md) found map-heavy CBOR slow to decode
(every key is a fresh string), and positional fields also make files smaller. Names
go in a table because they repeat (every use of ``Prelude.+``), and file names because
every span of a module has the same one.

Note [Field schemas from annotations]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Each field's declared type, as written in the source (``tuple[Expr[N], ...]``,
``Expr[N] | None``, ``tuple[N, ...] | SubItems``), is parsed by a small parser and
resolved in the namespace of the class's module: ``N``, ``Name`` and ``RdrName`` are
names (a type variable with a bound, such as ``Qual``'s ``_H``, stands for its bound);
a registered class is a node; a type alias (``Expr``, ``Pat``, ``Literal``) is
expanded; ``tuple[X, ...]`` and ``tuple[X, Y]`` are arrays; ``SrcSpan`` is a span; an
enum class is its values. So adding a field to a node class needs no change here,
and the schema used for decoding is exactly the one the classes declare. An
annotation the parser cannot resolve fails loudly the first time the class is used.

Note [Syntax codec versions]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~
A file stores node classes by number, and fields by position, so:

* **Adding a node class** never renumbers the others: append it at the end of
  ``NODE_CLASSES`` with the next free number and bump ``CODEC_VERSION``'s minor
  part. Old files stay readable by the new code; a new file that uses the new class
  is rejected by old code with "unknown node tag" (a ``CodecError``, which the driver
  treats as "rebuild this phase").
* **Removing a class** leaves its number unused forever (replace the entry by
  ``None``).
* **Adding, removing or reordering fields of a class**, or changing how a field is
  written, changes what the old numbers mean: bump the major part. Readers refuse
  another major version outright, so an old file is rebuilt rather than misread.

Phase files are caches (DESIGN, "Resume"), so an unreadable old file costs a rebuild,
never a wrong result. ``CODEC_VERSION`` is stored as ``major * 1000 + minor``.
"""

from __future__ import annotations

import enum
import functools
import importlib
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any, Final

from ifacedir.errors import CodecError, EncodeError
from ifacedir.format import cbor
from ifacedir.format.cbor import CborValue
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = [
    "CODEC_VERSION",
    "NODE_CLASSES",
    "decode_tree",
    "decode_tree_bytes",
    "encode_tree",
    "encode_tree_bytes",
    "node_class",
    "tree_json_schema",
]

CODEC_MAJOR: Final = 2
CODEC_MINOR: Final = 3
CODEC_VERSION: Final = CODEC_MAJOR * 1000 + CODEC_MINOR
"""See Note [Syntax codec versions]."""

_AST: Final = "ifacedir.syntax.ast"
_ENV: Final = "ifacedir.rename.env"
_RENAME: Final = "ifacedir.rename.rename"
_TYPES: Final = "ifacedir.syntax.types"
_EVIDENCE: Final = "ifacedir.syntax.evidence"
_CLASSES: Final = "ifacedir.typecheck.classes"
_CONVERT: Final = "ifacedir.typecheck.convert"
_IFACE: Final = "ifacedir.typecheck.iface"
_DIAGNOSTICS: Final = "ifacedir.diagnostics"
_TYPECHECK: Final = "ifacedir.typecheck.typecheck"
_CORE: Final = "ifacedir.syntax.core"

NODE_CLASSES: Final[tuple[tuple[str, str] | None, ...]] = (
    # Numbered by position; append only. See Note [Syntax codec versions].
    (_AST, "LitInt"),  # 0
    (_AST, "LitFrac"),
    (_AST, "LitChar"),
    (_AST, "LitString"),
    (_AST, "TVar"),
    (_AST, "TCon"),  # 5
    (_AST, "TApp"),
    (_AST, "TFun"),
    (_AST, "TList"),
    (_AST, "TTuple"),
    (_AST, "Pred"),  # 10
    (_AST, "QualType"),
    (_AST, "PVar"),
    (_AST, "PWild"),
    (_AST, "PLit"),
    (_AST, "PCon"),  # 15
    (_AST, "PConOp"),
    (_AST, "POpChain"),
    (_AST, "PTuple"),
    (_AST, "PList"),
    (_AST, "PAs"),  # 20
    (_AST, "PLazy"),
    (_AST, "FieldPat"),
    (_AST, "PRec"),
    (_AST, "PParen"),
    (_AST, "EVar"),  # 25
    (_AST, "ECon"),
    (_AST, "ELit"),
    (_AST, "EApp"),
    (_AST, "OpRef"),
    (_AST, "Negation"),  # 30
    (_AST, "EOpChain"),
    (_AST, "EOpApp"),
    (_AST, "ENeg"),
    (_AST, "ELam"),
    (_AST, "ELet"),  # 35
    (_AST, "EIf"),
    (_AST, "GuardedRhs"),
    (_AST, "Rhs"),
    (_AST, "Alt"),
    (_AST, "ECase"),  # 40
    (_AST, "SBind"),
    (_AST, "SLet"),
    (_AST, "SExpr"),
    (_AST, "EDo"),
    (_AST, "ETuple"),  # 45
    (_AST, "EList"),
    (_AST, "EArith"),
    (_AST, "EListComp"),
    (_AST, "ELeftSection"),
    (_AST, "ERightSection"),  # 50
    (_AST, "EParen"),
    (_AST, "ETyped"),
    (_AST, "FieldBind"),
    (_AST, "ERecCon"),
    (_AST, "ERecUpd"),  # 55
    (_AST, "TypeSig"),
    (_AST, "FixityDecl"),
    (_AST, "Match"),
    (_AST, "FunBind"),
    (_AST, "PatBind"),  # 60
    (_AST, "ConField"),
    (_AST, "ConDecl"),
    (_AST, "DataDecl"),
    (_AST, "TypeSynDecl"),
    (_AST, "ClassDecl"),  # 65
    (_AST, "InstanceDecl"),
    (_AST, "DefaultDecl"),
    (_AST, "ForeignImport"),
    (_AST, "IEVar"),
    (_AST, "IEThing"),  # 70
    (_AST, "IEModule"),
    (_AST, "ImportDecl"),
    (_AST, "Module"),
    (_ENV, "Fixity"),
    (_ENV, "Avail"),  # 75
    (_ENV, "ModuleExports"),
    (_RENAME, "ResolvedImport"),
    (_RENAME, "RenamedModule"),
    (_TYPES, "Star"),
    (_TYPES, "KFun"),  # 80
    (_TYPES, "KVar"),
    (_TYPES, "TyVar"),
    (_TYPES, "TyCon"),
    (_TYPES, "TVar"),
    (_TYPES, "TCon"),  # 85
    (_TYPES, "TAp"),
    (_TYPES, "TGen"),
    (_TYPES, "IsIn"),
    (_TYPES, "Qual"),
    (_TYPES, "Forall"),  # 90
    (_EVIDENCE, "InstId"),
    (_EVIDENCE, "EvAssumed"),
    (_EVIDENCE, "EvSuper"),
    (_EVIDENCE, "EvInst"),
    (_CLASSES, "Class"),  # 95
    (_CLASSES, "Instance"),
    (_EVIDENCE, "TcName"),
    (_EVIDENCE, "Witness"),  # 98
    (_CONVERT, "Synonym"),
    (_IFACE, "ValueInfo"),  # 100
    (_IFACE, "DataConInfo"),
    (_IFACE, "DataInfo"),
    (_IFACE, "SynonymInfo"),
    (_IFACE, "ClassInfo"),
    (_IFACE, "InstanceInfo"),  # 105
    (_IFACE, "TcInterface"),
    (_DIAGNOSTICS, "Diagnostic"),
    (_TYPECHECK, "TcResult"),
    (_CORE, "CoreVar"),
    (_CORE, "IntLit"),  # 110
    (_CORE, "DoubleLit"),
    (_CORE, "CharLit"),
    (_CORE, "StringLit"),
    (_CORE, "App"),
    (_CORE, "Lam"),  # 115
    (_CORE, "Bind"),
    (_CORE, "Let"),
    (_CORE, "LetRec"),
    (_CORE, "DataConRef"),
    (_CORE, "ConAlt"),  # 120
    (_CORE, "LitAlt"),
    (_CORE, "DefaultAlt"),
    (_CORE, "Case"),
    (_CORE, "ConApp"),
    (_CORE, "PrimOp"),  # 125
    (_CORE, "PatError"),
    (_CORE, "BindGroup"),
    (_CORE, "DataCon"),
    (_CORE, "DataType"),
    (_CORE, "CoreModule"),  # 130
    (_CORE, "Unfoldings"),
)
"""The node classes a file may hold, as (module, class name); the index is the tag."""


def node_class(tag: int) -> type | None:
    """The class numbered ``tag``, or None if there is none."""
    table = _tables()
    return table.classes[tag] if 0 <= tag < len(table.classes) else None


# --- Field kinds ---------------------------------------------------------------------


class _Kind:
    """How one declared field type is written and read; see the module docstring."""

    py_types: frozenset[type] = frozenset()  # Python types of values of this kind
    cbor_types: frozenset[type] = frozenset()  # decoded CBOR types of its encoding

    def children(self, value: Any, out: list[Any]) -> None:
        """Check ``value`` and append the child nodes in it, in field order."""

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        raise NotImplementedError

    def decode(self, item: Any, dec: _Decoder) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """This kind's encoding as a JSON Schema fragment (see ``tree_json_schema``)."""
        raise NotImplementedError


_JSON_TYPES: Final = {int: "integer", str: "string", bool: "boolean", float: "number"}
_INDEX: Final = {"type": "integer", "minimum": 0}


class _Scalar(_Kind):
    def __init__(self, py_type: type) -> None:
        self.py_type = py_type
        self.py_types = self.cbor_types = frozenset({py_type})

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is not self.py_type:
            raise EncodeError(f"expected {self.py_type.__name__}, got {type(value).__name__}")

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return value  # type: ignore[no-any-return]

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is not self.py_type:
            raise CodecError(f"expected {self.py_type.__name__}, found {_describe(item)}")
        return item

    def json_schema(self) -> dict[str, Any]:
        return {"type": _JSON_TYPES.get(self.py_type, "null")}


class _NoneKind(_Scalar):
    def __init__(self) -> None:
        super().__init__(type(None))


class _Enum(_Kind):
    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.py_types = frozenset({cls})
        self.cbor_types = frozenset(type(m.value) for m in cls)

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is not self.cls:
            raise EncodeError(f"expected {self.cls.__name__}, got {type(value).__name__}")

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return value.value  # type: ignore[no-any-return]

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) not in self.cbor_types:
            raise CodecError(f"expected a {self.cls.__name__}, found {_describe(item)}")
        try:
            return self.cls(item)
        except ValueError:
            raise CodecError(f"{item!r} is not a {self.cls.__name__}") from None

    def json_schema(self) -> dict[str, Any]:
        return {"enum": [m.value for m in self.cls], "title": self.cls.__name__}


class _SpanKind(_Kind):
    py_types = frozenset({SrcSpan})
    cbor_types = frozenset({list})

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is not SrcSpan:
            raise EncodeError(f"expected a SrcSpan, got {type(value).__name__}")

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        s: SrcSpan = value
        return [enc.file_index(s.file), s.start.line, s.start.col, s.end.line, s.end.col]

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is not list or len(item) != 5:
            raise CodecError(f"a span must be an array of 5, found {_describe(item)}")
        file, l1, c1, l2, c2 = item
        if not (type(file) is type(l1) is type(c1) is type(l2) is type(c2) is int):
            raise CodecError("a span holds non-negative integers only")
        if file | l1 | c1 | l2 | c2 < 0:  # an OR of integers is negative iff one is
            raise CodecError("a span holds non-negative integers only")
        if file >= len(dec.files):
            raise CodecError(f"file index {file} out of range ({len(dec.files)} files)")
        return SrcSpan(dec.files[file], dec.loc(l1, c1), dec.loc(l2, c2))

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/span"}


class _NameKind(_Kind):
    py_types = frozenset({RdrName, Name})
    cbor_types = frozenset({int})

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) not in self.py_types:
            raise EncodeError(f"expected a name, got {type(value).__name__}")

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return enc.name_index(value)

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is not int or not 0 <= item < len(dec.names):
            raise CodecError(f"name index {_describe(item)} out of range")
        return dec.names[item]

    def json_schema(self) -> dict[str, Any]:
        return {**_INDEX, "description": "an index into the name table"}


class _NameOrTcName(_Kind):
    """The name type ``N`` of the AST: a name (an index into the name table) or, in a
    typed tree, a ``TcName`` node (an array of its node index). See Note [Typed trees
    in the codec]."""

    cbor_types = frozenset({int, list})

    def __init__(self, tcname: type) -> None:
        self.tcname = tcname
        self.py_types = frozenset({RdrName, Name, tcname})

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is self.tcname:
            out.append(value)
        elif type(value) not in self.py_types:
            raise EncodeError(f"expected a name, got {type(value).__name__}")

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        if type(value) is self.tcname:
            return [next(ids)]
        return enc.name_index(value)

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is list and len(item) == 1:
            return dec.child(item[0], frozenset({self.tcname}))
        if type(item) is not int or not 0 <= item < len(dec.names):
            raise CodecError(f"name index {_describe(item)} out of range")
        return dec.names[item]

    def json_schema(self) -> dict[str, Any]:
        tcname = {"type": "array", "prefixItems": [_INDEX], "items": False, "minItems": 1}
        return {"anyOf": [_INDEX, tcname], "description": "a name index, or [TcName node]"}


# Note [Typed trees in the codec]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The typechecker's tree is `Module[TcName]` (Note [Where types go] in
# ifacedir.syntax.ast): where a renamed tree has a `Name`, a typed one has a
# `TcName` node holding the name, its type and evidence. A field declared with the
# name type `N` is therefore written as a name index (an integer) or as a one-element
# array holding a node index; the two are told apart by their CBOR type, and files
# written before typed trees existed (integers only) read as before.


class _NodeKind(_Kind):
    cbor_types = frozenset({int})

    def __init__(self, classes: frozenset[type]) -> None:
        self.py_types = classes

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) not in self.py_types:
            raise EncodeError(f"{type(value).__name__} is not allowed here")
        out.append(value)

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return next(ids)

    def decode(self, item: Any, dec: _Decoder) -> Any:
        return dec.child(item, self.py_types)

    def json_schema(self) -> dict[str, Any]:
        names = ", ".join(sorted(c.__name__ for c in self.py_types))
        return {**_INDEX, "description": f"the index of an earlier node: {names}"}


class _TupleOf(_Kind):
    py_types = frozenset({tuple})
    cbor_types = frozenset({list})

    def __init__(self, elem: _Kind) -> None:
        self.elem = elem

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is not tuple:
            raise EncodeError(f"expected a tuple, got {type(value).__name__}")
        for x in value:
            self.elem.children(x, out)

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return [self.elem.encode(x, enc, ids) for x in value]

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is not list:
            raise CodecError(f"expected an array, found {_describe(item)}")
        if not item:
            return ()
        elem = self.elem
        if type(elem) is _NodeKind:
            allowed = elem.py_types
            return tuple([dec.child(x, allowed) for x in item])
        return tuple([elem.decode(x, dec) for x in item])

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.elem.json_schema()}


class _Fixed(_Kind):
    py_types = frozenset({tuple})
    cbor_types = frozenset({list})

    def __init__(self, elems: tuple[_Kind, ...]) -> None:
        self.elems = elems

    def children(self, value: Any, out: list[Any]) -> None:
        if type(value) is not tuple or len(value) != len(self.elems):
            raise EncodeError(f"expected a tuple of {len(self.elems)}")
        for kind, x in zip(self.elems, value, strict=True):
            kind.children(x, out)

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return [k.encode(x, enc, ids) for k, x in zip(self.elems, value, strict=True)]

    def decode(self, item: Any, dec: _Decoder) -> Any:
        if type(item) is not list or len(item) != len(self.elems):
            raise CodecError(f"expected an array of {len(self.elems)}, found {_describe(item)}")
        return tuple(k.decode(x, dec) for k, x in zip(self.elems, item, strict=True))

    def json_schema(self) -> dict[str, Any]:
        n = len(self.elems)
        prefix = [k.json_schema() for k in self.elems]
        return {"type": "array", "prefixItems": prefix, "items": False, "minItems": n}


class _Union(_Kind):
    def __init__(self, alts: list[_Kind]) -> None:
        self.by_py: dict[type, _Kind] = {}
        self.by_cbor: dict[type, _Kind] = {}
        for alt in alts:
            for t in alt.py_types:
                self.by_py[t] = alt
            for t in alt.cbor_types:
                if t in self.by_cbor:
                    raise TypeError(f"ambiguous union: two alternatives encode as {t.__name__}")
                self.by_cbor[t] = alt
        self.py_types = frozenset(self.by_py)
        self.cbor_types = frozenset(self.by_cbor)

    def _alt(self, value: Any) -> _Kind:
        alt = self.by_py.get(type(value))
        if alt is None:
            raise EncodeError(f"{type(value).__name__} is not allowed here")
        return alt

    def children(self, value: Any, out: list[Any]) -> None:
        self._alt(value).children(value, out)

    def encode(self, value: Any, enc: _Encoder, ids: Iterator[int]) -> CborValue:
        return self._alt(value).encode(value, enc, ids)

    def decode(self, item: Any, dec: _Decoder) -> Any:
        alt = self.by_cbor.get(type(item))
        if alt is None:
            raise CodecError(f"unexpected {_describe(item)}")
        return alt.decode(item, dec)

    def json_schema(self) -> dict[str, Any]:
        alts = {id(a): a for a in self.by_cbor.values()}.values()
        return {"anyOf": [a.json_schema() for a in alts]}


def _describe(item: object) -> str:
    if type(item) in (int, bool):
        return f"{type(item).__name__} {item}"
    return type(item).__name__


# --- Schemas: parsing annotations (see Note [Field schemas from annotations]) ---------

_TOKEN: Final = re.compile(r"\s*([A-Za-z_][A-Za-z_0-9.]*|\.\.\.|[\[\],|])")


class _AnnotationParser:
    """``union := term ('|' term)*``, ``term := NAME ['[' union {',' union} [',' ...] ']']``."""

    def __init__(self, text: str, namespace: dict[str, Any], tables: _Tables) -> None:
        self.tokens = _TOKEN.findall(text)
        if "".join(self.tokens) != re.sub(r"\s", "", text):
            raise TypeError(f"cannot parse annotation {text!r}")
        self.pos = 0
        self.namespace = namespace
        self.tables = tables
        self.text = text

    def parse(self) -> _Kind:
        kind = self.union()
        if self.pos != len(self.tokens):
            raise TypeError(f"cannot parse annotation {self.text!r}")
        return kind

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def take(self) -> str:
        token = self.peek()
        self.pos += 1
        return token

    def union(self) -> _Kind:
        alts = [self.term()]
        while self.peek() == "|":
            self.take()
            alts.append(self.term())
        return alts[0] if len(alts) == 1 else _merge(alts)

    def term(self) -> _Kind:
        head = self.take()
        args: list[_Kind] = []
        variadic = False
        if self.peek() == "[":
            self.take()
            while True:
                if self.peek() == "...":
                    self.take()
                    variadic = True
                else:
                    args.append(self.union())
                if self.take() != ",":
                    break
        if head == "tuple":
            return _TupleOf(args[0]) if variadic else _Fixed(tuple(args))
        return self.tables.kind_of(head, self.namespace)


def _merge(alts: list[_Kind]) -> _Kind:
    """A union; node alternatives merge into one node kind (all encode as an index)."""
    flat: list[_Kind] = []
    for alt in alts:
        flat.extend(alt.by_py.values() if isinstance(alt, _Union) else [alt])
    nodes = [a for a in flat if isinstance(a, _NodeKind)]
    others = [a for a in flat if not isinstance(a, _NodeKind)]
    if nodes:
        others.append(_NodeKind(frozenset().union(*(n.py_types for n in nodes))))
    unique: list[_Kind] = []
    for a in others:
        if a not in unique:
            unique.append(a)
    return unique[0] if len(unique) == 1 else _Union(unique)


# --- The class tables -----------------------------------------------------------------


class _Tables:
    """Registered classes, their tags and (lazily) their field schemas."""

    def __init__(self) -> None:
        self.classes: list[type | None] = []
        for entry in NODE_CLASSES:
            if entry is None:
                self.classes.append(None)
                continue
            module = importlib.import_module(entry[0])
            self.classes.append(getattr(module, entry[1]))
        self.tags: dict[type, int] = {c: i for i, c in enumerate(self.classes) if c is not None}
        self.schemas: dict[type, tuple[_Kind, ...]] = {}
        self.scalars: dict[str, _Kind] = {
            "int": _Scalar(int),
            "str": _Scalar(str),
            "bool": _Scalar(bool),
            "float": _Scalar(float),
            "None": _NoneKind(),
            "SrcSpan": _SpanKind(),
            "Name": _NameKind(),
            "RdrName": _NameKind(),
        }

    @functools.cached_property
    def name_kind(self) -> _Kind:
        """The kind of the AST's name type ``N``; see Note [Typed trees in the codec]."""
        tcname = next((c for c in self.classes if c is not None and c.__name__ == "TcName"), None)
        return self.scalars["Name"] if tcname is None else _NameOrTcName(tcname)

    @functools.cached_property
    def readers(self) -> list[tuple[type, tuple[Callable[[Any, _Decoder], Any], ...]] | None]:
        """Per tag: the class and the decode function of each of its fields."""
        return [
            None if c is None else (c, tuple(k.decode for k in self.schema(c)))
            for c in self.classes
        ]

    def schema(self, cls: type) -> tuple[_Kind, ...]:
        kinds = self.schemas.get(cls)
        if kinds is None:
            namespace = vars(sys.modules[cls.__module__])
            kinds = tuple(self.field_kind(f.type, namespace) for f in fields(cls))
            self.schemas[cls] = kinds
        return kinds

    def field_kind(self, annotation: object, namespace: dict[str, Any]) -> _Kind:
        text = annotation if isinstance(annotation, str) else _annotation_text(annotation)
        return _AnnotationParser(text, namespace, self).parse()

    def kind_of(self, name: str, namespace: dict[str, Any]) -> _Kind:
        """The kind of a bare name in an annotation (see the Note)."""
        if name in self.scalars:
            return self.scalars[name]
        target = namespace.get(name)
        if target is None and "." in name:  # a non-string annotation, printed qualified
            return self.kind_of(name.rsplit(".", 1)[1], namespace)
        if isinstance(target, typing.TypeVar):  # N is a name; a bounded one its bound
            bound = target.__bound__
            if bound is None:
                return self.name_kind
            text = bound.__forward_arg__ if isinstance(bound, typing.ForwardRef) else bound
            return self.field_kind(text, namespace)
        if isinstance(target, type) and target in self.tags:
            return _NodeKind(frozenset({target}))
        if isinstance(target, type) and issubclass(target, enum.Enum):
            return _Enum(target)
        if isinstance(target, str):  # a type alias written as a string
            return _AnnotationParser(target, namespace, self).parse()
        if isinstance(target, types.UnionType):  # an alias ``A | B`` evaluated at import
            return _merge([self.kind_of_type(a, name) for a in target.__args__])
        raise TypeError(f"no codec for the annotation {name!r}")

    def kind_of_type(self, target: object, alias: str) -> _Kind:
        """The kind of a class found in an evaluated union alias."""
        if isinstance(target, type):
            if target.__name__ in self.scalars and target.__module__ in _SCALAR_MODULES:
                return self.scalars[target.__name__]
            if target is type(None):
                return self.scalars["None"]
            if target in self.tags:
                return _NodeKind(frozenset({target}))
            if issubclass(target, enum.Enum):
                return _Enum(target)
        raise TypeError(f"no codec for {target!r} in the alias {alias!r}")


def _annotation_text(annotation: object) -> str:
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


_SCALAR_MODULES: Final = frozenset(
    {"builtins", "ifacedir.syntax.names", "ifacedir.syntax.span"}
)  # where the classes named in ``_Tables.scalars`` live

_TABLES: list[_Tables] = []


def _tables() -> _Tables:
    """The class tables, built on first use (the renamer imports this package)."""
    if not _TABLES:
        _TABLES.append(_Tables())
    return _TABLES[0]


# --- Encoding -------------------------------------------------------------------------


_Frame = tuple[object, list[Any], list[Any], list[int]]


class _Encoder:
    def __init__(self, tables: _Tables) -> None:
        self.tables = tables
        self.files: dict[str, int] = {}
        self.names: dict[RdrName | Name, int] = {}
        self.nodes: list[CborValue] = []
        # See Note [Shared subtrees]: entry key -> index, and id(node) -> index for
        # nodes already written (the tree keeps them alive while it is encoded).
        self.by_entry: dict[object, int] = {}
        self.by_id: dict[int, int] = {}

    def file_index(self, file: str) -> int:
        return self.files.setdefault(file, len(self.files))

    def name_index(self, name: RdrName | Name) -> int:
        return self.names.setdefault(name, len(self.names))

    def schema(self, node: object) -> tuple[_Kind, ...]:
        if type(node) not in self.tables.tags:
            raise EncodeError(f"{type(node).__name__} is not a registered node class")
        return self.tables.schema(type(node))

    def run(self, root: object) -> int:
        """Append the entries of ``root`` in postorder, without recursion."""
        # A frame: the node, its field values, its child nodes, their indices so far.
        stack: list[_Frame] = []
        self.push(stack, root)
        while True:
            node, values, kids, ids = stack[-1]
            if len(ids) < len(kids):
                kid = kids[len(ids)]
                known = self.by_id.get(id(kid))
                if known is None:
                    self.push(stack, kid)
                else:
                    ids.append(known)
                continue
            stack.pop()
            kinds = self.tables.schema(type(node))
            it = iter(ids)
            entry: list[CborValue] = [self.tables.tags[type(node)]]
            entry.extend(k.encode(v, self, it) for k, v in zip(kinds, values, strict=True))
            key = _entry_key(entry)
            index = self.by_entry.get(key, -1)
            if index < 0:
                self.nodes.append(entry)
                index = self.by_entry[key] = len(self.nodes) - 1
            self.by_id[id(node)] = index
            if not stack:
                return index
            stack[-1][3].append(index)

    def push(
        self, stack: list[tuple[object, list[Any], list[Any], list[int]]], node: object
    ) -> None:
        kinds = self.schema(node)
        values = [getattr(node, f) for f in _field_names(type(node))]
        kids: list[Any] = []
        for kind, value in zip(kinds, values, strict=True):
            kind.children(value, kids)
        stack.append((node, values, kids, []))


def _entry_key(value: CborValue) -> object:
    """A hashable key equal for equal entries; booleans and floats are kept apart from
    the integers they compare equal to (``True == 1``), since a union field may hold
    either."""
    kind = type(value)
    if kind is list:
        return tuple(_entry_key(v) for v in value)  # type: ignore[union-attr]
    if kind is bool or kind is float:
        return (kind, value)
    return value


_NAMES_CACHE: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _NAMES_CACHE.get(cls)
    if names is None:
        names = _NAMES_CACHE[cls] = tuple(f.name for f in fields(cls))
    return names


def _encode_name(name: RdrName | Name) -> CborValue:
    if type(name) is RdrName:
        return [name.occ, name.qual]
    assert type(name) is Name
    return [name.package, name.module, name.occ, name.space.value, name.unique]


def tree_json_schema() -> dict[str, Any]:
    """A JSON Schema for ``encode_tree``'s value, in the JSON view of spec/FORMAT.md §11.

    Generated from the same field kinds that encode and decode, one alternative per
    registered class (``[tag, fields...]`` with the tag a constant), so it documents
    every node's layout exactly. What JSON Schema cannot say -- child indices point
    backwards at a node of an allowed class, name and file indices are in range --
    the descriptions say and ``decode_tree`` checks.
    """
    tables = _tables()
    alternatives: list[dict[str, Any]] = []
    for tag, cls in enumerate(tables.classes):
        if cls is None:
            continue
        fields_ = [k.json_schema() for k in tables.schema(cls)]
        alternatives.append(
            {
                "title": cls.__name__,
                "type": "array",
                "prefixItems": [{"const": tag}, *fields_],
                "items": False,
                "minItems": len(fields_) + 1,
            }
        )
    text = {"type": "string"}
    name = {
        "anyOf": [
            {"type": "array", "prefixItems": [text, text], "items": False, "minItems": 2},
            {
                "type": "array",
                "prefixItems": [text, text, text, {"enum": [s.value for s in NameSpace]}, _INDEX],
                "items": False,
                "minItems": 5,
            },
        ]
    }
    return {
        "title": "Syntax tree (ifacedir/syntax/codec.py)",
        "description": "[version, files, names, nodes]: see spec/FORMAT.md §13.3.",
        "type": "array",
        "prefixItems": [
            {"type": "integer", "description": "major * 1000 + minor"},
            {"type": "array", "items": text},
            {"type": "array", "items": name},
            {"type": "array", "minItems": 1, "items": {"anyOf": alternatives}},
        ],
        "items": False,
        "minItems": 4,
        "$defs": {
            "span": {
                "type": "array",
                "prefixItems": [_INDEX, _INDEX, _INDEX, _INDEX, _INDEX],
                "items": False,
                "minItems": 5,
                "description": "[file index, start line, start column, end line, end column]",
            }
        },
    }


def encode_tree(root: object) -> CborValue:
    """The data-model value of the tree ``root`` (a registered node class).

    Raises ``EncodeError`` if the tree holds a value its classes do not declare.
    """
    tables = _tables()
    enc = _Encoder(tables)
    enc.run(root)
    name_kinds = {type(n) for n in enc.names}
    if len(name_kinds) > 1:
        raise EncodeError("a tree mixes RdrName and Name")
    return [
        CODEC_VERSION,
        list(enc.files),
        [_encode_name(n) for n in enc.names],
        enc.nodes,
    ]


def tree_names(root: object) -> list[RdrName | Name]:
    """Every name the tree ``root`` holds, in first-met order (the encoder's name
    table): what a module mentions, for its usages (ifacedir.iface.fingerprints)."""
    enc = _Encoder(_tables())
    enc.run(root)
    return list(enc.names)


def encode_tree_bytes(root: object) -> bytes:
    """``encode_tree`` as canonical CBOR bytes."""
    try:
        return cbor.encode(encode_tree(root))
    except cbor.CborError as exc:
        raise EncodeError(str(exc)) from None


# --- Decoding -------------------------------------------------------------------------


def decode_tree_bytes(data: bytes) -> Any:
    """The tree encoded by the CBOR bytes ``data``; ``CodecError`` on any bad input."""
    try:
        value = cbor.decode(data)
    except cbor.CborError as exc:
        raise CodecError(str(exc)) from None
    return decode_tree(value)


@dataclass
class _Decoder:
    files: list[str]
    names: list[RdrName | Name]
    built: list[object]
    used: bytearray
    locs: dict[tuple[int, int], SrcLoc] = field(default_factory=dict)

    def loc(self, line: int, col: int) -> SrcLoc:
        """A shared ``SrcLoc`` (most positions end one span and start another)."""
        key = (line, col)
        loc = self.locs.get(key)
        if loc is None:
            loc = self.locs[key] = SrcLoc(line, col)
        return loc

    def child(self, item: Any, allowed: frozenset[type]) -> object:
        """The already-built node ``item`` refers to (shared if used before; see
        Note [Shared subtrees])."""
        if type(item) is not int or not 0 <= item < len(self.built):
            raise CodecError(f"node reference {_describe(item)} does not point backwards")
        node = self.built[item]
        if type(node) not in allowed:
            raise CodecError(f"a {type(node).__name__} node is not allowed here")
        self.used[item] = 1
        return node


def decode_tree(value: object) -> Any:
    """The tree encoded by ``value``; ``CodecError`` on any malformed input."""
    if type(value) is not list or len(value) != 4:
        raise CodecError("a syntax tree is an array [version, files, names, nodes]")
    version, files, names, nodes = value
    if type(version) is not int or version // 1000 != CODEC_MAJOR:
        raise CodecError(f"syntax codec version {_describe(version)} is not {CODEC_MAJOR}.x")
    if type(files) is not list or not all(type(f) is str for f in files):
        raise CodecError("the file table must be an array of text")
    if type(nodes) is not list or not nodes:
        raise CodecError("the node table must be a non-empty array")
    dec = _Decoder(files, _decode_names(names), [], bytearray(len(nodes)))
    tables = _tables()
    for entry in nodes:
        dec.built.append(_decode_node(entry, dec, tables))
    if dec.used.count(0) != 1:
        raise CodecError(f"{dec.used.count(0) - 1} node(s) of the table are not in the tree")
    return dec.built[-1]


def _decode_node(entry: object, dec: _Decoder, tables: _Tables) -> object:
    if type(entry) is not list or not entry:
        raise CodecError(f"a node must be a non-empty array, found {_describe(entry)}")
    tag = entry[0]
    readers = tables.readers
    if type(tag) is not int or not 0 <= tag < len(readers) or readers[tag] is None:
        raise CodecError(f"unknown node tag {_describe(tag)} (written by a newer codec?)")
    cls, decoders = readers[tag]  # type: ignore[misc]
    if len(entry) != len(decoders) + 1:
        raise CodecError(f"{cls.__name__} has {len(decoders)} fields, found {len(entry) - 1}")
    values = [decode(x, dec) for decode, x in zip(decoders, entry[1:])]  # noqa: B905
    try:
        return cls(*values)
    except (TypeError, ValueError) as exc:  # a class's own __post_init__ checks
        raise CodecError(f"invalid {cls.__name__}: {exc}") from None


def _decode_names(names: object) -> list[RdrName | Name]:
    if type(names) is not list:
        raise CodecError("the name table must be an array")
    out: list[RdrName | Name] = []
    for entry in names:
        if type(entry) is not list or not all(type(x) is str for x in entry[:4]):
            raise CodecError("a name must be an array of text fields")
        if len(entry) == 2:
            out.append(RdrName(entry[0], entry[1]))
        elif len(entry) == 5 and type(entry[4]) is int and entry[4] >= 0:
            try:
                space = NameSpace(entry[3])
            except ValueError:
                raise CodecError(f"unknown name space {entry[3]!r}") from None
            out.append(Name(entry[0], entry[1], entry[2], space, entry[4]))
        else:
            raise CodecError("a name is [occ, qual] or [package, module, occ, space, unique]")
    if len({type(n) for n in out}) > 1:
        raise CodecError("the name table mixes RdrName and Name entries")
    return out
