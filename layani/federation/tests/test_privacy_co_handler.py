"""A peer cannot be a co-handler: a forward hands the whole report over, so nothing would cross
for a share of it. The disposition is refused with a clear message, in the service and the UI."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from layani.cases import services
from layani.cases.models import Task
from layani.cases.workflow import WorkflowError
from layani.directory.models import GovernmentLevel
from layani.federation.models import Hop, OutboxMessage, PeerKind
from layani.federation.services import add_peer
from layani.intake.models import ReportStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def peer(cast):
    return add_peer(
        deployment_id="layani-provinsi-diy",
        name="Layani Provinsi DIY",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret="s",
        level=GovernmentLevel.PROVINCE,
        region_id="34",
    )


def test_the_service_refuses_a_peer_as_co_handler(cast, make_report, peer):
    report = make_report()
    services.verify_report(report, actor=cast.coordinator)
    with pytest.raises(WorkflowError) as refused:
        services.dispose_report(
            report, actor=cast.coordinator, lead=cast.dinas_pu, co_handlers=[peer.agency]
        )
    assert refused.value.code == "peer_as_co_handler"
    report.refresh_from_db()
    assert report.status == ReportStatus.VERIFIED
    assert not Task.objects.filter(case_id=report.pk).exists()
    assert not Hop.objects.exists() and not OutboxMessage.objects.exists()


def test_the_console_says_why(client, staff_login, team, make_report, peer):
    report = make_report()
    staff_login(team.coordinator)
    client.post(
        reverse("console:action", args=[report.tracking_id, "verify"]),
        {"service_class": "normatif"},
    )
    with translation.override("en"):
        response = client.post(
            reverse("console:action", args=[report.tracking_id, "dispose"]),
            {"lead": team.dinas_pu.pk, "co_handlers": [peer.agency.pk]},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 400
    assert "can only take a report as the lead agency" in response.content.decode()
    # As the lead it is forwarded.
    response = client.post(
        reverse("console:action", args=[report.tracking_id, "dispose"]),
        {"lead": peer.agency.pk, "co_handlers": [team.dinas_pu.pk]},
    )
    assert response.status_code == 302
    assert Hop.objects.get(report=report).peer == peer
