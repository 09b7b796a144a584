"""The public timeline shows a citizen only the public events of their own report."""

from __future__ import annotations

import pytest

from layani.audit.models import Visibility
from layani.audit.selectors import public_timeline
from layani.audit.services import record

pytestmark = pytest.mark.django_db


def test_public_timeline_holds_only_public_entries_of_that_object_in_order():
    def event(action, ref, visibility):
        return record(
            action, actor_ref="system", object_type="report", object_ref=ref, visibility=visibility
        )

    submitted = event("report.submitted", "AAA", Visibility.PUBLIC)
    event("identity.revealed", "AAA", Visibility.INTERNAL)
    event("report.submitted", "BBB", Visibility.PUBLIC)
    verified = event("report.verified", "AAA", Visibility.PUBLIC)
    assert list(public_timeline("report", "AAA")) == [submitted, verified]
    assert list(public_timeline("task", "AAA")) == []
