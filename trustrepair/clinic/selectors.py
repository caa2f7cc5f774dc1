"""Every read of the care team. Who may see what is decided here, from the database, on every request.

`therapist_may_see` is the one rule every app asks before showing a therapist anything of a client's:
an active care relationship AND the client's live consent for that scope (or that single entry). Nothing is
cached per process, so a revocation takes effect on the next request on every worker and machine.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from trustrepair.clinic.models import CareRelationship, Practice, PracticeMembership, SharingConsent


def _pk(user_or_pk):
    return getattr(user_or_pk, "pk", user_or_pk)


def therapist_may_see(therapist, client, scope_key: str, entry=None) -> bool:
    """May `therapist` see `client`'s `scope_key` (or the single `entry` in it) right now? One query."""
    if therapist is None or client is None or not getattr(therapist, "is_authenticated", True):
        return False
    if getattr(therapist, "role", "therapist") != "therapist":
        return False
    entry_ids = [""]
    if entry is not None:
        entry_ids.append(str(getattr(entry, "public_id", None) or entry))
    return SharingConsent.objects.filter(
        relationship__therapist_id=_pk(therapist),
        relationship__client_id=_pk(client),
        relationship__status=CareRelationship.Status.ACTIVE,
        scope=scope_key,
        entry_id__in=entry_ids,
        revoked_at__isnull=True,
    ).exists()


def care_therapists(client) -> list:
    """The therapists the client is in active care with."""
    return [
        rel.therapist
        for rel in CareRelationship.objects.filter(
            client_id=_pk(client), status=CareRelationship.Status.ACTIVE, therapist__isnull=False
        ).select_related("therapist")
    ]


def active_relationship(therapist, client) -> CareRelationship | None:
    return (
        CareRelationship.objects.filter(
            therapist_id=_pk(therapist), client_id=_pk(client), status=CareRelationship.Status.ACTIVE
        )
        .select_related("client", "therapist", "practice")
        .first()
    )


def live_consents(relationship) -> dict[str, frozenset[str] | None]:
    """scope → None (the whole scope is shared) or the set of single entries shared. One query."""
    shared: dict[str, set[str] | None] = {}
    for scope, entry_id in SharingConsent.objects.filter(
        relationship=relationship, revoked_at__isnull=True
    ).values_list("scope", "entry_id"):
        if not entry_id:
            shared[scope] = None
        elif shared.get(scope, set()) is not None:
            shared.setdefault(scope, set()).add(entry_id)
    return {k: (None if v is None else frozenset(v)) for k, v in shared.items()}


def practice_of(user) -> Practice | None:
    membership = PracticeMembership.objects.filter(user_id=_pk(user)).select_related("practice").first()
    return membership.practice if membership else None


def relationship_for_client(client, public_id) -> CareRelationship:
    """One of the client's own care relationships (active or ended); 404 for anyone else's."""
    try:
        return CareRelationship.objects.select_related("therapist", "practice").get(client=client, public_id=public_id)
    except (CareRelationship.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such care relationship.") from exc


def relationship_for_therapist(therapist, public_id, *, active_only: bool = True) -> CareRelationship:
    """A care relationship the therapist is in; 404 otherwise (and for an ended one, unless asked)."""
    q = Q(therapist=therapist, public_id=public_id)
    if active_only:
        q &= Q(status=CareRelationship.Status.ACTIVE)
    try:
        return CareRelationship.objects.select_related("client", "practice").get(q)
    except (CareRelationship.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such client in your care.") from exc


def relationships_of_client(client):
    return CareRelationship.objects.filter(client=client).select_related("therapist", "practice")


def active_relationships_of_therapist(therapist):
    return CareRelationship.objects.filter(therapist=therapist, status=CareRelationship.Status.ACTIVE)


def live_consents_for(relationship_ids) -> dict[int, dict[str, frozenset[str] | None]]:
    """relationship id → live_consents(...) for many relationships in one query."""
    out: dict[int, dict] = {}
    for rel_id, scope, entry_id in SharingConsent.objects.filter(
        relationship_id__in=list(relationship_ids), revoked_at__isnull=True
    ).values_list("relationship_id", "scope", "entry_id"):
        shared = out.setdefault(rel_id, {})
        if not entry_id:
            shared[scope] = None
        elif shared.get(scope, set()) is not None:
            shared.setdefault(scope, set()).add(entry_id)
    return {
        rel_id: {k: (None if v is None else frozenset(v)) for k, v in shared.items()} for rel_id, shared in out.items()
    }
