"""Recording lag behind a backlog: how long an Open311 report takes from acknowledgement to being
visible in the coordinator's queue (a row in intake_report) while 10,000 notification deliveries
wait on the queue (issue #23; decision 0026).

    DJANGO_SETTINGS_MODULE=layani.config.settings.bench python bench/http/lag.py \
        --base http://127.0.0.1:PORT --api-key KEY --service CODE --region CODE [--backlog 10000]

Run by bench/http/run.py against its gunicorn and workers. It enqueues `--backlog` deliveries of
notifications (rows made for the purpose, to an address at example.org; the bench settings send
e-mail to the console), then posts `--reports` submissions one after another at `--rate` per
second, and polls the reports table for each tracking ID. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.bench")

import django

django.setup()

from django.utils import timezone  # noqa: E402

from layani.intake.models import Report  # noqa: E402
from layani.intake.tracking import normalize_tracking_id  # noqa: E402
from layani.notifications.models import Channel, Notification, Status  # noqa: E402
from layani.notifications.tasks import deliver_notification  # noqa: E402


def make_backlog(count: int) -> float:
    """Queue `count` deliveries; returns the seconds it took."""
    started = time.monotonic()
    now = timezone.now()
    rows = Notification.objects.bulk_create(
        [
            Notification(
                recipient_ref="citizen",
                channel=Channel.EMAIL,
                event="bench.backlog",
                subject="Bench backlog",
                body="A message of the backlog the recording lag is measured behind.",
                address=f"backlog{n}@example.org",
                status=Status.PENDING,
                created_at=now,
                next_attempt_at=now,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    for row in rows:
        deliver_notification.enqueue(row.pk)
    return time.monotonic() - started


def post(base: str, api_key: str, service: str, region: str, n: int) -> str:
    body = urllib.parse.urlencode(
        {
            "api_key": api_key,
            "service_code": service,
            "region_code": region,
            "address_string": f"Jl. Kaliurang km {n}",
            "email": f"lag{n}@example.com",
            "description": f"Lampu jalan mati sejak tiga malam, laporan ukur jeda nomor {n}.",
        }
    ).encode()
    request = urllib.request.Request(f"{base}/open311/v2/requests.json", data=body)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  # nosec B310
        return str(json.loads(response.read())[0]["service_request_id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--service", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--rate", type=float, default=10.0)
    args = parser.parse_args()
    backlog_s = make_backlog(args.backlog)
    acked: dict[str, float] = {}
    seen: dict[str, float] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set() or len(seen) < len(acked):
            waiting = [t for t in list(acked) if t not in seen]
            if waiting:
                found = Report.objects.filter(tracking_id__in=waiting).values_list(
                    "tracking_id", flat=True
                )
                moment = time.monotonic()
                for tracking_id in found:
                    seen[tracking_id] = moment
            if done.is_set() and time.monotonic() - last_post > 120:
                return  # gave up on the rest: reported as missing
            time.sleep(0.05)

    last_post = time.monotonic()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    for n in range(args.reports):
        started = time.monotonic()
        raw = post(args.base, args.api_key, args.service, args.region, n)
        acked[normalize_tracking_id(raw) or raw] = time.monotonic()
        last_post = time.monotonic()
        time.sleep(max(0.0, 1 / args.rate - (time.monotonic() - started)))
    done.set()
    watcher.join()
    lags = sorted(seen[t] - acked[t] for t in seen)
    left = Notification.objects.filter(event="bench.backlog", status=Status.PENDING).count()
    p95 = lags[int(0.95 * (len(lags) - 1))] if lags else None
    print(  # noqa: T201
        json.dumps(
            {
                "backlog": args.backlog,
                "backlog_enqueue_s": round(backlog_s, 1),
                "backlog_still_pending": left,
                "reports": args.reports,
                "visible": len(lags),
                "lag_p50_s": round(statistics.median(lags), 3) if lags else None,
                "lag_p95_s": round(p95, 3) if p95 is not None else None,
                "lag_max_s": round(lags[-1], 3) if lags else None,
            }
        )
    )


if __name__ == "__main__":
    main()
