"""What of a reporter's identity may cross to another complaint system (federation), read at home.

The federation app decides *whether* identity crosses (by privacy tier and the kind of receiver);
this module reads it, here where identity lives, and never when the reporter restricted the
processing of their data (UU PDP).
"""

from __future__ import annotations

from layani.intake.models import Report, ReporterIdentity

from .permissions import identity_restricted

TRANSFERABLE_FIELDS = ("name", "nik", "phone", "email")


def identity_for_transfer(report: Report, fields: tuple[str, ...]) -> dict[str, str]:
    """The named identity fields that are filled in, or {} (no identity, or restricted)."""
    if identity_restricted(report):
        return {}
    identity = ReporterIdentity.objects.filter(report=report).first()
    if identity is None:
        return {}
    values = {name: getattr(identity, name) for name in fields if name in TRANSFERABLE_FIELDS}
    return {name: value for name, value in values.items() if value}
