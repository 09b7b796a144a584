"""Turning an Open311 POST into a `ReportSubmission`, and submit_report's refusals into 400s.

Where a request is: ``lat``+``long``, ``address_string`` or ``address_id`` (the spec asks for one of
them). Which region it belongs to: Layani needs a Kemendagri code, which the spec has no field for,
so it comes from the ``region_code`` extension, else from ``address_id`` (our addressing system is
Kemendagri's), else from the deployment's ``LAYANI_OPEN311_DEFAULT_REGION``; without any of them
the request is refused with a 400 that says so. See docs/decisions/0009-open311-server.md.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, QueryDict
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from layani.directory import lookups
from layani.directory.models import Category, QuestionType
from layani.intake.models import Channel
from layani.intake.services import Identity, ReportSubmission

from . import conf
from .models import ApiKey
from .params import bad, parse_float

#: Length limits of the identity columns, checked here so that a long value is a 400, not a 500.
NAME_MAX, PHONE_MAX, EMAIL_MAX = 150, 20, 254


def build_submission(
    request: HttpRequest, form: QueryDict, service: Category, key: ApiKey
) -> ReportSubmission:
    lat, lng = form.get("lat", "").strip(), form.get("long", "").strip()
    address = form.get("address_string", "").strip()
    address_id = form.get("address_id", "").strip()
    if (lat or lng) and not (lat and lng):
        raise bad("lat" if not lat else "long", _("lat and long go together."))
    if not (lat or address or address_id):
        raise bad("location", _("send lat and long, address_string or address_id."))
    latitude = parse_float(lat, "lat", 90) if lat else None
    longitude = parse_float(lng, "long", 180) if lng else None
    # Browsers and form libraries send line breaks as CRLF; the spec's 4,000 characters count
    # each break once, as the stored text does.
    description = form.get("description", "").replace("\r\n", "\n").strip() or service.name
    if len(description) > conf.DESCRIPTION_MAX:
        raise bad("description", _("at most 4000 characters."))
    return ReportSubmission(
        description=description,
        region_code=_region_code(form, address_id, has_point=latitude is not None),
        channel=Channel.OPEN311,
        category_code=service.code,
        latitude=latitude,
        longitude=longitude,
        address=address[:300],
        channel_ref=key.name,
        idempotency_key=_idempotency_key(request, form, key),
        identity=_identity(form),
        answers=_answers(form, service),
    )


#: Submission fields (as `submit_report` names them in a refusal) -> the parameter the client sent.
_CLIENT_NAMES = {
    "category": "service_code",
    "location": "lat",
    "latitude": "lat",
    "longitude": "long",
    "address": "address_string",
    "title": "description",
    "name": "first_name",
    "attachments": "media_url",
}


def client_field(field: str, form: QueryDict) -> str:
    """The parameter behind a submission field, as the client sent it: ``answers.ukuran`` is
    ``attribute[ukuran]`` (or ``attribute[ukuran][]`` when sent so), ``region`` the
    ``region_code`` or ``address_id`` that named it."""
    if field.startswith("answers."):
        code = field.removeprefix("answers.")
        multi = f"attribute[{code}][]"
        return multi if multi in form else f"attribute[{code}]"
    if field == "region":
        return "region_code" if form.get("region_code", "").strip() else "address_id"
    return _CLIENT_NAMES.get(field, field)


def _region_code(form: QueryDict, address_id: str, *, has_point: bool) -> str:
    """The region code sent, if any. A point alone (the spec's minimum) is placed by intake
    (`intake.places`), so the deployment's default region only stands in when there is neither."""
    code = form.get("region_code", "").strip() or address_id
    if not code and has_point:
        return ""
    code = code or conf.default_region()
    if not code:
        raise bad(
            "region_code",
            _(
                "this server needs the Kemendagri code of the village or regency "
                "(region_code or address_id), e.g. 34.04.07.2001."
            ),
        )
    if not lookups.region_exists(code):
        name = "region_code" if form.get("region_code", "").strip() else "address_id"
        raise bad(name, _("unknown Kemendagri region code."))
    return code


def _identity(form: QueryDict) -> Identity:
    name = " ".join(f"{form.get('first_name', '')} {form.get('last_name', '')}".split())
    email = form.get("email", "").strip()
    phone = "".join(form.get("phone", "").split())
    if len(name) > NAME_MAX:
        raise bad("first_name", _("the name is too long."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise bad("email", _("not an e-mail address.")) from None
        if len(email) > EMAIL_MAX:
            raise bad("email", _("not an e-mail address."))
    if phone and (len(phone) > PHONE_MAX or not phone.lstrip("+").isdigit()):
        raise bad("phone", _("not a phone number."))
    return Identity(name=name, email=email, phone=phone)


def _answers(form: QueryDict, service: Category) -> dict[str, Any]:
    """``attribute[CODE]=v`` and ``attribute[CODE][]=v…`` as {code: value or [values]}."""
    types = {q.code: q.type for q in service.questions.all()}
    answers: dict[str, Any] = {}
    for key in form:
        if not (key.startswith("attribute[") and key.endswith("]")):
            continue
        multi = key.endswith("[]")
        code = key[len("attribute[") : -3 if multi else -1]
        values = [v for v in form.getlist(key) if v.strip()]
        if not values:
            continue
        if types.get(code) == QuestionType.DATE:
            values = [_date_part(code, v) for v in values]
        answers[code] = (
            values if multi or types.get(code) == QuestionType.MULTIPLE_CHOICE else values[-1]
        )
    return answers


def _date_part(code: str, raw: str) -> str:
    # The definition says "datetime" (the spec has no date type); Layani keeps the day.
    raw = raw.strip()
    try:
        moment = parse_datetime(raw.replace(" ", "+", 1) if "T" in raw else raw)
        day = moment.date() if isinstance(moment, datetime) else parse_date(raw)
    except ValueError:
        day = None
    if day is None:
        raise bad(f"attribute[{code}]", _("not an ISO 8601 date or datetime."))
    return day.isoformat()


def _idempotency_key(request: HttpRequest, form: QueryDict, key: ApiKey) -> str:
    """Optional retry safety: the same ``Idempotency-Key`` from the same integrator, one report."""
    given = (request.headers.get("Idempotency-Key") or form.get("idempotency_key", "")).strip()
    if not given:
        return ""
    digest = hashlib.sha256(f"{key.name}\n{given}".encode()).hexdigest()
    return f"open311:{digest[:48]}"
