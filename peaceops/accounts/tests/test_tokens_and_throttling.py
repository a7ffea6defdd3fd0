"""API tokens stored as digests that expire and can be revoked; logins throttled by address across user names;
the API schema behind a login."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peaceops.accounts import services
from peaceops.accounts.access import SYSTEM
from peaceops.accounts.models import ApiToken
from peaceops.core.errors import Denied

PASSWORD = "{}-pass-9x!"  # peaceops.testing.make_user's pattern


def get_posts(client_or_key):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {client_or_key}")
    return client.get("/api/v1/posts/")


def test_a_new_token_works_and_the_database_keeps_only_its_digest(world):
    token, key = services.token_create(world.users["minurcat"], actor=world.users["minurcat"])
    assert get_posts(key).status_code == 200
    assert token.prefix == key[:8] and token.digest != key and len(token.digest) == 64
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        stored = repr(cursor.fetchall())
    assert key not in stored and key[8:] not in stored
    assert timezone.now() + dt.timedelta(days=29) < token.expires <= timezone.now() + dt.timedelta(days=30)


def test_an_expired_token_is_refused(world):
    token, key = services.token_create(world.users["minurcat"], actor=SYSTEM, days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires=timezone.now() - dt.timedelta(seconds=1))
    answer = get_posts(key)
    assert answer.status_code == 401


def test_a_revoked_token_is_refused_at_once(world):
    user = world.users["minurcat"]
    token, key = services.token_create(user, actor=user)
    other_token, other_key = services.token_create(user, actor=user)
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    listed = client.get("/api/v1/tokens/").json()
    assert {t["prefix"] for t in listed} == {token.prefix, other_token.prefix} and "digest" not in listed[0]
    assert client.post("/api/v1/tokens/revoke/", {"prefix": other_token.prefix}).status_code == 200
    assert get_posts(other_key).status_code == 401
    assert get_posts(key).status_code == 200
    # Another user's token cannot be revoked by its prefix: it is not found among one's own.
    stranger_token, stranger_key = services.token_create(world.users["unamid"], actor=SYSTEM)
    assert client.post("/api/v1/tokens/revoke/", {"prefix": stranger_token.prefix}).status_code == 404
    assert get_posts(stranger_key).status_code == 200


def test_only_the_owner_an_administrator_or_the_console_manage_a_token(world):
    token, _key = services.token_create(world.users["unamid"], actor=SYSTEM)
    with pytest.raises(Denied):
        services.token_revoke(token, actor=world.users["minurcat"])
    with pytest.raises(Denied):
        services.token_create(world.users["unamid"], actor=world.users["minurcat"])
    services.token_revoke(token, actor=world.users["admin"])
    token.refresh_from_db()
    assert token.revoked is not None and token.revoked_by == world.users["admin"]


def test_the_token_command_creates_lists_and_revokes(world, capsys):
    call_command("token", "create", "minurcat", "--days", "7", "--name", "sync")
    key = capsys.readouterr().out.strip()
    assert get_posts(key).status_code == 200
    call_command("token", "list", "minurcat")
    assert f"{key[:8]}  minurcat" in capsys.readouterr().out
    call_command("token", "revoke", key[:8])
    assert get_posts(key).status_code == 401


def test_the_token_endpoint_returns_a_token_once(world, client):
    answer = client.post("/api/v1/token/", {"username": "minurcat", "password": PASSWORD.format("minurcat")})
    assert answer.status_code == 200
    key = answer.json()["token"]
    assert get_posts(key).status_code == 200
    assert not ApiToken.objects.filter(digest=key).exists() and ApiToken.objects.get(prefix=key[:8])


def test_one_password_across_many_user_names_from_one_address_is_locked(world, settings):
    settings.PEACEOPS_LOGIN_FAILURES_PER_ADDRESS = 6
    web = Client()
    for n in range(settings.PEACEOPS_LOGIN_FAILURES_PER_ADDRESS - 1):
        answer = web.post(reverse("web:login"), {"username": f"user{n}", "password": "Summer2009!"})
        assert answer.status_code == 200, n  # one failure per user name: no per-name lock applies
    last = web.post(reverse("web:login"), {"username": "user99", "password": "Summer2009!"})
    assert last.status_code == 429
    locked = web.post(reverse("web:login"), {"username": "minurcat", "password": PASSWORD.format("minurcat")})
    assert locked.status_code == 429  # even a right password, from this address, while the lock holds
    # The token endpoint goes through the same lock.
    api = Client().post("/api/v1/token/", {"username": "unamid", "password": PASSWORD.format("unamid")})
    assert api.status_code == 429  # axes answers with its lock-out page: no token is made
    # Another address is not affected.
    elsewhere = Client(REMOTE_ADDR="10.0.0.9").post(reverse("web:login"),
                                                    {"username": "unamid", "password": PASSWORD.format("unamid")})
    assert elsewhere.status_code == 302


def test_the_token_endpoint_counts_failures_like_the_login_page(world, settings):
    api = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        api.post("/api/v1/token/", {"username": "minurcat", "password": "guess"})
    answer = api.post("/api/v1/token/", {"username": "minurcat", "password": PASSWORD.format("minurcat")})
    assert answer.status_code == 429


def test_the_schema_and_docs_need_a_login(world, client):
    assert client.get("/api/v1/schema/").status_code in (401, 403)
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith(reverse("web:login"))
    client.force_login(world.users["minurcat"])
    assert client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200


def test_a_setting_opens_the_schema_and_docs(world, client, settings):
    settings.PEACEOPS_PUBLIC_API_SCHEMA = True
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["components"]["securitySchemes"]["tokenAuth"]["name"] == "Authorization"
    assert client.get("/api/v1/docs/").status_code == 200


def test_a_backup_from_before_hashed_tokens_restores_its_tokens_as_digests(world, tmp_path):
    import gzip
    import json

    from peaceops.core.backup import restore_backup, write_backup

    file = tmp_path / "old.backup.gz"
    write_backup(file)
    with gzip.open(file, "rt") as stream:
        header, *records = [json.loads(line) for line in stream]
    key = "0123456789abcdef0123456789abcdef01234567"
    header["counts"]["authtoken.token"] = 1
    header["migrations"].append("authtoken.0004_alter_tokenproxy_options")
    records.append({"model": "authtoken.token", "pk": key,
                    "fields": {"user": world.users["minurcat"].pk, "created": "2010-01-01T00:00:00Z"}})
    with gzip.open(file, "wt") as stream:
        stream.writelines(json.dumps(line) + "\n" for line in [header, *records])

    restore_backup(file)
    assert get_posts(key).status_code == 200
    assert ApiToken.objects.get(prefix=key[:8]).digest != key


def test_behind_a_proxy_the_forwarded_address_is_the_one_locked(world, settings):
    settings.PEACEOPS_BEHIND_PROXY = True
    settings.PEACEOPS_LOGIN_FAILURES_PER_ADDRESS = 3
    attacker = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 81.2.69.160")  # a forged first entry, then the proxy's
    for n in range(settings.PEACEOPS_LOGIN_FAILURES_PER_ADDRESS):
        attacker.post(reverse("web:login"), {"username": f"user{n}", "password": "Summer2009!"})
    assert attacker.post(reverse("web:login"), {"username": "minurcat", "password": PASSWORD.format("minurcat")}
                         ).status_code == 429
    colleague = Client(HTTP_X_FORWARDED_FOR="81.2.69.142")  # same proxy (REMOTE_ADDR), another client
    assert colleague.post(reverse("web:login"), {"username": "minurcat", "password": PASSWORD.format("minurcat")}
                          ).status_code == 302
