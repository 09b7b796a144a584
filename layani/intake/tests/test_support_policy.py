"""One person, one support: accounts once, anonymous supports behind a proof of work and a
per-address budget, and the coordinator sees how a count was reached (layani/intake/supports.py).

Pages are asked for in English (the msgids) so the checks do not depend on the .po files.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess  # nosec B404 - node runs the portal's own support.js on a fixed script
import time
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from layani.intake.errors import SubmissionError
from layani.intake.models import PrivacyTier, Support, SupportBudget, SupportKind
from layani.intake.supports import (
    Challenge,
    Outcome,
    Proof,
    Supporter,
    address_hash,
    address_network,
    issue_challenge,
    meets,
    proof_hash,
    solve,
    support_breakdown,
    support_report,
)

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"
SUPPORT_JS = Path(__file__).resolve().parents[2] / "portal" / "static" / "portal" / "support.js"


@pytest.fixture
def easy(settings):
    """A cheap proof, so fifty of them solve quickly in Python; the default budget."""
    settings.LAYANI_SUPPORT_PROOF_BITS = 8
    settings.LAYANI_SUPPORT_ADDRESS_BUDGET = 5
    return settings


@pytest.fixture
def report(make_report):
    return make_report(PrivacyTier.BIASA)


def _fresh(address: str = ADDRESS) -> Client:
    """A new browser without cookies, behind `address`, reading English."""
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def _challenge(browser: Client, report) -> Challenge:
    response = browser.get(reverse("portal:report-support-challenge", args=[report.tracking_id]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return Challenge(**response.json())


def _support(browser: Client, report, proof: Proof | None = None, solved: bool = True):
    data = {}
    if solved:
        proof = proof or solve(_challenge(browser, report))
        data = {"proof_token": proof.token, "proof_counter": proof.counter}
    url = reverse("portal:report-support", args=[report.tracking_id])
    return browser.post(url, data, follow=True)


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_fifty_fresh_anonymous_sessions_on_one_address_count_at_most_the_budget(easy, report):
    pages = [_text(_support(_fresh(), report)) for _ in range(50)]
    report.refresh_from_db()
    assert report.support_count == 5 == report.supports.count()
    assert sum("your support was counted" in page for page in pages) == 5
    refused = [page for page in pages[5:] if "Sign in to support it with your account" in page]
    assert len(refused) == 45
    budget = SupportBudget.objects.get(report=report)
    assert (budget.counted, budget.refused) == (5, 45)
    # Only a keyed hash of the address is kept, the same one on every support and the budget.
    hashes = set(report.supports.values_list("address_hash", flat=True))
    assert hashes == {budget.address_hash} == {address_hash(ADDRESS)}
    assert ADDRESS not in budget.address_hash
    assert budget.address_hash != hashlib.sha256(ADDRESS.encode()).hexdigest()[:32]
    assert set(report.supports.values_list("kind", flat=True)) == {SupportKind.ANONYMOUS}


def test_fifty_fresh_sessions_without_a_proof_count_nothing_and_are_asked_to_sign_in(report):
    # The attacker's first test: plain cookie-less POSTs from one address (all counted before).
    responses = [_support(_fresh(), report, solved=False) for _ in range(50)]
    report.refresh_from_db()
    assert report.support_count == 0
    assert {r.status_code for r in responses} == {403}
    assert "Please sign in to support this report" in _text(responses[0])
    assert reverse("portal:sign-in") in _text(responses[0])


def test_each_address_has_its_own_budget_and_an_ipv6_subscriber_one_for_its_prefix(easy, report):
    easy.LAYANI_SUPPORT_ADDRESS_BUDGET = 2
    for address in ["203.0.113.7"] * 3 + ["198.51.100.20"] * 3 + ["2001:db8:1:2::a"] * 2:
        _support(_fresh(address), report)
    # Another address in the same /64 shares that budget; another /64 has its own.
    _support(_fresh("2001:db8:1:2:ffff::1"), report)
    _support(_fresh("2001:db8:1:3::a"), report)
    report.refresh_from_db()
    assert report.support_count == 2 + 2 + 2 + 1
    assert address_network("2001:db8:1:2:ffff::1") == "2001:db8:1:2::/64"
    assert address_network("::ffff:203.0.113.7") == "203.0.113.7"
    breakdown = support_breakdown(report)
    assert (breakdown.anonymous, breakdown.addresses, breakdown.refused) == (7, 4, 3)


def test_a_signed_in_citizen_counts_once_however_often_and_whatever_the_address(
    easy, report, django_user_model
):
    easy.LAYANI_SUPPORT_ADDRESS_BUDGET = 1
    _support(_fresh(), report)  # the address's anonymous budget is used up
    user = django_user_model.objects.create_user(username="budi@example.org", password="x")
    for address in [ADDRESS] * 5 + ["198.51.100.20"] * 5:
        browser = _fresh(address)
        browser.force_login(user)
        _support(browser, report, solved=False)  # no proof is asked of an account
    report.refresh_from_db()
    assert report.support_count == 2
    mine = report.supports.get(kind=SupportKind.ACCOUNT)
    assert mine.supporter_key == f"user:{user.pk}"
    assert SupportBudget.objects.get(report=report).refused == 0


def test_a_wrong_forged_expired_foreign_or_reused_proof_is_refused(easy, report, make_report):
    def refused(proof: Proof, expected: str) -> None:
        response = _support(_fresh(), report, proof)
        assert response.status_code == 400, expected
        assert expected in _text(response)

    issued = _challenge(_fresh(), report)
    good = solve(issued)
    counter = next(n for n in range(10_000) if not meets(proof_hash(issued.nonce, str(n)), 8))
    refused(Proof(issued.token, str(counter)), "could not be checked")  # wrong counter
    refused(Proof(issued.token, "abc"), "could not be checked")
    fields = issued.token.split(".")
    easier = ".".join([*fields[:3], "1", *fields[4:]])  # fewer bits, old signature
    refused(Proof(easier, "0"), "could not be checked")
    flipped = issued.token[:-1] + ("1" if issued.token.endswith("0") else "0")
    refused(Proof(flipped, good.counter), "could not be checked")  # signature
    refused(Proof("s1.X.1.1.00.00", "0"), "could not be checked")  # made up
    other = solve(issue_challenge(make_report(PrivacyTier.ANONIM)))
    refused(other, "could not be checked")  # issued for another report
    stale = solve(issue_challenge(report, now=time.time() - 3600))
    refused(stale, "open too long")
    easy.LAYANI_SUPPORT_PROOF_BITS = 12  # a challenge from before the difficulty was raised
    refused(good, "could not be checked")
    easy.LAYANI_SUPPORT_PROOF_BITS = 8
    report.refresh_from_db()
    assert report.support_count == 0
    assert _support(_fresh(), report, good).status_code == 200  # counted, shown after redirect
    refused(good, "already sent once")  # the same proof from another browser
    report.refresh_from_db()
    assert report.support_count == 1


def test_the_default_proof_needs_fifteen_zero_bits(report):
    issued = issue_challenge(report)
    assert issued.bits == 15
    # A counter good enough for 8 bits but not for 15 is refused at the default difficulty.
    weak = next(
        n
        for n in range(1_000_000)
        if meets(proof_hash(issued.nonce, str(n)), 8)
        and not meets(proof_hash(issued.nonce, str(n)), 15)
    )
    with pytest.raises(SubmissionError) as refused:
        support_report(
            report, Supporter.anonymous("guest:w", ADDRESS, Proof(issued.token, str(weak)))
        )
    assert refused.value.code == "proof_invalid"
    assert meets(proof_hash(issued.nonce, solve(issued).counter), 15)


def test_the_same_browser_counts_once_and_spends_no_more_budget(easy, report):
    browser = _fresh()
    for _ in range(3):
        _support(browser, report)
    report.refresh_from_db()
    assert report.support_count == 1
    assert SupportBudget.objects.get(report=report).counted == 1
    page = _text(browser.get(reverse("portal:report-detail", args=[report.tracking_id])))
    assert "You support this report." in page


def test_the_page_offers_guests_the_checked_form_and_tells_them_without_javascript(report):
    page = _text(_fresh().get(reverse("portal:report-detail", args=[report.tracking_id])))
    assert "data-support-proof" in page and 'name="proof_token"' in page
    assert 'role="status" aria-live="polite" data-support-status' in page
    assert "portal/support.js" in page
    assert "To support without JavaScript, sign in first." in page


def test_no_challenge_for_a_report_that_is_not_public(make_report):
    secret = make_report(PrivacyTier.RAHASIA)
    url = reverse("portal:report-support-challenge", args=[secret.tracking_id])
    assert _fresh().get(url).status_code == 404
    with pytest.raises(SubmissionError) as refused:
        support_report(secret, Supporter.anonymous("guest:x", ADDRESS, None))
    assert refused.value.code == "not_public"


def test_the_console_case_page_shows_how_the_count_was_reached(
    easy, report, team, staff_login, django_user_model
):
    easy.LAYANI_SUPPORT_ADDRESS_BUDGET = 2
    for user in range(1, 3):
        support_report(report, Supporter.account(user, ADDRESS))
    outcomes = [
        support_report(
            report, Supporter.anonymous(f"guest:{i}", address, solve(issue_challenge(report)))
        )
        for i, address in enumerate([ADDRESS] * 5 + ["198.51.100.20"])
    ]
    assert outcomes.count(Outcome.OVER_BUDGET) == 3
    report.refresh_from_db()
    page = staff_login(team.coordinator).get(
        reverse("console:case", args=[report.tracking_id]), HTTP_ACCEPT_LANGUAGE="en"
    )
    text = re.sub(r"<[^>]+>", "", _text(page))
    assert (
        "5 supports: 2 signed-in citizens, 3 anonymous from 2 addresses; "
        "3 not counted (address budget)"
    ) in text


def test_the_breakdown_explains_supports_from_merged_duplicates_and_before_addresses(report):
    Support.objects.create(report=report, supporter_key="guest:old", kind=SupportKind.ANONYMOUS)
    type(report).objects.filter(pk=report.pk).update(support_count=4)
    report.refresh_from_db()
    breakdown = support_breakdown(report)
    assert breakdown.anonymous_without_address == 1 and breakdown.addresses == 0
    assert breakdown.carried_over == 3


def test_the_migration_gives_existing_supports_their_kind(report):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("layani.intake.migrations.0007_support_kind_address_budget")
    Support.objects.create(report=report, supporter_key="user:7", kind=SupportKind.ANONYMOUS)
    Support.objects.create(report=report, supporter_key="guest:ab", kind=SupportKind.ANONYMOUS)
    migration.kinds_of_existing_supports(apps, None)
    kinds = dict(report.supports.values_list("supporter_key", "kind"))
    assert kinds == {"user:7": SupportKind.ACCOUNT, "guest:ab": SupportKind.ANONYMOUS}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_support_js_finds_a_proof_the_server_accepts(report):
    issued = issue_challenge(report)
    script = (
        f"var s = require({json.dumps(str(SUPPORT_JS))});"
        f"s.solve({json.dumps(issued.nonce)}, {issued.bits}, function (c) {{ console.log(c); }});"
    )
    node = shutil.which("node") or "node"
    run = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)  # noqa: S603  # nosec B603
    counter = run.stdout.strip()
    assert run.returncode == 0, run.stderr
    assert meets(proof_hash(issued.nonce, counter), issued.bits)
    assert (
        support_report(
            report, Supporter.anonymous("guest:js", ADDRESS, Proof(issued.token, counter))
        )
        is Outcome.COUNTED
    )
