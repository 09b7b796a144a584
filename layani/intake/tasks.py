"""Queue entry points for intake (adapters over `journal`; `journal` never imports this module).

Recording has a queue of its own, ``intake``, and the highest priority, so an acknowledged report
is recorded without waiting behind notifications, digests, webhooks or statistics, even on a
worker that serves every queue (decision 0026). The app's `ready` imports this module, which
tells `journal.kick` how to enqueue the task.
"""

from __future__ import annotations

from django_tasks import task

from . import journal

#: The queue that records acknowledged submissions (run a worker with ``--queue-name intake``).
INTAKE_QUEUE = "intake"
#: Above every other task's priority (django-tasks' default is 0, its maximum 100).
RECORDING_PRIORITY = 50


@task(queue_name=INTAKE_QUEUE, priority=RECORDING_PRIORITY)
def record_journal() -> int:
    """Record acknowledged submissions waiting in the intake journal; returns how many."""
    return journal.record_pending().recorded


def _enqueue_recording() -> None:
    record_journal.enqueue()


journal.set_recorder(_enqueue_recording)
