"""The insights page: what has changed, read from the tools through their selectors, drawn as charts.

One query (or two, with prefetched children) per chart, whatever the amount of data, so the page costs
the same for a week of entries or a year of them. The figures and sentences come from the pure
insight_figures module; the drawing from charts.
"""

import datetime

from django.db.models import Avg, Count, Q
from django.utils import timezone

from trustrepair.core.charts import Chart, Series, bar_chart, line_chart
from trustrepair.exercises import selectors as tools
from trustrepair.exercises.models import LadderAttempt, TriggerLog
from trustrepair.program import insight_figures as figures


def _local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(timezone.get_current_timezone()).date()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def urges_chart(user, today) -> Chart:
    mondays = figures.last_weeks(today)
    since = datetime.datetime.combine(
        mondays[0] - datetime.timedelta(weeks=figures.WEEKS), datetime.time(), timezone.get_current_timezone()
    )
    rows = tools.urges_by_week(user, since=since)
    data = figures.UrgeWeeks(
        weeks=mondays,
        rode_out=figures.align(rows, mondays, "week", "rode_out"),
        acted_on=figures.align(rows, mondays, "week", "acted_on"),
    )
    return bar_chart(
        key="urges",
        title="Urges ridden out and acted on, per week",
        labels=[figures.week_label(m) for m in data.weeks],
        series=[Series("Rode out", tuple(data.rode_out)), Series("Acted on", tuple(data.acted_on))],
        sentence=figures.urge_sentence(data),
    )


def contexts_chart(user, today) -> Chart:
    tz = timezone.get_current_timezone()
    middle = datetime.datetime.combine(figures.last_weeks(today)[0], datetime.time(), tz)
    start = middle - datetime.timedelta(weeks=figures.WEEKS)
    counts = {
        row["context"]: row
        for row in tools.trigger_logs_for(user)
        .filter(occurred_at__gte=start)
        .order_by()
        .values("context")
        .annotate(
            earlier=Count("id", filter=Q(occurred_at__lt=middle)), recent=Count("id", filter=Q(occurred_at__gte=middle))
        )
    }
    contexts = list(TriggerLog.Context.choices)
    labels = [label for _, label in contexts]
    earlier = [counts.get(value, {}).get("earlier", 0) for value, _ in contexts]
    recent = [counts.get(value, {}).get("recent", 0) for value, _ in contexts]
    return bar_chart(
        key="contexts",
        title=f"Triggers by where they came up: the {figures.WEEKS} weeks before, and the last {figures.WEEKS} weeks",
        labels=labels,
        series=[
            Series(f"{figures.WEEKS} weeks before", tuple(earlier)),
            Series(f"Last {figures.WEEKS} weeks", tuple(recent)),
        ],
        sentence=figures.context_sentence(labels, earlier, recent),
    )


def beliefs_chart(user, today) -> Chart:
    beliefs = [
        (_short(b.belief), [(_local_date(r.rated_at), r.strength) for r in b.ratings.all()])
        for b in tools.core_beliefs_for(user)[:3]
    ]
    months, lines = figures.belief_lines(beliefs, today)
    series = [Series(line.name, tuple(line.values)) for line in lines] or [Series("Strength", (None,) * len(months))]
    return line_chart(
        key="beliefs",
        title="How strongly you hold your core beliefs (0–100), by month",
        labels=[figures.month_label(m) for m in months],
        series=series,
        sentence=figures.belief_sentence(lines),
        y_max=100,
    )


def fears_chart(user, today) -> Chart:
    rows = (
        tools.fear_predictions_for(user)
        .exclude(outcome="pending")
        .values_list("outcome_recorded_at", "created_at", "outcome")
    )
    months, counts = figures.fears_by_month(
        ((_local_date(known or made), outcome) for known, made, outcome in rows), today
    )
    return bar_chart(
        key="fears",
        title="Fears that came true and fears that did not, by the month you found out",
        labels=[figures.month_label(m) for m in months],
        series=[
            Series("Did not come true", tuple(counts["did_not"])),
            Series("Partly", tuple(counts["partly"])),
            Series("Came true", tuple(counts["came_true"])),
        ],
        stacked=True,
        sentence=figures.fear_sentence(tools.fear_base_rate(user)),
    )


def ladder_chart(user, today) -> Chart:
    # Children are read by their parents' owner-scoped selector (as a subquery), a fixed number of queries.
    steps = tools.ladder_steps_for(user).prefetch_related(None)
    climbed_at = list(steps.values_list("climbed_at", flat=True))
    climbed = [_local_date(at) for at in climbed_at if at]
    distress = LadderAttempt.objects.filter(step__in=steps).aggregate(
        before=Avg("distress_before"), after=Avg("distress_after"), tries=Count("id")
    )
    months, counts = figures.climbed_by_month(climbed, today)
    return bar_chart(
        key="ladder",
        title="Trust ladder rungs climbed, by month",
        labels=[figures.month_label(m) for m in months],
        series=[Series("Rungs climbed", tuple(counts))],
        sentence=figures.ladder_sentence(
            len(climbed_at), len(climbed), distress["before"] if distress["tries"] else None, distress["after"]
        ),
    )


def bricks_chart(user, today) -> Chart:
    rows = tools.bricks_by_month(user)
    months = figures.month_starts(today)
    counts = figures.align(rows, months, "month", "bricks")
    return bar_chart(
        key="bricks",
        title="Bricks of evidence added, by month",
        labels=[f"{m:%b}" for m in months],
        series=[Series("Bricks", tuple(counts))],
        sentence=figures.bricks_sentence(sum(row["bricks"] for row in rows), counts[-1], counts[-2]),
    )


def promises_chart(user, today) -> Chart:
    mondays = figures.last_weeks(today)
    rows = tools.promise_check_ins_by_week(user)
    kept, not_kept = figures.align(rows, mondays, "week", "kept"), figures.align(rows, mondays, "week", "not_kept")
    return bar_chart(
        key="promises",
        title="Promises to yourself: check-ins per week",
        labels=[figures.week_label(m) for m in mondays],
        series=[Series("Kept", tuple(kept)), Series("Not this time", tuple(not_kept))],
        stacked=True,
        sentence=figures.promises_sentence(kept, not_kept),
    )


def lower_after_for(user) -> list[figures.LowerAfter]:
    """After which tools the person's own ratings were lower (only tools with enough pairs; see figures)."""
    tz = timezone.get_current_timezone()
    pairs: dict[str, list[tuple[float, float]]] = {}
    thought = [figures.average_pair(ratings) for _, ratings in tools.thought_record_ratings(user)]
    pairs["thought_record"] = [p for p in thought if p is not None]
    pairs["ladder_step"] = [(before, after) for _, before, after in tools.ladder_try_ratings(user)]
    urges = tools.urge_strength_by_day(user)
    for key, days in tools.tool_use_days(user, tz).items():
        pairs[key] = figures.check_in_pairs(days, urges)
    return figures.lower_after(pairs)


CHARTS = [urges_chart, beliefs_chart, contexts_chart, fears_chart, ladder_chart, bricks_chart, promises_chart]


def charts_for(user, *, today: datetime.date | None = None) -> list[Chart]:
    today = today or timezone.localdate()
    return [build(user, today) for build in CHARTS]
