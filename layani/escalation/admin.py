from django.contrib import admin

from .models import Escalation, JobRun


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):
    """Read-only: rows are written by the sweep and are what makes each level fire once."""

    list_display = ("fired_at", "report", "task", "stage", "level", "due_at", "skipped")
    list_filter = ("stage", "level", "skipped")
    raw_id_fields = ("report", "task")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("job", "slot", "claimed_at")
    list_filter = ("job",)

    def has_add_permission(self, request, obj=None):
        return False
