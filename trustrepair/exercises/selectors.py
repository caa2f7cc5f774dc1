"""Every read of the tools goes through here, filtered by owner: anything not yours is a 404.

Other apps (program, insights, the printable summary, bench/pages.py) read the tools only through
these functions. Querysets come with their children prefetched, so a list costs the same number of
queries for ten rows or ten thousand.
"""

from django.db.models import CharField, Prefetch, QuerySet, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone

from trustrepair.exercises import summaries
from trustrepair.exercises.models import (
    BeliefRating,
    CommunicationScript,
    CoreBelief,
    CustomDistortion,
    DailyCheckIn,
    EvidenceBrick,
    FearPrediction,
    JournalEntry,
    LadderAttempt,
    LadderStep,
    NeedStatement,
    PromiseCheckIn,
    SelfPromise,
    ThoughtEmotion,
    ThoughtRecord,
    TriggerLog,
    TrustEvent,
)


def _owned(model, user) -> QuerySet:
    if not getattr(user, "is_authenticated", False):
        return model.objects.none()
    return model.objects.filter(owner=user)


# ---- lists (newest or most meaningful order first) --------------------------------------------------
def trust_events_for(user) -> QuerySet[TrustEvent]:
    """The timeline: events placed by age first (childhood to now), then dated events in date order."""
    from django.db.models import F

    return _owned(TrustEvent, user).order_by(
        F("age").asc(nulls_last=True), F("happened_on").asc(nulls_last=True), "created_at"
    )


def trigger_logs_for(user) -> QuerySet[TriggerLog]:
    return _owned(TriggerLog, user).order_by("-occurred_at", "-id")


def thought_records_for(user) -> QuerySet[ThoughtRecord]:
    return (
        _owned(ThoughtRecord, user)
        .prefetch_related(Prefetch("emotions", queryset=ThoughtEmotion.objects.order_by("id")), "custom_distortions")
        .order_by("-created_at", "-id")
    )


# The list pages show a line or two of each entry: these leave the longer free text undecrypted.
# (A template that reaches for a deferred field would cost a query per row; the query-count tests catch it.)
def thought_record_list_for(user) -> QuerySet[ThoughtRecord]:
    return (
        _owned(ThoughtRecord, user)
        .defer("situation", "evidence_for", "evidence_against", "balanced_thought")
        .prefetch_related(Prefetch("emotions", queryset=ThoughtEmotion.objects.order_by("id")))
        .order_by("-created_at", "-id")
    )


def trigger_log_list_for(user) -> QuerySet[TriggerLog]:
    return trigger_logs_for(user).defer("situation", "body_sensation", "thought", "what_helped")


def fear_prediction_list_for(user) -> QuerySet[FearPrediction]:
    return fear_predictions_for(user).defer("what_happened")


def core_belief_list_for(user) -> QuerySet[CoreBelief]:
    return core_beliefs_for(user).defer("evidence_against")


def custom_distortions_for(user) -> QuerySet[CustomDistortion]:
    return _owned(CustomDistortion, user).order_by("created_at", "id")


def fear_predictions_for(user) -> QuerySet[FearPrediction]:
    return _owned(FearPrediction, user).order_by("-created_at", "-id")


def ladder_steps_for(user) -> QuerySet[LadderStep]:
    """The ladder from the easiest rung up."""
    return (
        _owned(LadderStep, user)
        .prefetch_related(Prefetch("attempts", queryset=LadderAttempt.objects.order_by("tried_at", "id")))
        .order_by("expected_distress", "created_at", "id")
    )


def core_beliefs_for(user) -> QuerySet[CoreBelief]:
    return (
        _owned(CoreBelief, user)
        .prefetch_related(Prefetch("ratings", queryset=BeliefRating.objects.order_by("rated_at", "id")))
        .order_by("-created_at", "-id")
    )


def journal_entries_for(user) -> QuerySet[JournalEntry]:
    """Finished entries, newest first. Drafts are in `journal_drafts_for`."""
    return _owned(JournalEntry, user).filter(is_draft=False).order_by("-created_at", "-id")


def journal_drafts_for(user) -> QuerySet[JournalEntry]:
    return _owned(JournalEntry, user).filter(is_draft=True).order_by("-updated_at", "-id")


def latest_journal_draft(user) -> JournalEntry | None:
    return journal_drafts_for(user).first()


def lesson_reflections_for(user, lesson_key: str) -> QuerySet[JournalEntry]:
    """What the person wrote in answer to one lesson's reflection prompt, newest first."""
    return journal_entries_for(user).filter(lesson_key=lesson_key)


def evidence_bricks_for(user) -> QuerySet[EvidenceBrick]:
    """The wall, laid from the first brick to the newest."""
    return _owned(EvidenceBrick, user).order_by("happened_on", "created_at", "id")


def self_promises_for(user) -> QuerySet[SelfPromise]:
    return (
        _owned(SelfPromise, user)
        .prefetch_related(Prefetch("check_ins", queryset=PromiseCheckIn.objects.order_by("day")))
        .order_by("-is_active", "-created_at", "-id")
    )


