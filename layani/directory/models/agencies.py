"""Agencies at each level of government, and their units."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .places import Region, RegionLevel


class GovernmentLevel(models.TextChoices):
    """The level of government an agency belongs to and a responsibility applies at."""

    NATIONAL = "national", _("National (ministry or body)")
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")
    VILLAGE = "village", _("Village")


#: The region level an agency of each government level is tied to (national agencies have none).
REGION_LEVEL_OF_GOVERNMENT: dict[str, int | None] = {
    GovernmentLevel.NATIONAL: None,
    GovernmentLevel.PROVINCE: RegionLevel.PROVINCE,
    GovernmentLevel.REGENCY: RegionLevel.REGENCY,
    GovernmentLevel.VILLAGE: RegionLevel.VILLAGE,
}


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry (kementerian)")
    NATIONAL_BODY = "national_body", _("National body (lembaga)")
    REGIONAL_GOVERNMENT = "regional_government", _("Regional government (pemda)")
    REGIONAL_OFFICE = "regional_office", _("Regional office (dinas/badan)")
    VILLAGE_GOVERNMENT = "village_government", _("Village government")
    STATE_ENTERPRISE = "state_enterprise", _("State or regional enterprise (BUMN/BUMD)")
    OVERSIGHT = "oversight", _("Oversight body")
    #: Another complaint system (a Layani deployment, SP4N-LAPOR!) that reports can be forwarded
    #: to; its connection lives in `federation.Peer` (docs/federation.md).
    EXTERNAL_PEER = "external_peer", _("Outside complaint system (federation peer)")


class Agency(models.Model):
    """An agency (instansi): a ministry, a national body, a regional government or one of its offices."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    level = models.CharField(_("government level"), max_length=10, choices=GovernmentLevel.choices)
    kind = models.CharField(_("kind"), max_length=24, choices=AgencyKind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        help_text=_("Empty only for national agencies."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_agencies",
    )
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(level=GovernmentLevel.NATIONAL, region__isnull=True)
                    | (~Q(level=GovernmentLevel.NATIONAL) & Q(region__isnull=False))
                ),
                name="agency_region_iff_not_national",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def clean(self) -> None:
        expected = REGION_LEVEL_OF_GOVERNMENT.get(self.level)
        if expected is not None and self.region is not None and self.region.level != expected:
            raise ValidationError(
                {
                    "region": _("A %(level)s agency must be tied to a region of that level.")
                    % {"level": self.get_level_display()}
                }
            )


class Unit(models.Model):
    """A unit inside an agency (bidang, seksi, UPT, puskesmas …); units may nest."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_units",
    )
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="unit_name_unique_in_agency")
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.agency}"

    def clean(self) -> None:
        if self.parent is not None and self.parent.agency_id != self.agency_id:
            raise ValidationError({"parent": _("A unit's parent must belong to the same agency.")})
