"""Log in, log out, lock-out after repeated failures (django-axes), CSRF on every form."""

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse

from peaceops.web.tests.conftest import PASSWORD


def post_login(client, username, password):
    return client.post(reverse("web:login"), {"username": username, "password": password})


def test_anonymous_visitors_are_sent_to_the_login_page(db):
    response = Client().get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_log_in_with_the_right_password_opens_the_dashboard(world, client):
    response = post_login(client, "minurcat", PASSWORD.format("minurcat"))
    assert response.status_code == 302 and response["Location"] == reverse("web:home")
    assert "MINURCAT" in client.get(reverse("web:home")).content.decode()


def test_a_wrong_password_is_refused_with_a_message(world, client):
    response = post_login(client, "minurcat", "not-the-password")
    assert response.status_code == 200
    assert "Wrong user name or password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_with_a_clear_page(world, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, "minurcat", "guess").status_code == 200
    locked = post_login(client, "minurcat", "guess")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed log-in attempts" in page
    assert f"after {settings.AXES_FAILURE_LIMIT} failed attempts" in page
    assert "Try again in 15 minutes" in page
    # Even the right password is refused while the lock holds.
    still_locked = post_login(client, "minurcat", PASSWORD.format("minurcat"))
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_user_name(world, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "minurcat", "guess")
    assert post_login(client, "unamid", PASSWORD.format("unamid")).status_code == 302


def test_logout_is_a_post_and_ends_the_session(world, client_as):
    client = client_as(world.users["minurcat"])
    assert client.get(reverse("web:logout")).status_code == 405
    response = client.post(reverse("web:logout"))
    assert response.status_code == 302
    assert client.get(reverse("web:home")).status_code == 302


def test_forms_without_the_csrf_token_are_refused(world):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("web:login"), {"username": "minurcat", "password": "x"}).status_code == 403
    client.force_login(world.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")
    for name in ("web:logout", "web:choose-scope"):
        assert client.post(reverse(name), {"scope": f"mission:{world.minurcat.id}"}).status_code == 403
    assert client.post("/i18n/setlang/", {"language": "fr"}).status_code == 403


def test_every_form_of_the_shell_carries_a_csrf_token(world, client_as):
    page = client_as(world.users["minurcat"]).get(reverse("web:home")).content.decode()
    forms = re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", page, flags=re.S)
    assert len(forms) == 3  # scope switcher, language, log out
    assert all("csrfmiddlewaretoken" in form for form in forms)
