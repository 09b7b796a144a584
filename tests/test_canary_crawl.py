"""The canary crawler: every URL the project serves, fetched as every audience, shows each audience
only what its tier allows (issue 16; docs/security.md, "Audiences").

Reports of every privacy tier arrive on several channels — the web form with a title, answers and
an attachment, SMS and e-mail without a title (so one is made from the description), and a real
Open311 POST through the intake journal. Each report carries canaries of its own: an identity
(name, NIK, phone, e-mail) and, typed into its title, description, answers, attachment name and
the reporter's reply, a NIK glued, spaced and dotted, phone numbers in two spellings and an e-mail
address. The reports are played through the workflow (verified, disposed, accepted, attachments
checked, a public follow-up, the reporter's reply).

Then every URL pattern of the project (walked from the URL configuration, not a hand list; a new
parameter name fails the test until the crawler is taught it) is fetched as each audience, and
the pages, headers, exports (XLSX opened), Open311 and REST representations, notification
bodies, webhook bodies, audit payloads and logs are searched:

- the public, signed-in citizens and staff of other agencies or regions: no canary at all;
- the handling agency (officer, supervisor, agency admin, its API token): no identity, and none of
  what an anonymous report's sender typed;
- the region's coordinator and oversight (who may reveal, with an audited reason) and the
  superuser in the admin: no identity.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field

import pytest
from django.test import Client
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.api.tokens import issue_token
from layani.audit.models import AuditEntry
from layani.cases import services
from layani.cases.models import MessageKind, Task
from layani.cases.services.attachments import review_attachment
from layani.intake import journal
from layani.intake.models import ANONYMOUS_TIERS, Channel, PrivacyTier, Report
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report
from layani.notifications.models import Notification
from layani.open311.keys import issue_api_key
from layani.security.totp import SESSION_FLAG
from layani.webhooks.events import event_body, relevant_entries
from layani.webhooks.models import Subscription
from tests.crawl_urls import EXTRA, NOT_FETCHED, body, patterns, urls_for

pytestmark = pytest.mark.django_db


@dataclass
class Canaries:
    """One report's canaries: who sent it, and what they typed into it."""

    privacy: str
    identity: tuple[str, ...]
    typed: tuple[str, ...]
    tracking_id: str = ""


@dataclass
class Seeded:
    reports: list[Report] = field(default_factory=list)
    canaries: list[Canaries] = field(default_factory=list)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 80, 40)).save(out, "JPEG")
    return out.getvalue()


def _canaries(n: int, privacy: str) -> tuple[Identity, Canaries, dict[str, str]]:
    """Report number `n`'s identity and typed values (valid NIKs: Sleman, born 1 July 1990)."""
    nik, typed_nik = f"340407410790{n + 100:04d}", f"340407410790{n + 200:04d}"
    phone, typed_phone = f"08129876{n + 100:04d}", f"08139876{n + 200:04d}"
    identity = Identity(
        name=f"Kanari Identitas{chr(65 + n)}",
        nik=nik,
        phone=phone,
        email=f"identitas{n}@example.org",
    )
    spaced = " ".join(typed_nik[i : i + 4] for i in range(0, 16, 4))
    dotted = spaced.replace(" ", ".")
    dashed_phone = f"{typed_phone[:4]}-{typed_phone[4:8]}-{typed_phone[8:]}"
    plus_phone = f"+62 {typed_phone[1:4]} {typed_phone[4:8]} {typed_phone[8:]}"
    email = f"ketik{n}@example.org"
    texts = {
        "title": f"Lampu mati hub {typed_phone} NIK {typed_nik}",
        "description": (
            f"Air PDAM mati tiga hari. NIK{typed_nik}, KTP {spaced} atau {dotted}. "
            f"Hubungi {dashed_phone} / {plus_phone} atau {email}."
        ),
        "answer": f"pelanggan {email}",
        "file": f"ktp_{typed_nik}.jpg",
        "reply": f"Saya bisa dihubungi di {dashed_phone}, NIK {typed_nik}.",
    }
    typed = (typed_nik, spaced, dotted, typed_phone, dashed_phone, plus_phone, email)
    reported = (identity.name, nik, phone, identity.email, f"{phone[:4]}-{phone[4:8]}-{phone[8:]}")
    return identity, Canaries(privacy, reported, typed), texts


