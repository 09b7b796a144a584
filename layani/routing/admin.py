from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import ModelVersion, RoutingDecision, RoutingSettings


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin[ModelVersion]):
    list_display = [
        "__str__",
        "source",
        "example_count",
        "category_count",
        "is_active",
        "created_at",
    ]
    list_filter = ["source", "is_active"]
    # Versions are made by `layani routing train` and switched by `layani routing activate`.
    readonly_fields = [f.name for f in ModelVersion._meta.fields if f.name != "note"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ModelVersion]:
        return super().get_queryset(request).defer("artefact")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RoutingDecision)
class RoutingDecisionAdmin(admin.ModelAdmin[RoutingDecision]):
    list_display = [
        "report",
        "suggested_category",
        "category_confidence",
        "final_category",
        "overridden",
        "model_label",
        "decided_at",
    ]
    list_filter = ["overridden", "model_label"]
    list_select_related = ["report", "suggested_category", "final_category"]
    readonly_fields = [f.name for f in RoutingDecision._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RoutingSettings)
class RoutingSettingsAdmin(admin.ModelAdmin[RoutingSettings]):
    list_display = ["__str__", "auto_disposition_enabled", "auto_threshold", "redact_plates"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not RoutingSettings.objects.exists()
