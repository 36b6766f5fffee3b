"""Version skew (see Note [Format version bump rule] in ifacedir.format.container).

A newer major version is refused; a newer minor version is read, skipping what the
reader does not know; the same unknowns in a file of a minor version the reader
knows are corruption.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ifacedir.errors import CorruptFileError, UnsupportedVersionError
from ifacedir.format import cbor
from ifacedir.format.container import FORMAT_MAJOR, FORMAT_MINOR, Container, open_container

NEWER_MINOR = FORMAT_MINOR + 1
EXPORTS = ["push", "pop"] * 40


def _skewed(craft: Any, *, minor: int, unknowns: set[str]) -> bytes:
    """A file with a known section ``exports`` and the requested kinds of unknowns:
    ``field`` (header), ``entry_key`` (section table) and ``section``."""
    extra_key = {"future_key": ["anything", 1]} if "entry_key" in unknowns else {}
    sections = [craft.entry("exports", cbor.encode(EXPORTS), codec="cbor-zstd", **extra_key)]
    if "section" in unknowns:
        sections.append(craft.entry("future", cbor.encode({"new": "stuff"})))
    extra_field = {"future_field": {"x": 1}} if "field" in unknowns else {}
    return bytes(craft.file(sections, minor=minor, **extra_field))


@pytest.mark.parametrize("major", [FORMAT_MAJOR + 1, 0xFFFF, 0])
def test_other_major_versions_are_refused_naming_both(
    craft: Any, tmp_path: Path, major: int
) -> None:
    path = tmp_path / "tc.ifc"
    path.write_bytes(craft.file([craft.entry("exports", b"\x01")], major=major, minor=3))
    with pytest.raises(UnsupportedVersionError) as info, open_container(path):
        pass
    message = str(info.value)
    assert f"{major}.3" in message  # the file's version
    assert f"{FORMAT_MAJOR}.{FORMAT_MINOR}" in message  # the reader's version
    assert info.value.path == str(path)
    if major > FORMAT_MAJOR:
        assert "upgrade" in message


def test_major_version_is_checked_before_the_header(craft: Any) -> None:
    # a newer major version may change everything after the preamble
    data = craft.frame(None, header_bytes=b"\xffgarbage", major=FORMAT_MAJOR + 1)
    with pytest.raises(UnsupportedVersionError):
        Container.from_bytes(data)


def test_newer_minor_version_with_unknowns_is_read(craft: Any) -> None:
    data = _skewed(craft, minor=NEWER_MINOR, unknowns={"field", "entry_key", "section"})
    c = Container.from_bytes(data)
    assert c.version == (FORMAT_MAJOR, NEWER_MINOR)
    assert c.unknown_header_fields == ("future_field",)
    assert c.section_names == ["exports", "future"]
    assert c.read_sections(known={"exports"}) == {"exports": EXPORTS}
    assert c.read_section("exports", canonical=True) == EXPORTS
    c.verify()


@pytest.mark.parametrize("unknown", ["field", "entry_key", "section"])
def test_each_unknown_alone_is_fine_in_a_newer_minor(craft: Any, unknown: str) -> None:
    c = Container.from_bytes(_skewed(craft, minor=NEWER_MINOR, unknowns={unknown}))
    assert c.read_sections(known={"exports"}) == {"exports": EXPORTS}


@pytest.mark.parametrize(
    ("unknown", "reason"),
    [
        ("field", r"unknown header fields \['future_field'\] in a version"),
        ("entry_key", r"invalid header field sections\.0\.future_key"),
        ("section", r"unknown section 'future' in a version"),
    ],
)
def test_the_same_unknowns_in_the_current_minor_are_corruption(
    craft: Any, unknown: str, reason: str
) -> None:
    data = _skewed(craft, minor=FORMAT_MINOR, unknowns={unknown})
    with pytest.raises(CorruptFileError, match=reason):
        Container.from_bytes(data).read_sections(known={"exports"})


def test_unknown_codec_in_a_newer_minor_fails_only_when_read(craft: Any) -> None:
    future = craft.entry("future", b"opaque bytes", codec="zstd-dict")
    plain = craft.entry("plain", cbor.encode("ok"))
    exports = craft.entry("exports", b"opaque too", codec="zstd-dict")
    c = Container.from_bytes(craft.file([exports, future, plain], minor=NEWER_MINOR))
    assert c.read_section("plain") == "ok"
    assert c.read_sections(known={"plain"}) == {"plain": "ok"}
    assert c.read_stored("exports") == b"opaque too"  # its hash still checks
    with pytest.raises(UnsupportedVersionError, match="section 'exports' uses codec 'zstd-dict'"):
        c.read_section("exports")
    with pytest.raises(UnsupportedVersionError, match="zstd-dict"):
        c.read_sections(known={"exports", "plain"})
    c.verify()  # verify checks what it can: the stored hash


def test_unknown_codec_in_the_current_minor_is_corruption(craft: Any) -> None:
    data = craft.file([craft.entry("exports", b"opaque", codec="zstd-dict")])
    with pytest.raises(CorruptFileError, match="unknown codec 'zstd-dict'"):
        Container.from_bytes(data)
