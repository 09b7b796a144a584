"""mySociety's ``POST servicerequestupdates``: an update from the client's side of a request.

FixMyStreet (and other clients of the extension) send the comments their users write on a report
they forwarded to us: ``service_request_id``, ``update_id`` (older versions: ``update_id_ext``),
``updated_datetime``, ``status``, ``description``, ``email``, ``first_name``, ``last_name``,
``media_url`` and ``api_key``. Such an update is the reporter speaking through the integration that
submitted the report, so it becomes a reporter message on the case through the domain service
(`cases.services.post_reporter_reply`, which also answers a held report), and only on a request
that the same integrator submitted. The commenter's name and e-mail are not kept: the report's
identity is already stored apart, and the message needs none.

Retries are safe: the integrator's ``update_id`` is remembered (as a keyed digest) in the audit
entry this adapter records beside the domain's own, and a repeat answers with the first update's
ID and records nothing. The report's row is locked before that check, so two copies of one update
arriving together make one message. The answer's ``update_id`` is the sequence of the public
event the message made, the ID ``GET servicerequestupdates`` lists it under, so a client that
polls for updates recognises its own. See docs/open311.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from layani.audit.models import AuditEntry
from layani.audit.services import record
from layani.cases.services import post_reporter_reply
from layani.cases.workflow import WorkflowError
from layani.intake import journal
from layani.intake.models import Channel, Report
from layani.intake.tracking import normalize_tracking_id

from .formats import Open311Error
from .keys import required_key
from .models import ApiKey
from .params import bad, parse_moment

ACTION = "open311.update_received"
#: The events a reporter's message makes on the report's timeline (a held report is answered).
MESSAGE_ACTIONS = ("message.reporter", "report.information_provided")
#: mySociety's statuses (FixMyStreet sends them in capitals); the case's own state is not moved.
STATUSES = frozenset(
    {
        "open",
        "closed",
        "fixed",
        "in_progress",
        "action_scheduled",
        "investigating",
        "duplicate",
        "not_councils_responsibility",
        "no_further_action",
        "internal_referral",
        "reopen",
    }
)
UPDATE_ID_MAX = 100
DESCRIPTION_MAX = 4000
MEDIA_URL_MAX = 2000


def post_update(request: HttpRequest, form: QueryDict) -> dict[str, Any]:
    """Take one update; the extension's ``request_update`` answer (``update_id``)."""
    key = required_key(request)
    report = _own_request(form, key)
    update_id = (form.get("update_id") or form.get("update_id_ext") or "").strip()
    if len(update_id) > UPDATE_ID_MAX:
        raise bad("update_id", _("at most %(max)d characters.") % {"max": UPDATE_ID_MAX})
    status = form.get("status", "").strip().lower()
    if status and status not in STATUSES:
        raise bad("status", _("not one of the statuses of the servicerequestupdates extension."))
    parse_moment(form, "updated_datetime")  # checked like every datetime; the server's time counts
    text = _message(form, status)
    try:
        return _post(key, report, update_id, status, text)
    except WorkflowError as refused:  # a closed case, say
        raise bad("service_request_id", refused.message) from None


def _post(key: ApiKey, report: Report, update_id: str, status: str, text: str) -> dict[str, Any]:
    with transaction.atomic():
        locked = Report.objects.public().select_for_update().get(pk=report.pk)
        ref = _update_ref(key, update_id) if update_id else ""
        earlier = _earlier(locked, ref) if ref else None
        if earlier is not None:
            return {"update_id": earlier}
        message = post_reporter_reply(locked, text=text)
        event = (
            AuditEntry.objects.filter(
                object_type="report", object_ref=locked.tracking_id, action__in=MESSAGE_ACTIONS
            )
            .order_by("-sequence")
            .values_list("sequence", flat=True)
            .first()
        )
        answer = str(event) if event is not None else f"m{message.pk}"
        record(
            ACTION,
            actor_ref=f"open311_key:{key.pk}",
            object_type="report",
            object_ref=locked.tracking_id,
            payload={
                "update_ref": ref,
                "update": answer,
                "message": message.pk,
                "status": status,
            },
        )
    return {"update_id": answer}


def _own_request(form: QueryDict, key: ApiKey) -> Report:
    raw = form.get("service_request_id", "").strip()
    if not raw:
        raise bad("service_request_id", _("required."))
    canonical = normalize_tracking_id(raw)
    if canonical and journal.public_waiting(raw) is not None:
        raise bad("service_request_id", _("still being recorded; send the update again shortly."))
    report = Report.objects.public().filter(tracking_id=canonical).first() if canonical else None
    if report is None:
        raise Open311Error(
            404,
            _("%(what)s %(id)s was not found.") % {"what": "service_request_id", "id": raw[:40]},
        )
    if report.channel != Channel.OPEN311 or report.channel_ref != key.name:
        raise Open311Error(
            403, _("service_request_id: updates are taken only on requests this api_key sent.")
        )
    return report


def _message(form: QueryDict, status: str) -> str:
    """The message as the handling agencies will read it: the comment, and a photo's address.
    Refusals are in the client's language, the stored words in the deployment's."""
    text = form.get("description", "").replace("\r\n", "\n").strip()
    if len(text) > DESCRIPTION_MAX:
        raise bad("description", _("at most 4000 characters."))
    media = form.get("media_url", "").strip()
    if media and (
        len(media) > MEDIA_URL_MAX or not media.lower().startswith(("https://", "http://"))
    ):
        raise bad("media_url", _("not an http or https URL."))
    if not (text or media or status):
        raise bad("description", _("required (or a status)."))
    with translation.override(settings.LANGUAGE_CODE):
        if media:
            text = "\n".join(filter(None, [text, _("Photo: %(url)s") % {"url": media}]))
        if not text:
            text = _("The reporter set the status to %(status)s.") % {"status": status}
    return text


def _update_ref(key: ApiKey, update_id: str) -> str:
    # A keyed digest: the audit log holds references, not what a client chose to send.
    return salted_hmac("open311-update", f"{key.name}\n{update_id}").hexdigest()[:40]


def _earlier(report: Report, ref: str) -> str | None:
    entry = (
        AuditEntry.objects.filter(
            object_type="report", object_ref=report.tracking_id, action=ACTION
        )
        .filter(payload__update_ref=ref)
        .values_list("payload", flat=True)
        .first()
    )
    return str(entry["update"]) if isinstance(entry, dict) else None
