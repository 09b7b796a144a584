"""The tamper-evident audit log: an append-only, hash-chained record of who did what to which object.

Other apps write through ``layani.audit.services.record`` (``from layani.audit import services as
audit``; ``audit.record("report.submitted", ...)``) inside their own transaction, and read public
timelines through ``layani.audit.selectors``. This app imports no other Layani app.
"""
