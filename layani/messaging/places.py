"""Finding the region a citizen means from what they type: a Kemendagri code or a place name.

Names repeat (DIY alone has three districts called Jetis), so a search can end with several
candidates; the conversation then lists them and asks. A name may carry its district or regency
after a comma or a space ("Jetis, Bantul", "sinduharjo ngaglik"). Searches stay inside the
deployment's province (``LAYANI_DEPLOYMENT_PROVINCE``) when it is set.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import Q, QuerySet

from layani.directory.models import Region, RegionLevel

MAX_CHOICES = 9
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_PREFIXES = re.compile(
    r"^(desa|kelurahan|kel\.?|ds\.?|kecamatan|kec\.?|kabupaten|kab\.?|kapanewon|kemantren)\s+",
    re.IGNORECASE,
)


def _within_deployment() -> QuerySet[Region]:
    province = str(getattr(settings, "LAYANI_DEPLOYMENT_PROVINCE", "") or "")
    regions = Region.objects.filter(level__gte=RegionLevel.REGENCY).select_related(
        "parent", "parent__parent"
    )
    return regions.filter(code__startswith=f"{province}.") if province else regions


def find_places(text: str) -> list[Region]:
    """The regions `text` may mean, most specific first; more than MAX_CHOICES means "too vague"."""
    text = " ".join(text.strip().split())[:120]
    if not text:
        return []
    if _CODE.match(text):
        return list(_within_deployment().filter(pk=text))
    parts = [p.strip() for p in text.split(",") if p.strip()]
    found = _by_name(parts[0], parts[1:])
    if found:
        return found
    words = parts[0].split()
    for cut in range(len(words) - 1, 0, -1):  # "sinduharjo ngaglik": name first, then qualifier
        found = _by_name(" ".join(words[:cut]), [" ".join(words[cut:]), *parts[1:]])
        if found:
            return found
    return []


def _by_name(name: str, qualifiers: list[str]) -> list[Region]:
    bare = _PREFIXES.sub("", name).strip()
    if len(bare) < 3:
        return []
    exact = Q(name__iexact=bare) | Q(name__iexact=name)
    exact |= Q(name__iexact=f"Kabupaten {bare}") | Q(name__iexact=f"Kota {bare}")
    candidates = list(_within_deployment().filter(exact)[:50])
    if not candidates:
        candidates = list(_within_deployment().filter(name__icontains=bare)[:50])
    for qualifier in qualifiers:
        q = _PREFIXES.sub("", qualifier).strip().lower()
        candidates = [c for c in candidates if any(q in a.lower() for a in _ancestor_names(c))]
    # A regency the citizen named outright beats its many villages; else villages come first.
    return sorted(candidates, key=lambda r: (-r.level, r.code))


def _ancestor_names(region: Region) -> list[str]:
    names = []
    parent = region.parent
    while parent is not None:
        names.append(parent.name)
        parent = parent.parent if parent.level > RegionLevel.REGENCY else None
    return names


def describe(region: Region) -> str:
    """``Caturtunggal, Depok, Kabupaten Sleman`` — enough to tell same-named places apart."""
    return ", ".join([region.name, *_ancestor_names(region)])
