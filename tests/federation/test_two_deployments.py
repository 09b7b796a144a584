"""Two live Layani deployments, real HTTP between them (issue #21).

The origin is the regency (layani-sleman), the receiver the province (layani-diy); each runs
gunicorn on its own database (two SQLite files, or two PostgreSQL databases), and every move is
made in a process of that deployment through the real services (tests/federation/steps.py).
Delivery runs only when a test runs a pass (`layani federation deliver`), so each step is
deliberate: a forward waits in the outbox until delivered, and the tests can take the receiver
away between two passes.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from datetime import datetime

import pytest
import requests

from .harness import BIN, Citizen

pytestmark = [pytest.mark.crash, pytest.mark.xdist_group("federation_e2e")]

PROVINCE = "province"
REASON = "Jalan provinsi: kewenangan Dinas PU DIY"
IDENTITY = {
    "name": "Siti Rahayu",
    "phone": "081234567890",
    "nik": "3404074107900001",
    "email": "siti@example.org",
}


def forward_one(pair, privacy="biasa", description="", identity=None):
    """Submit at the origin, refer to the province, deliver once; both tracking IDs."""
    submitted = pair.origin.steps(
        ("submit", {"privacy": privacy, "description": description, "identity": identity}),
    )[0]
    tracking_id = submitted["tracking_id"]
    pair.origin.steps(
        ("forward", {"tracking_id": tracking_id, "level": PROVINCE, "reason": REASON})
    )
    passed, state = pair.origin.steps(("deliver", {}), ("state", {"tracking_id": tracking_id}))
    assert passed["delivered"] >= 1, passed
    (hop,) = state["hops"]
    assert hop["delivered"] and hop["remote_tracking_id"], hop
    return submitted, hop["remote_tracking_id"]


def test_forward_keeps_both_ids_and_waits_in_the_outbox_until_delivered(pair):
    tracking_id = pair.origin.step("submit", identity=IDENTITY)["tracking_id"]
    forwarded, before = pair.origin.steps(
        ("forward", {"tracking_id": tracking_id, "level": PROVINCE, "reason": REASON}),
        ("state", {"tracking_id": tracking_id}),
    )
    assert forwarded["peer"] == "layani-diy"  # the matrix names the province's complaint system
    assert [m["kind"] for m in before["outbox"]] == ["forward"]
    assert not before["outbox"][0]["delivered"]
    assert before["audit"][-2:] == ["report.disposed", "federation.queued"]
    # Nothing crossed yet: the decision only wrote the outbox.
    nothing = pair.receiver.step("received", origin_tracking_ids=[tracking_id])
    assert nothing[tracking_id] == {"by_hop": [], "by_key": []}

    passed, after = pair.origin.steps(("deliver", {}), ("state", {"tracking_id": tracking_id}))
    assert passed["delivered"] >= 1 and passed["failed"] == 0
    (hop,) = after["hops"]
    remote = hop["remote_tracking_id"]
    assert hop["direction"] == "out" and hop["peer"] == "layani-diy" and remote != tracking_id
    assert after["audit"][-1] == "federation.forwarded"
    assert after["status"] == "in_progress"

    there = pair.receiver.steps(
        ("received", {"origin_tracking_ids": [tracking_id]}), ("state", {"tracking_id": remote})
    )
    assert there[0][tracking_id] == {"by_hop": [remote], "by_key": [remote]}
    state = there[1]
    assert state["status"] == "submitted"  # in the province's coordinator queue
    (in_hop,) = state["hops"]
    assert in_hop["direction"] == "in" and in_hop["remote_tracking_id"] == tracking_id
    assert state["audit"] == ["report.submitted", "federation.received"]
    # biasa: the identity crossed, and the hop says so on both sides.
    assert state["identity"] == IDENTITY
    for fields in (hop["sent_fields"], in_hop["sent_fields"]):
        assert {"description", "identity.name", "identity.nik"} <= set(fields)


def test_a_forward_delivered_twice_makes_one_report(pair):
    submitted, remote = forward_one(pair, identity=IDENTITY)
    tracking_id = submitted["tracking_id"]
    # The same request on the wire again (a proxy's retry) …
    replayed, reset, passed, state = pair.origin.steps(
        ("replay", {"tracking_id": tracking_id}),
        # … and the origin forgetting it was answered (killed between the answer and the commit).
        ("forget_delivery", {"tracking_id": tracking_id}),
        ("deliver", {}),
        ("state", {"tracking_id": tracking_id}),
    )
    assert replayed["status"] == 200, replayed
    assert replayed["body"]["tracking_id"] == remote and replayed["body"]["repeated"] is True
    assert reset["reset"] == 1 and passed["delivered"] >= 1
    assert state["hops"][0]["remote_tracking_id"] == remote
    assert state["audit"].count("federation.queued") == 1
    there = pair.receiver.step("received", origin_tracking_ids=[tracking_id])
    assert there[tracking_id] == {"by_hop": [remote], "by_key": [remote]}


def _at(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def _sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))  # a retry falls due (no pass asserts speed)


def test_receiver_down_for_a_while_then_back_gets_it_once(pair):
    first_wait = 2  # LAYANI_FEDERATION_FIRST_RETRY_SECONDS in the harness
    pair.receiver.kill()
    try:
        tracking_id = pair.origin.step("submit")["tracking_id"]
        pair.origin.step("forward", tracking_id=tracking_id, level=PROVINCE, reason=REASON)

        def attempt() -> tuple[float, dict, dict]:
            started = time.time()
            passed, state = pair.origin.steps(
                ("deliver", {}), ("state", {"tracking_id": tracking_id})
            )
            return started, passed, state["outbox"][0]

        started, passed, first = attempt()
        assert passed["failed"] >= 1 and passed["delivered"] == 0, passed
        assert first["attempts"] == 1 and not first["delivered"] and not first["given_up"]
        assert "Connection refused" in first["last_error"]
        assert _at(first["next_attempt_at"]) >= started + first_wait
        started, passed, same = attempt()
        if started < _at(first["next_attempt_at"]):  # not due yet: the pass leaves it waiting
            assert same["attempts"] == 1, same
        _sleep_until(_at(first["next_attempt_at"]))
        started, passed, second = attempt()
        assert second["attempts"] == 2 and not second["given_up"], second
        assert _at(second["next_attempt_at"]) >= started + 2 * first_wait  # the wait doubles
    finally:
        pair.receiver.start()
    _sleep_until(_at(second["next_attempt_at"]))
    passed, state = pair.origin.steps(("deliver", {}), ("state", {"tracking_id": tracking_id}))
    assert passed["delivered"] >= 1, passed
    message = state["outbox"][0]
    assert message["delivered"] and message["attempts"] == 3
    remote = state["hops"][0]["remote_tracking_id"]
    assert pair.origin.step("deliver")["delivered"] == 0
    there = pair.receiver.step("received", origin_tracking_ids=[tracking_id])
    assert there[tracking_id] == {"by_hop": [remote], "by_key": [remote]}


def _answered(log: str) -> int:
    return sum(1 for line in log.splitlines() if '"POST /federation/v1/inbox' in line)


def test_receiver_killed_mid_way_loses_nothing_and_doubles_nothing(pair):
    count = 24
    ids = pair.origin.step("submit_and_forward", count=count, level=PROVINCE, reason=REASON)[
        "tracking_ids"
    ]
    log = pair.receiver.folder / "gunicorn.log"
    answered_before = _answered(log.read_text(errors="replace"))
    delivering = subprocess.Popen(
        [str(BIN / "layani"), "federation", "deliver"],
        env=pair.origin.env,
        cwd=pair.origin.folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while _answered(log.read_text(errors="replace")) - answered_before < 4:
            assert delivering.poll() is None, delivering.communicate()
            assert time.monotonic() < deadline, "the receiver answered no forward"
            time.sleep(0.05)
        pair.receiver.kill()  # SIGKILL while the origin is still sending
        out, err = delivering.communicate(timeout=120)
    finally:
        if delivering.poll() is None:
            os.killpg(delivering.pid, signal.SIGKILL)
    assert delivering.returncode == 0, err
    assert "'failed': 0" not in out, out  # the kill did land mid-way
    pair.receiver.start()
    deadline = time.monotonic() + 90
    while True:
        states = pair.origin.steps(*(("state", {"tracking_id": t}) for t in ids))
        waiting = [s["outbox"][0] for s in states if not s["outbox"][0]["delivered"]]
        if not waiting:
            break
        assert time.monotonic() < deadline, waiting
        assert not any(m["given_up"] for m in waiting), waiting
        _sleep_until(min(_at(m["next_attempt_at"]) for m in waiting))
        pair.origin.step("deliver")
    assert any(s["outbox"][0]["attempts"] > 1 for s in states)  # some were retried
    remote = {t: s["hops"][0]["remote_tracking_id"] for t, s in zip(ids, states, strict=True)}
    there = pair.receiver.step("received", origin_tracking_ids=ids)
    for tracking_id in ids:
        expected = [remote[tracking_id]]
        assert there[tracking_id] == {"by_hop": expected, "by_key": expected}, tracking_id
    assert len(set(remote.values())) == count


def test_progress_flows_back_and_the_citizen_confirms_at_the_origin(pair):
    submitted, remote = forward_one(pair, identity=IDENTITY)
    tracking_id = submitted["tracking_id"]
    follow_up = "Tim Dinas PU DIY sudah meninjau lokasi; penambalan dijadwalkan Senin."
    explanation = "Lubang jalan sudah ditambal dan diaspal ulang sepanjang 20 meter."
    outbox = pair.receiver.steps(
        ("dispose", {"tracking_id": remote}),
        (
            "handle",
            {
                "tracking_id": remote,
                "follow_up": follow_up,
                "outcome": "resolved",
                "explanation": explanation,
            },
        ),
        ("deliver", {}),
        ("state", {"tracking_id": remote}),
    )[-1]["outbox"]
    assert [m["kind"] for m in outbox] == ["accepted", "follow_up", "closure_proposed"]
    assert all(m["delivered"] for m in outbox), outbox

    here = pair.origin.step("state", tracking_id=tracking_id)
    assert here["status"] == "closure_proposed" and here["outcome"] == "resolved"
    assert here["tasks"] == [["peer-layani-diy", "done"]]  # accepted, then done with the proposal
    assert ["follow_up", follow_up] in here["messages"]
    assert sorted(here["inbound"]) == ["accepted", "closure_proposed", "follow_up"]

    citizen = Citizen(pair.origin.base, tracking_id, submitted["access_code"])
    page = citizen.page()
    assert follow_up in page and explanation in page  # the receiver's words, at the origin
    assert "Forwarded to" in page
    assert remote not in page  # the receiver's tracking ID is not the citizen's business
    confirmed = citizen.act("confirm", rating="4", text="Terima kasih, sudah rapi.")
    assert confirmed.status_code == 200 and confirmed.url.endswith(f"/lacak/{tracking_id}/")

    origin_after, passed = pair.origin.steps(
        ("state", {"tracking_id": tracking_id}), ("deliver", {})
    )
    assert origin_after["status"] == "closed" and origin_after["rating"] == 4
    assert passed["delivered"] >= 1
    there = pair.receiver.step("state", tracking_id=remote)
    assert there["status"] == "closed" and there["rating"] == 4
    assert "confirmed" in there["inbound"]


def test_a_question_is_answered_and_a_closure_disputed_at_the_origin(pair):
    submitted, remote = forward_one(pair)
    tracking_id = submitted["tracking_id"]
    question = "Di sisi mana tepatnya lubang itu, dekat jembatan atau dekat masjid?"
    pair.receiver.steps(
        ("dispose", {"tracking_id": remote}),
        ("accept", {"tracking_id": remote}),
        ("follow_up", {"tracking_id": remote, "text": question, "kind": "request"}),
        ("deliver", {}),
    )
    citizen = Citizen(pair.origin.base, tracking_id, submitted["access_code"])
    assert question in citizen.page()
    answer = "Dekat jembatan, sisi timur jalan."
    assert citizen.act("reply", text=answer).status_code == 200
    assert pair.origin.step("deliver")["delivered"] >= 1
    asked = pair.receiver.steps(
        ("state", {"tracking_id": remote}),
        (
            "propose",
            {"tracking_id": remote, "outcome": "resolved", "explanation": "Sudah ditambal."},
        ),
        ("deliver", {}),
    )[0]
    assert ["reporter", answer] in asked["messages"]  # the reply reached the province
    assert "Sudah ditambal." in citizen.page()
    still_wrong = "Lubangnya masih ada, baru ditimbun tanah."
    assert citizen.act("dispute", text=still_wrong).status_code == 200
    passed, here = pair.origin.steps(("deliver", {}), ("state", {"tracking_id": tracking_id}))
    assert passed["delivered"] >= 1 and here["status"] == "in_progress"
    there = pair.receiver.step("state", tracking_id=remote)
    assert there["status"] == "in_progress"  # reopened with the province's office
    assert ["reporter", still_wrong] in there["messages"]
    assert sorted(there["inbound"]) == ["disputed", "forward", "reporter_message"]


def test_privacy_tiers_across_the_hop(pair):
    rahasia, rahasia_remote = forward_one(pair, privacy="rahasia", identity=IDENTITY)
    anonim, anonim_remote = forward_one(
        pair,
        privacy="anonim",
        description="Jalan rusak parah, saya bisa dihubungi di 081298765432 kalau perlu.",
        identity=IDENTITY,
    )
    sent_rahasia, sent_anonim, *_ = pair.origin.steps(
        ("state", {"tracking_id": rahasia["tracking_id"]}),
        ("state", {"tracking_id": anonim["tracking_id"]}),
    )
    got_rahasia, got_anonim = pair.receiver.steps(
        ("state", {"tracking_id": rahasia_remote}), ("state", {"tracking_id": anonim_remote})
    )
    # rahasia, to a Layani peer: the identity goes into the receiver's identity store.
    assert got_rahasia["privacy"] == "rahasia" and got_rahasia["identity"] == IDENTITY
    assert "identity.name" in sent_rahasia["hops"][0]["sent_fields"]
    # anonim: no identity at all, and the phone number typed into the text does not cross.
    assert got_anonim["privacy"] == "anonim"
    assert not any(got_anonim["identity"].values())
    assert not [f for f in sent_anonim["hops"][0]["sent_fields"] if f.startswith("identity.")]
    assert "081298765432" not in got_anonim["description"]
    assert "081298765432" in sent_anonim["description"]  # still whole at the origin
    # The receiver's public page of the confidential report names nobody.
    public = requests.get(f"{pair.receiver.base}/laporan/{rahasia_remote}/", timeout=10)
    assert IDENTITY["name"] not in public.text and IDENTITY["phone"] not in public.text


def test_a_decline_at_the_receiver_is_a_bounce_at_the_origin(pair):
    submitted, remote = forward_one(pair)
    tracking_id = submitted["tracking_id"]
    reason = "Ruas ini jalan kabupaten, bukan jalan provinsi."
    passed = pair.receiver.steps(
        ("decline", {"tracking_id": remote, "reason": reason}), ("deliver", {})
    )[-1]
    assert passed["delivered"] >= 1
    here = pair.origin.step("state", tracking_id=tracking_id)
    (hop,) = here["hops"]
    assert not hop["active"] and hop["bounces"] == 1
    assert here["status"] == "verified"  # back with the coordinator, who decides again
    assert "declined" in here["inbound"]


def test_audit_chains_verify_on_both_sides(pair):
    for deployment in (pair.origin, pair.receiver):
        done = deployment.layani("audit", "verify", check=False)
        assert done.returncode == 0, done.stderr
        found = re.search(r"OK: (\d+) entries", done.stdout)
        assert found and int(found.group(1)) > 20, done.stdout