def _play(report: Report, team, texts: dict[str, str]) -> None:
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    task = Task.objects.get(case__report=report, agency=team.dinas_pu)
    services.accept_task(task, actor=team.officer_pu)
    for attachment in report.attachments.all():
        review_attachment(attachment, actor=team.coordinator, approved=True)
    services.post_message(
        report,
        actor=team.officer_pu,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body="Sudah kami jadwalkan perbaikan minggu depan.",
    )
    services.post_reporter_reply(report, text=texts["reply"])


def _seed(team, client: Client) -> Seeded:
    seeded = Seeded()
    team.dinas_pu.public_email = "pengaduan@dpupkp.example.go.id"  # so the agency is e-mailed
    team.dinas_pu.save(update_fields=["public_email"])
    n = 0
    for privacy in PrivacyTier.values:
        for channel in (Channel.WEB, Channel.SMS, Channel.EMAIL):
            identity, canaries, texts = _canaries(n, privacy)
            web = channel == Channel.WEB
            receipt = submit_report(
                ReportSubmission(
                    title=texts["title"] if web else "",  # the other channels have no title
                    description=texts["description"],
                    region_code=A_SLEMAN_VILLAGE,
                    channel=channel,
                    category_code="air-minum",
                    privacy=privacy,
                    latitude="-7.7501",
                    longitude="110.3902",
                    answers={"nomor_pelanggan": texts["answer"]} if web else {},
                    attachments=(UploadedAttachment(texts["file"], _jpeg(), "image/jpeg"),)
                    if web
                    else (),
                    identity=identity,
                )
            )
            seeded.reports.append(receipt.report)
            seeded.canaries.append(canaries)
            _play(receipt.report, team, texts)
            n += 1
    # A real Open311 POST (public tier; GeoReport has no privacy field), recorded by the journal.
    identity, canaries, texts = _canaries(n, PrivacyTier.BIASA)
    answered = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": issue_api_key("Canary crawler")[1],
            "service_code": "air-minum",
            "address_id": A_SLEMAN_VILLAGE,
            "description": texts["description"],
            "first_name": identity.name.split()[0],
            "last_name": identity.name.split()[1],
            "email": identity.email,
            "phone": identity.phone,
        },
    )
    assert answered.status_code == 200, answered.content
    journal.record_pending()
    report = Report.objects.get(channel=Channel.OPEN311)
    _play(report, team, texts)
    seeded.reports.append(report)
    seeded.canaries.append(canaries)
    for report, canaries in zip(seeded.reports, seeded.canaries, strict=True):
        canaries.tracking_id = report.tracking_id
        report.refresh_from_db()
    return seeded


# --- Audiences -------------------------------------------------------------------------------

PUBLIC, AGENCY, REVEALED = "public", "agency", "revealed"


def _forbidden(kind: str, seeded: Seeded) -> dict[str, str]:
    """canary value → whose it is, for what an audience of `kind` must never see."""
    out: dict[str, str] = {}
    for c in seeded.canaries:
        out.update(dict.fromkeys(c.identity, f"{c.tracking_id} identity"))
        if kind == PUBLIC or (kind == AGENCY and c.privacy in ANONYMOUS_TIERS):
            out.update(dict.fromkeys(c.typed, f"{c.tracking_id} ({c.privacy}) typed text"))
    return out


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
        session = client.session
        session[SESSION_FLAG] = True  # as after the TOTP step
        session.save()
    return client


def _leaks(text: str, forbidden: dict[str, str]) -> list[str]:
    return [f"{value!r} ({whose})" for value, whose in forbidden.items() if value in text]


