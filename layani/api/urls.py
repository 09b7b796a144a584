"""Mounted at /api/v1/ (layani/config/urls.py); the schema is at /api/v1/openapi.json."""

from .api import api

app_name = "api"
urlpatterns = api.urls[0]
