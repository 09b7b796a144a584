"""Regions, agencies and their units, the category taxonomy and the responsibility matrix.

This app imports no other Layani app: everything else points down at it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from layani.sla.service_classes import ServiceClass

from .timezones import IndonesianTimeZone


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


def localized_name(name: str, name_en: str) -> str:
    """`name_en` when English is the active language and there is one, else `name` (Indonesian);
    a category's `display_name`, for callers that read the two columns with `values()`."""
    return name_en if name_en and (get_language() or "id")[:2] == "en" else name


class Category(models.Model):
    """A report category: main categories (no parent) hold sub-categories; two levels only."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("main category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_(
            "Words citizens use for this category, one per line; the router starts from these."
        ),
    )
    default_level = models.CharField(
        _("usual level of government"),
        max_length=10,
        choices=GovernmentLevel.choices,
        blank=True,
        help_text=_("Empty for a sub-category: it inherits its main category's level."),
    )
    default_service_class = models.CharField(
        _("usual service class"), max_length=16, choices=ServiceClass.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return (
            self.display_name if self.parent_id is None else f"{self.parent} › {self.display_name}"
        )

    def clean(self) -> None:
        if self.parent is not None and self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Categories have two levels: main and sub-category.")}
            )
        if self.parent_id is None and not self.default_level:
            raise ValidationError(
                {"default_level": _("A main category needs its usual level of government.")}
            )

    @property
    def display_name(self) -> str:
        """The name in the active language (Indonesian unless English is chosen and present)."""
        return localized_name(self.name, self.name_en)

    @property
    def effective_level(self) -> str:
        """The level of government that usually handles this category."""
        if self.default_level:
            return self.default_level
        return self.parent.default_level if self.parent is not None else GovernmentLevel.REGENCY

    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.splitlines() if k.strip()]


class Responsibility(models.Model):
    """One cell of the responsibility matrix: category × level of government × region → agency.

    A row with no region applies everywhere (typical for national agencies); a row for a province or
    regency applies to every region inside it. The most specific category and region win.
    """

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="responsibilities",
    )
    level = models.CharField(_("government level"), max_length=10, choices=GovernmentLevel.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="responsibilities"
    )

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibility matrix")
        ordering = ["category", "level", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "level", "region"],
                condition=Q(region__isnull=False),
                name="responsibility_one_agency_per_cell",
            ),
            models.UniqueConstraint(
                fields=["category", "level"],
                condition=Q(region__isnull=True),
                name="responsibility_one_national_default",
            ),
        ]

    def __str__(self) -> str:
        where = self.region or _("everywhere")
        return f"{self.category} / {self.get_level_display()} / {where} → {self.agency}"


class QuestionType(models.TextChoices):
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    SINGLE_CHOICE = "single", _("Single choice")
    MULTIPLE_CHOICE = "multiple", _("Multiple choice")


class CategoryQuestion(models.Model):
    """An extra question a category asks the reporter (e.g. "Nomor pelanggan PDAM").

    Shown on the submission form and published as Open311 service-definition attributes.
    `choices` holds ``[{"key": "...", "name": "..."}]`` for single and multiple choice questions.
    """

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="questions"
    )
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    type = models.CharField(_("answer type"), max_length=10, choices=QuestionType.choices)
    required = models.BooleanField(_("required"), default=False)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("category question")
        verbose_name_plural = _("category questions")
        ordering = ["category", "order"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="question_code_unique"),
            models.UniqueConstraint(fields=["category", "order"], name="question_order_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        needs_choices = self.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)
        if needs_choices and not self.choices:
            raise ValidationError({"choices": _("A choice question needs its choices.")})
        if not needs_choices and self.choices:
            raise ValidationError({"choices": _("Only choice questions have choices.")})


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
