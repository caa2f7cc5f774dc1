"""The therapist-facing side of the couples space, through the clinic app's consent scopes.

The clinic app (issue 13) owns care relationships and scopes; this module registers the "couples" scope and
answers what a couples therapist may read. It imports clinic lazily, so the couples app works without it.
A joint item reaches a therapist only when *both* partners shared their parts with their therapist, the
therapist cares for both under the "couples" scope, and neither part was held back by the crisis screen.
"""

from __future__ import annotations

from django.apps import apps

SCOPE_KEY = "couples"
SCOPE_LABEL = "Our shared space"
SCOPE_DESCRIPTION = (
    "Items from your shared space that you chose to share with your therapist: Window summaries, repair "
    "conversations and check-ins. A joint item shows only when both of you shared your parts."
)


def clinic_installed() -> bool:
    return apps.is_installed("trustrepair.clinic")


def register_scope() -> None:
    if not clinic_installed():
        return
    try:
        from trustrepair.clinic import scopes
    except ImportError:  # the clinic app without its scope registry yet
        return
    register = getattr(scopes, "register", None)
    if register is None:
        return
    try:
        register(key=SCOPE_KEY, label=SCOPE_LABEL, description=SCOPE_DESCRIPTION, reader=shared_items_for)
    except TypeError:
        register(SCOPE_KEY, SCOPE_LABEL, SCOPE_DESCRIPTION, shared_items_for)


def _may_see(therapist, client) -> bool:
    if not clinic_installed():
        return False
    from trustrepair.clinic.selectors import therapist_may_see

    return bool(therapist_may_see(therapist, client, SCOPE_KEY))


def _both_shared(parts) -> bool:
    parts = list(parts)
    return len(parts) == 2 and all(p.visible_to_therapist for p in parts)


def shared_items_for(therapist, client) -> list[dict]:
    """The joint items of `client`'s current couple that `therapist` may read: empty unless the therapist
    holds the couples scope for both partners and both shared each part."""
    from trustrepair.couples.models import CheckIn, Membership, Rupture, Window

    membership = Membership.objects.select_related("couple").filter(user=client, left_at__isnull=True).first()
    if membership is None:
        return []
    couple = membership.couple
    other = couple.other(client)
    if other is None or not (_may_see(therapist, client) and _may_see(therapist, other)):
        return []
    items: list[dict] = []
    for window in Window.objects.filter(couple=couple, status=Window.Status.ENDED).prefetch_related("parts__ratings"):
        parts = list(window.parts.all())
        if _both_shared(parts):
            items.append(
                {
                    "kind": "window",
                    "at": window.ended_at,
                    "question": window.question,
                    "unpaused_seconds": int(window.elapsed_seconds),
                    "pauses": window.pause_count,
                    "reflections": [p.reflection for p in parts],
                }
            )
    for rupture in Rupture.objects.filter(couple=couple).prefetch_related("parts"):
        parts = list(rupture.parts.all())
        if _both_shared(parts):
            items.append({"kind": "rupture", "at": rupture.logged_at, "repaired_at": rupture.repaired_at})
    for check_in in CheckIn.objects.filter(couple=couple).prefetch_related("parts"):
        parts = list(check_in.parts.all())
        if _both_shared(parts):
            items.append(
                {"kind": "check_in", "at": check_in.week, "answers": [(p.safe, p.connected, p.trusting) for p in parts]}
            )
    return items


def read_shared_items(therapist, client, *, request=None) -> list[dict]:
    """What a clinic view calls: the items, with the read audited."""
    from trustrepair.core.audit import record_access

    items = shared_items_for(therapist, client)
    if items:
        record_access(
            actor=therapist, subject=client, action="read", obj="couples.shared_items", reason="couples scope",
            request=request,
        )  # fmt: skip
    return items
