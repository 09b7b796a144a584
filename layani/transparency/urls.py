from django.urls import path

from . import views

# "transparency" is taken by the audit-checkpoint page (layani.escalation.urls).
app_name = "statistics"

urlpatterns = [
    path("", views.statistics_page, name="overview"),
    path("instansi/", views.scorecards_page, name="scorecards"),
    path("metode/", views.methods_page, name="methods"),
    path("data/", views.data_page, name="data"),
    path("data/laporan.<str:fmt>", views.reports_download, name="reports-download"),
    path("data/statistik.<str:fmt>", views.statistics_download, name="statistics-download"),
]
