"""Every read in measures. Objects are fetched by owner, so anyone else's gets a 404."""

from django.http import Http404
from django.utils import timezone

from trustrepair.measures import profile as trust_profile
from trustrepair.measures import registry, scoring
from trustrepair.measures.instruments import Instrument
from trustrepair.measures.models import Administration, Schedule


def instrument_or_404(instrument_id: str, *, must_be_complete: bool = False) -> Instrument:
    instrument = registry.get(instrument_id)
    if instrument is None or (must_be_complete and not instrument.is_complete):
        raise Http404("No such questionnaire.")
    return instrument


def administration_for(user, public_id) -> Administration:
    """One of the person's own responses; 404 for anyone else's (or a malformed id)."""
    try:
        return Administration.objects.select_related("supersedes").get(owner=user, public_id=public_id)
    except (Administration.DoesNotExist, ValueError) as exc:
        raise Http404("No such response.") from exc


def history_for(user, instrument_id: str) -> list[Administration]:
    return list(
        Administration.objects.current().filter(owner=user, instrument_id=instrument_id).order_by("completed_at", "id")
    )


def previous_for(administration: Administration) -> Administration | None:
    """The current response to the same instrument just before this one."""
    return (
        Administration.objects.current()
        .filter(owner_id=administration.owner_id, instrument_id=administration.instrument_id)
        .filter(completed_at__lt=administration.completed_at)
        .exclude(pk=administration.pk)
        .order_by("-completed_at", "-id")
        .first()
    )


def changes_between(instrument: Instrument, before: Administration, after: Administration) -> list[dict]:
    """For each score the instrument reports: the Jacobson–Truax verdict from `before` to `after`."""
    out = []
    for key, title in scoring.score_keys(instrument):
        a = before.total if key == "total" else before.subscales.get(key)
        b = after.total if key == "total" else after.subscales.get(key)
        if a is None or b is None:
            continue
        out.append({"key": key, "title": title, "change": scoring.reliable_change(instrument, a, b, key=key)})
    return out


def latest_by_instrument(user, *, with_answers: bool = True) -> dict[str, Administration]:
    """The newest current response per instrument. Without answers, nothing is decrypted."""
    latest = {}
    rows = Administration.objects.current().filter(owner=user).order_by("completed_at", "id")
    if not with_answers:
        rows = rows.defer("answers_json", "note")
    for a in rows:
        latest[a.instrument_id] = a
    return latest


def has_taken(user, instrument_id: str) -> bool:
    return Administration.objects.filter(owner=user, instrument_id=instrument_id).exists()


def schedules_for(user) -> list[Schedule]:
    return list(Schedule.objects.filter(owner=user).order_by("next_due_at"))


def due_schedules(user, now=None) -> list[Schedule]:
    return list(Schedule.objects.filter(owner=user, next_due_at__lte=now or timezone.now()).order_by("next_due_at"))


def trust_profile_for(user) -> trust_profile.Profile:
    latest = {}
    for instrument_id, a in latest_by_instrument(user).items():
        instrument = registry.get(instrument_id)
        if instrument is None:
            continue
        latest[instrument_id] = trust_profile.Latest(
            instrument=instrument, answers=a.answers, total=a.total, subscales=a.subscales, band=a.band
        )
    return trust_profile.build(latest)


def suggested_start_phase(user) -> str | None:
    """For the program app: one of trust_history, core_beliefs, regulation, rebuilding; None before
    the person has answered anything that informs it."""
    return trust_profile_for(user).start_phase


def profile_preferences(user) -> dict:
    """For the directory's matcher to prefill:

    {"concerns": ["betrayal", "childhood", "trauma", "attachment", "jealousy_checking", "depression",
     "anxiety" (any of these)], "format": "couples" | "individual" | None,
     "modalities": ["efct", "cbct", "attachment", "schema", "trauma_informed", "emdr", "cbt" (any)]}
    """
    p = trust_profile_for(user)
    return {"concerns": p.concerns, "format": p.format, "modalities": [t["id"] for t in p.therapies]}


def current_history_for(user) -> list[Administration]:
    """Every current response of the person, oldest first, without answers (for a consented reader)."""
    return list(
        Administration.objects.current()
        .filter(owner=user)
        .defer("answers_json", "note", "correction_reason")
        .order_by("completed_at", "id")
    )


def first_and_latest_totals(owner_ids) -> dict[tuple[int, str], dict]:
    """For each (owner, instrument) among `owner_ids`: the first, previous and latest current totals and when
    the latest was. One query whatever the number of people or responses: one ordering per (owner,
    instrument) gives each response its place and the count, so the first and the last two are found in a
    single sort."""
    from django.db.models import Count, F, Q, Window
    from django.db.models.functions import RowNumber

    part = [F("owner_id"), F("instrument_id")]
    rows = (
        Administration.objects.current()
        .filter(owner_id__in=list(owner_ids), total__isnull=False)
        .annotate(
            place=Window(RowNumber(), partition_by=part, order_by=[F("completed_at").asc(), F("id").asc()]),
            count=Window(Count("id"), partition_by=part),
        )
        .filter(Q(place=1) | Q(place__gte=F("count") - 1))
        .order_by()  # no final sort of every response: the rows are gathered into a dict
        .values_list("owner_id", "instrument_id", "total", "completed_at", "place", "count")
    )
    out: dict[tuple[int, str], dict] = {}
    for owner_id, instrument_id, total, at, place, count in rows:
        row = out.setdefault((owner_id, instrument_id), {})
        if place == count:
            row.update(latest=total, latest_at=at)
        elif place == count - 1:
            row["previous"] = total
        if place == 1:
            row["first"] = total
    return out


def completed_since(owner_ref, instrument_ref, since_ref):
    """An Exists() expression: the person completed the instrument at or after a time (for assigned measures)."""
    from django.db.models import Exists, OuterRef  # noqa: F401 - OuterRef for callers' references

    return Exists(
        Administration.objects.filter(owner_id=owner_ref, instrument_id=instrument_ref, completed_at__gte=since_ref)
    )
