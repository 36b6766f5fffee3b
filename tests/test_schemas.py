"""schemas/ is exactly what the pydantic models generate, and real outputs validate."""

from __future__ import annotations

import json
from pathlib import Path

from ifacedir.format.inspection import inspect_path, verify_paths
from ifacedir.schemas import render_schemas, stale_schemas

ROOT = Path(__file__).resolve().parents[1]


def test_checked_in_schemas_are_up_to_date() -> None:
    assert stale_schemas(ROOT / "schemas") == [], "run `ifacedir schema --write`"


def test_every_schema_file_is_valid_json_with_an_id() -> None:
    for name, text in render_schemas().items():
        schema = json.loads(text)
        assert schema["$id"].endswith(name)
        # Reports and headers are maps; syntax trees are [version, files, names, nodes].
        assert schema["type"] == ("array" if name == "syntax-tree.schema.json" else "object")


def test_reports_round_trip_through_their_models(tmp_path: Path) -> None:
    """The JSON a tool reads parses back into the model the schema was made from."""
    from cli.demo import write_demo
    from ifacedir.format.inspection import InspectReport, VerifyReport

    write_demo(tmp_path)
    report = inspect_path(tmp_path)
    again = InspectReport.model_validate_json(report.model_dump_json())
    assert [f.path for f in again.files] == [f.path for f in report.files]
    assert again.files[0].header == report.files[0].header
    verified = verify_paths([tmp_path])
    assert VerifyReport.model_validate_json(verified.model_dump_json()) == verified
