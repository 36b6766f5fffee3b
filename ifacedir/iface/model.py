"""The non-tree parts of the ``tc`` phase file's payload, as pydantic models.

A ``tc`` file (spec/FORMAT.md §13) holds trees (the program, the exports, later the
typechecker's interface), encoded by the generic syntax codec, and one small record
that is not a tree: its ``meta`` section, :class:`TcMeta`. Like the container header
(ifacedir.format.header), it is defined once here: the writer dumps it, the reader
validates untrusted maps against it (strict types, bounded sizes), and
``ifacedir schema --write`` derives ``schemas/tc-meta.schema.json`` from it.

``TcMeta.contents`` is the file's section index at the payload level: for every tree
section, the class of the tree's root. The reader checks each decoded root against
it, so a file cannot pass off one kind of tree as another, and a reader learns what a
file holds (a renamed program, or later a typed one) from the small ``meta`` section
alone.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CORE_SCHEMA_VERSION",
    "HI_SCHEMA_VERSION",
    "TC_SCHEMA_VERSION",
    "CoreMeta",
    "CorePhase",
    "HiMeta",
    "TcImport",
    "TcMeta",
    "TcStage",
]

TC_SCHEMA_VERSION: Final = 2
"""The header's ``schema_version`` of ``tc`` files; bump it when a section changes meaning."""

_UNIT_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$"
_SECTION_PATTERN: Final = r"^[a-z][a-z0-9_-]{0,63}$"
_ModuleText = Annotated[str, Field(min_length=1, max_length=1024)]
_Unit = Annotated[str, Field(pattern=_UNIT_PATTERN)]

_CONFIG: Final = ConfigDict(strict=True, frozen=True, extra="forbid")


class TcStage(StrEnum):
    """The last front-end pass whose result the file holds.

    ``rename``: ``program`` is the renamer's ``RenamedModule`` (``check --stop-after
    rename``); ``typecheck``: ``program`` is the typechecker's ``TcResult``, with an
    ``interface`` section (the default of ``check``).
    """

    RENAME = "rename"
    TYPECHECK = "typecheck"


class TcImport(BaseModel):
    """One module imported directly (the implicit Prelude included)."""

    model_config = _CONFIG

    module: _ModuleText
    package: _Unit


class TcMeta(BaseModel):
    """The ``meta`` section of a ``tc`` file: what the file is about, without its trees."""

    model_config = _CONFIG

    module: _ModuleText = Field(description="the module's dotted name (as the header's)")
    package: _Unit = Field(description="the unit the module belongs to (as the header's)")
    schema_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="the payload schema version (as the header's schema_version)"
    )
    stage: Annotated[TcStage, Field(strict=False)] = Field(
        description="the last front-end pass whose result the file holds"
    )
    source: Annotated[str, Field(max_length=4096)] = Field(
        description="the source file as named in spans and diagnostics (relative, never absolute)"
    )
    codec_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="ifacedir.syntax.codec CODEC_VERSION of the tree sections"
    )
    contents: dict[Annotated[str, Field(pattern=_SECTION_PATTERN)], str] = Field(
        description="every tree section and the class of its root node"
    )
    imports: list[TcImport] = Field(description="direct imports, sorted by module name")
    deps: list[_ModuleText] = Field(
        description="every module below this one (transitive imports), sorted"
    )


CORE_SCHEMA_VERSION: Final = 1
"""The header's ``schema_version`` of ``ds`` and ``simpl`` files."""

HI_SCHEMA_VERSION: Final = 1
"""The header's ``schema_version`` of ``.hi`` files."""


class CorePhase(StrEnum):
    """Which Core phase file: the desugarer's output or the simplifier's."""

    DS = "ds"
    SIMPL = "simpl"


class CoreMeta(BaseModel):
    """The ``meta`` section of a ``ds`` or ``simpl`` file (spec/FORMAT.md §15)."""

    model_config = _CONFIG

    module: _ModuleText = Field(description="the module's dotted name (as the header's)")
    package: _Unit = Field(description="the unit the module belongs to (as the header's)")
    schema_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="the payload schema version (as the header's schema_version)"
    )
    phase: Annotated[CorePhase, Field(strict=False)] = Field(
        description="ds (desugared Core) or simpl (simplified Core)"
    )
    codec_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="ifacedir.syntax.codec CODEC_VERSION of the core section"
    )
    optimisation: Annotated[int, Field(ge=0, le=2)] = Field(
        description="the -O level the simplifier ran at (0 for a ds file)"
    )
    source: Annotated[str, Field(max_length=4096)] = Field(
        description="the source file as named in spans (relative, never absolute)"
    )
    deps: list[_ModuleText] = Field(
        description="every module below this one (transitive imports), sorted"
    )
    loop: list[_ModuleText] = Field(
        default_factory=list,
        description="the other modules of its import loop (broken by hs-boot files), sorted: "
        "their unfoldings are not used",
    )
    unfoldable: dict[_ModuleText, list[Annotated[str, Field(max_length=4096)]]] = Field(
        default_factory=dict,
        description="simpl at -O1: for each module below, the names of its bindings the "
        "simplifier could inline (those the Core names, and those their unfoldings name)",
    )


class HiMeta(BaseModel):
    """The ``meta`` section of a module's final interface, its ``.hi`` (FORMAT.md §16)."""

    model_config = _CONFIG

    module: _ModuleText = Field(description="the module's dotted name (as the header's)")
    package: _Unit = Field(description="the unit the module belongs to (as the header's)")
    schema_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="the payload schema version (as the header's schema_version)"
    )
    codec_version: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        description="ifacedir.syntax.codec CODEC_VERSION of the tree sections"
    )
    optimisation: Annotated[int, Field(ge=0, le=2)] = Field(
        description="the -O level of the simplifier whose unfoldings the file holds"
    )
    deps: list[_ModuleText] = Field(
        description="every module below this one (transitive imports), sorted"
    )
    entry: str | None = Field(
        default=None, description="the entry point's name (main) in a main module, else null"
    )
    unfolding_hashes: dict[
        Annotated[str, Field(max_length=4096)], Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
    ] = Field(
        default_factory=dict,
        description="BLAKE2b-128 (hex) of each unfolding's binding tree, by its name's "
        "occurrence: what importers' simplify records of the unfoldings it could use",
    )
