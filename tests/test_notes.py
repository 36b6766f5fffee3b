"""Every ``See Note [X]`` names exactly one ``Note [X]`` definition (GHC's lint-notes)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFINITION = re.compile(r"^\s*#?\s*Note \[([^\]]+)\]\s*$")
REFERENCE = re.compile(r"See Note \[([^\]]+)\]")


def _sources() -> list[Path]:
    return sorted(p for d in ("ifacedir", "cli", "bench") for p in (ROOT / d).rglob("*.py"))


def test_every_note_reference_resolves_to_one_definition() -> None:
    defined: dict[str, list[str]] = {}
    referenced: list[tuple[str, str]] = []
    for path in _sources():
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            match = DEFINITION.match(line)
            if match and i + 1 < len(lines) and set(lines[i + 1].strip(" #")) == {"~"}:
                defined.setdefault(match.group(1), []).append(f"{path.name}:{i + 1}")
            # References may wrap over two lines: join with the next one.
            joined = line + " " + (lines[i + 1].strip(" #") if i + 1 < len(lines) else "")
            referenced.extend((m, f"{path.name}:{i + 1}") for m in REFERENCE.findall(joined))
    dangling = sorted({(title, where) for title, where in referenced if title not in defined})
    duplicated = {title: places for title, places in defined.items() if len(places) > 1}
    assert not dangling, f"See Note without a definition: {dangling}"
    assert not duplicated, f"Note defined more than once: {duplicated}"
    assert defined, "expected at least one Note"
