"""The pure recompilation check, ``decide``, on hand-made records: every kind of reason."""

from __future__ import annotations

from ifacedir.driver.recomp import Current, FileState, ReasonKind, Recorded, decide
from ifacedir.iface.fingerprints import ImportUsage, ModuleFingerprints, Usages

H1, H2, H3 = "1" * 32, "2" * 32, "3" * 32


def table(**changes: object) -> ModuleFingerprints:
    base: dict[str, object] = dict(
        module="A",
        abi=H1,
        export_hash=H1,
        instance_hash=H1,
        entities={"var:f": H1, "var:g": H2},
        exported={"var:f": "A", "var:g": "A"},
        instances_below=H1,
    )
    base.update(changes)
    return ModuleFingerprints.model_validate(base)


USAGES = Usages(
    mentions=["var:f", "var:main", "var:h"],
    imports=[ImportUsage(module="A", lookups={"var:f": "A"})],
    entities={"A": {"var:f": H1}},
    instances={"A": H1},
)
INPUTS = {"source": b"s" * 16, "flags": b"f" * 16}


def tc_check(now: ModuleFingerprints | None, inputs: dict[str, bytes] = INPUTS) -> list[str]:
    state = FileState(Recorded(INPUTS, USAGES))
    return [str(r) for r in decide(state, Current(inputs, {"A": now}, check_usages=True))]


def test_up_to_date() -> None:
    assert tc_check(table()) == []


def test_a_change_to_an_unused_entity_is_not_a_reason() -> None:
    assert tc_check(table(entities={"var:f": H1, "var:g": H3}, abi=H2)) == []


def test_used_entity_changed() -> None:
    assert tc_check(table(entities={"var:f": H3, "var:g": H2})) == ["A.f changed"]


def test_export_removed_and_added() -> None:
    gone = table(exported={"var:g": "A"}, entities={"var:g": H2})
    assert tc_check(gone) == ["A no longer exports f", "A.f changed"]
    clash = table(exported={"var:f": "A", "var:g": "A", "var:h": "A"})
    assert tc_check(clash) == ["A now exports h, which this module mentions"]
    unmentioned = table(exported={"var:f": "A", "var:g": "A", "var:zzz": "A"})
    assert tc_check(unmentioned) == []


def test_instances_changed() -> None:
    assert tc_check(table(instances_below=H2)) == ["the instances seen through A changed"]


def test_source_and_flags() -> None:
    reasons = tc_check(table(), {"source": b"t" * 16, "flags": b"g" * 16})
    assert reasons == ["the front end's flags changed", "the source file changed"]


def test_a_module_gone() -> None:
    assert tc_check(None) == ["module A is not available", "module A is not available"]


def test_file_problems_come_first_and_alone() -> None:
    for kind in (ReasonKind.MISSING, ReasonKind.CORRUPT, ReasonKind.VERSION):
        state = FileState(problem=kind, message="why")
        (reason,) = decide(state, Current(INPUTS))
        assert reason.kind is kind and reason.text == "why"


def test_later_phase_inputs_name_what_changed() -> None:
    recorded = {"ds": b"a" * 16, "flag:optimise": b"b" * 16, "unfold:A": b"c" * 16}
    now = {
        "ds": b"x" * 16,
        "flag:optimise": b"y" * 16,
        "unfold:A": b"z" * 16,
        "unfold:B": b"w" * 16,
    }
    got = [str(r) for r in decide(FileState(Recorded(recorded)), Current(now))]
    assert got == [
        "its ds file changed",
        "flag optimise changed",
        "the unfoldings of A changed",
        "the unfoldings of B are a new input",
    ]
    gone = [str(r) for r in decide(FileState(Recorded(recorded)), Current({"ds": b"a" * 16}))]
    assert gone == ["flag optimise is gone", "A is no longer below it"]


def test_a_file_without_usages_is_an_older_version() -> None:
    (reason,) = decide(FileState(Recorded(INPUTS)), Current(INPUTS, {}, check_usages=True))
    assert reason.kind is ReasonKind.VERSION
