"""Backup and restore of every record, its history, users, grants and API tokens (their digests).

The file is portable across database engines (SQLite <-> PostgreSQL): gzip'd JSON Lines, the
first line a header ``{"format", "version", "created", "database", "migrations", "counts"}``,
then one Django-serialised record per line (``{"model", "pk", "fields"}``), models in
dependency order, records by primary key. Primary keys are kept, so links between records,
history entries (django-simple-history tables) and tokens survive as they were.

Left out, because ``migrate`` recreates them or they must not travel: content types and
permissions (referred to by natural key, so their ids may differ between databases), sessions
(cleared on restore: a session id must not log anyone in as a restored user), and django-axes
login-attempt logs.

Restore replaces the database's contents in one transaction: the tables are emptied, the
records loaded, foreign keys and counts checked; on any error nothing is changed.
"""

import datetime as dt
import gzip
import io
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from peaceops.core.private_files import open_private

FORMAT = "peaceops-backup"
VERSION = 1
SUPPORTED_VERSIONS = {1}

EXCLUDED_APPS = {"contenttypes", "sessions", "axes"}
EXCLUDED_MODELS = {"auth.permission"}
# Rows other tables point at whose ids depend on the order ``migrate`` created them in.
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}
SESSION_TABLE = "django_session"
# Backups of installations that kept Django REST framework's plaintext tokens: restored as digests.
LEGACY_TOKEN_MODEL = "authtoken.token"
LEGACY_APPS = {"authtoken"}
# How a record of a legacy model becomes a record of a current one, by the legacy model's label. The
# app that owns the current model registers its converter in AppConfig.ready (accounts: plaintext
# tokens become digests): core imports no app.
LEGACY_CONVERTERS: dict = {}
BATCH = 1000


class BackupError(Exception):
    """A backup could not be written or restored; the message names the file and the line."""


# ---------------------------------------------------------------------------------------------
# What is backed up