def need_statements_for(user) -> QuerySet[NeedStatement]:
    return _owned(NeedStatement, user).order_by("kind", "created_at", "id")


def communication_scripts_for(user) -> QuerySet[CommunicationScript]:
    return _owned(CommunicationScript, user).order_by("-updated_at", "-id")


# ---- one object: yours, or a 404 ------------------------------------------------------------------
def daily_check_ins_for(user) -> QuerySet[DailyCheckIn]:
    return _owned(DailyCheckIn, user).order_by("-day")


def recent_check_ins(user, *, today, days: int = 7) -> list[DailyCheckIn]:
    """The check-ins of the last `days` local days, newest first (for Today's suggestion)."""
    import datetime

    return list(daily_check_ins_for(user).filter(day__gt=today - datetime.timedelta(days=days), day__lte=today))


def check_in_on(user, day) -> DailyCheckIn | None:
    return _owned(DailyCheckIn, user).filter(day=day).first()


def entry_for(user, model, public_id):
    """Any tool's entry by public id, only if `user` owns it; 404 otherwise (never 403: no hint it exists)."""
    return get_object_or_404(_owned(model, user), public_id=public_id)


def trust_event_for(user, public_id) -> TrustEvent:
    return entry_for(user, TrustEvent, public_id)


def trigger_log_for(user, public_id) -> TriggerLog:
    return entry_for(user, TriggerLog, public_id)


def thought_record_for(user, public_id) -> ThoughtRecord:
    return get_object_or_404(thought_records_for(user), public_id=public_id)


def core_belief_for(user, public_id) -> CoreBelief:
    return get_object_or_404(core_beliefs_for(user), public_id=public_id)


def ladder_step_for(user, public_id) -> LadderStep:
    return get_object_or_404(ladder_steps_for(user), public_id=public_id)


def self_promise_for(user, public_id) -> SelfPromise:
    return get_object_or_404(self_promises_for(user), public_id=public_id)


# ---- summaries other pages show -----------------------------------------------------------------------
def fear_base_rate(user) -> dict:
    """How many of the person's fears came true, partly, or did not (one query, counted in the database)."""
    from django.db.models import Avg, Count, Q

    known = ~Q(outcome=FearPrediction.Outcome.PENDING)
    totals = _owned(FearPrediction, user).aggregate(
        average=Avg("confidence", filter=known),
        **{value: Count("id", filter=Q(outcome=value)) for value in FearPrediction.Outcome.values},
    )
    average = totals.pop("average")
    outcomes = [value for value, n in totals.items() for _ in range(n)]
    return summaries.base_rate(outcomes, average_confidence=average)


def current_ladder_step(steps) -> LadderStep | None:
    """The lowest rung not yet climbed: the one to try next (from a list already loaded)."""
    return next((s for s in steps if s.climbed_at is None), None)


def current_ladder_step_for(user) -> LadderStep | None:
    """The lowest rung not yet climbed, straight from the database (one query)."""
    return (
        _owned(LadderStep, user)
        .filter(climbed_at__isnull=True)
        .order_by("expected_distress", "created_at", "id")
        .first()
    )


def promise_summary(promise: SelfPromise, today=None) -> summaries.PromiseSummary:
    today = today or timezone.localdate()
    return summaries.summarise(((c.day, c.kept) for c in promise.check_ins.all()), today)


def attach_promise_summaries(promises, today=None) -> None:
    """Give each promise (check-ins prefetched) a `.summary`: its current run and kept days lately."""
    today = today or timezone.localdate()
    for promise in promises:
        promise.summary = promise_summary(promise, today)


def counts_for(user) -> dict[str, int]:
    """How many entries the person has in each tool (one query per tool; for the index and the dashboard)."""
    return {
        "trust_events": _owned(TrustEvent, user).count(),
        "trigger_logs": _owned(TriggerLog, user).count(),
        "thought_records": _owned(ThoughtRecord, user).count(),
        "fear_predictions": _owned(FearPrediction, user).count(),
        "ladder_steps": _owned(LadderStep, user).count(),
        "core_beliefs": _owned(CoreBelief, user).count(),
        "journal_entries": _owned(JournalEntry, user).filter(is_draft=False).count(),
        "evidence_bricks": _owned(EvidenceBrick, user).count(),
        "self_promises": _owned(SelfPromise, user).count(),
        "need_statements": _owned(NeedStatement, user).count(),
        "communication_scripts": _owned(CommunicationScript, user).count(),
    }


# ---- aggregates for charts (insights, the printable summary): one query each, whatever the data size ---
def urges_by_week(user, since=None) -> list[dict]:
    """[{"week": date (Monday), "rode_out": n, "acted_on": n}] in the current time zone, oldest first."""
    from django.db.models import Count, Q
    from django.db.models.functions import TruncWeek

    qs = _owned(TriggerLog, user)
    if since is not None:
        qs = qs.filter(occurred_at__gte=since)
    rows = (
        qs.annotate(week=TruncWeek("occurred_at"))
        .values("week")
        .annotate(
            rode_out=Count("id", filter=Q(response=TriggerLog.Response.RODE_OUT)),
            acted_on=Count("id", filter=Q(response=TriggerLog.Response.ACTED_ON)),
        )
        .order_by("week")
    )
    return [{**row, "week": _as_date(row["week"])} for row in rows]


