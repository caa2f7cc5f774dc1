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
    """Supply the clinic's "couples" scope with our reader (clinic keeps a supplied reader if it declares the
    scope after us: scopes.register keeps an existing reader when the new declaration has none)."""
    if not clinic_installed():
        return
    try:
        from trustrepair.clinic import scopes
    except ImportError:
        return
    scopes.register(
        SCOPE_KEY, label=SCOPE_LABEL, description=SCOPE_DESCRIPTION, reader=clinic_reader, entries=clinic_entries
    )


def _joint_items(client):
    """(kind, container, parts) for every ended Window, rupture and check-in of the client's current couple
    whose two parts are both shared with a therapist (and neither held back)."""
    from trustrepair.couples.models import CheckIn, Membership, Rupture, Window

    membership = Membership.objects.select_related("couple").filter(user=client, left_at__isnull=True).first()
    if membership is None:
        return []
    couple = membership.couple
    found = []
    windows = Window.objects.filter(couple=couple, status=Window.Status.ENDED).prefetch_related("parts")
    for kind, queryset in (
        ("window", windows),
        ("rupture", Rupture.objects.filter(couple=couple).prefetch_related("parts")),
        ("check_in", CheckIn.objects.filter(couple=couple).prefetch_related("parts")),
    ):
        for container in queryset:
            parts = list(container.parts.all())
            if _both_shared(parts):
                found.append((kind, container, parts))
    return found


def _lines(kind, container, own) -> tuple[tuple[str, str], ...]:
    """What the therapist reads on this client's page: the joint facts and this client's own part. The other
    partner's words appear on the other partner's page, under the scope that person gave."""
    if kind == "window":
        minutes, seconds = divmod(int(container.elapsed_seconds), 60)
        return (
            ("Question", container.question),
            ("Time talking, pauses not counted", f"{minutes} min {seconds} s"),
            ("Pauses", str(container.pause_count)),
            ("Their reflection", own.reflection or "—"),
        )
    if kind == "rupture":
        repaired = container.repaired_at.date().isoformat() if container.repaired_at else "not yet"
        return (("Repaired", repaired), ("They felt", own.felt or "—"), ("They need", own.need or "—"))
    return (
        ("Safe / connected / trusting", f"{own.safe} / {own.connected} / {own.trusting}"),
        ("Appreciated", own.appreciation or "—"),
        ("Needs", own.need or "—"),
    )


TITLES = {"window": "Transparency Window", "rupture": "Rupture and repair", "check_in": "Couple check-in"}


def clinic_reader(client, entry_ids=None):
    from trustrepair.clinic.scopes import SharedItem

    items = []
    for kind, container, parts in _joint_items(client):
        entry_id = str(container.public_id)
        if entry_ids is not None and entry_id not in entry_ids:
            continue
        own = next(p for p in parts if p.owner_id == client.pk)
        when = getattr(container, "ended_at", None) or getattr(container, "logged_at", None) or container.week
        items.append(SharedItem(kind=TITLES[kind], when=when, lines=_lines(kind, container, own), entry_id=entry_id))
    return items


def clinic_entries(client):
    return [(str(c.public_id), TITLES[kind]) for kind, c, _parts in _joint_items(client)]


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
