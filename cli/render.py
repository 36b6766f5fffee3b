"""Shared output for the CLI: exit codes, JSON output, and the readable payload tree.

Exit codes (spec/cli.md): 0 success; 1 the command ran and found problems (bad
files, failed checks); 2 bad usage (missing path, bad option).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Final

from pydantic import BaseModel

from ifacedir.format.jsonview import JsonValue

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "emit_json", "tree_lines"]

EXIT_OK: Final = 0
EXIT_PROBLEMS: Final = 1
EXIT_USAGE: Final = 2


def emit_json(model: BaseModel) -> None:
    sys.stdout.write(model.model_dump_json(indent=2) + "\n")


def _scalar(value: JsonValue) -> str | None:
    """One-line form of a scalar in the JSON view; None for lists and maps."""
    if isinstance(value, dict):
        if set(value) == {"$bytes"} and isinstance(value["$bytes"], str):
            return f"h'{value['$bytes']}'"
        if set(value) == {"$float"} and isinstance(value["$float"], str):
            return value["$float"]
        return "{}" if not value else None
    if isinstance(value, list):
        return "[]" if not value else None
    return json.dumps(value, ensure_ascii=False)


def tree_lines(value: JsonValue, indent: str = "") -> Iterator[str]:
    """YAML-like lines for a JSON-view value; bytes print as h'..' (CBOR diagnostic form).

    A map inside a list starts on the dash line (``- key: value``), as in YAML.
    Iterative, so values nested to the format's depth limit print without recursion.
    """
    # Work items: (text before the value on its first line, indent of later lines, value).
    stack: list[tuple[str, str, JsonValue]] = [(indent, indent, value)]
    while stack:
        prefix, pad, item = stack.pop()
        text = _scalar(item)
        if text is not None:
            yield prefix + text
            continue
        if prefix.endswith(": "):  # a nested container under a key: open it on its own line
            yield prefix.rstrip()
            prefix = pad
        entries: list[tuple[str, JsonValue]] = (
            [(f"{key}: ", child) for key, child in item.items()]
            if isinstance(item, dict)
            else [("- ", child) for child in item]  # type: ignore[union-attr]
        )
        work = [
            ((prefix if i == 0 else pad) + label, pad + "  ", child)
            for i, (label, child) in enumerate(entries)
        ]
        stack.extend(reversed(work))
