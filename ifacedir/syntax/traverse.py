"""Generic walks over syntax trees, driven by ``dataclasses.fields``.

Every tree of the front end (ifacedir.syntax.ast, and the renamer's outputs) is made of
frozen dataclasses, tuples and scalars. The helpers here work on any such tree without
knowing its classes:

* ``map_spans(node, f)`` rebuilds the tree with every ``SrcSpan`` replaced by
  ``f(span)``; subtrees in which nothing changed are shared, not copied;
* ``erase_spans(node)`` is ``map_spans`` with the constant ``ERASED_SPAN``, so that two
  trees can be compared modulo source positions (``same_modulo_spans``);
* ``iter_nodes(node)`` yields every dataclass instance of the tree in preorder
  (fields in declaration order, tuple elements left to right), spans and locations
  excepted: syntax nodes, but also literals and names, which are dataclasses too.

The algorithm, shared by both walks: a tree is visited with an explicit stack, never
by recursion, so a 100,000-deep tree costs memory, not a ``RecursionError`` (DESIGN,
"Robustness"). Each class's field names are looked up once and cached
(see Note [Field tables]). ``map_spans`` keeps one frame per open container (the
container, its children and the rebuilt children so far); a frame is closed when all
its children are done, and rebuilds its container only if some child changed.

Leaves are ``None``, ``bool``, ``int``, ``float``, ``str``, ``bytes`` and enum members;
``SrcLoc`` (inside a span) is a leaf for ``iter_nodes``; a ``SrcSpan`` is what
``map_spans`` rewrites. Lists, dicts and sets are not expected in syntax trees and are
treated as leaves (returned as they are).

Note [Field tables]
~~~~~~~~~~~~~~~~~~~
``dataclasses.fields(cls)`` builds a new tuple of ``Field`` objects on every call and
filters out pseudo-fields; calling it per node would dominate the walk. We cache, per
class, the names of its fields (all of them are ``init`` fields in our trees; a class
with a non-``init`` field is rejected by ``map_spans``, which could not rebuild it
positionally). The cache is a plain dict filled on first sight of a class, so the
walks need no registry of node classes and follow any class added to the AST.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterator
from typing import Final, TypeVar

from ifacedir.syntax.names import Name, RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = [
    "ERASED_SPAN",
    "erase_spans",
    "field_names",
    "iter_nodes",
    "map_spans",
    "same_modulo_spans",
]

ERASED_SPAN: Final = SrcSpan("<erased>", SrcLoc(0, 0), SrcLoc(0, 0))
"""The span every position becomes under ``erase_spans``."""

_T = TypeVar("_T")

_FIELDS: dict[type, tuple[str, ...]] = {}
# Names are leaves: they compare by what they name, and a ``RdrName``'s own span takes
# no part in its equality (see Note [Names carry their spans] in ifacedir.syntax.names).
_LEAF_TYPES: Final = frozenset({type(None), bool, int, float, str, bytes, SrcLoc, RdrName, Name})


def field_names(cls: type) -> tuple[str, ...]:
    """The field names of dataclass ``cls`` in declaration order (cached).

    See Note [Field tables].
    """
    names = _FIELDS.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        if not all(f.init for f in fields):
            raise TypeError(f"{cls.__name__} has a non-init field; cannot rebuild it")
        names = tuple(f.name for f in fields)
        _FIELDS[cls] = names
    return names


_LEAF_CACHE: dict[type, bool] = {}


def _is_leaf(value: object) -> bool:
    kind = type(value)
    leaf = _LEAF_CACHE.get(kind)
    if leaf is None:
        leaf = (
            kind in _LEAF_TYPES
            or issubclass(kind, enum.Enum)
            or (kind is not tuple and not dataclasses.is_dataclass(kind))
        )
        _LEAF_CACHE[kind] = leaf
    return leaf


def _children(value: object) -> tuple[object, ...]:
    if type(value) is tuple:
        return value
    return tuple(getattr(value, name) for name in field_names(type(value)))


class _Frame:
    """A container being rebuilt: its children, and the rebuilt ones so far."""

    __slots__ = ("changed", "done", "kids", "node")

    def __init__(self, node: object) -> None:
        self.node = node
        self.kids = _children(node)
        self.done: list[object] = []
        self.changed = False

    def result(self) -> object:
        if not self.changed:
            return self.node
        if type(self.node) is tuple:
            return tuple(self.done)
        return type(self.node)(*self.done)


def map_spans(node: _T, f: Callable[[SrcSpan], SrcSpan]) -> _T:
    """``node`` with every ``SrcSpan`` in it replaced by ``f(span)``; no recursion."""
    if type(node) is SrcSpan:
        return f(node)  # type: ignore[arg-type,return-value]
    if _is_leaf(node):
        return node
    stack = [_Frame(node)]
    while True:
        top = stack[-1]
        if len(top.done) == len(top.kids):
            value = top.result()
            stack.pop()
            if not stack:
                return value  # type: ignore[return-value]
            parent = stack[-1]
            parent.changed = parent.changed or value is not top.node
            parent.done.append(value)
            continue
        kid = top.kids[len(top.done)]
        if type(kid) is SrcSpan:
            new = f(kid)
            top.changed = top.changed or new is not kid
            top.done.append(new)
        elif _is_leaf(kid):
            top.done.append(kid)
        else:
            stack.append(_Frame(kid))


def _erase(_span: SrcSpan) -> SrcSpan:
    return ERASED_SPAN


def erase_spans(node: _T) -> _T:
    """``node`` with every span replaced by ``ERASED_SPAN``."""
    return map_spans(node, _erase)


def same_modulo_spans(a: object, b: object) -> bool:
    """Whether ``a`` and ``b`` are equal once their spans are erased.

    Compares with an explicit stack too, so that deep trees compare without recursion
    (dataclass ``__eq__`` on nested tuples recurses through C).
    """
    stack: list[tuple[object, object]] = [(a, b)]
    while stack:
        x, y = stack.pop()
        if type(x) is not type(y):
            return False
        if type(x) is SrcSpan:
            continue
        if _is_leaf(x):
            if x != y:
                return False
            continue
        xs, ys = _children(x), _children(y)
        if len(xs) != len(ys):
            return False
        stack.extend(zip(xs, ys, strict=True))
    return True


def iter_nodes(node: object) -> Iterator[object]:
    """Every dataclass instance in ``node``, in preorder, except spans and locations;
    names are yielded but not looked into."""
    stack: list[object] = [node]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is RdrName or kind is Name:
            yield value
            continue
        if kind is SrcSpan or _is_leaf(value):
            continue
        if kind is not tuple:
            yield value
        stack.extend(reversed(_children(value)))
