"""Admin for cases: read-mostly. State changes go through the console and its services, so the
admin can fix reference data (response templates) but never move a case by hand."""

from django.contrib import admin

from layani.audit.admin import ReadOnlyAdmin

from .models import Case, CaseMessage, Referral, ResponseTemplate, Task


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["report", "lead_agency", "referral_count", "bounced", "outcome", "rating"]
    list_filter = ["bounced", "outcome", "appealed"]
    search_fields = ["report__tracking_id"]
    show_full_result_count = False


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ["case", "agency", "role", "status", "due_at", "assigned_officer"]
    list_filter = ["role", "status"]
    search_fields = ["case__report__tracking_id", "agency__name"]
    show_full_result_count = False


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    list_display = ["case", "from_agency", "to_agency", "created_at"]
    search_fields = ["case__report__tracking_id"]


@admin.register(CaseMessage)
class CaseMessageAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "agency", "created_at"]
    list_filter = ["kind"]
    search_fields = ["case__report__tracking_id"]


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "agency"]
    search_fields = ["title", "body"]
    raw_id_fields = ["agency"]
