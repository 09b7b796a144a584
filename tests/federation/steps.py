"""What the end-to-end tests do inside one deployment, run as its own process.

    python -m tests.federation.steps '[["submit", {...}], ["forward", {...}], ...]'
    python -m tests.federation.steps --serve      # the same, one JSON line per request

with the deployment's environment (its settings module, database and data folder). Every step
goes through the real services — the same calls the console and the portal make — so the audit
entries, the outbox and the hops are written as in production. The results are printed as one
JSON list on the last line; `--serve` keeps one process (the deployment's agent) answering line
after line, so a test pays for Django's start once.

The cast of a deployment (`setup`): a coordinator in the regional government, one office with an
officer, the matrix naming the peer's agency for road damage at the peer's level, and the peer
itself (its agency, service user and shared secret).
"""

from __future__ import annotations

import ast
import io
import json
import sys
import time
import traceback
from typing import Any

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from layani.accounts.models import Membership, Role, User  # noqa: E402
from layani.audit.models import AuditEntry  # noqa: E402
from layani.cases import services as cs  # noqa: E402
from layani.cases.models import Case, CaseMessage, Task, TaskRole  # noqa: E402
from layani.directory.models import (  # noqa: E402
    Agency,
    AgencyKind,
    Category,
    GovernmentLevel,
    Responsibility,
)
from layani.directory.selectors import responsible_agency  # noqa: E402
from layani.federation.models import Hop, InboundMessage, OutboxMessage, Peer  # noqa: E402
from layani.federation.services import add_peer, refer_to_peer  # noqa: E402
from layani.federation.transport import send  # noqa: E402
from layani.intake.models import Channel, Report  # noqa: E402
from layani.intake.services import Identity, ReportSubmission, submit_report  # noqa: E402

VILLAGE = "34.04.07.2001"  # in Sleman, inside the province too
CATEGORY = "jalan-rusak"


def load_reference() -> dict[str, Any]:
    """The DIY regions and the default categories (`layani load_regions`, `load_categories`)."""
    call_command("load_regions", "--province", "34", stdout=io.StringIO())
    call_command("load_categories", stdout=io.StringIO())
    return {}


def setup(
    *,
    region: str,
    level: str,
    name: str,
    peer_id: str,
    peer_name: str,
    peer_url: str,
    peer_level: str,
    peer_region: str,
    secret: str,
) -> dict[str, Any]:
    government = Agency.objects.create(
        slug="pemda",
        name=f"Pemerintah {name}",
        short_name=name,
        level=level,
        kind=AgencyKind.REGIONAL_GOVERNMENT,
        region_id=region,
    )
    office = Agency.objects.create(
        slug="dinas-pu",
        name=f"Dinas Pekerjaan Umum {name}",
        short_name=f"DPU {name}",
        level=level,
        kind=AgencyKind.REGIONAL_OFFICE,
        region_id=region,
        parent=government,
    )
    for username, agency, role in (
        ("koordinator", government, Role.COORDINATOR),
        ("petugas", office, Role.OFFICER),
    ):
        user = User.objects.create_user(username=username, password="fed-test-pass-123")
        Membership.objects.create(user=user, agency=agency, role=role)
    peer = add_peer(
        deployment_id=peer_id,
        name=peer_name,
        kind="layani",
        base_url=peer_url,
        secret=secret,
        level=peer_level,
        region_id=peer_region if peer_level != GovernmentLevel.NATIONAL else None,
        actor_ref="user:koordinator",
    )
    category = Category.objects.get(code=CATEGORY)
    Responsibility.objects.create(
        category=category, level=peer_level, region_id=peer_region, agency=peer.agency
    )
    Responsibility.objects.create(category=category, level=level, region_id=region, agency=office)
    return {"peer_agency": peer.agency.slug}


def submit(
    *, privacy: str = "biasa", description: str = "", identity: dict[str, str] | None = None
) -> dict[str, Any]:
    identity = identity or {}
    receipt = submit_report(
        ReportSubmission(
            description=description
            or "Jalan provinsi berlubang di depan balai padukuhan, sudah tiga minggu.",
            region_code=VILLAGE,
            channel=Channel.WEB,
            category_code=CATEGORY,
            privacy=privacy,
            identity=Identity(
                name=identity.get("name", ""),
                nik=identity.get("nik", ""),
                phone=identity.get("phone", ""),
                email=identity.get("email", ""),
            ),
        )
    )
    return {"tracking_id": receipt.report.tracking_id, "access_code": receipt.access_code}


def _report(tracking_id: str) -> Report:
    return Report.objects.get(tracking_id=tracking_id)


def _user(username: str) -> User:
    return User.objects.get(username=username)


