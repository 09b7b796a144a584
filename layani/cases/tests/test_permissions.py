"""The authorization matrix: role × privacy tier × object, every cell from one table.

The case: a Sleman report, disposed to DPUPKP Sleman (lead) with Dinkes Sleman co-handling.
Satpol PP Sleman is an uninvolved agency; the Bantul coordinator is out of region.
"""

import itertools

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from layani.cases import services
from layani.cases.models import CaseMessage, MessageKind
from layani.cases.permissions import (
    IdentityAccess,
    can_see_attachment,
    can_view_case,
    identity_access,
    visible_messages,
    visible_reports,
)
from layani.intake.models import Attachment, PrivacyTier

pytestmark = pytest.mark.django_db

Y, N = True, False
R, M, X = IdentityAccess.REVEAL, IdentityAccess.MASKED, IdentityAccess.NONE

# Columns: open the case, identity (regular or confidential tier), identity (anonymous tiers),
# unreviewed attachment (non-anonymous tiers), unreviewed attachment (anonymous tiers),
# reviewed attachment, Dinkes' internal note, the inter-agency thread.
MATRIX = {
    "coordinator":        (Y, R, R, Y, Y, Y, Y, Y),
    "coordinator_bantul": (N, X, X, N, N, N, N, N),
    "auditor":            (Y, R, R, Y, Y, Y, Y, Y),
    "admin_pu":           (Y, R, X, Y, N, Y, N, Y),
    "supervisor":         (Y, R, X, Y, N, Y, N, Y),
    "officer_pu":         (Y, M, X, Y, N, Y, N, Y),
    "admin_dinkes":       (Y, R, X, Y, N, Y, Y, Y),
    "officer_dinkes":     (Y, M, X, Y, N, Y, Y, Y),
    "admin_satpol":       (N, X, X, N, N, N, N, N),
    "officer_satpol":     (N, X, X, N, N, N, N, N),
    "citizen":            (N, X, X, N, N, N, N, N),
}  # fmt: skip
OBJECTS = [
    "case",
    "identity",
    "attachment_unreviewed",
    "attachment_reviewed",
    # The download action through the console's view (200, else 404), same cells as seeing it.
    "download_unreviewed",
    "download_reviewed",
    "internal_note",
    "thread",
]
ANONYMOUS = {PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA}


def expected(role, tier, obj):
    row = MATRIX[role]
    anonymous = tier in ANONYMOUS
    return {
        "case": row[0],
        "identity": row[2] if anonymous else row[1],
        "attachment_unreviewed": row[4] if anonymous else row[3],
        "attachment_reviewed": row[5],
        "download_unreviewed": row[4] if anonymous else row[3],
        "download_reviewed": row[5],
        "internal_note": row[6],
        "thread": row[7],
    }[obj]


@pytest.fixture
def world(team, make_report):
    reports = {}
    for tier in PrivacyTier.values:
        report = make_report(tier)
        services.verify_report(report, actor=team.coordinator)
        services.dispose_report(
            report, actor=team.coordinator, lead=team.dinas_pu, co_handlers=[team.dinkes]
        )
        services.post_message(
            report,
            actor=team.officer_dinkes,
            kind=MessageKind.INTERNAL_NOTE,
            body="internal dinkes",
        )
        services.post_message(
            report, actor=team.officer_dinkes, kind=MessageKind.AGENCY_THREAD, body="thread"
        )
        for reviewed in (False, True):
            attachment = Attachment(
                report=report, content_type="image/jpeg", size=3, sha256="x", reviewed=reviewed
            )
            attachment.file.save("f", ContentFile(b"abc"), save=True)
        reports[tier] = report
    return reports


def observe(user, report, obj, client=None):
    if obj.startswith("download"):
        attachment = report.attachments.get(reviewed=obj.endswith("_reviewed"))
        url = reverse("console:attachment", args=[report.tracking_id, attachment.pk])
        response = client.get(url)
        assert response.status_code in (200, 404), (obj, response.status_code)
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == b"abc"
            assert response["Content-Disposition"].startswith("attachment;")
        return response.status_code == 200
    if obj == "case":
        return can_view_case(user, report)
    if obj == "identity":
        return identity_access(user, report)
    if obj.startswith("attachment"):
        attachment = report.attachments.get(reviewed=obj.endswith("_reviewed"))
        return can_see_attachment(user, attachment)
    kind = MessageKind.INTERNAL_NOTE if obj == "internal_note" else MessageKind.AGENCY_THREAD
    return visible_messages(user, report.case).filter(kind=kind).exists()