def triggers_by_context(user) -> dict[str, int]:
    """{"partner": n, "family": n, ...} for every context, zero where none."""
    from django.db.models import Count

    counts = dict(_owned(TriggerLog, user).values_list("context").annotate(n=Count("id")).order_by())
    return {value: counts.get(value, 0) for value in TriggerLog.Context.values}


def belief_ratings_for(user) -> QuerySet[BeliefRating]:
    """Every rating of every belief, oldest first, with its belief (one query)."""
    return BeliefRating.objects.filter(belief__owner=user).select_related("belief").order_by("rated_at", "id")


def ladder_progress(user) -> dict[str, int]:
    """{"rungs": n, "climbed": n, "tries": n}."""
    from django.db.models import Count

    rungs = _owned(LadderStep, user)
    summary = rungs.aggregate(rungs=Count("id", distinct=True), climbed=Count("id", filter=_climbed(), distinct=True))
    summary["tries"] = LadderAttempt.objects.filter(step__owner=user).count()
    return summary


def _climbed():
    from django.db.models import Q

    return Q(climbed_at__isnull=False)


def bricks_by_month(user) -> list[dict]:
    """[{"month": date (first of month), "bricks": n, "reliability": n, "honesty": n, "care": n}], oldest first."""
    from django.db.models import Count, Q
    from django.db.models.functions import TruncMonth

    rows = (
        _owned(EvidenceBrick, user)
        .annotate(month=TruncMonth("happened_on"))
        .values("month")
        .annotate(
            bricks=Count("id"),
            **{kind: Count("id", filter=Q(kind=kind)) for kind in EvidenceBrick.Kind.values},
        )
        .order_by("month")
    )
    return [{**row, "month": _as_date(row["month"])} for row in rows]


def promise_check_ins_by_week(user) -> list[dict]:
    """[{"week": date (Monday), "kept": n, "not_kept": n}] over all the person's promises, oldest first."""
    from django.db.models import Count, Q
    from django.db.models.functions import TruncWeek

    rows = (
        PromiseCheckIn.objects.filter(promise__owner=user)
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(kept_days=Count("id", filter=Q(kept=True)), other_days=Count("id", filter=Q(kept=False)))
        .order_by("week")
    )
    return [{"week": _as_date(r["week"]), "kept": r["kept_days"], "not_kept": r["other_days"]} for r in rows]


def _as_date(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


# ---- the ratings around each use of a tool (program insights: "after which tools my ratings were lower") --
_USED = {
    "journal_entry": (JournalEntry, {"is_draft": False}),
    "trigger_log": (TriggerLog, {}),
    "evidence_brick": (EvidenceBrick, {}),
    "fear_prediction": (FearPrediction, {}),
    "core_belief": (CoreBelief, {}),
    "trust_event": (TrustEvent, {}),
    "need_statement": (NeedStatement, {}),
    "communication_script": (CommunicationScript, {}),
}


def urge_strength_by_day(user) -> dict:
    """The daily check-in's urge strength (0–10), by the person's local day."""
    return dict(_owned(DailyCheckIn, user).values_list("day", "urge_strength"))


def tool_use_days(user, tz) -> dict[str, list]:
    """For each tool without ratings of its own: the local days (in `tz`) it was used. One query for the tools
    (a UNION of each tool's times) and one for promise check-ins; only dates are read, never the encrypted text."""
    days = {key: [] for key in _USED}
    each = [
        _owned(model, user)
        .filter(**extra)
        .order_by()
        .annotate(tool=Value(key, output_field=CharField()))
        .values_list("tool", "created_at")
        for key, (model, extra) in _USED.items()
    ]
    for key, at in each[0].union(*each[1:], all=True):
        days[key].append(at.astimezone(tz).date())
    days["self_promise"] = list(PromiseCheckIn.objects.filter(promise__owner=user).values_list("day", flat=True))
    return days


def thought_record_ratings(user) -> list[tuple]:
    """Finished thought records, oldest first: (finished at, [(intensity before, intensity after)] of its emotions)."""
    records = _owned(ThoughtRecord, user).filter(completed_at__isnull=False)
    finished = dict(records.values_list("id", "completed_at"))
    found: dict[int, list] = {}
    rows = ThoughtEmotion.objects.filter(record__in=records).order_by("record_id", "id")
    for record_id, before, after in rows.values_list("record_id", "intensity_before", "intensity_after"):
        found.setdefault(record_id, []).append((before, after))
    return sorted(((finished[pk], ratings) for pk, ratings in found.items()), key=lambda row: row[0])


def ladder_try_ratings(user) -> list[tuple]:
    """Every try of a trust-ladder rung, oldest first: (tried at, distress before, distress after)."""
    tries = LadderAttempt.objects.filter(step__in=_owned(LadderStep, user)).order_by("tried_at", "id")
    return list(tries.values_list("tried_at", "distress_before", "distress_after"))
