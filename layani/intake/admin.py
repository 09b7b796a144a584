from django.contrib import admin
from django.http import HttpRequest

from .models import Attachment, JournalEntry, Report


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "content_type", "size", "reviewed", "created_at"]
    readonly_fields = ["original_name", "content_type", "size", "reviewed", "created_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Content only. Reporter identities are deliberately not editable or listed in the admin:
    they are shown, masked and audited, through the staff console."""

    list_display = [
        "display_tracking_id",
        "title",
        "type",
        "status",
        "privacy",
        "channel",
        "submitted_at",
    ]
    list_filter = ["status", "type", "privacy", "channel", "category__parent"]
    search_fields = ["tracking_id", "title"]
    raw_id_fields = ["category", "region"]
    readonly_fields = ["tracking_id", "submitted_at"]
    date_hierarchy = "submitted_at"
    inlines = [AttachmentInline]
    show_full_result_count = False


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    """Read-only: what waits to be recorded, and why an entry failed. The submission itself (which
    holds the sender's contact details) is not shown; `layani intake_journal --retry` re-runs."""

    list_display = ["tracking_id", "state", "received_at", "attempts", "error"]
    list_filter = ["state"]
    fields = ["tracking_id", "state", "received_at", "attempts", "error"]
    readonly_fields = ["tracking_id", "state", "received_at", "attempts", "error"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