def backed_up_models() -> list:
    """Every concrete model whose rows belong in a backup, in dependency order."""
    by_app: dict = {}
    for model in apps.get_models():  # auto-created many-to-many tables travel with their fields
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        if meta.app_label in EXCLUDED_APPS or meta.label_lower in EXCLUDED_MODELS:
            continue
        by_app.setdefault(meta.app_config, []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


def _auto_m2m_fields(model) -> list:
    return [f for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


def _tables_of(models) -> list[str]:
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        tables += [f.remote_field.through._meta.db_table for f in _auto_m2m_fields(model)]
    return tables


def _applied_migrations(connection) -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


# ---------------------------------------------------------------------------------------------
# Writing


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes to milliseconds; history dates must come back exactly."""

    def default(self, o):
        if isinstance(o, (dt.datetime, dt.time)):
            return o.isoformat()
        return super().default(o)


class _Serializer(PythonSerializer):
    """Primary keys everywhere, except natural keys for content types and permissions."""

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model._meta.label_lower in NATURAL_KEY_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model._meta.label_lower in NATURAL_KEY_MODELS
        super().handle_m2m_field(obj, field)


def _records(model, using) -> Iterator[dict]:
    queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
    m2m = [f.name for f in _auto_m2m_fields(model)]
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    rows = queryset.iterator(chunk_size=BATCH)
    while chunk := list(islice(rows, BATCH)):
        yield from _Serializer().serialize(chunk)


@contextmanager
def _snapshot(connection):
    """Read every table as of one moment, so the records and their counts agree."""
    if connection.in_atomic_block:  # already inside a transaction (tests, callers' own atomic)
        yield
        return
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        # On SQLite the transaction takes the write lock: writers wait until the backup is done.
        yield


def write_backup(path, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the database to ``path`` (gzip'd JSON Lines); return the header.

    The file appears only once complete: it is written beside the target and renamed. It is
    readable by the writing account only (mode 0600).
    """
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    connection = connections[using]
    models = backed_up_models()
    try:
        with _snapshot(connection):
            header = {
                "format": FORMAT,
                "version": VERSION,
                "created": timezone.now().isoformat(),
                "database": connection.vendor,
                "migrations": _applied_migrations(connection),
                "counts": {m._meta.label_lower: m._base_manager.using(using).count() for m in models},
            }
            written = Counter()
            # 0600 whatever the umask: a backup holds password hashes, token digests and classified records.
            with (open(open_private(partial), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as packed,
                  io.TextIOWrapper(packed, encoding="utf-8") as out):
                out.write(json.dumps(header) + "\n")
                for model in models:
                    for record in _records(model, using):
                        out.write(json.dumps(record, cls=_Encoder, ensure_ascii=False) + "\n")
                        written[record["model"]] += 1
        wrong = {label: (written[label], n) for label, n in header["counts"].items() if written[label] != n}
        if wrong:
            raise BackupError(f"{path}: records written differ from the counts (written, counted): {wrong}")
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return header


# ---------------------------------------------------------------------------------------------
# Reading


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, parsed JSON object) for each line, with damage reported by line."""
    number = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as error:
                    raise BackupError(f"{path} line {number}: not valid JSON ({error.msg})") from None
                if not isinstance(value, dict):
                    raise BackupError(f"{path} line {number}: expected a JSON object")
                yield number, value
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except (gzip.BadGzipFile, EOFError, zlib.error, UnicodeDecodeError) as error:
        where = f"line {number + 1}" if number else "start"
        raise BackupError(f"{path} ({where}): not a readable peaceops backup, damaged or truncated "
                          f"({type(error).__name__}: {error or 'unexpected end of file'})") from None


def read_header(path) -> dict:
    """The header of a backup file, checked for format and version."""
    path = Path(path)
    lines = _lines(path)
    try:
        number, header = next(lines)
    except StopIteration:
        raise BackupError(f"{path}: the file is empty") from None
    finally:
        lines.close()
    _check_header(path, number, header)
    return header


def _check_header(path: Path, number: int, header: dict) -> None:
    if header.get("format") != FORMAT:
        raise BackupError(f"{path} line {number}: format is {header.get('format')!r}, not {FORMAT!r}: "
                          "this is not a peaceops backup")
    if header.get("version") not in SUPPORTED_VERSIONS:
        raise BackupError(f"{path} line {number}: backup format version {header.get('version')!r} is not one "
                          f"this peaceops reads ({', '.join(map(str, sorted(SUPPORTED_VERSIONS)))})")
    if not isinstance(header.get("counts"), dict) or not isinstance(header.get("migrations"), list):
        raise BackupError(f"{path} line {number}: the header lacks 'counts' or 'migrations'")


def _check_schema(path: Path, header: dict, connection, models: dict) -> None:
    applied = set(_applied_migrations(connection))
    if not applied:
        raise BackupError(f"{path}: the database has no tables yet; run 'peaceops migrate' first")
    missing = sorted(m for m in set(header["migrations"]) - applied if m.split(".")[0] not in LEGACY_APPS)
    if missing:
        raise BackupError(f"{path}: the backup was made by a newer peaceops; migrations not applied here: "
                          f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''} (upgrade, then migrate)")
    unknown = sorted(set(header["counts"]) - set(models) - {LEGACY_TOKEN_MODEL})
    if unknown:
        raise BackupError(f"{path}: the backup holds models this installation does not have: {', '.join(unknown)}")


# ---------------------------------------------------------------------------------------------
# Restoring


def restore_backup(path, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Replace the database's contents with the backup at ``path``; return its header.

    All or nothing: one transaction empties the tables, loads the records, checks foreign
    keys and the counts the header promises.
    """
    path = Path(path)
    connection = connections[using]
    models = {m._meta.label_lower: m for m in backed_up_models()}
    lines = _lines(path)
    try:
        try:
            number, header = next(lines)
        except StopIteration:
            raise BackupError(f"{path}: the file is empty") from None
        _check_header(path, number, header)
        _check_schema(path, header, connection, models)
        with transaction.atomic(using=using):
            _empty_tables(connection, list(models.values()))
            loaded = _load(path, lines, using, models)
            _reset_sequences(connection, list(models.values()))
            _check_foreign_keys(path, connection, list(models.values()))
            _check_counts(path, header, loaded, models, using)
    finally:
        lines.close()
    return header


def _empty_tables(connection, models) -> None:
    if connection.vendor == "postgresql":
        connection.check_constraints()  # fire pending deferred checks: TRUNCATE refuses to run with any
    statements = connection.ops.sql_flush(no_style(), [*_tables_of(models), SESSION_TABLE])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _load(path: Path, lines, using: str, models: dict) -> Counter:
    loaded: Counter = Counter()
    batch: list = []
    for number, record in lines:
        label = record.get("model")
        if label in LEGACY_CONVERTERS and isinstance(record.get("fields"), dict) and record.get("pk"):
            record = LEGACY_CONVERTERS[label](record)  # counted under its old label, as the header announces it
        elif label not in models or "pk" not in record or not isinstance(record.get("fields"), dict):
            raise BackupError(f"{path} line {number}: not a record of a known model ({str(label)[:60]!r})")
        try:
            deserialized = next(iter(PythonDeserializer([record], using=using)))
        except DeserializationError as error:
            raise BackupError(f"{path} line {number}: {error}") from None
        if batch and (type(batch[0].object) is not type(deserialized.object) or len(batch) >= BATCH):
            _save(path, batch, using)
            batch = []
        batch.append(deserialized)
        loaded[label] += 1
    if batch:
        _save(path, batch, using)
    return loaded


def register_legacy_converter(label: str, convert) -> None:
    """``convert(record) -> record``: restore records of the legacy model ``label`` as a current model's."""
    LEGACY_CONVERTERS[label] = convert


def _save(path: Path, batch: list, using: str) -> None:
    """Insert one model's records as loaddata does (raw saves: no auto dates, no new history), then their links."""
    model = type(batch[0].object)
    try:
        for item in batch:
            item.object.save_base(using=using, raw=True, force_insert=True)
        for field in _auto_m2m_fields(model):
            through = field.remote_field.through
            source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
            links = [through(**{source: item.object.pk, target: pk})
                     for item in batch for pk in item.m2m_data.get(field.name, [])]
            through._base_manager.using(using).bulk_create(links, batch_size=BATCH)
    except (IntegrityError, DatabaseError) as error:
        raise BackupError(f"{path}: could not store {model._meta.label_lower} records "
                          f"(pk {batch[0].object.pk}..{batch[-1].object.pk}): {error}") from None


def _reset_sequences(connection, models) -> None:
    """PostgreSQL sequences must move past the restored ids (SQLite's autoincrement follows by itself)."""
    throughs = [f.remote_field.through for m in models for f in _auto_m2m_fields(m)]
    statements = connection.ops.sequence_reset_sql(no_style(), [*models, *throughs])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _check_foreign_keys(path: Path, connection, models) -> None:
    try:
        connection.check_constraints(table_names=_tables_of(models))
    except IntegrityError as error:
        raise BackupError(f"{path}: the records do not hold together: {error}") from None


def _check_counts(path: Path, header: dict, loaded: Counter, models: dict, using: str) -> None:
    unannounced = sorted(set(loaded) - set(header["counts"]))
    if unannounced:
        raise BackupError(f"{path}: records of {', '.join(unannounced)} are not in the header's counts")
    for label, expected in header["counts"].items():
        if label == LEGACY_TOKEN_MODEL and loaded[label] == expected:
            continue
        if loaded[label] != expected:
            raise BackupError(f"{path}: the file holds {loaded[label]} {label} records, its header says {expected} "
                              "(the file is incomplete)")
        stored = models[label]._base_manager.using(using).count()
        if label == "accounts.apitoken":
            expected += loaded[LEGACY_TOKEN_MODEL]  # the old plaintext tokens, stored as digests
        if stored != expected:
            raise BackupError(f"{path}: {stored} {label} records stored after loading, expected {expected}")
