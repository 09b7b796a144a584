"""Masked forms of a reporter's identity: enough to recognise a caller, not to expose them.

What each audience may read of a report's *text* is `presentation`'s."""

from __future__ import annotations


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