def forward(*, tracking_id: str, level: str, reason: str) -> dict[str, Any]:
    """The coordinator refers the report to the complaint system the matrix names at `level`
    (verify + dispose to the peer's agency, with the reason)."""
    report = _report(tracking_id)
    assert report.category is not None and report.region_id is not None
    agency = responsible_agency(report.category, report.region_id, level=level)
    peer = Peer.objects.get(agency=agency)
    refer_to_peer(report, actor=_user("koordinator"), peer=peer, reason=reason)
    return {"peer": peer.deployment_id}


def deliver() -> dict[str, Any]:
    """One pass of `layani federation deliver` (the command itself, in this process)."""
    out = io.StringIO()
    call_command("federation", "deliver", stdout=out)
    return dict(ast.literal_eval(out.getvalue().strip().splitlines()[-1]))


def replay(*, tracking_id: str) -> dict[str, Any]:
    """Post the report's forward again exactly as it was sent (a duplicate on the wire)."""
    message = OutboxMessage.objects.select_related("hop__peer").get(
        hop__report__tracking_id=tracking_id, kind="forward"
    )
    status, body, error = send(message.hop.peer, dict(message.payload))
    return {"status": status, "body": json.loads(body or b"{}"), "error": error}


def forget_delivery(*, tracking_id: str) -> dict[str, Any]:
    """As if this side crashed after the peer answered but before it recorded the answer: the
    forward is undelivered and due again."""
    rows = OutboxMessage.objects.filter(hop__report__tracking_id=tracking_id, kind="forward")
    return {"reset": rows.update(delivered_at=None, next_attempt_at=timezone.now())}


def dispose(*, tracking_id: str) -> dict[str, Any]:
    """The coordinator verifies the report and disposes it to the local office."""
    report = _report(tracking_id)
    coordinator = _user("koordinator")
    cs.verify_report(report, actor=coordinator)
    cs.dispose_report(
        _report(tracking_id), actor=coordinator, lead=Agency.objects.get(slug="dinas-pu")
    )
    return {}


def handle(*, tracking_id: str, follow_up: str, outcome: str, explanation: str) -> dict[str, Any]:
    """The officer accepts the task, posts a public follow-up and proposes the closure."""
    accept(tracking_id=tracking_id)
    cs.post_message(_report(tracking_id), actor=_user("petugas"), kind="follow_up", body=follow_up)
    return propose(tracking_id=tracking_id, outcome=outcome, explanation=explanation)


def follow_up(*, tracking_id: str, text: str, kind: str = "follow_up") -> dict[str, Any]:
    """The officer writes to the reporter: a follow-up, or a question (kind "request")."""
    cs.post_message(_report(tracking_id), actor=_user("petugas"), kind=kind, body=text)
    return {}


def accept(*, tracking_id: str) -> dict[str, Any]:
    task = Task.objects.get(case_id=_report(tracking_id).pk, role=TaskRole.LEAD)
    cs.accept_task(task, actor=_user("petugas"))
    return {}


def propose(*, tracking_id: str, outcome: str, explanation: str) -> dict[str, Any]:
    cs.propose_closure(
        _report(tracking_id), actor=_user("petugas"), outcome=outcome, explanation=explanation
    )
    return {}


def decline(*, tracking_id: str, reason: str) -> dict[str, Any]:
    """The coordinator declines: not within this deployment's authority."""
    report = _report(tracking_id)
    cs.reject_as_not_within_authority(report, actor=_user("koordinator"), reason=reason)
    return {}


def received(*, origin_tracking_ids: list[str]) -> dict[str, Any]:
    """Per origin tracking ID, the reports here that arrived for it (exactly one expected), by
    the hop and by the report's idempotency key."""
    result: dict[str, Any] = {}
    for origin in origin_tracking_ids:
        hops = Hop.objects.filter(direction="in", remote_tracking_id=origin)
        keyed = Report.objects.filter(idempotency_key__endswith=f":{origin}")
        result[origin] = {
            "by_hop": sorted(h.report.tracking_id for h in hops.select_related("report")),
            "by_key": sorted(keyed.values_list("tracking_id", flat=True)),
        }
    return result


def submit_and_forward(
    *, count: int, level: str, reason: str, pause: float = 0.0
) -> dict[str, Any]:
    """`count` reports, each referred to the peer as it comes (many forwards in flight), with
    `pause` seconds between two decisions."""
    ids = []
    for n in range(count):
        if n and pause:
            time.sleep(pause)
        tracking_id = submit(description=f"Jalan provinsi rusak, laporan beruntun nomor {n}.")[
            "tracking_id"
        ]
        forward(tracking_id=tracking_id, level=level, reason=reason)
        ids.append(tracking_id)
    return {"tracking_ids": ids}


