"""The bulk seed's row generator: the demo's stage tables, tracking IDs, independent batches."""

import random

import pytest

from layani.demo import bulk_rows
from layani.demo.reports import _status_for_age
from layani.intake.tracking import normalize_tracking_id


class _Recorder(random.Random):
    """Records the weights `_status_for_age` draws from instead of drawing."""

    def choices(self, population, weights=None, **kwargs):
        self.seen = dict(zip(population, weights, strict=True))
        return [population[0]]


@pytest.mark.parametrize("age", [0.5, 1.99, 2, 5, 9.9, 10, 30, 44.9, 45, 400, 1000])
def test_stage_tables_are_the_demos(age):
    recorder = _Recorder(1)
    _status_for_age(recorder, age)
    table = next(t for limit, t in bulk_rows.STAGES_BY_AGE if age < limit)
    assert dict(table) == recorder.seen


def test_tracking_ids_are_valid_distinct_and_skip_taken_ones():
    ids = [bulk_rows.tracking_id(n, frozenset()) for n in range(1, 60_001)]
    assert len(set(ids)) == len(ids)
    assert all(normalize_tracking_id(t) == t for t in ids)
    assert not any(t[:-1].isdigit() for t in ids)
    taken = frozenset(ids[:10])
    again = [bulk_rows.tracking_id(n, taken) for n in range(1, 11)]
    assert not set(again) & taken
    assert len(set(again)) == 10


def test_stage_draws_follow_the_table_shares():
    rng = random.Random(4)
    drawn = [bulk_rows.stage_for_age(rng, 100) for _ in range(20_000)]
    closed = drawn.count("closed") / len(drawn)
    assert 0.79 < closed < 0.85  # 82 of 100 in the table for reports older than 45 days
    assert set(drawn) == set(bulk_rows.STAGES_BY_AGE[-1][1])
