from django.contrib import admin

from .models import CalendarDay, ClockPause, ServicePolicy


@admin.register(ServicePolicy)
class ServicePolicyAdmin(admin.ModelAdmin):
    list_display = (
        "stage",
        "service_class",
        "category_code",
        "agency_slug",
        "working_days",
        "remind_days_before",
        "second_escalation_after_days",
    )
    list_filter = ("stage", "service_class")
    search_fields = ("category_code", "agency_slug", "note")


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "province_code", "kind", "name")
    list_filter = ("kind", "province_code")
    search_fields = ("name", "province_code")
    date_hierarchy = "date"


@admin.register(ClockPause)
class ClockPauseAdmin(admin.ModelAdmin):
    """Read-only: pauses are written by the workflow when a report is held and answered."""

    list_display = ("subject_ref", "started_at", "ended_at")
    search_fields = ("subject_ref",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
