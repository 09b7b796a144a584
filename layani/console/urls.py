from django.contrib.auth import views as auth_views
from django.urls import path

from layani.security.login import ThrottledLoginView
from layani.security.views import second_factor

from .views import actions, attachments, case, dashboards, intake, lists, privacy, routing

app_name = "console"
urlpatterns = [
    path("", lists.home, name="home"),
    path("masuk/", ThrottledLoginView.as_view(template_name="console/login.html"), name="login"),
    path("verifikasi/", second_factor, name="second-factor"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("antrean/", lists.queue, name="queue"),
    path("antrean/massal/", intake.bulk_action, name="bulk"),
    path("dasbor/", dashboards.region_dashboard, name="dashboard"),
    path("laporan-baru/", intake.assisted_intake, name="intake"),
    path("hak-subjek-data/", privacy.subject_requests, name="subject-requests"),
    path("perutean/keandalan/", routing.calibration, name="routing-calibration"),
    path("instansi/<slug:slug>/", lists.inbox, name="inbox"),
    path("instansi/<slug:slug>/simpan-tampilan/", lists.save_view, name="save-view"),
    path("instansi/<slug:slug>/beban-kerja/", lists.workload, name="workload"),
    path("instansi/<slug:slug>/dasbor/", dashboards.agency_dashboard, name="agency-dashboard"),
    path("laporan/<str:tracking_id>/", case.case_detail, name="case"),
    path("laporan/<str:tracking_id>/buka-identitas/", actions.reveal, name="reveal"),
    path(
        "laporan/<str:tracking_id>/lampiran/<int:attachment_id>/",
        attachments.download,
        name="attachment",
    ),
    path(
        "laporan/<str:tracking_id>/lampiran/<int:attachment_id>/periksa/",
        attachments.review,
        name="attachment-review",
    ),
    path(
        "laporan/<str:tracking_id>/tugas/<int:task_id>/<slug:action>/",
        actions.task_action,
        name="task-action",
    ),
    path("laporan/<str:tracking_id>/<slug:action>/", actions.report_action, name="action"),
]
