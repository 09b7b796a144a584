"""The portal's forms: the report form (with the category's extra questions), accounts, preferences.

Forms only parse and check what the browser sent; `intake.services.submit_report` stays the judge of
what makes a valid report, and its errors are put back beside the field they name.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Category, CategoryQuestion, QuestionType
from layani.intake.models import PrivacyTier, ReportType
from layani.intake.services import DESCRIPTION_MAX, TITLE_MAX

from .models import NotificationPreference
from .regions import LEVEL_FIELDS, LEVEL_LABELS, deepest_code, region_levels
from .uploads import ACCEPT

#: Intake's field names → the form field that shows the error.
INTAKE_FIELD_MAP = {
    "description": "description",
    "title": "title",
    "type": "type",
    "privacy": "privacy",
    "category": "category",
    "location": "latitude",
    "attachments": "attachments",
    "phone": "phone",
    "email": "email",
    "name": "name",
    "nik": "name",
}

#: Labels in the error summary for fields that are not regular form fields.
EXTRA_LABELS = {"region": _("Where")}


def category_choices() -> list[tuple[str, Any]]:
    """Active categories grouped main → sub, for a <select> with <optgroup>s."""
    rows = (
        Category.objects.filter(is_active=True).select_related("parent").order_by("order", "name")
    )
    mains = [c for c in rows if c.parent_id is None]
    subs: dict[int, list[Category]] = {}
    for c in rows:
        if c.parent_id is not None:
            subs.setdefault(c.parent_id, []).append(c)
    choices: list[tuple[str, Any]] = [("", gettext("I don't know — let the officers choose"))]
    for main in mains:
        group = [(c.code, c.display_name) for c in subs.get(main.pk, [])]
        group.append((main.code, gettext("%(name)s — other") % {"name": main.display_name}))
        choices.append((main.display_name, group))
    return choices


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ReportBoundField(forms.BoundField):
    """A field of the report form whose `aria-describedby` names only ids the page has.

    Django points inputs at ``<id>_helptext`` and ``<id>_error``; the templates (_field.html,
    _choices.html) give the help and the error exactly those ids, and the error only when the page
    shows errors (`ReportForm.errors_shown`): a "Continue" round trip validates the form but
    shows no message, so it must not mark inputs invalid or point at a message that is not there.
    Radio and checkbox groups are described on their <fieldset> instead (`use_fieldset`).
    """

    @property
    def errors_shown(self) -> bool:
        return bool(getattr(self.form, "errors_shown", False) and self.errors)

    @property
    def marked_required(self) -> bool:
        """Required for the citizen, even when the check is in `clean()` (the guest's name)."""
        return bool(self.field.required or self.field.widget.attrs.get("aria-required"))

    def build_widget_attrs(self, attrs: Any, widget: Any = None) -> Any:
        attrs = super().build_widget_attrs(attrs, widget)
        attrs.pop("aria-invalid", None)
        attrs.pop("aria-describedby", None)
        if self.is_hidden:  # no message is shown beside a hidden input (the summary has it)
            return attrs
        if self.errors_shown:
            attrs["aria-invalid"] = "true"
        if self.use_fieldset:
            return attrs
        ids = [f"{self.auto_id}_helptext"] if self.help_text else []
        if self.errors_shown:
            ids.append(f"{self.auto_id}_error")
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
        return attrs


class ReportForm(forms.Form):
    """A citizen's report as typed into the portal; `submission_kwargs` feeds `submit_report`."""

    bound_field_class = ReportBoundField
    #: Set by the view when the page shows the errors (a final "Send" that failed).
    errors_shown = False

    type = forms.ChoiceField(
        label=_("What kind of report is it?"),
        choices=ReportType.choices,
        initial=ReportType.COMPLAINT,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "Say what, where exactly and since when. Do not write your NIK or phone number here."
        ),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please describe what happened.")},
    )
    title = forms.CharField(
        label=_("Short title (optional)"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("If you leave it empty, the first words of your description are used."),
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    address = forms.CharField(
        label=_("Address or landmark (optional)"),
        max_length=300,
        required=False,
        help_text=_("For example: Jl. Kaliurang km 5, in front of SD Negeri 3."),
    )
    attachments = forms.Field(
        label=_("Photos and documents (optional)"),
        required=False,
        help_text=_(
            "Up to 10 files, each at most 10 MB: photos (JPEG, PNG, GIF, WebP) or PDF. "
            "Location and camera details are removed from photos."
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    privacy = forms.ChoiceField(
        label=_("Who may see your report?"),
        choices=PrivacyTier.choices,
        initial=PrivacyTier.BIASA,
        widget=forms.RadioSelect,
    )
    show_name_publicly = forms.BooleanField(
        label=_("Show my name on the public page (regular reports only)"), required=False
    )
    name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    phone = forms.CharField(
        label=_("Phone or WhatsApp number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("The e-mail address is not valid.")},
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        cast(forms.ChoiceField, self.fields["category"]).choices = category_choices()
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        if self.user is None:
            # Checked in clean() (a signed-in citizen needs no name here), but required all the same.
            self.fields["name"].widget.attrs.update({"required": True, "aria-required": "true"})
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", str(uuid.uuid4()))
        data = self.data if self.is_bound else self.initial
        self.levels = region_levels({f: str(data.get(f, "") or "") for f in LEVEL_FIELDS})
        for level in self.levels:
            attrs: dict[str, Any] = {
                "hx-get": reverse("portal:submit-regions"),
                "hx-trigger": "change",
                "hx-target": "#region-fields",
                "hx-swap": "outerHTML",
                "hx-include": "#region-fields",
            }
            if level.field in ("province", "regency"):
                attrs.update({"required": True, "aria-required": "true"})
            self.fields[level.field] = forms.ChoiceField(
                label=LEVEL_LABELS[level.field],
                required=False,
                choices=[("", gettext("— choose —")), *level.choices],
                widget=forms.Select(attrs=attrs),
            )
        self.fields["category"].widget.attrs.update(
            {
                "hx-get": reverse("portal:submit-questions"),
                "hx-trigger": "change",
                "hx-target": "#questions",
            }
        )
        self.chosen_category = self._chosen_category(data.get("category") or "")
        self.questions: list[CategoryQuestion] = (
            list(self.chosen_category.questions.all()) if self.chosen_category else []
        )
        for question in self.questions:
            self.fields[f"q_{question.code}"] = question_field(question)

    @staticmethod
    def _chosen_category(code: str) -> Category | None:
        if not code:
            return None
        return Category.objects.filter(code=code, is_active=True).first()

    @property
    def region_code(self) -> str:
        return deepest_code(self.levels)

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{q.code}"] for q in self.questions]

    def region_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in LEVEL_FIELDS]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.levels[1].selected:
            self.add_error(
                "regency" if self.levels[0].selected else "province",
                gettext("Please choose at least the province and the regency or city."),
            )
        for level in self.levels:
            raw = str(self.data.get(level.field, "") or "").strip()
            if raw and raw != level.selected:
                self.add_error(level.field, gettext("Unknown region: please choose from the list."))
        if self.user is None and not cleaned.get("name", "").strip():
            self.add_error("name", gettext("Please give your name, or sign in."))
        if self.user is None and not (cleaned.get("phone") or cleaned.get("email")):
            self.add_error(
                "phone",
                gettext("Give a phone number or an e-mail address so that we can reach you."),
            )
        lat, lng = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lng is None):
            self.add_error("latitude", gettext("Give both latitude and longitude, or neither."))
        try:
            uuid.UUID(cleaned.get("idempotency_key", ""))
        except ValueError:
            self.add_error(None, gettext("The form has expired; please send it again."))
        return cleaned

    def answers(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q_{question.code}")
            if value in (None, "", []):
                continue
            result[question.code] = value.isoformat() if isinstance(value, date) else value
        return result

    def mark_errors(self) -> None:
        """Show the errors: inputs become aria-invalid and point at their message
        (`ReportBoundField`)."""
        self.errors_shown = True

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(anchor id, field label, message) for the summary at the top of the form."""
        rows: list[tuple[str, str, str]] = []
        for name, errors in self.errors.items():
            if name == "__all__":
                rows.extend(("", "", str(e)) for e in errors)
                continue
            if name in self.fields:
                bound = self[name]
                anchor = bound.auto_id
                if isinstance(
                    self.fields[name].widget, forms.RadioSelect | forms.CheckboxSelectMultiple
                ):
                    anchor = f"{bound.auto_id}_0"
                label = str(self.fields[name].label)
            else:
                anchor, label = f"id_{name}", str(EXTRA_LABELS.get(name, name))
            rows.extend((anchor, label, str(e)) for e in errors)
        return rows


def question_field(question: CategoryQuestion) -> forms.Field:
    """A form field for one of a category's extra questions, by its answer type."""
    common: dict[str, Any] = {
        "label": question.label,
        "required": question.required,
        "help_text": question.help_text,
        "error_messages": {
            "required": gettext("Please answer: %(question)s") % {"question": question.label}
        },
    }
    options = [(c["key"], c["name"]) for c in question.choices]
    field = _question_field(question, common, options)
    if question.required:
        # The same words for the device's own check before a report is kept offline (submit.js).
        field.widget.attrs["data-required-message"] = str(common["error_messages"]["required"])
    return field


def _question_field(
    question: CategoryQuestion, common: dict[str, Any], options: list[tuple[str, str]]
) -> forms.Field:
    if question.type == QuestionType.NUMBER:
        return forms.DecimalField(
            widget=forms.NumberInput(attrs={"inputmode": "decimal"}), **common
        )
    if question.type == QuestionType.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if question.type == QuestionType.SINGLE_CHOICE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if question.type == QuestionType.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(max_length=1000, **common)


class SignUpForm(UserCreationForm):
    """A citizen account: name, e-mail (the sign-in name) and a password."""

    first_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    class Meta:
        model = get_user_model()
        fields = ("first_name", "email")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(gettext("An account with this e-mail already exists."))
        return email

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user.username = self.cleaned_data["email"]
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ("by_email", "by_sms", "phone", "on_follow_up", "on_status_change")
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}
