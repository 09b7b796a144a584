"""The category taxonomy with its extra questions, and the responsibility matrix."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from layani.sla.service_classes import ServiceClass

from .agencies import Agency, GovernmentLevel
from .places import Region


def localized_name(name: str, name_en: str) -> str:
    """`name_en` when English is the active language and there is one, else `name` (Indonesian);
    a category's `display_name`, for callers that read the two columns with `values()`."""
    return name_en if name_en and (get_language() or "id")[:2] == "en" else name


#: `localized_name` decided when the text is shown, not when it is read: for names kept in a cache
#: or computed once for every visitor (the home page's and the statistics page's counts per main
#: category), which would otherwise keep the language of whoever filled the cache — or, read from
#: `name` alone, always Indonesian. Pickles by reference, so it survives the shared cache.
lazy_localized_name = lazy(localized_name, str)


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
    def lazy_display_name(self) -> str:
        """`display_name` in the language active when it is shown (see `lazy_localized_name`)."""
        return lazy_localized_name(self.name, self.name_en)

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
