"""An aspiration walked from submission through clustering, a proposal and every stage to "done"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils.translation import override

from layani.accounts.models import Membership, Role, User
from layani.audit.models import AuditEntry
from layani.audit.selectors import public_timeline
from layani.audit.verify import verify_chain
from layani.directory.models import Region
from layani.intake.models import Channel, ReportType
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.notifications.models import Notification
from layani.planning import services
from layani.planning.accountability import figures
from layani.planning.clustering import candidates
from layani.planning.models import Reason, Stage, Status
from layani.planning.workflow import Move, Scope, TransitionError, target
from layani.portal.timeline import describe

VILLAGE = "34.04.07.2001"
DISTRICT = "34.04.07"
SLEMAN = "34.04"


def _aspiration(text: str, email: str) -> object:
    return submit_report(
        ReportSubmission(
            description=text,
            region_code=VILLAGE,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            type=ReportType.ASPIRATION,
            identity=Identity(name="Warga", email=email),
        )
    ).report


@pytest.fixture
def planner(cast):
    user = User.objects.create_user(username="bappeda", password="x-pass-123")
    Membership.objects.create(user=user, agency=cast.pemda, role=Role.PLANNER)
    return user


def _year():
    d = date(2026, 1, 10)
    return services.create_year(2027, dict.fromkeys(Stage.values, (d, d)))


def test_pure_table_refuses_unknown_moves_and_scopes():
    assert target(Move.ACCEPT, Status.AT_DESA, Scope.DISTRICT) == Status.AT_KECAMATAN
    with pytest.raises(TransitionError) as e:
        target(Move.ACCEPT, Status.AT_KABUPATEN, Scope.DISTRICT)
    assert e.value.code == "scope"
    with pytest.raises(TransitionError) as e:
        target(Move.FINISH, Status.AT_DESA, Scope.REGENCY)
    assert e.value.code == "move_not_allowed"


def test_aspiration_walks_to_done_with_notifications_audit_and_pages(
    cast, planner, client, django_capture_on_commit_callbacks
):
    a = _aspiration(
        "Mohon dibangun jembatan gantung di dusun Karang, anak sekolah menyeberang sungai.",
        "a@example.org",
    )
    b = _aspiration(
        "Usul pembangunan jembatan di dusun Karang untuk anak sekolah menyeberang sungai.",
        "b@example.org",
    )
    other = _aspiration(
        "Mohon perbaikan drainase pasar desa yang selalu tergenang.", "c@example.org"
    )
    found = candidates(DISTRICT)
    bridge = next(c for c in found if a.tracking_id in c.tracking_ids)
    assert sorted(bridge.tracking_ids) == sorted([a.tracking_id, b.tracking_id])
    assert bridge.citizens == 2 and other.tracking_id not in bridge.tracking_ids
    year = _year()
    draft = services.ProposalDraft(
        title="Jembatan gantung Dusun Karang",
        location="Dusun Karang",
        problem="Anak sekolah menyeberang sungai",
        activity="Pembangunan jembatan gantung",
        volume=Decimal("1"),
        unit="unit",
        cost_estimate=Decimal("350000000"),
        agency=cast.dinas_pu,
    )
    region = Region.objects.get(code=VILLAGE)
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.create_proposal(planner, year, region, draft, bridge.tracking_ids)
    assert proposal.status == Status.AT_DESA
    assert all(c.key != bridge.key for c in candidates(DISTRICT))  # gathered: no longer waiting
    moves = [
        (services.accept, {}),
        (services.accept, {}),
        (services.accept, {}),
        (services.include_in_rkpd, {}),
        (services.fund, {"apbd_year": 2027, "apbd_amount": Decimal("340000000")}),
        (services.start_building, {}),
        (services.finish, {}),
    ]
    for move, kw in moves:
        with django_capture_on_commit_callbacks(execute=True):
            proposal = move(planner, proposal, **kw)
    assert proposal.status == Status.DONE and proposal.apbd_amount == 340000000
    sent = Notification.objects.filter(recipient_ref=f"reporter:{a.tracking_id}")
    assert sent.count() == 8  # linked + seven moves
    assert verify_chain().problem is None
    actions = list(
        AuditEntry.objects.filter(object_type="report", object_ref=a.tracking_id)
        .filter(action__startswith="planning.")
        .values_list("action", flat=True)
    )
    assert actions[0] == "planning.linked" and actions[-1] == "planning.done"
    with override("en"):  # the report's public timeline (the portal reads the same entries)
        labels = [describe(e).label for e in public_timeline("report", a.tracking_id)]
    assert "The proposal was built and finished" in labels
    row, _rows = figures(Region.objects.get(code=SLEMAN), year)
    assert (row.aspirations, row.proposals, row.rkpd, row.apbd, row.built) == (3, 2, 2, 2, 2)


def test_rejection_needs_a_reason_and_the_timeline_says_it(cast, planner):
    a = _aspiration(
        "Usul lampu penerangan jalan di jalan dusun Ngaglik yang gelap.", "d@example.org"
    )
    year = _year()
    draft = services.ProposalDraft(
        title="PJU Ngaglik",
        location="Dusun Ngaglik",
        problem="Gelap",
        activity="Pasang PJU",
        volume=Decimal("10"),
        unit="titik",
        cost_estimate=Decimal("50000000"),
    )
    p = services.create_proposal(
        planner, year, Region.objects.get(code=VILLAGE), draft, [a.tracking_id]
    )
    with pytest.raises(services.PlanningError) as e:
        services.reject(planner, p, reason="")
    assert e.value.code == "reason"
    p = services.reject(planner, p, reason=Reason.NO_BUDGET, note="Pagu habis")
    assert p.status == Status.REJECTED and p.stopped_stage == Stage.DESA
    entry = AuditEntry.objects.filter(object_ref=a.tracking_id).order_by("-sequence").first()
    assert entry.action == "planning.rejected.no_budget" and entry.visibility == "public"
    with pytest.raises(TransitionError):
        services.accept(planner, p)
    with override("en"):
        from layani.audit.vocabulary import citizen_words

        assert "budget ceiling" in citizen_words(entry.action)


def test_only_planning_officers_of_the_region_may_move(cast, planner):
    a = _aspiration("Usul posyandu baru di dusun Karang.", "e@example.org")
    year = _year()
    draft = services.ProposalDraft(
        title="Posyandu",
        location="Karang",
        problem="Jauh",
        activity="Bangun",
        volume=Decimal("1"),
        unit="unit",
        cost_estimate=Decimal("1"),
    )
    with pytest.raises(services.PlanningError):
        services.create_proposal(
            cast.officer_pu, year, Region.objects.get(code=VILLAGE), draft, [a.tracking_id]
        )
