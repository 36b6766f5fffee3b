"""The container header: what a file is, what it was built from, where its sections are.

The header is a canonical CBOR map (spec/FORMAT.md, "Header"). These pydantic
models are its single definition: the codec builds it from them, the reader
validates untrusted maps against them (strict types, bounded sizes), and
``ifacedir schema --write`` derives ``schemas/header.schema.json`` from them.

Fingerprints are ``bytes`` in CBOR and lower-case hex in JSON output.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from ifacedir.format.fingerprint import FINGERPRINT_SIZE

__all__ = [
    "SECTION_NAME_PATTERN",
    "Codec",
    "FileHeader",
    "FileKind",
    "Fingerprint",
    "SectionEntry",
]

SECTION_NAME_PATTERN: Final = r"^[a-z][a-z0-9_-]{0,63}$"
_UNIT_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$"
_PHASE_PATTERN: Final = r"^[a-z][a-z0-9_-]{0,31}$"
_INPUT_NAME_PATTERN: Final = r"^[!-~]{1,512}$"  # printable ASCII, no spaces
_MAX_U63: Final = 2**63 - 1

Fingerprint = Annotated[
    bytes,
    Field(min_length=FINGERPRINT_SIZE, max_length=FINGERPRINT_SIZE),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-f]{32}$"}),
]
"""A 128-bit BLAKE2b digest (16 bytes); hex in JSON."""

_Size = Annotated[int, Field(ge=0, le=_MAX_U63)]


class FileKind(StrEnum):
    """What a container holds. The phase field says which phase produced it."""

    PHASE = "phase"  # a per-phase file: tc.ifc, ds.ifc, simpl.ifc
    INTERFACE = "interface"  # <Module>.hi, what importers read
    BOOT_INTERFACE = "boot-interface"  # <Last>.hi-boot, from <Module>.hs-boot
    PACKAGE = "package"  # package.cbor of an installed package
    EXTENSION = "extension"  # a file under ext/<tool>/ written through the library


class Codec(StrEnum):
    """How a section's bytes are stored."""

    CBOR = "cbor"  # the canonical CBOR item itself
    CBOR_ZSTD = "cbor-zstd"  # one zstd frame (content size declared) holding it


_MODEL_CONFIG: Final = ConfigDict(
    strict=True,
    frozen=True,
    extra="forbid",
    ser_json_bytes="hex",
    val_json_bytes="hex",
    use_enum_values=False,
)


class SectionEntry(BaseModel):
    """One row of the section table. Offsets count from the end of the header checksum."""

    model_config = _MODEL_CONFIG

    name: Annotated[str, Field(pattern=SECTION_NAME_PATTERN)]
    codec: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_+-]{0,31}$")]
    offset: _Size
    size: _Size = Field(description="bytes stored in the file")
    raw_size: _Size = Field(description="bytes of the canonical CBOR item once decompressed")
    hash: Fingerprint = Field(description="BLAKE2b-128 of the stored bytes")
    raw_hash: Fingerprint = Field(description="BLAKE2b-128 of the canonical CBOR item")


class FileHeader(BaseModel):
    """The header map of one container file."""

    model_config = _MODEL_CONFIG

    kind: Annotated[FileKind, Field(strict=False)]
    phase: Annotated[str, Field(pattern=_PHASE_PATTERN)] | None = Field(
        description="the compiler phase that wrote this file (tc, ds, simpl), if any"
    )
    module: Annotated[str, Field(min_length=1, max_length=1024)] | None = Field(
        description="the dotted module name, or null for package-level files"
    )
    unit: Annotated[str, Field(pattern=_UNIT_PATTERN)] = Field(
        description="the unit (package) the module belongs to, e.g. 'main' or 'base'"
    )
    schema_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="version of the payload schema of this kind of file"
    )
    inputs: dict[Annotated[str, Field(pattern=_INPUT_NAME_PATTERN)], Fingerprint] = Field(
        description="fingerprints of everything this file was built from, by name"
    )
    sections: list[SectionEntry] = Field(description="the section table, in file order")

    def section(self, name: str) -> SectionEntry | None:
        for entry in self.sections:
            if entry.name == name:
                return entry
        return None
