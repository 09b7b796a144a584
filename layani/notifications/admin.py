from django.contrib import admin

from .models import DeliveryPreference, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only delivery history (the address is hidden: it is contact data kept for delivery)."""

    list_display = ("created_at", "event", "recipient_ref", "channel", "status", "attempts")
    list_filter = ("status", "channel", "event")
    search_fields = ("recipient_ref", "event")
    exclude = ("address",)
    readonly_fields = [
        f.name for f in Notification._meta.get_fields() if f.concrete and f.name != "address"
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DeliveryPreference)
class DeliveryPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "delivery", "email_enabled")
    list_filter = ("delivery", "email_enabled")
    raw_id_fields = ("user",)
