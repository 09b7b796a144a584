"""The machine endpoints: every request authenticates itself (HMAC signature or LAPOR! token),
so they are exempt from CSRF like the other machine endpoints (open311, api, messaging).

Errors are JSON (or `<lapor>` XML) with a stable code, the field at fault and a message in the
client's language (Accept-Language); never a 500 for bad input.
"""

from __future__ import annotations

import hmac
import logging
import time

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from layani.federation.inbound import RefusedError, receive
from layani.federation.models import Peer, PeerKind
from layani.federation.wire import WireError, lapor_xml, layani_json

logger = logging.getLogger(__name__)


def _error(status: int, code: str, field: str, message: str) -> JsonResponse:
    return JsonResponse({"error": code, "field": field, "message": message}, status=status)


@csrf_exempt
@require_POST
def inbox(request: HttpRequest) -> JsonResponse:
    """A signed message from another Layani deployment (layani_json)."""
    sender = request.headers.get(layani_json.PEER_HEADER, "")
    peer = Peer.objects.filter(deployment_id=sender, kind=PeerKind.LAYANI, active=True).first()
    body = layani_json.read_body(request)
    if peer is None or not layani_json.signed(
        peer.secret, body, dict(request.headers), time.time()
    ):
        return _error(401, "unauthenticated", "signature", _("Unknown peer or invalid signature."))
    try:
        message = layani_json.decode(body)
        answer = receive(peer, message)
    except (WireError, RefusedError) as problem:
        logger.info("federation inbox peer=%s refused code=%s", sender, problem.code)
        status = 400 if isinstance(problem, WireError) else 409
        return _error(status, problem.code, problem.field, problem.message)
    return JsonResponse(
        {"ok": True, "tracking_id": answer.tracking_id, "repeated": answer.repeated}
    )


def _xml(status: int, *, tracking_id: str = "", error: str = "") -> HttpResponse:
    return HttpResponse(
        lapor_xml.encode_answer(tracking_id, error),
        status=status,
        content_type="application/xml; charset=utf-8",
    )


@csrf_exempt
@require_POST
def lapor(request: HttpRequest, deployment_id: str) -> HttpResponse:
    """A `<lapor>` document from SP4N-LAPOR!: a disposition to this deployment or a follow-up."""
    peer = Peer.objects.filter(
        deployment_id=deployment_id, kind=PeerKind.LAPOR, active=True
    ).first()
    try:
        root = lapor_xml.parse(request.body)
        token = lapor_xml.token_of(root)
        if peer is None or not hmac.compare_digest(token.encode(), peer.secret.encode()):
            return _xml(401, error=_("Unknown peer or invalid token."))
        answer = receive(peer, lapor_xml.decode(root, sender=peer.deployment_id))
    except (WireError, RefusedError) as problem:
        status = 400 if isinstance(problem, WireError) else 409
        return _xml(status, error=f"{problem.code}: {problem.message}")
    return _xml(200, tracking_id=answer.tracking_id)
