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


def _not_before(moment: datetime, iso: str, seconds: float) -> bool:
    return datetime.fromisoformat(iso).timestamp() >= moment.timestamp() + seconds


def test_receiver_down_for_a_while_then_back_gets_it_once(pair):
    pair.receiver.kill()
    try:
        tracking_id = pair.origin.step("submit")["tracking_id"]
        pair.origin.step("forward", tracking_id=tracking_id, level=PROVINCE, reason=REASON)
        tries = []
        for _ in range(2):
            started = datetime.now().astimezone()
            passed, state = pair.origin.steps(
                ("deliver", {}), ("state", {"tracking_id": tracking_id})
            )
            tries.append((started, passed, state["outbox"][0]))
    finally:
        pair.receiver.start()
    for number, (started, passed, message) in enumerate(tries, start=1):
        assert passed["failed"] >= 1 and passed["delivered"] == 0, passed
        assert message["attempts"] == number and not message["delivered"]
        assert not message["given_up"] and "Connection refused" in message["last_error"]
        # Doubling backoff from the (shortened) first wait of 1 s: 1 s, then 2 s.
        assert _not_before(started, message["next_attempt_at"], 2 ** (number - 1))
    due = datetime.fromisoformat(tries[-1][2]["next_attempt_at"]).timestamp()
    time.sleep(max(0.0, due - time.time()))  # the backoff runs out (no pass is faster than due)
    passed, state = pair.origin.steps(("deliver", {}), ("state", {"tracking_id": tracking_id}))
    assert passed["delivered"] >= 1, passed
    message = state["outbox"][0]
    assert message["delivered"] and message["attempts"] == 3
    remote = state["hops"][0]["remote_tracking_id"]
    again = pair.origin.step("deliver")
    assert again["delivered"] == 0
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
    for _ in range(6):
        time.sleep(2)  # the first retries fall due (1 s, 2 s …)
        passed = pair.origin.step("deliver")
        if passed["failed"] == 0 and passed["delivered"] == 0:
            break
    states = pair.origin.steps(*(("state", {"tracking_id": t}) for t in ids))
    assert all(s["outbox"][0]["delivered"] for s in states), [s["outbox"] for s in states]
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
