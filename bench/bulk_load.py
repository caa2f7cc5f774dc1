"""Fast loading for bench/match.py: COPY on PostgreSQL, executemany on SQLite, secondary indexes built after.

Only for the throwaway bench databases. `Inserter` is the `insert` hook of `seeding.seed_therapists`: it gives
rows their ids itself (max id + 1, …; sequences are set afterwards), runs each field's `pre_save` and
`get_db_prep_save` exactly as bulk_create would (so encrypted fields, auto_now and defaults are the same), and
writes the whole list in one statement. `without_indexes` drops the secondary indexes of the tables being
loaded (not those backing a primary key or unique constraint), and recreates them after the load.
"""

from __future__ import annotations

import contextlib
import time

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db import models as m

# Field classes whose Python value is already what the database driver takes (exact classes, not subclasses).
PLAIN = {
    m.AutoField, m.BigAutoField, m.CharField, m.TextField, m.EmailField, m.SlugField, m.BooleanField,
    m.IntegerField, m.BigIntegerField, m.SmallIntegerField, m.PositiveIntegerField, m.PositiveSmallIntegerField,
    m.FloatField, m.ForeignKey, m.OneToOneField,
}  # fmt: skip


class Inserter:
    def __init__(self):
        self.next_id: dict[type, int] = {}
        self.models: set[type] = set()
        self.seconds = 0.0

    def __call__(self, model, objects):
        started = time.perf_counter()
        if not objects:
            return objects
        meta = model._meta
        table = meta.db_table
        fields = list(meta.concrete_fields)
        quote = connection.ops.quote_name
        if model not in self.next_id:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX({quote(meta.pk.column)}), 0) FROM {quote(table)}")
                self.next_id[model] = cursor.fetchone()[0] + 1
        self.models.add(model)
        conn = connections[DEFAULT_DB_ALIAS]  # the real connection, not the thread-local proxy, in the loop
        # Plain columns are written as they are; any other field (dates, money, UUIDs, encrypted text, auto_now)
        # goes through its own pre_save and get_db_prep_save, as bulk_create would.
        plain = [type(f) in PLAIN for f in fields]
        names = [f.attname for f in fields]
        rows = []
        for obj in objects:
            obj.pk = self.next_id[model]
            self.next_id[model] += 1
            values = obj.__dict__
            rows.append(
                tuple(
                    values[name] if simple else f.get_db_prep_save(f.pre_save(obj, True), conn)
                    for f, name, simple in zip(fields, names, plain, strict=True)
                )
            )
            obj._state.adding = False
            obj._state.db = conn.alias
        columns = ", ".join(quote(f.column) for f in fields)
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            sql = f"COPY {quote(table)} ({columns}) FROM STDIN"
            with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in fields)
            connection.connection.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})", rows)
        self.seconds += time.perf_counter() - started
        return objects

    def reset_sequences(self) -> None:
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.models))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of each index on these tables that backs no constraint."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() "
                "AND tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [tables],
            )
        else:
            marks = ", ".join("%s" for _ in tables)
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})",
                tables,
            )
        return list(cursor.fetchall())


@contextlib.contextmanager
def without_indexes(tables: list[str], timings: dict):
    """Drop the tables' secondary indexes, let the caller load, then build them again (and time both)."""
    indexes = _secondary_indexes(tables)
    with connection.cursor() as cursor:
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the deferred foreign keys now, before DDL
            cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, sql in indexes:
            cursor.execute(sql)
    timings["indexes_s"] = time.perf_counter() - started
    timings["indexes"] = len(indexes)


@contextlib.contextmanager
def fast_sqlite():
    """SQLite only: no fsync and an in-memory journal while loading a throwaway bench file."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA journal_mode = MEMORY")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = NORMAL")
