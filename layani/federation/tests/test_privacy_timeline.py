"""The citizen's timeline names the complaint system a report was forwarded to, by its public
agency name only, in both languages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import A_SLEMAN_VILLAGE
from layani.audit.models import AuditEntry, Visibility
from layani.audit.selectors import public_timeline
from layani.audit.services import record
from layani.directory.models import GovernmentLevel
from layani.federation.models import Hop, PeerKind
from layani.federation.services import add_peer, refer_to_peer
from layani.intake.models import PrivacyTier
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.portal.timeline import describe

pytestmark = pytest.mark.django_db


@pytest.fixture
def forwarded(cast, make_report):
    peer = add_peer(
        deployment_id="layani-provinsi-diy",
        name="Layani Provinsi DIY",
        kind=PeerKind.LAYANI,
        base_url="http://10.1.2.3:8001",
        secret="fed_secret",
        level=GovernmentLevel.PROVINCE,
        region_id="34",
    )
    report = make_report(privacy=PrivacyTier.BIASA)
    refer_to_peer(report, actor=cast.coordinator, peer=peer, reason="Kewenangan provinsi")
    # What delivery records once the peer answered (delivery._delivered), without the network.
    hop = Hop.objects.get(report=report)
    hop.remote_tracking_id = "PRV7K2Q9XW"
    hop.save()
    record(
        "federation.forwarded",
        actor_ref="system",
        object_type="report",
        object_ref=report.tracking_id,
        payload={"peer": peer.deployment_id, "peer_tracking_id": hop.remote_tracking_id},
        visibility=Visibility.PUBLIC,
    )
    return report, peer


def _forwarded_item(report):
    [entry] = [
        e
        for e in public_timeline("report", report.tracking_id)
        if e.action == "federation.forwarded"
    ]
    return describe(entry)


def test_the_timeline_names_the_peer_in_both_languages(forwarded):
    report, _peer = forwarded
    with translation.override("en"):
        assert _forwarded_item(report).label == "Forwarded to Layani Provinsi DIY"
    with translation.override("id"):
        label = _forwarded_item(report).label
    assert "Layani Provinsi DIY" in label and "layani-provinsi-diy" not in label


def test_the_public_page_shows_the_name_and_nothing_private_about_the_peer(client, forwarded):
    report, _peer = forwarded
    with translation.override("en"):
        page = client.get(
            reverse("portal:report-detail", args=[report.tracking_id]), HTTP_ACCEPT_LANGUAGE="en"
        )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Forwarded to Layani Provinsi DIY" in html
    for private in ("layani-provinsi-diy", "10.1.2.3", "PRV7K2Q9XW", "fed_secret"):
        assert private not in html


def test_an_unknown_peer_falls_back_to_the_general_words(forwarded):
    report, _peer = forwarded
    entry = AuditEntry.objects.get(action="federation.forwarded", object_ref=report.tracking_id)
    entry.payload = {"peer": "gone"}  # not saved: the chain stays intact
    with translation.override("en"):
        assert describe(entry).label == "Forwarded to the responsible complaint system"


def test_the_receiver_names_where_the_report_came_from(cast):
    peer = add_peer(
        deployment_id="layani-kabupaten",
        name="Layani Kabupaten Sleman",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret="s",
        level=GovernmentLevel.REGENCY,
        region=cast.pemda.region,
    )
    entry = AuditEntry(action="federation.received", payload={"peer": peer.deployment_id})
    with translation.override("en"):
        assert describe(entry).label == "Received from Layani Kabupaten Sleman"


def test_the_reporter_of_a_confidential_report_sees_where_it_went(client, cast, make_report):
    """A rahasia report has no public entries; its reporter's own tracking page still names the
    complaint system it was forwarded to."""
    peer = add_peer(
        deployment_id="layani-provinsi-diy",
        name="Layani Provinsi DIY",
        kind=PeerKind.LAYANI,
        base_url="http://10.1.2.3:8001",
        secret="fed_secret",
        level=GovernmentLevel.PROVINCE,
        region_id="34",
    )
    receipt = submit_report(
        ReportSubmission(
            description="Pesangon PHK tidak dibayar oleh pabrik garmen di Mlati.",
            region_code=A_SLEMAN_VILLAGE,
            channel="web",
            category_code="jalan-rusak",
            privacy=PrivacyTier.RAHASIA,
            identity=Identity(name="Agus Prabowo", phone="081227000202"),
        )
    )
    report = receipt.report
    refer_to_peer(report, actor=cast.coordinator, peer=peer, reason="Kewenangan provinsi")
    record(
        "federation.forwarded",
        actor_ref="system",
        object_type="report",
        object_ref=report.tracking_id,
        payload={"peer": peer.deployment_id, "peer_tracking_id": "PRV7K2Q9XW"},
        visibility=Visibility.INTERNAL,  # as delivery records it for a non-public report
    )
    client.post(
        reverse("portal:track"),
        {"tracking_id": report.display_tracking_id, "access_code": receipt.access_code},
    )
    with translation.override("en"):
        page = client.get(
            reverse("portal:my-report", args=[report.tracking_id]), HTTP_ACCEPT_LANGUAGE="en"
        )
    html = page.content.decode()
    assert "Forwarded to Layani Provinsi DIY" in html
    for private in ("layani-provinsi-diy", "10.1.2.3", "PRV7K2Q9XW"):
        assert private not in html
    # Still nothing on a public page.
    assert client.get(reverse("portal:report-detail", args=[report.tracking_id])).status_code == 404
