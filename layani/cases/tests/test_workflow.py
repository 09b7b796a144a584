"""The transition tables: every allowed move passes, every other (action, status, actor) is refused."""

import itertools

import pytest

from layani.cases.models import TaskStatus
from layani.cases.workflow import (
    REPORT_MOVES,
    TASK_MOVES,
    Actor,
    ReportAction,
    TaskAction,
    WorkflowError,
    check_report_move,
    check_task_move,
)
from layani.intake.models import ReportStatus

REPORT_CASES = list(itertools.product(ReportAction, ReportStatus.values, Actor))
TASK_CASES = list(itertools.product(TaskAction, TaskStatus.values, Actor))


@pytest.mark.parametrize(("action", "status", "actor"), REPORT_CASES)
def test_report_moves_follow_the_table(action, status, actor):
    move = REPORT_MOVES[action]
    if status in move.sources and actor in move.actors:
        assert check_report_move(action, status, actor) == move.target
    else:
        with pytest.raises(WorkflowError) as err:
            check_report_move(action, status, actor)
        expected = "invalid_transition" if status not in move.sources else "forbidden"
        assert err.value.code == expected


@pytest.mark.parametrize(("action", "status", "actor"), TASK_CASES)
def test_task_moves_follow_the_table(action, status, actor):
    move = TASK_MOVES[action]
    if status in move.sources and actor in move.actors:
        assert check_task_move(action, status, actor) == (move.target or status)
    else:
        with pytest.raises(WorkflowError):
            check_task_move(action, status, actor)


def test_final_states_have_no_way_out_but_appeal():
    leaving = {a for a, m in REPORT_MOVES.items() if ReportStatus.CLOSED in m.sources}
    assert leaving == {ReportAction.APPEAL}
    for final in (ReportStatus.ARCHIVED, ReportStatus.MERGED, ReportStatus.NOT_WITHIN_AUTHORITY):
        assert not [a for a, m in REPORT_MOVES.items() if final in m.sources]


def test_every_state_is_reachable_from_submitted():
    reached, frontier = {ReportStatus.SUBMITTED}, [ReportStatus.SUBMITTED]
    while frontier:
        state = frontier.pop()
        for move in REPORT_MOVES.values():
            if state in move.sources and move.target not in reached:
                reached.add(move.target)
                frontier.append(move.target)
    assert reached == set(ReportStatus.values)
