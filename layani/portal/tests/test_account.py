"""Optional citizen accounts: sign up, sign in, my reports, notification preferences."""

import pytest
from django.urls import reverse

from layani.portal.models import NotificationPreference

pytestmark = pytest.mark.django_db


def test_sign_up_signs_in_and_lists_my_reports(client, make_report, django_user_model):
    response = client.post(
        reverse("portal:sign-up"),
        {
            "first_name": "Ani",
            "email": "Ani@Example.org",
            "password1": "kuat-sekali-987",
            "password2": "kuat-sekali-987",
        },
    )
    assert response.status_code == 302
    user = django_user_model.objects.get(username="ani@example.org")
    report = make_report(user=user, name="Ani")
    other = make_report()
    html = client.get(reverse("portal:my-reports")).content.decode()
    assert report.title in html and other.display_tracking_id not in html
    opened = client.post(reverse("portal:open-my-report", args=[report.tracking_id]))
    assert opened["Location"] == reverse("portal:my-report", args=[report.tracking_id])
    assert client.get(opened["Location"]).status_code == 200
    # Someone else's report cannot be opened this way.
    client.post(reverse("portal:open-my-report", args=[other.tracking_id]))
    assert client.get(reverse("portal:my-report", args=[other.tracking_id])).status_code == 302


def test_sign_up_with_a_taken_e_mail_is_a_400(client, django_user_model):
    django_user_model.objects.create_user(username="ani@example.org", password="x")
    response = client.post(
        reverse("portal:sign-up"),
        {
            "first_name": "Ani",
            "email": "ani@example.org",
            "password1": "kuat-sekali-987",
            "password2": "kuat-sekali-987",
        },
    )
    assert response.status_code == 400


def test_sign_in_with_a_wrong_password_is_a_400_and_right_one_goes_to_my_reports(
    client, django_user_model
):
    django_user_model.objects.create_user(username="ani@example.org", password="kuat-sekali-987")
    url = reverse("portal:sign-in")
    assert client.post(url, {"username": "ani@example.org", "password": "salah"}).status_code == 400
    ok = client.post(url, {"username": "ani@example.org", "password": "kuat-sekali-987"})
    assert ok.status_code == 302 and ok["Location"] == reverse("portal:my-reports")


def test_my_reports_needs_an_account(client, db):
    response = client.get(reverse("portal:my-reports"))
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("portal:sign-in")
    )


def test_notification_preferences_are_saved(client, django_user_model):
    user = django_user_model.objects.create_user(username="ani@example.org", password="x")
    client.force_login(user)
    assert client.get(reverse("portal:preferences")).status_code == 200
    response = client.post(
        reverse("portal:preferences"),
        {"by_sms": "on", "phone": "081234567890", "on_follow_up": "on"},
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=user)
    assert preference.by_sms and not preference.by_email and not preference.on_status_change
