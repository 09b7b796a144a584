from django.contrib.auth.views import LogoutView
from django.urls import path

from layani.security.ratelimit import rate_limited

from . import (
    account,
    attachments,
    browse,
    places,
    privacy_views,
    submit,
    supporting,
    track,
    views,
)

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("sw.js", submit.service_worker, name="service-worker"),
    # Submitting a report
    path("lapor/", submit.submit, name="submit"),
    path("lapor/terkirim/", submit.submitted, name="submitted"),
    path("lapor/menunggu/", submit.outbox, name="outbox"),
    path("lapor/wilayah/", submit.region_fields, name="submit-regions"),
    path("lapor/wilayah/cari/", submit.region_search, name="submit-region-search"),
    path("lapor/wilayah/titik/", places.point, name="submit-point"),
    path("lapor/pertanyaan/", submit.category_questions, name="submit-questions"),
    path("lapor/bantuan/", submit.assist, name="submit-assist"),
    # Tracking one's own report
    path("lacak/", rate_limited("track")(track.track), name="track"),
    path("lacak/<str:tracking_id>/", track.my_report, name="my-report"),
    path(
        "lacak/<str:tracking_id>/lampiran/<int:attachment_id>/",
        attachments.reporter_download,
        name="my-attachment",
    ),
    path("lacak/<str:tracking_id>/<slug:action>/", track.reporter_action, name="reporter-action"),
    # Public reports
    path("laporan/", browse.report_list, name="report-list"),
    path("laporan/peta/", browse.report_map, name="report-map"),
    path("laporan/peta.json", browse.map_data, name="report-map-data"),
    path("peta/batas.json", places.outline, name="map-outlines"),
    path("laporan/<str:tracking_id>/", browse.report_detail, name="report-detail"),
    path("laporan/<str:tracking_id>/dukung/", supporting.support, name="report-support"),
    path(
        "laporan/<str:tracking_id>/dukung/tantangan/",
        supporting.challenge,
        name="report-support-challenge",
    ),
    path(
        "laporan/<str:tracking_id>/lampiran/<int:attachment_id>/",
        attachments.public_download,
        name="report-attachment",
    ),
    # Citizen accounts
    path("akun/daftar/", account.sign_up, name="sign-up"),
    path("akun/masuk/", account.SignInView.as_view(), name="sign-in"),
    path("akun/keluar/", LogoutView.as_view(next_page="portal:home"), name="sign-out"),
    path("akun/laporan-saya/", account.my_reports, name="my-reports"),
    path("akun/laporan-saya/<str:tracking_id>/", account.open_my_report, name="open-my-report"),
    path("akun/notifikasi/", account.preferences, name="preferences"),
    path("akun/data-saya/", privacy_views.my_data, name="my-data"),
    path("akun/data-saya/unduh/", privacy_views.download, name="my-data-download"),
    path("akun/data-saya/batasi/", privacy_views.restrict, name="my-data-restrict"),
]
