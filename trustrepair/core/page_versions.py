"""Each person's page version: a token that changes whenever anything they may see changes.

Cached pages (`core.page_cache`) are keyed by it, so a change is seen on the next request on every worker and
machine (DESIGN, "Discretion, revocation and caching"). Two things change it, so that no write path can forget:

- **The signed-in person's own writes.** For a signed-in request, `watch_writes` sees every INSERT, UPDATE or
  DELETE on one of the product's tables, whichever way it was made (`save()`, `QuerySet.update()`,
  `bulk_create()`, raw SQL), and right after that statement, in the same transaction when there is one,
  gives a new token to the person and to everyone connected to them: their therapists or clients, their
  partner, the members of their groups (ended links included, so ending a link reaches the other side).
- **Any saved or deleted row that names a person** (by jobs, staff, the admin, commands): `row_changed` gives a
  new token to the people the row names, directly or through the row it belongs to (a note's relationship, a
  check-in's couple), and to everyone connected to them. Inside a signed-in request whose person is connected
  to somebody, only people the row names directly and that request does not already cover are looked up: the
  writes of clients, partners and therapists are about themselves and their connections.

Only the product's own tables count; audit events, sessions and the cache itself do not (they are not shown
on a cached page, and a page view that writes an audit event must not throw away its own cache). A row that
names nobody directly, changed by somebody it is not connected to (a staff decision on a directory profile),
is seen within a minute, when the kept page expires.
"""

import re
import secrets
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import ForeignKey, Q

from trustrepair.core.models import AuditEvent, PageVersion

OTHER_SHOWN_TABLES = ("account_emailaddress", "mfa_authenticator")  # allauth's, shown on our pages
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _ours(model) -> bool:
    from trustrepair.accounts.models import Session

    return model.__module__.startswith("trustrepair.") and model not in (AuditEvent, PageVersion, Session)


@cache
def shown_tables() -> frozenset[str]:
    """The tables whose rows can show on a person's page."""
    return frozenset(m._meta.db_table for m in apps.get_models() if _ours(m)) | frozenset(OTHER_SHOWN_TABLES)


def connected_people(ids: set[int]) -> set[int]:
    """Everyone who may see something of these people's: care (either side), couples, groups. Ended links
    count too, so the write that ends one still reaches the other side."""
    from trustrepair.clinic.models import CareRelationship
    from trustrepair.couples.models import Couple
    from trustrepair.groups.models import Group, Member

    if not ids:
        return set()
    their_groups = Group.objects.filter(Q(members__user__in=ids) | Q(therapist__in=ids)).values("pk")
    queries = [
        CareRelationship.objects.filter(client__in=ids).values_list("therapist_id").order_by(),
        CareRelationship.objects.filter(therapist__in=ids).values_list("client_id").order_by(),
        Couple.objects.filter(member_a__in=ids).values_list("member_b_id").order_by(),
        Couple.objects.filter(member_b__in=ids).values_list("member_a_id").order_by(),
        Member.objects.filter(group__in=their_groups).values_list("user_id").order_by(),
        Group.objects.filter(pk__in=their_groups).values_list("therapist_id").order_by(),
    ]
    first, *rest = queries
    return {pk for (pk,) in first.union(*rest) if pk is not None}


def with_connections(ids) -> set[int]:
    """These people and everyone connected to them."""
    people = {int(pk) for pk in ids if pk}
    return people | connected_people(people)


def bump(ids) -> None:
    """A new token for these people and everyone connected to them. Runs in the caller's transaction."""
    _bump_exactly(with_connections(ids))


def _bump_exactly(people: set[int]) -> None:
    if people:
        token = secrets.randbits(62) or 1
        PageVersion.objects.bulk_create(
            [PageVersion(person_id=pk, version=token) for pk in sorted(people)],
            update_conflicts=True,
            unique_fields=["person_id"],
            update_fields=["version"],
        )


_version_with_person: ContextVar[bool] = ContextVar("page_version_with_person", default=False)


