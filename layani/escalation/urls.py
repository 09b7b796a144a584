from django.urls import path

from . import views

app_name = "transparency"

urlpatterns = [
    path("audit/", views.audit_checkpoints, name="audit-checkpoints"),
]
