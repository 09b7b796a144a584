""" "Dukung" on a public report's page: the portal's side of `layani.intake.supports`.

A signed-in citizen's support counts once per account. A guest's needs a proof of work the browser
solves (`challenge` hands out the signed challenge; static/portal/support.js solves it and posts
the form with ``proof_token`` and ``proof_counter``) and is counted within the address budget;
the guest is also remembered by an HMAC of a random id in a long-lived cookie, so the same browser
counts once and its page says "you support this". Without JavaScript a guest is asked to sign in.
The rule itself, and why, is in the intake module's docstring.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from layani.intake.errors import SubmissionError
from layani.intake.models import Report
from layani.intake.supports import (
    Challenge,
    Outcome,
    Proof,
    Supporter,
    issue_challenge,
    support_report,
)
from layani.security.ratelimit import client_ip

from .selectors import public_report

SUPPORTER_COOKIE = "layani_supporter"
_COOKIE_SALT = "layani.portal.supporter"


def _report_or_404(tracking_id: str) -> Report:
    report = public_report(tracking_id.upper())
    if report is None:
        raise Http404(_("There is no public report with this number."))
    return report


@never_cache
@require_GET
def challenge(request: HttpRequest, tracking_id: str) -> JsonResponse:
    """A fresh proof-of-work challenge for supporting this report without an account."""
    return challenge_response(issue_challenge(_report_or_404(tracking_id)))


@require_POST
def support(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Count this person's support on a public report, under the rule of `intake.supports`."""
    report = _report_or_404(tracking_id)
    supporter, new_cookie = supporter_from(request)
    try:
        outcome = support_report(report, supporter)
    except SubmissionError as error:
        # A missing proof (no JavaScript) asks for signing in; a bad one is refused: nothing counted.
        status = 403 if error.code == "proof_missing" else 400
        context = {"report": report, "message": error.message, "sign_in": _sign_in_url(report)}
        return render(request, "portal/support_refused.html", context, status=status)
    if outcome is Outcome.COUNTED:
        messages.success(request, _("Thank you — your support was counted."))
    elif outcome is Outcome.ALREADY:
        messages.info(request, _("You already support this report."))
    else:
        messages.warning(
            request,
            _(
                "Your support was not counted: several people on the same network have already "
                "supported this report today without signing in. Sign in to support it with your "
                "account."
            ),
        )
    response = redirect(reverse("portal:report-detail", args=[report.tracking_id]) + "#support")
    return remember_supporter(request, response, new_cookie)


def _sign_in_url(report: Report) -> str:
    page = reverse("portal:report-detail", args=[report.tracking_id])
    return reverse("portal:sign-in") + "?" + urlencode({"next": page})


def challenge_response(issued: Challenge) -> JsonResponse:
    """A proof-of-work challenge as support.js reads it (reports and planning proposals alike)."""
    return JsonResponse(
        {
            "token": issued.token,
            "nonce": issued.nonce,
            "bits": issued.bits,
            "expires_in": issued.expires_in,
        }
    )


def supporter_from(request: HttpRequest) -> tuple[Supporter, str | None]:
    """Who supports: the account, or the guest with their proof of work and the cookie's id.

    The second value is a new guest id to remember in the cookie (``remember_supporter``)."""
    address = client_ip(request)
    if request.user.is_authenticated:
        return Supporter.account(request.user.pk, address), None
    raw = _cookie(request)
    new_cookie = None
    if not raw:
        raw = new_cookie = secrets.token_urlsafe(24)
    proof = Proof(
        token=request.POST.get("proof_token", "")[:200],
        counter=request.POST.get("proof_counter", "")[:20],
    )
    return Supporter.anonymous(_guest_key(raw), address, proof), new_cookie


def remember_supporter(
    request: HttpRequest, response: HttpResponse, new_cookie: str | None
) -> HttpResponse:
    if new_cookie:
        response.set_signed_cookie(
            SUPPORTER_COOKIE,
            new_cookie,
            salt=_COOKIE_SALT,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def _cookie(request: HttpRequest) -> str:
    return str(request.get_signed_cookie(SUPPORTER_COOKIE, default="", salt=_COOKIE_SALT))


def supporter_key(request: HttpRequest) -> str:
    """This visitor's supporter key, or "" for a guest who has not supported anything yet."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    raw = _cookie(request)
    return _guest_key(raw) if raw else ""


def _guest_key(raw: str) -> str:
    # The stored key is an HMAC: the database never holds the cookie value itself.
    digest = hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()
    return f"guest:{digest[:40]}"
