"""A JSON view of CBOR data-model values, for ``--json`` output.

JSON lacks two things the data model has, so they are written as one-key objects
(spec/FORMAT.md, "JSON view")::

    bytes            {"$bytes": "<lower-case hex>"}
    non-finite float {"$float": "nan" | "inf" | "-inf"}

Everything else maps directly (integers of any size stay exact JSON numbers).
Payload schemas never use map keys starting with ``$``, so the two forms cannot be
confused with payload maps written by ifacedir.

The conversion is iterative: a value nested to the data model's depth limit
converts without deep recursion.
"""

from __future__ import annotations

import math
from typing import TypeAlias

from ifacedir.format.cbor import CborValue

__all__ = ["JsonValue", "to_json_value"]

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None


def _scalar(value: CborValue) -> JsonValue:
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
    assert not isinstance(value, (list, dict))
    return value


def to_json_value(value: CborValue) -> JsonValue:
    """Convert without recursion; containers are rebuilt bottom-up through a work stack."""
    if not isinstance(value, (list, dict)):
        return _scalar(value)
    root: list[JsonValue] = [None]
    # Each task: (source value, target container, key or index in the target).
    stack: list[tuple[CborValue, list[JsonValue] | dict[str, JsonValue], int | str]] = [
        (value, root, 0)
    ]
    while stack:
        item, target, slot = stack.pop()
        converted: JsonValue
        if isinstance(item, list):
            new_list: list[JsonValue] = [None] * len(item)
            stack.extend((child, new_list, i) for i, child in enumerate(item))
            converted = new_list
        elif isinstance(item, dict):
            new_map: dict[str, JsonValue] = dict.fromkeys(item)
            stack.extend((child, new_map, key) for key, child in item.items())
            converted = new_map
        else:
            converted = _scalar(item)
        if isinstance(target, list):
            assert isinstance(slot, int)
            target[slot] = converted
        else:
            assert isinstance(slot, str)
            target[slot] = converted
    return root[0]
