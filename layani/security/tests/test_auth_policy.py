"""One sign-in policy for every way in: the console, the citizens' sign-in and the Django admin.

Every test that counts failures uses `private_cache` (counters start at zero, whatever the shared
Redis of the PostgreSQL pass holds) and usernames of its own.
"""

import itertools
import uuid

import pyotp
import pytest
from django.contrib.auth.views import LoginView
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from layani.accounts.models import User
from layani.security.login import ADDRESS_FAILURES, USER_FAILURES, ThrottledLoginMixin
from layani.security.models import TotpDevice
from layani.security.totp import SESSION_FLAG, needs_second_factor

pytestmark = pytest.mark.django_db

PASSWORD = "benar-sekali-482"
DOORS = {"console": "/konsol/masuk/", "citizen": "/akun/masuk/", "admin": "/admin/login/"}
#: What a wrong password is answered with at each door (the form again).
WRONG = {"console": 200, "citizen": 400, "admin": 200}
#: What the right password is answered with when nothing is locked, for a superuser.
RIGHT_FOR_SUPERUSER = {"console": 302, "citizen": 403, "admin": 302}


def _account(prefix="akun", **flags):
    return User.objects.create_user(
        username=f"{prefix}-{uuid.uuid4().hex[:10]}", password=PASSWORD, **flags
    )


def _superuser():
    return _account("super", is_staff=True, is_superuser=True)


def _post(client, door, username, password, address="10.1.1.1"):
    data = {"username": username, "password": password}
    if door == "admin":
        data["next"] = "/admin/"
    return client.post(DOORS[door], data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def _signed_in(client):
    return "_auth_user_id" in client.session


def _fail(client, door, username, times, address="10.1.1.1"):
    for _ in range(times):
        assert _post(client, door, username, "salah", address).status_code == WRONG[door]


@pytest.mark.parametrize(
    ("door", "account"),
    [("console", "officer"), ("citizen", "citizen"), ("admin", "superuser")],
)
def test_each_door_locks_the_account_after_five_failures(
    client, private_cache, team, door, account, caplog
):
    user = {
        "officer": lambda: _staff(team.dinas_pu, "officer"),
        "citizen": lambda: _account("warga"),
        "superuser": _superuser,
    }[account]()
    _fail(client, door, user.username, USER_FAILURES)
    locked = _post(client, door, user.username, PASSWORD)
    assert locked.status_code == 429 and int(locked["Retry-After"]) > 0
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert not _signed_in(client)
    # Logged with a hash of the name only.
    assert "login failed" in caplog.text and user.username not in caplog.text


@pytest.mark.parametrize(("locked_at", "tried_at"), list(itertools.permutations(DOORS, 2)))
def test_a_lock_made_at_one_door_holds_at_every_other(client, private_cache, locked_at, tried_at):
    user = _superuser()
    assert (
        _post(client, tried_at, user.username, PASSWORD, "10.2.2.2").status_code
        == RIGHT_FOR_SUPERUSER[tried_at]
    )
    client.logout()
    _fail(client, locked_at, user.username, USER_FAILURES)
    assert _post(client, tried_at, user.username, PASSWORD, "10.3.3.3").status_code == 429
    assert not _signed_in(client)


def test_failures_at_different_doors_add_up(client, private_cache, team):
    officer = _staff(team.dinas_pu, "officer")
    _fail(client, "citizen", officer.username, 2)
    _fail(client, "admin", officer.username, 2)
    _fail(client, "console", officer.username, 1)
    assert _post(client, "console", officer.username, PASSWORD).status_code == 429


def test_spelling_the_name_differently_does_not_reset_the_count(client, private_cache):
    user = _superuser()
    for spelling in (user.username.upper(), f" {user.username}", f"{user.username} "):
        _fail(client, "console", spelling, 1)
    _fail(client, "citizen", user.username.title(), 2)
    assert _post(client, "admin", user.username, PASSWORD).status_code == 429


def test_the_per_address_limit_is_shared_by_every_door(client, private_cache):
    address = "10.4.4.4"
    doors = itertools.cycle(DOORS)
    for n in range(ADDRESS_FAILURES):  # each name fails once: no account reaches its limit
        _fail(client, next(doors), f"tamu-{uuid.uuid4().hex[:8]}-{n}", 1, address)
    user = _superuser()
    for door in DOORS:
        assert _post(client, door, user.username, PASSWORD, address).status_code == 429
    assert not _signed_in(client)
    # Another address is not held back.
    assert _post(client, "console", user.username, PASSWORD, "10.5.5.5").status_code == 302


def test_a_successful_sign_in_clears_the_account_count(client, private_cache):
    user = _superuser()
    _fail(client, "console", user.username, USER_FAILURES - 1)
    assert _post(client, "console", user.username, PASSWORD).status_code == 302
    client.logout()
    _fail(client, "admin", user.username, USER_FAILURES - 1)
    assert _post(client, "admin", user.username, PASSWORD).status_code == 302


@pytest.mark.parametrize("who", ["officer", "coordinator", "is_staff", "superuser"])
def test_staff_get_no_session_at_the_citizen_sign_in(client, private_cache, team, who):
    user = {
        "officer": lambda: _staff(team.dinas_pu, "officer"),
        "coordinator": lambda: _staff(team.pemda, "coordinator"),
        "is_staff": lambda: _account("staf", is_staff=True),
        "superuser": _superuser,
    }[who]()
    response = _post(client, "citizen", user.username, PASSWORD)
    assert response.status_code == 403
    assert not _signed_in(client)
    html = response.content.decode()
    assert "This is a staff account. Sign in through the staff sign-in page." in html
    assert f'href="{reverse("console:login")}"' in html
    # The staff sign-in takes them.
    assert _post(client, "console", user.username, PASSWORD).status_code == 302


def test_a_wrong_password_says_nothing_about_staff(client, private_cache, team):
    officer = _staff(team.dinas_pu, "officer")
    citizen = _account("warga")
    for username in (officer.username, citizen.username, "tidak-ada-orangnya"):
        response = _post(client, "citizen", username, "salah")
        assert response.status_code == 400
        assert "staff" not in response.content.decode().lower()


def test_citizens_still_sign_in(client, private_cache):
    citizen = _account("warga")
    response = _post(client, "citizen", citizen.username, PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("portal:my-reports")
    assert _signed_in(client)


@pytest.mark.parametrize("flags", [{"is_superuser": True}, {}])
def test_the_admin_asks_for_the_second_factor_before_showing_anything(client, private_cache, flags):
    user = _account("admin", is_staff=True, **flags)
    if not flags:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="view_user"))
    signed_in = _post(client, "admin", user.username, PASSWORD)
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"
    for page in ("/admin/", "/admin/accounts/user/", "/admin/accounts/", "/admin/password_change/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert (
            response["Location"]
            == f"{reverse('console:second-factor')}?next={page.replace('/', '%2F')}"
        )
    # Someone without a device is enrolled first.
    step = client.get(response["Location"])
    assert step.status_code == 200 and "<svg" in step.content.decode()
    secret = TotpDevice.objects.get(user=user).secret
    done = client.post(
        reverse("console:second-factor"),
        {"code": pyotp.TOTP(secret).now(), "next": "/admin/accounts/user/"},
    )
    assert done.status_code == 302 and done["Location"] == "/admin/accounts/user/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200


