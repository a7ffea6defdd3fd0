"""One bulk insert whose history rows are those django-simple-history would write, for every import.

The event import (incidents) and the 3W import (coordination) insert tens of thousands of rows a
file. ``bulk_create`` builds a model instance and compiles Django's multi-row INSERT for every
row (~0.3 ms a row a table), and ``bulk_create_with_history`` builds a second instance per row for
its history: most of an import's time (measured: benchmarks/incident_import.py,
benchmarks/coordination_import.py). Here:

- :class:`IdAllocator` takes the new rows' primary keys *before* the insert, so no query has to
  find the new rows afterwards (finding them by ``MAX(id)`` could pick up, and write history for,
  rows that a concurrent PostgreSQL import inserted meanwhile);
- :class:`FastInsert` sends plain tuples (PostgreSQL ``COPY``, else ``executemany``);
- :func:`copy_to_history` writes the "+" history rows by one ``INSERT ... SELECT`` inside the
  database, picked by those keys: every tracked column, plus date, type, user and reason, the
  same row simple_history's ``bulk_history_create`` writes (core/tests/test_bulk_history.py
  compares them field by field).

This relies on simple_history's table layout (the tracked columns under their own names, then
``history_date``, ``history_type``, ``history_user_id`` and ``history_change_reason``), which
the test above checks for every model that uses it.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

# The columns simple_history adds to a tracked model's own (history_id is the history's key).
MARK_NAMES = ("history_date", "history_type", "history_user_id", "history_change_reason")


def history_marks(user_id: int | None, reason: str | None = None, *, when=None) -> dict:
    """The values every "+" row of one insert carries (``user_id`` None: the system, no user row)."""
    return {"history_date": when or timezone.now(), "history_type": "+", "history_user_id": user_id,
            "history_change_reason": reason}


def insert_with_history(model, rows: list[dict], marks: dict, *, batch_size: int = 5000) -> list[int]:
    """Insert ``rows`` (field attnames to values; a missing field takes its default) with their history.

    Returns the new primary keys, in the order of ``rows``. Every field's value is prepared by the
    field (JSON, for one), so a row holds what the model would hold.
    """
    if not rows:
        return []
    fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    prepared = {f.attname: f for f in fields if f.get_internal_type() == "JSONField"}
    ids = IdAllocator(model).take(len(rows))
    insert = FastInsert(model, (model._meta.pk.attname, *(f.attname for f in fields)))
    tuples = []
    for pk, values in zip(ids, rows, strict=True):
        row = [pk]
        for f in fields:
            value = values.get(f.attname, defaults[f.attname])
            row.append(prepared[f.attname].get_db_prep_save(value, connection) if f.attname in prepared else value)
        tuples.append(tuple(row))
    for start in range(0, len(tuples), batch_size):
        insert.run(tuples[start:start + batch_size])
    copy_to_history(model, model._meta.pk.column, ids, marks)
    return ids


def copy_to_history(model, key_column: str, keys: list[int], marks: dict) -> None:
    """History rows for just-inserted rows, copied inside the database (INSERT ... SELECT).

    ``key_column`` picks the rows: the primary key, or a foreign key whose rows were all just
    inserted (an incident's sources). The rows are picked by one range (consecutive keys), one
    array (PostgreSQL) or chunks of an IN list (SQLite's variable limit).
    """
    keys = sorted(keys)
    if not keys:
        return
    history = model.history.model
    quote = connection.ops.quote_name
    copied = [f for f in history._meta.local_concrete_fields
              if not f.primary_key and f.attname not in MARK_NAMES]
    mark_fields = [history._meta.get_field(name.removesuffix("_id")) for name in MARK_NAMES]
    mark_values = [connection.ops.adapt_datetimefield_value(marks["history_date"]), marks["history_type"],
                   marks["history_user_id"], marks["history_change_reason"]]
    columns = ", ".join(quote(f.column) for f in copied + mark_fields)
    source_columns = ", ".join(quote(model._meta.get_field(f.name).column) for f in copied)
    head = (f"INSERT INTO {quote(history._meta.db_table)} ({columns}) "
            f"SELECT {source_columns}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} WHERE {quote(key_column)}")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"{head} = ANY(%s)", [*mark_values, keys])
        elif keys[-1] - keys[0] + 1 == len(keys):
            cursor.execute(f"{head} BETWEEN %s AND %s", [*mark_values, keys[0], keys[-1]])
        else:
            for start in range(0, len(keys), 900):
                chunk = keys[start:start + 900]
                cursor.execute(f"{head} IN ({', '.join(['%s'] * len(chunk))})", [*mark_values, *chunk])


class IdAllocator:
    """Primary keys for new rows, taken before the insert so no query must find them after it.

    PostgreSQL: drawn from the column's sequence, in one query per batch, safe beside concurrent
    writers. SQLite: the ids above the table's highest ever used (AUTOINCREMENT keeps it in
    sqlite_sequence); every transaction begins IMMEDIATE (settings: ``transaction_mode``), so an
    import's transaction holds the database's only write lock from its start and no other writer
    can take these ids before it commits.
    """

    def __init__(self, model):
        self.table = model._meta.db_table
        self.column = model._meta.pk.column
        self.next_id: int | None = None

    def take(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                               [self.table, self.column, count])
                return [pk for (pk,) in cursor.fetchall()]
            if self.next_id is None:
                table, column = connection.ops.quote_name(self.table), connection.ops.quote_name(self.column)
                cursor.execute(f"SELECT max(coalesce((SELECT max({column}) FROM {table}), 0), "
                               "coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))", [self.table])
                self.next_id = cursor.fetchone()[0] + 1
        first = self.next_id
        self.next_id += count
        return list(range(first, first + count))


class FastInsert:
    """Bulk ``INSERT`` of plain tuples into one model's table: PostgreSQL ``COPY``, else executemany.

    Rows carry the ``columns`` in order, as the driver takes them (Django registers SQLite's date
    adapter; psycopg adapts dates itself); every other column gets ``constants`` or the field's
    default, prepared once by the field itself.
    """

    def __init__(self, model, columns: tuple[str, ...], constants: dict | None = None):
        constants = constants or {}
        fields = {f.attname: f for f in model._meta.local_concrete_fields}
        rest = [f for f in model._meta.local_concrete_fields
                if f.attname not in columns and not (f.primary_key and f.get_internal_type()
                                                     in ("AutoField", "BigAutoField"))]
        self.constant = tuple(
            f.get_db_prep_save(constants[f.attname] if f.attname in constants else f.get_default(), connection)
            for f in rest)
        quote = connection.ops.quote_name
        names = ", ".join(quote(f.column) for f in [fields[name] for name in columns] + rest)
        table = quote(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * (len(columns) + len(rest)))})"
        self.copy_sql = f"COPY {table} ({names}) FROM STDIN"

    def run(self, rows: list[tuple]) -> None:
        if not rows:
            return
        constant = self.constant
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY: one stream per batch instead of a statement per row (psycopg's cursor.copy).
                with cursor.cursor.copy(self.copy_sql) as copy:
                    write = copy.write_row
                    for row in rows:
                        write(row + constant)
            else:
                cursor.executemany(self.sql, [row + constant for row in rows] if constant else rows)
