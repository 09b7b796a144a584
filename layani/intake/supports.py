"""Supports ("dukung", me too) on public reports: one person, one support.

A support raises a report in the coordinator's queue and shows on its public page, so a support
must cost whoever gives it something a script cannot get for free. The rule, for every channel
(today only the portal takes supports; Open311, the API and messaging only read `support_count`):

* **Signed-in citizen** (`Supporter.account`): key ``user:<id>``, kind ``account``. Counts once
  per account however often and from wherever they click. The cost is an account.
* **Anonymous** (`Supporter.anonymous`), kind ``anonymous``; all three must hold:

  1. *Proof of work.* The server issues a challenge (`issue_challenge`): the report, the time, a
     difficulty and a random nonce, signed with an HMAC of the secret key, valid for
     `CHALLENGE_SECONDS`. The browser finds a counter such that SHA-256(``<nonce>:<counter>``)
     begins with `bits` zero bits (`PROOF_BITS`, 15 by default: about 33,000 hashes on average, an
     estimated half a second in the portal's plain JavaScript on a cheap phone, not measured on one;
     one hash for the server to check). A missing, forged, altered, expired, wrong or already used
     proof is refused with a `SubmissionError` (codes ``proof_missing``, ``proof_invalid``,
     ``proof_expired``, ``proof_reused``) and counts nothing. A proof is spent once (an atomic
     ``cache.add`` of its nonce, kept as long as the challenge is valid) and only on the report it
     was issued for. Without JavaScript there is no proof, so an anonymous support without one is
     refused with a message to sign in: accepting it would make the proof optional and worthless.
  2. *Once per browser.* The key is an HMAC of a random id in a cookie (the adapter's); clicking
     again from the same browser is "already supported" and spends no budget.
  3. *Address budget.* At most `ADDRESS_BUDGET` (5) anonymous supports from one address on one
     report per day (Asia/Jakarta). Not 1: many Indonesian phones share one public address behind
     carrier-grade NAT. IPv6 addresses count per /64, the prefix one subscriber gets. Beyond the
     budget a support is not counted (`Outcome.OVER_BUDGET`), the attempt is added to
     `SupportBudget.refused`, and the person is told they can sign in to support.

So 50 fresh cookie-less sessions on one address count at most 5 times, each costing a solved
proof, and the coordinator sees the 45 others as "not counted". The addresses are stored only as
a keyed hash (HMAC of the address, or of the /64 for IPv6, with a key derived from SECRET_KEY), on
`Support.address_hash` and on `SupportBudget`, so "5 anonymous from 3 addresses" can be told
without keeping anyone's IP address.

Race safety: a support, its budget charge and ``support_count + 1`` are one transaction. The
`SupportBudget` row for (report, address, day) is charged with ``UPDATE … SET counted = counted + 1
WHERE counted < budget``, which PostgreSQL re-checks after waiting for the row lock, so concurrent
clicks never pass the budget; the unique (report, supporter_key) constraint keeps one support per
person, and if it refuses, the whole transaction (budget charge included) rolls back. SQLite
serialises writers (IMMEDIATE transactions). `support_count` stays the number of `Support` rows
plus what merged duplicates brought (`cases.services.verification.merge_report`); the breakdown
(`support_breakdown`) shows that part as carried over.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import ipaddress
import secrets
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .errors import SubmissionError
from .models import Report, Support, SupportBudget, SupportKind

#: Leading zero bits a proof needs (LAYANI_SUPPORT_PROOF_BITS): 15 ≈ 33,000 hashes (estimated
#: 0.3–0.6 s on a cheap phone; 40–50 ms measured in Node on the development server).
PROOF_BITS = 15
#: How long a challenge may be solved and used (LAYANI_SUPPORT_CHALLENGE_SECONDS).
CHALLENGE_SECONDS = 600
#: Anonymous supports counted per address per report per day (LAYANI_SUPPORT_ADDRESS_BUDGET).
ADDRESS_BUDGET = 5

_CHALLENGE_SALT = "layani.intake.supports.challenge"
_ADDRESS_SALT = "layani.intake.supports.address"
_VERSION = "s1"


def proof_bits() -> int:
    # 1 to 32: support.js compares the first 32-bit word of the hash.
    return max(1, min(32, int(getattr(settings, "LAYANI_SUPPORT_PROOF_BITS", PROOF_BITS))))


def challenge_seconds() -> int:
    return int(getattr(settings, "LAYANI_SUPPORT_CHALLENGE_SECONDS", CHALLENGE_SECONDS))


def address_budget() -> int:
    return int(getattr(settings, "LAYANI_SUPPORT_ADDRESS_BUDGET", ADDRESS_BUDGET))


class Outcome(enum.Enum):
    COUNTED = "counted"
    ALREADY = "already"
    OVER_BUDGET = "over_budget"


@dataclass(frozen=True)
class Challenge:
    """What the browser gets: the signed token to send back, and what to hash (nonce, bits)."""

    token: str
    nonce: str
    bits: int
    expires_in: int


@dataclass(frozen=True)
class Proof:
    """The challenge token as issued and the counter the browser found."""

    token: str
    counter: str


@dataclass(frozen=True)
class Supporter:
    """Who supports, as far as the rule needs to know: build with `account` or `anonymous`."""

    key: str
    kind: SupportKind
    address: str = ""
    proof: Proof | None = None

    @classmethod
    def account(cls, user_id: int, address: str = "") -> Supporter:
        return cls(key=f"user:{user_id}", kind=SupportKind.ACCOUNT, address=address)

    @classmethod
    def anonymous(cls, key: str, address: str, proof: Proof | None) -> Supporter:
        return cls(key=key, kind=SupportKind.ANONYMOUS, address=address, proof=proof)


def _signature(payload: str) -> str:
    return salted_hmac(_CHALLENGE_SALT, payload, algorithm="sha256").hexdigest()[:32]


def issue_challenge(report: Report, now: float | None = None) -> Challenge:
    """A fresh proof-of-work challenge for supporting this report anonymously."""
    issued = int(time.time() if now is None else now)
    bits = proof_bits()
    nonce = secrets.token_hex(8)
    payload = f"{_VERSION}.{report.tracking_id}.{issued}.{bits}.{nonce}"
    return Challenge(
        token=f"{payload}.{_signature(payload)}",
        nonce=nonce,
        bits=bits,
        expires_in=challenge_seconds(),
    )


def proof_hash(nonce: str, counter: str) -> bytes:
    return hashlib.sha256(f"{nonce}:{counter}".encode()).digest()


def meets(digest: bytes, bits: int) -> bool:
    """Whether the digest begins with `bits` zero bits."""
    return int.from_bytes(digest, "big") >> (len(digest) * 8 - bits) == 0


def solve(challenge: Challenge) -> Proof:
    """Find a proof in Python (tests, scripts and the docs' examples; browsers use support.js)."""
    counter = 0
    while not meets(proof_hash(challenge.nonce, str(counter)), challenge.bits):
        counter += 1
    return Proof(token=challenge.token, counter=str(counter))


def _refuse(code: str, message: str) -> SubmissionError:
    return SubmissionError(code, "proof", message)


def check_proof(report: Report, proof: Proof | None, now: float | None = None) -> None:
    """Accept a valid, unused proof for this report and spend it; raise `SubmissionError` else."""
    if proof is None or not proof.token or not proof.counter:
        raise _refuse(
            "proof_missing",
            _(
                "Supporting without signing in needs JavaScript, which this browser did not run. "
                "Please sign in to support this report."
            ),
        )
    invalid = _refuse(
        "proof_invalid",
        _("This support could not be checked. Please reload the page and try again."),
    )
    parts = proof.token.split(".")
    if len(parts) != 6 or len(proof.counter) > 16 or not proof.counter.isdigit():
        raise invalid
    version, tracking_id, issued, bits, nonce, signature = parts
    if not (issued.isdigit() and bits.isdigit()):
        raise invalid
    payload = ".".join(parts[:5])
    if not hmac.compare_digest(signature, _signature(payload)):
        raise invalid
    if version != _VERSION or tracking_id != report.tracking_id or int(bits) < proof_bits():
        raise invalid
    age = int(time.time() if now is None else now) - int(issued)
    if age < 0 or age > challenge_seconds():
        raise _refuse(
            "proof_expired",
            _("This page was open too long to support from. Please reload it and try again."),
        )
    if not meets(proof_hash(nonce, proof.counter), int(bits)):
        raise invalid
    if not cache.add(f"support-proof:{nonce}", 1, timeout=challenge_seconds() + 60):
        raise _refuse(
            "proof_reused",
            _("This support was already sent once. Please reload the page and try again."),
        )


def address_network(address: str) -> str:
    """What one address budget is kept for: the IPv4 address, or the IPv6 /64 it belongs to."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def address_hash(address: str) -> str:
    """A keyed hash of the address's network: the same address gives the same hash, and without
    the secret key it cannot be turned back into the address by trying all of them."""
    return salted_hmac(_ADDRESS_SALT, address_network(address), algorithm="sha256").hexdigest()[:32]


def support_report(report: Report, supporter: Supporter, now: datetime | None = None) -> Outcome:
    """Record a "dukung" on a public report under the rule above; says whether it was counted.

    Raises `SubmissionError` for a report that is not public (``not_public``) and, for anonymous
    supporters, for a proof that is missing or not valid (module docstring).
    """
    if not report.is_public:
        raise SubmissionError("not_public", "report", _("This report cannot be supported."))
    if supporter.kind == SupportKind.ANONYMOUS:
        check_proof(report, supporter.proof)
    now = now or timezone.now()
    hashed = address_hash(supporter.address)
    try:
        with transaction.atomic():
            if supporter.kind == SupportKind.ANONYMOUS:
                if Support.objects.filter(report=report, supporter_key=supporter.key).exists():
                    return Outcome.ALREADY
                if not _charge_budget(report, hashed, now):
                    return Outcome.OVER_BUDGET
            Support.objects.create(
                report=report,
                supporter_key=supporter.key[:80],
                kind=supporter.kind,
                address_hash=hashed,
                created_at=now,
            )
            Report.objects.filter(pk=report.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        # The same person twice at once: the constraint refused the second, and its budget charge
        # rolled back with it.
        return Outcome.ALREADY
    return Outcome.COUNTED


def _charge_budget(report: Report, hashed: str, now: datetime) -> bool:
    """Take one from today's budget of this address on this report, or record a refusal."""
    day = timezone.localdate(now)
    budget, _created = SupportBudget.objects.get_or_create(
        report=report, address_hash=hashed, day=day
    )
    rows = SupportBudget.objects.filter(pk=budget.pk, counted__lt=address_budget())
    if rows.update(counted=F("counted") + 1):
        return True
    SupportBudget.objects.filter(pk=budget.pk).update(refused=F("refused") + 1)
    return False


@dataclass(frozen=True)
class SupportBreakdown:
    """How a report's `support_count` was reached, for the coordinator (console case page)."""

    total: int
    accounts: int
    anonymous: int
    #: Distinct address hashes among the anonymous supports that have one.
    addresses: int
    #: Anonymous supports recorded before addresses were kept (no hash).
    anonymous_without_address: int
    #: Counted on this report because duplicates were merged into it.
    carried_over: int
    #: Anonymous attempts not counted because their address had used its budget.
    refused: int


def support_breakdown(report: Report) -> SupportBreakdown:
    """Two small aggregate queries over the report's supports and budgets (the report as read)."""
    counts = Support.objects.filter(report=report).aggregate(
        accounts=Count("pk", filter=Q(kind=SupportKind.ACCOUNT)),
        anonymous=Count("pk", filter=Q(kind=SupportKind.ANONYMOUS)),
        addresses=Count(
            "address_hash",
            filter=Q(kind=SupportKind.ANONYMOUS) & ~Q(address_hash=""),
            distinct=True,
        ),
        without_address=Count("pk", filter=Q(kind=SupportKind.ANONYMOUS, address_hash="")),
    )
    refused = SupportBudget.objects.filter(report=report).aggregate(n=Sum("refused"))["n"] or 0
    total = report.support_count
    recorded = counts["accounts"] + counts["anonymous"]
    return SupportBreakdown(
        total=total,
        accounts=counts["accounts"],
        anonymous=counts["anonymous"],
        addresses=counts["addresses"],
        anonymous_without_address=counts["without_address"],
        carried_over=max(total - recorded, 0),
        refused=refused,
    )
