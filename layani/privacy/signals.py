"""Signals for the adapters that keep their own personal data (the portal's preferences, the
messaging channels' conversations and receipts).

The privacy app sits below the adapters and cannot import them; they answer these instead.
"""

from django.dispatch import Signal

#: Sent with ``user`` when a citizen account is erased; receivers erase what they keep about it.
account_erased = Signal()

#: Sent with ``user`` while building a subject access export; receivers return ``(section, data)``
#: with JSON-serialisable data about that account.
account_export = Signal()

#: Sent with ``report`` inside the erasure's transaction; receivers delete what they keep about
#: that report's reporter and return how many rows they removed.
report_erasing = Signal()

#: Sent with ``cutoff`` by the retention job; receivers delete their own records of inbound traffic
#: older than that and return how many rows they removed.
message_receipts_expired = Signal()
