from django.contrib import admin

from .models import Attachment, Report


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
