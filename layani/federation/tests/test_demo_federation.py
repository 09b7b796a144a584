"""The federation demo's building code, each side in a test database (no servers): the province
with its peer back, the regencies' demo with the province as a peer named by the matrix and its
reports forwarded, and the province handling what arrives so that updates flow back."""

from __future__ import annotations

import base64
import hashlib
import io
import json

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.accounts.models import Membership, Role
from layani.demo import federation as demo
from layani.demo.deployment import build_organisations
from layani.directory.models import Category, GovernmentLevel, Responsibility
from layani.directory.selectors import responsible_agency
from layani.federation import inbound
from layani.federation.models import Direction, Hop, OutboxMessage, Peer, PeerKind
from layani.federation.wire import layani_json
from layani.intake.models import Attachment, PrivacyTier, Report, ReportStatus

pytestmark = pytest.mark.django_db


def test_the_province_has_offices_staff_matrix_and_the_peer_back(regions, categories):
    peer = demo.build_province(origin_id="layani", origin_url="http://127.0.0.1:8000")
    assert Peer.objects.get() == peer
    assert peer.kind == PeerKind.LAYANI and peer.deployment_id == "layani"
    assert peer.base_url == "http://127.0.0.1:8000" and peer.secret == demo.DEMO_FEDERATION_SECRET
    roles = set(Membership.objects.exclude(user=peer.service_user).values_list("role", flat=True))
    assert {Role.COORDINATOR, Role.AGENCY_ADMIN, Role.OFFICER, Role.OVERSIGHT} <= roles
    matter = Category.objects.get(code=demo.PROVINCIAL_MATTER)
    assert responsible_agency(matter, A_SLEMAN_VILLAGE).slug == "disnaker-diy"


def test_the_regencies_demo_forwards_the_provincial_matter_to_the_province(regions, categories):
    build_organisations()
    peer = demo.connect_regency(province_url="http://127.0.0.1:8001")
    cell = Responsibility.objects.get(
        category__code=demo.PROVINCIAL_MATTER, level=GovernmentLevel.PROVINCE, region_id="34"
    )
    assert cell.agency == peer.agency
    # Other labour complaints stay with the in-house office; this one goes to the peer.
    assert responsible_agency(cell.category, demo.VILLAGE) == peer.agency
    assert responsible_agency(Category.objects.get(code="jamsostek"), demo.VILLAGE).slug == (
        "disnaker-diy"
    )
    forwarded = demo.forward_demo_reports(peer)
    assert [f.status for f in forwarded] == [ReportStatus.IN_PROGRESS] * len(demo.REPORTS)
    hops = Hop.objects.filter(peer=peer, direction=Direction.OUT)
    assert hops.count() == len(demo.REPORTS)
    assert OutboxMessage.objects.filter(hop__in=hops, kind="forward").count() == len(demo.REPORTS)
    photo = Hop.objects.get(report__idempotency_key="demo-federation-2")
    assert "attachments: 1" in photo.sent_fields  # rahasia: the agency may see it, so it crosses
    anonymous = Hop.objects.get(report__privacy=PrivacyTier.ANONIM)
    assert not [f for f in anonymous.sent_fields if f.startswith("identity.")]
    # A national matter goes to SP4N-LAPOR! (the simulator) the same way.
    lapor = demo.connect_lapor(simulator_url="http://127.0.0.1:8765")
    assert lapor.kind == PeerKind.LAPOR and lapor.secret == demo.LAPOR_TOKEN
    hajj = Category.objects.get(code=demo.NATIONAL_MATTER)
    assert responsible_agency(hajj, demo.VILLAGE) == lapor.agency
    [national] = demo.forward_demo_reports(lapor, [demo.LAPOR_REPORT])
    assert national.status == ReportStatus.IN_PROGRESS
    assert OutboxMessage.objects.filter(hop__peer=lapor, kind="forward").count() == 1
    # Running the demo again adds nothing.
    again = demo.forward_demo_reports(demo.connect_regency(province_url="http://127.0.0.1:8001"))
    assert [f.tracking_id for f in again] == [f.tracking_id for f in forwarded]
    assert [f.access_code for f in again] == [f.access_code for f in forwarded]
    demo.forward_demo_reports(demo.connect_lapor(simulator_url="x"), [demo.LAPOR_REPORT])
    assert Peer.objects.count() == 2 and hops.count() == len(demo.REPORTS)
    assert Hop.objects.filter(peer=lapor).count() == 1