def test_every_audience_sees_only_what_its_tier_allows_on_every_url(
    team, caplog, settings, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        seeded = _seed(team, Client())
    assert len(seeded.reports) == 13
    assert Report.objects.filter(privacy__in=ANONYMOUS_TIERS).count() == 6

    superuser = type(team.coordinator).objects.create_superuser("root", password="x-pass-123")
    audiences = {
        "public": (_client(), PUBLIC),
        "citizen": (_client(team.citizen), PUBLIC),
        "officer of the handling agency": (_client(team.officer_pu), AGENCY),
        "its supervisor": (_client(team.supervisor), AGENCY),
        "its agency admin": (_client(team.admin_pu), AGENCY),
        "officer of another agency": (_client(team.officer_satpol), PUBLIC),
        "coordinator of another regency": (_client(team.coordinator_bantul), PUBLIC),
        "coordinator": (_client(team.coordinator), REVEALED),
        "oversight": (_client(team.auditor), REVEALED),
        "superuser (admin)": (_client(superuser), REVEALED),
    }
    untaught: set[str] = set()
    fetched: dict[str, int] = {}
    leaks: list[str] = []
    errors: list[str] = []
    for audience, (client, kind) in audiences.items():
        forbidden = _forbidden(kind, seeded)
        urls = list(EXTRA)
        for pattern, name in patterns():
            if pattern in NOT_FETCHED:
                continue
            try:
                urls += urls_for(
                    pattern,
                    name,
                    seeded.reports,
                    (team.dinas_pu.slug, team.satpol.slug),
                    admin_objects=audience.startswith("super"),
                )
            except KeyError as unknown:
                untaught.add(f"{pattern} ({unknown})")
        for url in urls:
            response = client.get(url)
            if response.status_code >= 500:
                errors.append(f"{audience}: {url} answered {response.status_code}")
            fetched[audience] = fetched.get(audience, 0) + (response.status_code == 200)
            leaks += [f"{audience}: {url} shows {x}" for x in _leaks(body(response), forbidden)]
    print(fetched)  # noqa: T201 - shown with -s: how much each audience could open
    assert untaught == set(), "teach the crawler these URL parameters"
    assert errors == []
    assert leaks == []
    # The crawl reached real pages for everyone (not a wall of 404s and redirects).
    assert min(fetched.values()) >= 30, fetched
    assert fetched["coordinator"] > fetched["public"] and fetched["superuser (admin)"] > 150

    # The REST API as the handling agency's own system: its token reads as the agency does.
    _token, raw = issue_token(team.dinas_pu, "canary-crawl")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    forbidden = _forbidden(AGENCY, seeded)
    api_urls = ["/api/v1/tasks", "/api/v1/agency"]
    api_urls += [f"/api/v1/cases/{r.tracking_id}" for r in seeded.reports]
    for url in api_urls:
        response = api.get(url)
        assert response.status_code == 200, url
        assert _leaks(body(response), forbidden) == [], url

    # What left by e-mail, SMS or webhook, and what was written down.
    agency_forbidden, everything = _forbidden(AGENCY, seeded), _forbidden(PUBLIC, seeded)
    notes = list(Notification.objects.all())
    assert any(n.recipient_ref.startswith("agency:") for n in notes)
    for note in notes:
        text = f"{note.subject}\n{note.body}"
        to_agency = not note.recipient_ref.startswith("reporter:")
        checked = agency_forbidden if to_agency else _forbidden(REVEALED, seeded)
        assert _leaks(text, checked) == [], (note.recipient_ref, note.event)
    subscription = Subscription.objects.create(
        agency=team.dinas_pu, url="https://pu.example.org/hook", secret="s" * 32, events=[]
    )
    entries = list(AuditEntry.objects.order_by("sequence"))
    sent = relevant_entries(subscription, entries)
    assert sent
    for entry in sent:
        assert _leaks(event_body(entry, subscription).decode(), everything) == [], entry.action
    assert _leaks(json.dumps([e.payload for e in entries]), everything) == []
    assert _leaks(caplog.text, everything) == []