def test_the_admin_still_sends_strangers_to_its_own_sign_in(client, private_cache):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    citizen = _account("warga")
    client.force_login(citizen)  # a citizen's session is not asked for a code, just refused
    assert client.get("/admin/").status_code == 302
    assert not TotpDevice.objects.filter(user=citizen).exists()


def test_a_verified_session_opens_the_admin(client, private_cache):
    user = _superuser()
    client.force_login(user)
    assert client.get("/admin/").status_code == 302
    session = client.session
    session[SESSION_FLAG] = True
    session.save()
    assert client.get("/admin/").status_code == 200


def test_every_role_that_can_reveal_identities_or_change_configuration_needs_a_second_factor(
    team,
):
    for user in (team.coordinator, team.admin_pu, team.auditor, team.supervisor):
        assert needs_second_factor(user), user.username
    assert needs_second_factor(_account("staf", is_staff=True))
    assert needs_second_factor(_superuser())
    assert not needs_second_factor(team.officer_pu)
    assert not needs_second_factor(team.citizen)


def test_no_sign_in_door_is_left_out_of_the_policy():
    """Every LoginView in the URL map uses the mixin, and the admin's sign-in is wrapped."""

    def walk(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns)
            elif isinstance(entry, URLPattern):
                yield entry

    login_views = []
    for entry in walk(get_resolver().url_patterns):
        view_class = getattr(entry.callback, "view_class", None)
        if view_class is not None and issubclass(view_class, LoginView):
            login_views.append(view_class)
            assert issubclass(view_class, ThrottledLoginMixin), view_class
    assert len(login_views) >= 2  # the console's and the citizens'
    admin_login = get_resolver().resolve("/admin/login/").func
    assert getattr(admin_login, "layani_throttled", False)


def _staff(agency, role):
    from layani.accounts.models import Membership

    user = _account(role)
    Membership.objects.create(user=user, agency=agency, role=role)
    return user
