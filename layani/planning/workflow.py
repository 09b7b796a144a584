"""The planning cycle's moves as data: which status each move leaves, where it leads, who may. Pure.

A kecamatan planning officer (`Scope.DISTRICT`) decides at the Musrenbang desa/kelurahan and
kecamatan; Bappeda's (`Scope.REGENCY`) at every stage. A move not in `MOVES` is refused with a
stable code before anything changes. docs/planning.md draws the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from .models import Stage
from .models import Status as S  # noqa: N817


class Scope(StrEnum):
    DISTRICT = "district"  # planning officer at the kecamatan
    REGENCY = "regency"  # planning officer at Bappeda


class Move(StrEnum):
    ACCEPT = "accept"
    INCLUDE_RKPD = "include_rkpd"
    FUND = "fund"
    START = "start"
    FINISH = "finish"
    REJECT = "reject"
    DEFER = "defer"
    MERGE = "merge"


_FORUMS = (S.AT_DESA, S.AT_KECAMATAN, S.AT_KABUPATEN, S.AT_FORUM)
_DECIDABLE = (*_FORUMS, S.IN_RKPD)

#: move → {from status: to status}
MOVES: dict[Move, dict[str, str]] = {
    Move.ACCEPT: {
        S.AT_DESA: S.AT_KECAMATAN,
        S.AT_KECAMATAN: S.AT_KABUPATEN,
        S.AT_KABUPATEN: S.AT_FORUM,
    },
    Move.INCLUDE_RKPD: {S.AT_FORUM: S.IN_RKPD},
    Move.FUND: {S.IN_RKPD: S.FUNDED},
    Move.START: {S.FUNDED: S.BUILDING},
    Move.FINISH: {S.BUILDING: S.DONE},
    Move.REJECT: dict.fromkeys(_DECIDABLE, S.REJECTED),
    Move.DEFER: dict.fromkeys(_DECIDABLE, S.DEFERRED),
    Move.MERGE: dict.fromkeys(_FORUMS, S.MERGED),
}

#: Statuses a kecamatan planning officer may move from; Bappeda may move from any.
DISTRICT_SOURCES = frozenset({S.AT_DESA, S.AT_KECAMATAN})
#: Moves that stop a proposal: they need a reason.
STOPS = frozenset({Move.REJECT, Move.DEFER})
STOPPED = frozenset({S.REJECTED, S.DEFERRED, S.MERGED})

#: The stage a proposal in a status is at (or was at, for the stages it passed).
STAGE_OF: dict[str, str] = {
    S.AT_DESA: Stage.DESA,
    S.AT_KECAMATAN: Stage.KECAMATAN,
    S.AT_KABUPATEN: Stage.KABUPATEN,
    S.AT_FORUM: Stage.FORUM_PD,
    S.IN_RKPD: Stage.RKPD,
    S.FUNDED: Stage.APBD,
    S.BUILDING: Stage.APBD,
    S.DONE: Stage.APBD,
}

#: How far along the cycle each status is, for "reached the RKPD" style counts.
PROGRESS: dict[str, int] = {
    S.AT_DESA: 0,
    S.AT_KECAMATAN: 1,
    S.AT_KABUPATEN: 2,
    S.AT_FORUM: 3,
    S.IN_RKPD: 4,
    S.FUNDED: 5,
    S.BUILDING: 6,
    S.DONE: 7,
}

#: The audit action of each move (the stops add their reason: ``planning.rejected.no_budget``).
AUDIT_ACTION: dict[Move, str] = {
    Move.ACCEPT: "planning.accepted",
    Move.INCLUDE_RKPD: "planning.included_rkpd",
    Move.FUND: "planning.funded",
    Move.START: "planning.building",
    Move.FINISH: "planning.done",
    Move.REJECT: "planning.rejected",
    Move.DEFER: "planning.deferred",
    Move.MERGE: "planning.merged",
}


@dataclass(frozen=True)
class TransitionError(Exception):
    code: str
    message: str

    def __str__(self) -> str:
        return self.message


def target(move: Move, status: str, scope: Scope) -> str:
    """The status `move` leads to from `status` for an officer of `scope`, or TransitionError."""
    table = MOVES.get(move)
    if table is None or status not in table:
        raise TransitionError(
            "move_not_allowed", _("This proposal cannot make that move from its current stage.")
        )
    if scope == Scope.DISTRICT and status not in DISTRICT_SOURCES:
        raise TransitionError(
            "scope", _("Only the Bappeda planning officer decides at this stage.")
        )
    return table[status]


def audit_action(move: Move, reason: str = "") -> str:
    base = AUDIT_ACTION[move]
    return f"{base}.{reason}" if move in STOPS else base


def allowed_moves(status: str, scope: Scope) -> list[Move]:
    """The moves an officer of `scope` may make now (for the console's buttons)."""
    moves = []
    for move, table in MOVES.items():
        if status in table and (scope == Scope.REGENCY or status in DISTRICT_SOURCES):
            moves.append(move)
    return moves
