"""Explicit forms for every console action: only the fields named here can be set."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from layani.cases.models import MessageKind, Outcome, ResponseTemplate
from layani.directory.models import Agency, Category
from layani.intake.models import Channel, PrivacyTier, ReportType
from layani.sla.service_classes import ServiceClass

#: (value, label) pairs of a select.
Choices = list[tuple[str | int, str]]


def grouped_categories() -> list[tuple[str, Choices]]:
    """The active sub-categories under their main categories (``<optgroup>``), both sorted by
    name in the active language, with an empty choice first, as the citizen's form groups them."""
    subs = Category.objects.filter(parent__isnull=False, is_active=True).select_related("parent")
    groups: dict[int, tuple[Category, list[Category]]] = {}
    for category in subs:
        parent = category.parent
        if parent is None:  # excluded by the filter; keeps the type checker sure
            continue
        groups.setdefault(parent.pk, (parent, []))[1].append(category)
    ordered = sorted(groups.values(), key=lambda g: g[0].display_name.casefold())
    result: list[tuple[str, Choices]] = [("", [("", "—")])]
    for main, subs_of_main in ordered:
        ranked = sorted(subs_of_main, key=lambda c: c.display_name.casefold())
        result.append((main.display_name, [(c.pk, c.display_name) for c in ranked]))
    return result


class GroupedCategoryForm(forms.Form):
    """A form whose ``category`` field lists sub-categories grouped by main category."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["category"].choices = grouped_categories()  # type: ignore[attr-defined]


class VerifyForm(GroupedCategoryForm):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.filter(parent__isnull=False, is_active=True),
        required=False,
    )
    title = forms.CharField(label=_("Clean title"), max_length=200, required=False)
    service_class = forms.ChoiceField(
        label=_("Service class"), choices=[("", "—"), *ServiceClass.choices], required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class HoldForm(forms.Form):
    question = forms.CharField(
        label=_("What should the reporter add?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RejectForm(ReasonForm):
    redirect_to = forms.CharField(
        label=_("Where the reporter should go instead"), max_length=300, required=False
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Tracking ID of the report to keep"), max_length=20)


class DisposeForm(forms.Form):
    lead = forms.ModelChoiceField(
        label=_("Lead agency"), queryset=Agency.objects.filter(is_active=True)
    )
    co_handlers = forms.ModelMultipleChoiceField(
        label=_("Co-handling agencies"),
        queryset=Agency.objects.filter(is_active=True),
        required=False,
    )
    instructions = forms.CharField(
        label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DelegateForm(forms.Form):
    unit = forms.IntegerField(label=_("Unit"), required=False)
    officer = forms.IntegerField(label=_("Officer"), required=False)


class ReferForm(forms.Form):
    to = forms.ModelChoiceField(label=_("Refer to"), queryset=Agency.objects.filter(is_active=True))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("What your agency did"), widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (MessageKind.PUBLIC_FOLLOW_UP, _("Follow-up to the reporter")),
            (MessageKind.REQUEST_TO_REPORTER, _("Question to the reporter")),
            (MessageKind.AGENCY_THREAD, _("Message to the agencies on this case")),
            (MessageKind.INTERNAL_NOTE, _("Internal note")),
        ],
    )
    template = forms.ModelChoiceField(
        label=_("Response template"), queryset=ResponseTemplate.objects.all(), required=False
    )
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if not (data.get("body") or "").strip():
            template = data.get("template")
            if template is None:
                raise forms.ValidationError(_("Write a text or choose a template."))
            data["body"] = template.body
        return data


class ClosureForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    explanation = forms.CharField(
        label=_("Explanation for the reporter"), widget=forms.Textarea(attrs={"rows": 4})
    )


class RevealForm(forms.Form):
    reason = forms.CharField(label=_("Why do you need the identity?"), min_length=5, max_length=300)


class AssistedIntakeForm(GroupedCategoryForm):
    """A walk-in or telephone report entered by staff on the citizen's behalf."""

    channel = forms.ChoiceField(
        label=_("How the citizen came"),
        choices=[(Channel.WALK_IN, Channel.WALK_IN.label), (Channel.PHONE, Channel.PHONE.label)],
    )
    type = forms.ChoiceField(label=_("Type"), choices=ReportType.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.filter(parent__isnull=False, is_active=True),
        required=False,
    )
    region_code = forms.CharField(label=_("Village code (Kemendagri)"), max_length=13)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    privacy = forms.ChoiceField(label=_("Privacy"), choices=PrivacyTier.choices)
    name = forms.CharField(label=_("Citizen's name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
