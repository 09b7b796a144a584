"""Masked forms of a reporter's identity: enough to recognise a caller, not to expose them."""

from __future__ import annotations

from layani.intake.models import Report
from layani.routing.redaction import redact


def mask_name(name: str) -> str:
    """'Siti Rahayu' → 'S*** R*****'."""
    return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split()) if name else ""


def mask_phone(phone: str) -> str:
    """'081234567890' → '0812******90'."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return digits[:4] + "*" * max(len(digits) - 6, 0) + digits[-2:] if len(digits) > 6 else ""


def mask_nik(nik: str) -> str:
    """A NIK keeps its district code (first 6 digits) only."""
    return nik[:6] + "*" * (len(nik) - 6) if len(nik) > 6 else ""


def mask_email(email: str) -> str:
    """'siti@example.org' → 's***@example.org'."""
    if "@" not in email:
        return ""
    local, domain = email.split("@", 1)
    return f"{local[:1]}***@{domain}"


def for_the_agency(report: Report, text: str) -> str:
    """`text` as a handling agency may read it: on anonymous tiers, personal data the reporter
    typed into their own report (a phone number, a NIK, a name) is masked too — the agency must
    not learn who sent an anonymous report from its content either."""
    if not report.hides_identity_from_agency or not text:
        return text
    return redact(text).text


def answers_for_the_agency(report: Report, answers: dict[str, object]) -> dict[str, object]:
    if not report.hides_identity_from_agency:
        return answers
    return {k: for_the_agency(report, v) if isinstance(v, str) else v for k, v in answers.items()}
