"""`python -m layani.federation.simulator`: run the SP4N-LAPOR! stand-in in the foreground."""

from __future__ import annotations

import argparse
import sys

from django.conf import settings

from .app import State, serve_in_thread


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local SP4N-LAPOR! simulator")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--token", required=True)
    parser.add_argument("--layani-url", default="http://127.0.0.1:8000")
    parser.add_argument("--peer-id", default="sp4n-lapor")
    args = parser.parse_args(argv)
    if not settings.configured:
        settings.configure(USE_I18N=False)
    server, _sim = serve_in_thread(State(args.token, args.layani_url, args.peer_id), args.port)
    sys.stdout.write(f"SP4N-LAPOR! simulator on http://127.0.0.1:{server.server_port}\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
