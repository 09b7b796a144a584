"""A local stand-in for SP4N-LAPOR!: a tiny WSGI app speaking the `<lapor>` documents.

It accepts reports (returning a national tracking ID), records follow-ups pushed to it, and — on a
test's or the demo's request — answers back as LAPOR! would: a follow-up or a closure on a report
it received, or a new disposition to the Layani deployment. State lives in memory.

    python -m layani.federation.simulator --port 8765 --token T --layani-url http://127.0.0.1:8000 \
        --peer-id sp4n-lapor
"""
