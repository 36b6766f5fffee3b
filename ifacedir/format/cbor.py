"""Canonical CBOR for the container's data model.

Every header and every section of a container is one CBOR data item drawn from a
small **data model** (spec/FORMAT.md, "Data model")::

    null | bool | int (any size) | float | text | bytes | array | map with text keys

:func:`encode` checks that a Python value is in the model and writes it with the
deterministic encoding of RFC 8949 §4.2.1 (shortest integer and length forms,
shortest float that keeps the value, definite lengths, map keys sorted bytewise by
their encoding, which for text keys is the length-first order of RFC 7049 §3.9).

:func:`decode` parses *untrusted* bytes back:

1. cbor2's C decoder runs with indefinite lengths and duplicate keys forbidden and
   nesting capped at :data:`MAX_DEPTH`; every tag except 2 and 3 (bignums) is
   rejected, including the ones cbor2 would otherwise interpret itself
   (see Note [Rejecting CBOR tags]);
2. trailing bytes after the item are an error;
3. one iterative walk checks that the result is in the data model (this rejects
   simple values, ``undefined`` and byte-string map keys);
4. with ``canonical=True`` the value is re-encoded and must give back the same bytes.

Errors are raised as :class:`CborError`; the container layer adds the file path
and section name and re-raises them as ``CorruptFileError``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, Final, TypeAlias

import cbor2

__all__ = ["MAX_DEPTH", "CborError", "CborValue", "decode", "encode"]

CborValue: TypeAlias = (
    bool | int | float | str | bytes | list["CborValue"] | dict[str, "CborValue"] | None
)

MAX_DEPTH: Final = 256
"""Most arrays/maps that may enclose one item. Deep trees (syntax, Core) are stored
as flat node tables by their payload codecs, so this never limits a program."""


class CborError(Exception):
    """The bytes are not one canonical data-model item, or a value is not encodable."""


# Note [Rejecting CBOR tags]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~
# cbor2 interprets some tags itself before any hook sees them: dates (0, 1),
# decimals and rationals (4, 5, 30), regular expressions, UUIDs, sets (258), and,
# dangerously, value sharing (28/29) and string references (25/256). Sharing lets a
# few bytes describe a DAG whose expansion is exponential, and a shared reference can
# even build a cycle. The data model has no use for any of them, so we override every
# tag cbor2 knows (found by probing cbor2 6.x: each tag below is decoded without
# calling tag_hook) with a decoder that fails, and the tag_hook rejects the rest.
# Bignums (2, 3) stay: Haskell's Integer needs them. The data-model walk after
# decoding is the second line of defence should a future cbor2 learn a new tag.
_CBOR2_BUILTIN_TAGS: Final = (
    0, 1, 4, 5, 25, 28, 29, 30, 35, 36, 37, 52, 54, 100, 256, 258, 260, 261, 1004,
    43000, 55799,
)  # fmt: skip


def _reject_builtin_tag(tag: int) -> Callable[..., Any]:
    def reject(*_args: Any, **_kwargs: Any) -> Any:
        raise CborError(f"CBOR tag {tag} is not allowed (only tags 2 and 3, bignums)")

    return reject


_SEMANTIC_DECODERS: Final = {tag: _reject_builtin_tag(tag) for tag in _CBOR2_BUILTIN_TAGS}


def _reject_tag_hook(tag: Any, *_args: Any) -> Any:
    number = getattr(tag, "tag", "?")
    raise CborError(f"CBOR tag {number} is not allowed (only tags 2 and 3, bignums)")


_SCALARS: Final = frozenset({type(None), bool, int, float, str, bytes})
_DECODED: Final = _SCALARS | {list, dict}
_ENCODABLE: Final = _DECODED | {tuple}


def _check_model(value: object, *, for_encoding: bool) -> None:
    """Raise CborError if ``value`` leaves the data model; no recursion.

    Works a container at a time: ``set(map(type, ...))`` classifies all children in C,
    and only children that are containers go on the stack. (Decoding needs no depth
    count, cbor2 enforced it; encoding does.)
    """
    allowed = _ENCODABLE if for_encoding else _DECODED
    # The root is wrapped in a one-element list at depth -1 so that it is checked by the
    # same per-container step as every child.
    stack: list[tuple[object, int]] = [([value], -1)]
    while stack:
        item, depth = stack.pop()
        if for_encoding and depth >= MAX_DEPTH:
            raise CborError(f"nesting deeper than {MAX_DEPTH} arrays/maps")
        if type(item) is dict:
            if not set(map(type, item)) <= {str}:
                key = next(k for k in item if type(k) is not str)
                raise CborError(f"map key {key!r} is not a text string")
            children = item.values()
        else:
            children = item  # type: ignore[assignment]
        kinds = set(map(type, children))
        if not kinds <= allowed:
            bad = next(iter(kinds - allowed))
            raise CborError(f"value of type {bad.__name__} is not in the CBOR data model")
        if not kinds <= _SCALARS:
            stack.extend((c, depth + 1) for c in children if type(c) not in _SCALARS)


def encode(value: object) -> bytes:
    """Deterministic CBOR bytes for ``value``; CborError if it is not in the data model."""
    _check_model(value, for_encoding=True)
    try:
        return bytes(cbor2.dumps(value, canonical=True))
    except (cbor2.CBOREncodeError, ValueError, TypeError, RecursionError) as exc:
        raise CborError(f"cannot encode: {exc}") from None


def decode(data: bytes, *, canonical: bool = False) -> CborValue:
    """Parse one untrusted data-model item that must fill ``data`` exactly."""
    stream = io.BytesIO(data)
    try:
        decoder = cbor2.CBORDecoder(
            stream,
            tag_hook=_reject_tag_hook,
            semantic_decoders=_SEMANTIC_DECODERS,
            max_depth=MAX_DEPTH,
            allow_indefinite=False,
            allow_duplicate_keys=False,
            strict_hashable_types=True,
        )
        value = decoder.decode()
    except CborError:
        raise
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, MemoryError) as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, CborError) else exc
        raise CborError(f"invalid CBOR: {cause}") from None
    if stream.tell() != len(data):
        raise CborError(f"{len(data) - stream.tell()} trailing bytes after the CBOR item")
    _check_model(value, for_encoding=False)
    if canonical and encode(value) != data:
        raise CborError("CBOR item is valid but not in canonical (deterministic) form")
    return value  # type: ignore[no-any-return]
