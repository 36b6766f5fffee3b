"""The JSON Schemas in ``schemas/``, generated from the pydantic models.

One entry per payload kind: the pydantic models, and for the syntax trees stored in
phase files, the schema generated from the tree codec's own field table.
``ifacedir schema --write`` writes them; a test fails
when the checked-in files differ from what the models generate, so the schemas,
the models and the code that reads files cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel

from ifacedir.check_report import CheckReport
from ifacedir.driver.explain import Explanation
from ifacedir.driver.report import BuildReport
from ifacedir.format.header import FileHeader
from ifacedir.format.inspection import InspectReport, VerifyReport
from ifacedir.iface.diff import TreeDiff
from ifacedir.iface.fingerprints import ModuleFingerprints, Usages
from ifacedir.iface.model import CoreMeta, HiMeta, TcMeta
from ifacedir.syntax.codec import tree_json_schema

__all__ = ["SCHEMA_MODELS", "TREE_SCHEMAS", "render_schemas", "stale_schemas", "write_schemas"]

SCHEMA_MODELS: Final[dict[str, type[BaseModel]]] = {
    "build": BuildReport,
    "check": CheckReport,
    "core-meta": CoreMeta,
    "diff": TreeDiff,
    "explain": Explanation,
    "fingerprints": ModuleFingerprints,
    "header": FileHeader,
    "hi-meta": HiMeta,
    "inspect": InspectReport,
    "tc-meta": TcMeta,
    "usages": Usages,
    "verify": VerifyReport,
}

# Payloads that are not pydantic models: schemas generated from their codecs.
TREE_SCHEMAS: Final[dict[str, Callable[[], dict[str, Any]]]] = {
    "syntax-tree": tree_json_schema,
}

_ID_BASE: Final = "https://ifacedir.invalid/schemas/"


def render_schemas() -> dict[str, str]:
    """File name -> JSON text (sorted keys, two-space indent, final newline)."""
    out: dict[str, str] = {}
    generated = {name: model.model_json_schema(mode="serialization")
                 for name, model in SCHEMA_MODELS.items()}  # fmt: skip
    generated.update((name, make()) for name, make in TREE_SCHEMAS.items())
    for name, schema in sorted(generated.items()):
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"{_ID_BASE}{name}.schema.json", **schema}  # fmt: skip
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for filename, text in render_schemas().items():
        target = directory / filename
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def stale_schemas(directory: Path) -> list[str]:
    """Names of schema files that are missing, different, or no longer generated."""
    expected = render_schemas()
    stale = [
        name
        for name, text in expected.items()
        if not (directory / name).exists() or (directory / name).read_text("utf-8") != text
    ]
    present = {p.name for p in directory.glob("*.schema.json")} if directory.is_dir() else set()
    stale.extend(sorted(present - set(expected)))
    return stale
