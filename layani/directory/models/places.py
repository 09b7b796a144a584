"""Kemendagri regions and their boundaries."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..timezones import IndonesianTimeZone


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Province")
    KABUPATEN = "kabupaten", _("Regency")
    KOTA = "kota", _("City")
    KECAMATAN = "kecamatan", _("District")
    DISTRIK = "distrik", _("District (Papua)")
    KELURAHAN = "kelurahan", _("Urban village")
    DESA = "desa", _("Village")
    DESA_ADAT = "desa_adat", _("Customary village")


class Region(models.Model):
    """A Kemendagri administrative region; the dotted code is the primary key ("34.71.01.1001")."""

    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.PositiveSmallIntegerField(_("level"), choices=RegionLevel.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    timezone = models.CharField(_("time zone"), max_length=16, choices=IndonesianTimeZone.choices)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "name"], name="region_level_name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="region_level_1_to_4"
            ),
            models.CheckConstraint(
                condition=(Q(level=1, parent__isnull=True) | Q(level__gt=1, parent__isnull=False)),
                name="region_only_provinces_have_no_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def ancestor_codes(code: str) -> list[str]:
        """The code itself and every enclosing region's code, nearest first.

        >>> Region.ancestor_codes("34.71.01.1001")
        ['34.71.01.1001', '34.71.01', '34.71', '34']
        """
        parts = code.split(".")
        return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]

    @property
    def province_code(self) -> str:
        return self.code[:2]


class Boundary(models.Model):
    """A region's boundary polygon (simplified), its bounding box and centroid.

    `polygon` is compact JSON of GeoJSON MultiPolygon coordinates, [lng, lat] order, rounded to
    1e-5°; rings are read with the even–odd rule. Plain columns, so SQLite and PostgreSQL serve it
    alike (no SpatiaLite or PostGIS): `directory.geography` indexes the rows in memory.
    """

    region = models.OneToOneField(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="boundary"
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=RegionLevel.choices)
    min_lat = models.FloatField(_("minimum latitude"))
    min_lng = models.FloatField(_("minimum longitude"))
    max_lat = models.FloatField(_("maximum latitude"))
    max_lng = models.FloatField(_("maximum longitude"))
    centroid_lat = models.FloatField(_("centroid latitude"))
    centroid_lng = models.FloatField(_("centroid longitude"))
    polygon = models.TextField(_("polygon"))
    source = models.CharField(_("source"), max_length=80)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")
        ordering = ["region"]
        indexes = [
            models.Index(
                fields=["level", "min_lat", "max_lat", "min_lng", "max_lng"],
                name="boundary_level_bbox",
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} ({self.source})"
