"""The cascading "where" selects: province → regency/city → district → village.

Without JavaScript the citizen picks a province and presses "Lanjut" (the server answers with the
next select filled); with htmx each change fetches the next level. Both use `region_levels`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Region
from layani.directory.selectors import region_children

#: Form field names for the four Kemendagri levels, top down.
LEVEL_FIELDS = ("province", "regency", "district", "village")
LEVEL_LABELS = {
    "province": _("Province"),
    "regency": _("Regency / city"),
    "district": _("District (kecamatan)"),
    "village": _("Village (desa / kelurahan)"),
}


@dataclass
class RegionLevel:
    field: str
    label: str
    choices: list[tuple[str, str]]
    selected: str


def region_levels(chosen: dict[str, str]) -> list[RegionLevel]:
    """For each level: its options (children of the level above) and the valid chosen code.

    A chosen code that is not a child of the level above (say, a regency left over from another
    province) is dropped, and so is everything below it.
    """
    levels = []
    parent: str | None = None
    for index, name in enumerate(LEVEL_FIELDS):
        if index > 0 and not parent:
            levels.append(RegionLevel(name, str(LEVEL_LABELS[name]), [], ""))
            continue
        options = [(r.code, r.name) for r in region_children(parent).order_by("name")]
        code = (chosen.get(name) or "").strip()
        selected = code if any(code == c for c, _n in options) else ""
        levels.append(RegionLevel(name, str(LEVEL_LABELS[name]), options, selected))
        parent = selected or None
    return levels


def deepest_code(levels: list[RegionLevel]) -> str:
    """The most specific region chosen ("" when none)."""
    code = ""
    for level in levels:
        if level.selected:
            code = level.selected
    return code


def chosen_from_code(code: str) -> dict[str, str]:
    """The four select values for a region code (its ancestors fill the levels above)."""
    codes = list(reversed(Region.ancestor_codes(code))) if code else []
    return dict(zip(LEVEL_FIELDS, codes, strict=False))


def search_regions(query: str, limit: int = 10) -> list[tuple[str, str]]:
    """(code, "Village, District, Regency, Province") for regions whose name matches `query`."""
    words = query.split()
    if not words or len(query.strip()) < 3:
        return []
    condition = Q()
    for word in words[:3]:
        condition &= Q(name__icontains=word)
    found = (
        Region.objects.filter(condition, level__gte=2)
        .select_related("parent", "parent__parent", "parent__parent__parent")
        .order_by("-level", "name")[:limit]
    )
    return [(region.code, region_path(region)) for region in found]


def region_path(region: Region) -> str:
    """ "Village, District, Regency, Province" for display (parents must be loaded)."""
    names = []
    node: Region | None = region
    while node is not None:
        names.append(node.name)
        node = node.parent
    return ", ".join(names)
