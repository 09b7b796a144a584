"""A long delivery pass claims each message from the moment it reaches it (in-process test).

Found with the two live deployments: a pass waiting on a slow peer used the clock of its start for
every later claim, so after a couple of minutes its leases were born expired and another worker
could send the same message at the same time.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.federation import delivery
from layani.federation.conf import CLAIM_LEASE
from layani.federation.models import OutboxMessage, PeerKind
from layani.federation.services import add_peer, refer_to_peer


@pytest.fixture
def peer(db, settings):
    settings.LAYANI_FEDERATION_KICK = False
    settings.LAYANI_FEDERATION_ID = "layani-sleman"
    return add_peer(
        deployment_id="layani-diy",
        name="Layani Provinsi DIY",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret="s",
    )


def test_each_claim_is_counted_from_when_the_message_is_sent(cast, make_report, peer, monkeypatch):
    for _ in range(2):
        refer_to_peer(make_report(), actor=cast.coordinator, peer=peer, reason="Jalan provinsi")
    start = timezone.now()
    clock = {"now": start}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    leases = []

    def slow_peer(peer, payload):  # each request takes five minutes to answer
        row = OutboxMessage.objects.get(key=payload["key"])
        leases.append(row.next_attempt_at - clock["now"])
        clock["now"] += timedelta(minutes=5)
        return 503, b"", "HTTP 503"

    monkeypatch.setattr(delivery, "send", slow_peer)
    result = delivery.run_pass()
    assert result.failed == 2
    # While each message was on the wire, its lease still had the full time to run.
    assert leases == [CLAIM_LEASE, CLAIM_LEASE]
    second = OutboxMessage.objects.order_by("pk").last()
    assert second.next_attempt_at == start + timedelta(minutes=5) + timedelta(seconds=10)
