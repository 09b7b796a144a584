"""Personal data stays out of the chain: the guard refuses what looks like it, without echoing it."""

from __future__ import annotations

import pytest

from layani.audit import guards


@pytest.mark.parametrize(
    "key",
    [
        "name",
        "reporter_name",
        "fullName",
        "nama",
        "nik",
        "NIK",
        "nik_pelapor",
        "phone",
        "phoneNumber",
        "no_hp",
        "telepon",
        "email",
        "e_mail",
        "reporterEmail",
        "address",
        "alamat",
        "username",
    ],
)
def test_personal_data_keys_are_refused(key):
    with pytest.raises(ValueError, match="personal data"):
        guards.clean_payload({key: "x"})


def test_personal_data_keys_are_refused_when_nested():
    with pytest.raises(ValueError, match=r"payload\.changes\[0\]\.name"):
        guards.clean_payload({"changes": [{"name": "x"}]})


@pytest.mark.parametrize(
    "value",
    [
        "budi@example.com",
        "3171012345670001",
        "0812-3456-7890",
        "+62 812 3456 7890",
        3171012345670001,
    ],
)
def test_values_that_look_like_contact_data_or_nik_are_refused_and_not_repeated(value):
    with pytest.raises(ValueError) as caught:
        guards.clean_payload({"note": value})
    assert str(value) not in str(caught.value)


@pytest.mark.parametrize(
    "payload",
    [{"score": 0.5}, {"when": object()}, {"bad key": 1}, {1: "x"}, {"text": "a\x00b"}, ["x"]],
)
def test_payloads_outside_the_stable_json_subset_are_refused(payload):
    with pytest.raises(ValueError):
        guards.clean_payload(payload)


def test_references_and_codes_are_accepted_and_normalised():
    payload = {
        "agency": "dinas-pu",
        "category_code": "INF-01",
        "from_status": "submitted",
        "task_ids": (17, 18),
        "flags": {"urgent": True, "reason_code": None},
    }
    cleaned = guards.clean_payload(payload)
    assert cleaned["task_ids"] == [17, 18]
    assert guards.clean_payload(None) == {}


@pytest.mark.parametrize("action", ["submitted", "Report.Submitted", "report submitted", ""])
def test_actions_must_be_dotted_names(action):
    with pytest.raises(ValueError, match="action"):
        guards.check_references(
            action=action, actor_ref="system", object_type="report", object_ref="K7R4XA96HW"
        )


@pytest.mark.parametrize("actor_ref", ["budi@example.com", "Budi Santoso", "user:081234567890"])
def test_actor_refs_must_be_pseudonymous(actor_ref):
    with pytest.raises(ValueError, match="actor_ref"):
        guards.check_references(
            action="report.viewed", actor_ref=actor_ref, object_type="report", object_ref="1"
        )


@pytest.mark.parametrize("object_ref", ["3171012345670001", "budi@example.com", "a b"])
def test_object_refs_must_be_identifiers(object_ref):
    with pytest.raises(ValueError, match="object_ref"):
        guards.check_references(
            action="identity.revealed",
            actor_ref="user:7",
            object_type="reporter",
            object_ref=object_ref,
        )


@pytest.mark.parametrize("actor_ref", ["system", "citizen", "user:42", "integration:open311"])
def test_ordinary_actor_refs_pass(actor_ref):
    guards.check_references(
        action="report.submitted",
        actor_ref=actor_ref,
        object_type="report",
        object_ref="K7R4XA96HW",
    )