def take_on(*, tracking_ids: list[str], text: str, pause: float = 0.0) -> dict[str, Any]:
    """For each report: dispose to the office, the officer accepts and posts a follow-up."""
    for n, tracking_id in enumerate(tracking_ids):
        if n and pause:
            time.sleep(pause)
        dispose(tracking_id=tracking_id)
        accept(tracking_id=tracking_id)
        follow_up(tracking_id=tracking_id, text=f"{text} ({n})")
    return {}


def audit_times(*, tracking_ids: list[str], action: str) -> dict[str, Any]:
    """When each report's first `action` audit entry was recorded here (ISO, or None)."""
    times: dict[str, Any] = dict.fromkeys(tracking_ids)
    rows = AuditEntry.objects.filter(
        object_type="report", object_ref__in=tracking_ids, action=action
    ).order_by("sequence")
    for ref, moment in rows.values_list("object_ref", "occurred_at"):
        if times[ref] is None:
            times[ref] = moment.isoformat()
    return times


def state(*, tracking_id: str) -> dict[str, Any]:
    """Everything the tests check about one report here, read fresh from the database."""
    report = _report(tracking_id)
    case = Case.objects.filter(pk=report.pk).first()
    identity = getattr(report, "identity", None)
    hops = [
        {
            "direction": h.direction,
            "peer": h.peer.deployment_id,
            "remote_tracking_id": h.remote_tracking_id,
            "sent_fields": h.sent_fields,
            "active": h.active,
            "bounces": h.bounces,
            "delivered": h.delivered_at is not None,
        }
        for h in Hop.objects.filter(report=report).select_related("peer").order_by("pk")
    ]
    outbox = [
        {
            "kind": m.kind,
            "attempts": m.attempts,
            "delivered": m.delivered_at is not None,
            "given_up": m.given_up,
            "last_error": m.last_error,
            "next_attempt_at": m.next_attempt_at.isoformat(),
        }
        for m in OutboxMessage.objects.filter(hop__report=report).order_by("pk")
    ]
    return {
        "status": report.status,
        "privacy": report.privacy,
        "description": report.description,
        "identity": {
            "name": identity.name if identity else "",
            "nik": identity.nik if identity else "",
            "phone": identity.phone if identity else "",
            "email": identity.email if identity else "",
        },
        "rating": case.rating if case else None,
        "outcome": case.outcome if case else "",
        "messages": [
            [m.kind, m.body]
            for m in CaseMessage.objects.filter(case_id=report.pk).order_by("created_at", "pk")
        ],
        "tasks": [
            [t.agency.slug, t.status]
            for t in Task.objects.filter(case_id=report.pk).select_related("agency").order_by("pk")
        ],
        "hops": hops,
        "outbox": outbox,
        "inbound": sorted(
            InboundMessage.objects.filter(report=report).values_list("kind", flat=True)
        ),
        "audit": list(
            AuditEntry.objects.filter(object_type="report", object_ref=tracking_id)
            .order_by("sequence")
            .values_list("action", flat=True)
        ),
    }


def totals() -> dict[str, Any]:
    """Counts across the deployment: reports that arrived by federation, and their keys."""
    keys = list(
        Report.objects.filter(idempotency_key__startswith="federation:").values_list(
            "idempotency_key", flat=True
        )
    )
    return {
        "arrived": len(keys),
        "distinct_keys": len(set(keys)),
        "hops_in": Hop.objects.filter(direction="in").count(),
        "undelivered": OutboxMessage.objects.filter(delivered_at__isnull=True).count(),
        "retried": OutboxMessage.objects.filter(attempts__gt=1).count(),
    }


STEPS = {
    f.__name__: f
    for f in (
        load_reference,
        setup,
        submit,
        forward,
        submit_and_forward,
        take_on,
        audit_times,
        deliver,
        replay,
        forget_delivery,
        dispose,
        handle,
        accept,
        follow_up,
        propose,
        decline,
        received,
        state,
        totals,
    )
}


def run(steps: list[list[Any]]) -> list[dict[str, Any]]:
    return [STEPS[name](**kwargs) for name, kwargs in steps]


def serve() -> None:
    """One JSON list of steps per line on stdin, one JSON answer per line on stdout: the
    deployment's agent, so that a test pays for Django's start once, not once per step."""
    for line in sys.stdin:
        try:
            answer: dict[str, Any] = {"results": run(json.loads(line))}
        except Exception:  # the test shows it; the agent goes on
            answer = {"error": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def main(argv: list[str]) -> None:
    if argv == ["--serve"]:
        serve()
        return
    print(json.dumps(run(json.loads(argv[0]))))  # noqa: T201 - the caller reads the last line


if __name__ == "__main__":
    main(sys.argv[1:])
