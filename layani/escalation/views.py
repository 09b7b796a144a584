"""The public page of signed audit checkpoints: anyone can keep them and verify the chain later."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from layani.audit import signing
from layani.audit.models import AuditCheckpoint

PAGE_SIZE = 200


@require_GET
def audit_checkpoints(request: HttpRequest) -> HttpResponse:
    """The latest checkpoints (sequence, hash, signature, key id, time) and the public key."""
    checkpoints = AuditCheckpoint.objects.order_by("-entry_sequence", "-id")[:PAGE_SIZE]
    try:
        public_key_pem = signing.public_key_pem()
    except (ImproperlyConfigured, OSError, ValueError):
        public_key_pem = ""
    return render(
        request,
        "escalation/audit_checkpoints.html",
        {"checkpoints": checkpoints, "public_key_pem": public_key_pem},
    )