@pytest.mark.parametrize("role", list(MATRIX))
def test_authorization_matrix_row(world, team, staff_login, role):
    """Every (tier, object) cell of this role's row; a failure lists each wrong cell."""
    user = getattr(team, role)
    client = staff_login(user)  # second factor included, so the download cells reach the check
    wrong = []
    for tier, obj in itertools.product(PrivacyTier.values, OBJECTS):
        seen = observe(user, world[tier], obj, client)
        if seen != expected(role, tier, obj):
            wrong.append((tier, obj, seen, expected(role, tier, obj)))
    assert wrong == []


def test_every_cell_is_defined_and_downloads_follow_what_the_role_may_see():
    """A row with a missing or mistyped column fails here, before any database work; and the
    download action never grants more (or less) than seeing the attachment."""
    for role, row in MATRIX.items():
        assert len(row) == 8, role
        assert all(v in (Y, N) for v in (row[0], *row[3:])), role
        assert all(v in (R, M, X) for v in row[1:3]), role
    for role, tier in itertools.product(MATRIX, PrivacyTier.values):
        for kind in ("reviewed", "unreviewed"):
            assert expected(role, tier, f"download_{kind}") == expected(
                role, tier, f"attachment_{kind}"
            )
    cells = [expected(*cell) for cell in itertools.product(MATRIX, PrivacyTier.values, OBJECTS)]
    assert len(cells) == len(MATRIX) * len(PrivacyTier.values) * len(OBJECTS)


def test_matrix_has_a_row_for_every_role_in_the_cast(team):
    assert set(MATRIX) == {
        "coordinator",
        "coordinator_bantul",
        "auditor",
        "admin_pu",
        "supervisor",
        "officer_pu",
        "admin_dinkes",
        "officer_dinkes",
        "admin_satpol",
        "officer_satpol",
        "citizen",
    }
    assert all(len(row) == 8 for row in MATRIX.values())


@pytest.mark.parametrize("role", list(MATRIX))
def test_lists_and_counts_never_show_more_than_detail_views(world, team, make_report, role):
    make_report()  # a fresh, undisposed report: only the coordinator and oversight see it
    user = getattr(team, role)
    listed = set(visible_reports(user))
    openable = {r for r in type(world["biasa"]).objects.all() if can_view_case(user, r)}
    assert listed == openable
    assert visible_reports(user).count() == len(openable)


def test_revealing_identity_is_audited_and_refused_without_the_right(world, team):
    from layani.audit.models import AuditEntry
    from layani.cases.workflow import WorkflowError

    report = world[PrivacyTier.BIASA]
    identity = services.reveal_identity(
        report, actor=team.admin_pu, reason="Perlu menghubungi pelapor untuk survei"
    )
    assert identity.phone == "081234567890"
    entry = AuditEntry.objects.get(action="identity.revealed")
    assert entry.actor_ref == f"user:{team.admin_pu.pk}" and identity.phone not in str(
        entry.payload
    )
    with pytest.raises(WorkflowError):
        services.reveal_identity(report, actor=team.officer_pu, reason="ingin tahu saja")
    with pytest.raises(WorkflowError):
        services.reveal_identity(
            world[PrivacyTier.ANONIM], actor=team.admin_pu, reason="Perlu menghubungi pelapor"
        )
    with pytest.raises(WorkflowError):
        services.reveal_identity(report, actor=team.coordinator, reason="")


def test_an_agency_keeps_sight_of_a_case_it_referred_away_but_cannot_act(world, team):
    from layani.cases.models import Task
    from layani.cases.workflow import WorkflowError

    report = world[PrivacyTier.BIASA]
    lead = Task.objects.get(case_id=report.pk, role="lead")
    new = services.refer_task(lead, actor=team.admin_pu, to=team.satpol, reason="Soal PKL")
    assert can_view_case(team.officer_satpol, report)
    assert can_view_case(team.officer_pu, report)
    with pytest.raises(WorkflowError):
        services.accept_task(new, actor=team.officer_pu)
    assert CaseMessage.objects.filter(case_id=report.pk).count() == 2
