"""Checks on what callers put into the audit log, so that personal data never enters the chain.

The chain is permanent: an entry can never be edited or erased without breaking verification. Under
UU PDP a citizen's personal data must be erasable, so the chain may hold only pseudonymous
references (``user:42``, a tracking ID) and codes. These checks are a guard rail against mistakes,
not a proof: callers are responsible for passing references only. Error messages name the offending
key or field but never repeat its value, so that a rejected value does not end up in a log instead.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from typing import Any

from . import vocabulary
from .chain import canonical_json

ACTION_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
ACTOR_REF_RE = re.compile(r"^[a-z][a-z0-9_]*(:[A-Za-z0-9_.\-]{1,64})?$")
OBJECT_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
OBJECT_REF_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,100}$")
PAYLOAD_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")

#: Key words that mark personal data, in English and Indonesian.
PERSONAL_DATA_WORDS = frozenset(
    {
        "name",
        "nama",
        "fullname",
        "firstname",
        "lastname",
        "username",
        "nik",
        "ktp",
        "phone",
        "telepon",
        "telp",
        "hp",
        "nohp",
        "msisdn",
        "email",
        "address",
        "alamat",
    }
)

_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NIK_RE = re.compile(r"^\d{16}$")
_PHONE_RE = re.compile(r"^(\+?62|0)8\d{7,12}$")
_CAMEL_BOUNDARY_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_MAX_DEPTH = 8


def check_references(*, action: str, actor_ref: str, object_type: str, object_ref: str) -> None:
    """Refuse malformed actions and references, and references that look like personal data."""
    if not ACTION_RE.match(action):
        raise ValueError("action must be a dotted lowercase name such as 'report.submitted'.")
    if not vocabulary.is_known(action):
        raise ValueError(
            f"action {action!r} has no words in layani/audit/vocabulary.py; add them there first."
        )
    if not ACTOR_REF_RE.match(actor_ref):
        raise ValueError(
            "actor_ref must be a pseudonymous reference such as 'user:42' or 'system'."
        )
    if not OBJECT_TYPE_RE.match(object_type):
        raise ValueError("object_type must be a lowercase name such as 'report'.")
    if not OBJECT_REF_RE.match(object_ref) or _looks_personal(object_ref):
        raise ValueError("object_ref must be an identifier such as a tracking ID or a primary key.")
    reference = actor_ref.partition(":")[2]
    if reference and _looks_personal(reference):
        raise ValueError("actor_ref must not carry a NIK or phone number.")


def clean_payload(payload: dict[str, Any] | None) -> dict[str, Any]:
    """The payload as it will be stored and hashed, or ValueError if it may hold personal data.

    The value comes back through a JSON round trip (tuples become lists), so the hash computed now
    is the hash recomputed later from what the database returns.
    """
    if payload is None:
        return {}
    if not isinstance(payload, dict):
        raise ValueError("payload must be a dict of references and codes.")
    _check_value(payload, "payload", 0)
    cleaned: dict[str, Any] = json.loads(canonical_json(payload))
    return cleaned


def _check_value(value: Any, path: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError(f"{path}: nested too deeply.")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not PAYLOAD_KEY_RE.match(key):
                raise ValueError(f"{path}: keys must be identifiers (letters, digits, underscore).")
            if is_personal_data_key(key):
                raise ValueError(
                    f"{path}.{key}: looks like personal data; pass a reference or code instead."
                )
            _check_value(item, f"{path}.{key}", depth + 1)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if _looks_personal(str(value)):
            raise ValueError(f"{path}: looks like a NIK or phone number.")
    elif isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{path}: NUL characters cannot be stored.")
        if _looks_personal(value):
            raise ValueError(f"{path}: looks like an e-mail address, NIK or phone number.")
    elif isinstance(value, float):
        raise ValueError(f"{path}: floats are not allowed; pass a string or an integer.")
    else:
        raise ValueError(f"{path}: only strings, integers, booleans, null, lists and dicts.")


def is_personal_data_key(key: str) -> bool:
    """True when a payload key names personal data: ``reporter_name``, ``phoneNumber``, ``NIK``…"""
    words = [w.lower() for w in _CAMEL_BOUNDARY_RE.sub("_", key).split("_") if w]
    candidates = set(words)
    candidates.update(a + b for a, b in pairwise(words))
    candidates.add("".join(words))
    return not candidates.isdisjoint(PERSONAL_DATA_WORDS)


def _looks_personal(text: str) -> bool:
    if _EMAIL_RE.search(text):
        return True
    compact = re.sub(r"[\s.\-()]", "", text)
    return bool(_NIK_RE.match(compact) or _PHONE_RE.match(compact))
