"""Regions in words, as people write them: "Desa Sardonoharjo", "Kel. Kricak", "Kec. Ngaglik",
"Kab. Sleman", "Kota Yogyakarta", "DI Yogyakarta" — for readable locations, addresses and maps."""

from __future__ import annotations

from .models import Region, RegionKind, RegionLevel

_KIND_PREFIX = {
    RegionKind.DESA: "Desa",
    RegionKind.DESA_ADAT: "Desa Adat",
    RegionKind.KELURAHAN: "Kel.",
    RegionKind.KECAMATAN: "Kec.",
    RegionKind.DISTRIK: "Distrik",
    RegionKind.KABUPATEN: "Kab.",
    RegionKind.KOTA: "Kota",
}
_NAME_PREFIXES = ("Kabupaten ", "Kota Administrasi ", "Kota ", "Kecamatan ", "Distrik ")
_PROVINCE_ABBREVIATIONS = (
    ("Daerah Istimewa ", "DI "),
    ("Daerah Khusus Ibukota ", "DKI "),
    ("Daerah Khusus ", "DK "),
)
_KEEP_UPPER = {"DI", "DKI", "DK", "II", "III", "IV", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}


def title_case(name: str) -> str:
    """A name in proper title case when a source wrote it in capitals ("KRICAK" → "Kricak",
    "KOTA YOGYAKARTA" → "Kota Yogyakarta"); names already in mixed case are kept as written."""
    name = " ".join(name.split())
    if not name.isupper():
        return name

    def word(w: str) -> str:
        if w in _KEEP_UPPER:
            return w
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    return " ".join(word(w) for w in name.split(" "))


def bare_name(region: Region) -> str:
    """The region's name without the word for its kind ("Kabupaten Sleman" → "Sleman")."""
    name = title_case(region.name)
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix) and region.level > RegionLevel.PROVINCE:
            return name[len(prefix) :]
    return name


def region_label(region: Region) -> str:
    """ "Desa Sardonoharjo", "Kel. Kricak", "Kec. Ngaglik", "Kab. Sleman", "Kota Yogyakarta",
    "DI Yogyakarta"."""
    if region.level == RegionLevel.PROVINCE:
        return province_label(region.name)
    prefix = _KIND_PREFIX.get(RegionKind(region.kind)) if region.kind in RegionKind else None
    name = bare_name(region)
    return f"{prefix} {name}" if prefix else name


def province_label(name: str) -> str:
    name = title_case(name)
    for long, short in _PROVINCE_ABBREVIATIONS:
        if name.startswith(long):
            return short + name[len(long) :]
    return name
