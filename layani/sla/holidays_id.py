"""Indonesian national holidays and cuti bersama, as the working calendar sees them.

The source is the ``holidays`` package (category ``public`` = hari libur nasional, category
``government`` = cuti bersama, the joint leave days on which government offices close). Each year's
dates are fixed by a joint decree of three ministers (SKB 3 Menteri: Religious Affairs, Manpower,
Administrative and Bureaucratic Reform), which the government revises during the year when it adds
or moves a day. When ``holidays`` lags behind such a revision, put the correction in the tables
below, citing the decree, instead of patching dates at call sites.

Verification against the decrees (``holidays`` 0.109):

* 2025, SKB No. 1017/2024, 2/2024, 2/2024 (signed 14 Oct 2024): 17 national holidays and 10 cuti
  bersama (28 Jan, 28 Mar, 2-4 Apr, 7 Apr, 13 May, 30 May, 9 Jun, 26 Dec). 9 June (Idul Adha) was
  already in the original decree, not added by a revision. The revision SKB No. 933/2025 (signed
  7 Aug 2025) added cuti bersama on Monday 18 Aug 2025 (80th Independence Day). ``holidays`` has all
  of these and nothing else.
* 2026, SKB No. 1497/2025, 2/2025, 5/2025 (announced 19 Sep 2025): 17 national holidays and 8 cuti
  bersama (16 Feb, 18 Mar, 20 Mar, 23-24 Mar, 15 May, 28 May, 24 Dec). ``holidays`` matches exactly.

So no correction is needed today. Years without a decree yet get ``holidays``' estimates (lunar and
Islamic dates are computed, not decreed).

This module imports nothing from Django or from other ``layani`` apps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType

import holidays
from holidays.constants import GOVERNMENT, PUBLIC


@dataclass(frozen=True)
class Correction:
    """Dates to add to or remove from one year's ``holidays`` data, with the decree that says so."""

    decree: str
    add: frozenset[date] = field(default_factory=frozenset)
    remove: frozenset[date] = field(default_factory=frozenset)


#: Corrections to national holidays (hari libur nasional), by year. Empty: ``holidays`` 0.109
#: matches the decrees for every year checked (2025, 2026). An entry looks like
#: ``2027: Correction("SKB No. .../2027 (revision, dd Mon 2027)", add=frozenset({date(...)}))``
PUBLIC_HOLIDAY_CORRECTIONS: Mapping[int, Correction] = MappingProxyType({})

#: Corrections to cuti bersama, by year. Empty for the same reason as above.
CUTI_BERSAMA_CORRECTIONS: Mapping[int, Correction] = MappingProxyType({})


def _apply(dates: set[date], year: int, corrections: Mapping[int, Correction]) -> set[date]:
    correction = corrections.get(year)
    if correction is None:
        return dates
    return (dates - correction.remove) | correction.add


@lru_cache(maxsize=256)
def national_holidays(year: int) -> frozenset[date]:
    """The national holidays (hari libur nasional) of ``year``, weekends included."""
    data = holidays.country_holidays("ID", years=year, categories=(PUBLIC,))
    return frozenset(_apply(set(data), year, PUBLIC_HOLIDAY_CORRECTIONS))


@lru_cache(maxsize=256)
def cuti_bersama(year: int) -> frozenset[date]:
    """The cuti bersama (joint leave days; government offices close) of ``year``."""
    data = holidays.country_holidays("ID", years=year, categories=(GOVERNMENT,))
    return frozenset(_apply(set(data), year, CUTI_BERSAMA_CORRECTIONS))


@lru_cache(maxsize=512)
def non_working_dates(year: int, *, include_cuti_bersama: bool = True) -> frozenset[date]:
    """All nationally decreed non-working dates of ``year`` (weekends not added, but may appear)."""
    if include_cuti_bersama:
        return national_holidays(year) | cuti_bersama(year)
    return national_holidays(year)
