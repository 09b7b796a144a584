"""Signals for the adapters that keep their own per-account data (the portal's preferences).

The privacy app sits below the adapters and cannot import them; they answer these instead.
"""

from django.dispatch import Signal

#: Sent with ``user`` when a citizen account is erased; receivers erase what they keep about it.
account_erased = Signal()

#: Sent with ``user`` while building a subject access export; receivers return ``(section, data)``
#: with JSON-serialisable data about that account.
account_export = Signal()
