from django import forms

from layani.intake.models import Report


class AllFields(forms.ModelForm):
    class Meta:
        model = Report
        # ruleid: modelform-all-fields
        fields = "__all__"


class Excluding(forms.ModelForm):
    class Meta:
        model = Report
        # ruleid: modelform-all-fields
        exclude = ["access_code_hash"]


class Schema:
    class Meta:
        model = Report
        # ruleid: modelform-all-fields
        model_fields = "__all__"


class Explicit(forms.ModelForm):
    class Meta:
        model = Report
        # ok: modelform-all-fields
        fields = ["title", "description"]


# ok: modelform-all-fields
fields = "__all__"
