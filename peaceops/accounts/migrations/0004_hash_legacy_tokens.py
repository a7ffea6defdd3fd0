"""Replace Django REST framework's plaintext tokens (table authtoken_token) by hashed, expiring ones.

Existing clients keep working until the new expiry; the plaintext keys are deleted. The old app is
no longer installed, so the table is read with plain SQL where an older installation left it.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import migrations
from django.utils import timezone

LEGACY_TABLE = "authtoken_token"


def hash_legacy_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if LEGACY_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    table = connection.ops.quote_name(LEGACY_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {connection.ops.quote_name('key')}, user_id FROM {table}")
        rows = cursor.fetchall()
        now = timezone.now()
        expires = now + dt.timedelta(days=getattr(settings, "PEACEOPS_TOKEN_DAYS", 30))
        ApiToken.objects.bulk_create([
            ApiToken(user_id=user_id, name="converted", prefix=key[:8], digest=hashlib.sha256(key.encode()).hexdigest(),
                     created=now, expires=expires)
            for key, user_id in rows
        ])
        cursor.execute(f"DELETE FROM {table}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_apitoken")]

    operations = [migrations.RunPython(hash_legacy_tokens, migrations.RunPython.noop)]