@contextmanager
def version_with_person(wanted: bool):
    """While the signed-in person is loaded in this block, read their token in the same query
    (`accounts.backends`). `PageVersionMiddleware` asks for it on plain GETs, the only requests whose page may
    be kept: never on form posts and htmx polls, which SQLite (the embedded default) serves alongside the
    writes that move the token, so a read on every request made them wait on each other."""
    token = _version_with_person.set(wanted)
    try:
        yield
    finally:
        _version_with_person.reset(token)


def reading_version_with_person() -> bool:
    return _version_with_person.get()


def current(user) -> int:
    """The person's token now; 0 before their first change. Loaded with the person on a plain GET, the only
    request whose page may be kept (`version_with_person`); read on its own otherwise."""
    loaded = getattr(user, "loaded_page_version", False)
    if loaded is not False:
        return loaded or 0
    return PageVersion.objects.filter(person_id=user.pk).values_list("version", flat=True).first() or 0


LINK_TABLES = frozenset(
    {"clinic_carerelationship", "couples_couple", "couples_membership", "groups_group", "groups_member"}
)
_watching: ContextVar["watch_writes | None"] = ContextVar("page_version_watch", default=None)


class watch_writes:
    """`connection.execute_wrapper` for a signed-in request (`PageVersionMiddleware`): after each write to a
    shown table, a new token for the person and everyone connected to them. Who is connected is read at the
    first write and again after a write to a link table, so most writes add one short statement."""

    def __init__(self, person_id: int):
        self.person_id = person_id
        self.people: set[int] | None = None
        self.busy = False

    def __enter__(self):
        self.token = _watching.set(self)
        return self

    def __exit__(self, *exc):
        _watching.reset(self.token)

    def covered(self) -> set[int]:
        if self.people is None:
            self.people = with_connections({self.person_id})
        return self.people

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not self.busy and sql[:1] in "IUDiud":
            match = _WRITE.match(sql)
            if match and match.group(1) in shown_tables():
                self.busy = True  # bumping writes too
                try:
                    if match.group(1) in LINK_TABLES:
                        self.people = None
                    _bump_exactly(self.covered())
                finally:
                    self.busy = False
        return result


def _user_fk_attnames(model) -> list[str]:
    person = get_user_model()
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, ForeignKey) and f.related_model is person]


def people_named_by(instance, *, through_related: bool = True) -> set[int]:
    """The people a row names: its own person columns and, with `through_related`, those of the rows it points
    to (one step, one query each)."""
    model = type(instance)
    if model is get_user_model():
        return {instance.pk}
    people = {getattr(instance, name) for name in _user_fk_attnames(model)}
    for field in model._meta.concrete_fields if through_related else ():
        if not isinstance(field, ForeignKey) or not _ours(field.related_model):
            continue
        related_id = getattr(instance, field.attname)
        names = _user_fk_attnames(field.related_model)
        if related_id is None or not names:
            continue
        for row in field.related_model._base_manager.filter(pk=related_id).values_list(*names):
            people.update(row)
    return {pk for pk in people if pk is not None}


def connect_receivers() -> None:
    """Listen to the product's own models only (a receiver for every model would also turn off Django's fast
    deletes of sessions and cache rows)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        if _ours(model):
            post_save.connect(row_changed, sender=model, dispatch_uid=f"page-version-save-{model._meta.label}")
            post_delete.connect(row_changed, sender=model, dispatch_uid=f"page-version-delete-{model._meta.label}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    row_changed, sender=field.remote_field.through, dispatch_uid=f"page-version-m2m-{field}"
                )


def row_changed(sender, instance, **kwargs) -> None:
    """post_save / post_delete / m2m_changed receiver for the product's models (`connect_receivers`)."""
    if kwargs.get("raw") or ("action" in kwargs and not kwargs["action"].startswith("post_")):
        return
    watch = _watching.get()
    if watch is None:
        bump(people_named_by(instance))
        return
    covered = watch.covered()
    alone = covered == {watch.person_id}  # staff, or a person with no links: their writes may be about anyone
    bump(people_named_by(instance, through_related=alone) - covered)