def _forward(number, spec):
    """A forward as the regencies' demo sends it (its texts, the photo inline)."""
    files = []
    if spec.photo:
        content = demo._photo()
        files.append(
            {
                "name": "surat-phk.jpg",
                "content_type": "image/jpeg",
                "sha256": hashlib.sha256(content).hexdigest(),
                "content": base64.b64encode(content).decode(),
            }
        )
    tracking = f"ORIGIN{number:04d}"
    payload = {
        "version": 1,
        "kind": "forward",
        "key": f"layani:{tracking}:forward:{number}",
        "origin": {"deployment": "layani", "tracking_id": tracking},
        "reason": "Kewenangan provinsi",
        "report": {
            "type": "pengaduan",
            "title": spec.title,
            "description": spec.description,
            "region_code": demo.VILLAGE,
            "category_code": demo.PROVINCIAL_MATTER,
            "privacy": spec.privacy,
        },
        "identity": {"name": spec.name, "phone": spec.phone} if spec.name else None,
        "attachments": files,
    }
    return layani_json.decode(json.dumps(payload).encode()), tracking


def test_the_province_handles_what_arrived_and_queues_the_answers(regions, categories):
    origin = demo.build_province(origin_id="layani", origin_url="http://127.0.0.1:8000")
    messages = [_forward(n, spec) for n, spec in enumerate(demo.REPORTS, 1)]
    received = [inbound.receive(origin, message) for message, _tracking in messages]
    assert len({a.tracking_id for a in received}) == len(demo.REPORTS)
    assert Attachment.objects.count() == 1  # re-checked by intake and stored at the province
    assert demo.handle_received() == len(demo.REPORTS)
    assert demo.handle_received() == 0  # already handled
    statuses = {r.title: r.status for r in Report.objects.all()}
    assert statuses == {
        "Upah karyawan toko di bawah UMP": ReportStatus.CLOSURE_PROPOSED,
        "Pesangon PHK tidak dibayar": ReportStatus.CLOSURE_PROPOSED,
        "THR tahun ini belum dibayar": ReportStatus.IN_PROGRESS,
    }
    assert all(r.case.tasks.get().agency.slug == "disnaker-diy" for r in Report.objects.all())
    back = OutboxMessage.objects.filter(hop__peer=origin).values_list("kind", flat=True)
    assert sorted(back) == sorted(
        ["accepted", "follow_up", "closure_proposed"] * 2 + ["accepted", "follow_up"]
    )
    assert {h.remote_tracking_id for h in Hop.objects.filter(peer=origin)} == {
        tracking for _message, tracking in messages
    }


def test_the_province_runs_apart_from_the_demo(monkeypatch, settings, tmp_path):
    """Its own data folder and deployment id; never the demo's PostgreSQL or Redis."""
    from layani.demo import federation_run

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DATABASE_URL", "postgres://demo@db/regency")
    monkeypatch.setenv("REDIS_URL", "redis://cache/0")
    monkeypatch.setenv("LAYANI_FEDERATION_ID", "layani")
    env = federation_run.province_env()
    assert "DATABASE_URL" not in env and "REDIS_URL" not in env
    assert env["LAYANI_DATA_DIR"] == str(tmp_path / "province")
    assert env["LAYANI_FEDERATION_ID"] == demo.PROVINCE_ID
    assert env["DJANGO_SETTINGS_MODULE"] == settings.SETTINGS_MODULE
    run = federation_run.FederationDemo(io.StringIO(), "127.0.0.1:8000")
    assert (run.province_port, run.simulator_port) == (8001, 8765)
    assert run.province_browser_url == "http://localhost:8001"  # not 127.0.0.1: separate cookies


def test_a_busy_port_stops_the_federation_demo_with_a_clear_message():
    import socket

    from django.core.management.base import CommandError

    from layani.demo import federation_run

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = federation_run.FederationDemo(io.StringIO(), f"127.0.0.1:{port - 1}")
        with pytest.raises(CommandError, match=f"Port {port} is already in use"):
            run.prepare()
