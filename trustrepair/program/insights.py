"""The insights page: what has changed, read from the tools through their selectors, drawn as charts.

One query (or two, with prefetched children) per chart, whatever the amount of data, so the page costs
the same for a week of entries or a year of them. The figures and sentences come from the pure
insight_figures module; the drawing from charts.
"""

import datetime

from django.db.models import Avg, Count
from django.utils import timezone

from trustrepair.program import insight_figures as figures
from trustrepair.program.charts import Chart, Series, bar_chart, line_chart

try:  # the tools app provides the data; without it the page simply has nothing to show
    from trustrepair.exercises import selectors as tools
    from trustrepair.exercises.models import LadderAttempt, PromiseCheckIn, TriggerLog
except ImportError:  # pragma: no cover - both apps ship together
    tools = None
    TriggerLog = LadderAttempt = PromiseCheckIn = None


def _local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(timezone.get_current_timezone()).date()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def urges_chart(user, today) -> Chart:
    start = datetime.datetime.combine(
        figures.last_weeks(today)[0] - datetime.timedelta(weeks=figures.WEEKS),
        datetime.time(),
        timezone.get_current_timezone(),
    )
    rows = tools.trigger_logs_for(user).filter(occurred_at__gte=start).values_list("occurred_at", "response")
    data = figures.urges_by_week(((_local_date(at), response) for at, response in rows), today)
    return bar_chart(
        key="urges",
        title="Urges ridden out and acted on, per week",
        labels=[figures.week_label(m) for m in data.weeks],
        series=[Series("Rode out", tuple(data.rode_out)), Series("Acted on", tuple(data.acted_on))],
        sentence=figures.urge_sentence(data),
    )


def contexts_chart(user, today) -> Chart:
    start = datetime.datetime.combine(
        figures.last_weeks(today)[0] - datetime.timedelta(weeks=figures.WEEKS),
        datetime.time(),
        timezone.get_current_timezone(),
    )
    rows = tools.trigger_logs_for(user).filter(occurred_at__gte=start).values_list("occurred_at", "context")
    labels, earlier, recent = figures.triggers_by_context(
        ((_local_date(at), context) for at, context in rows), list(TriggerLog.Context.choices), today
    )
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
    days = list(tools.evidence_bricks_for(user).values_list("happened_on", flat=True))
    months = figures.last_months(today)
    recent_start = figures.last_weeks(today, figures.RECENT_WEEKS)[0]
    return bar_chart(
        key="bricks",
        title="Bricks of evidence added, by month",
        labels=[figures.month_label(m) for m in months],
        series=[Series("Bricks", tuple(figures.count_by_month(days, today)))],
        sentence=figures.bricks_sentence(len(days), sum(1 for d in days if d >= recent_start)),
    )


def promises_chart(user, today) -> Chart:
    start = figures.last_weeks(today)[0]
    check_ins = PromiseCheckIn.objects.filter(
        promise__in=tools.self_promises_for(user).prefetch_related(None), day__gte=start
    ).values_list("day", "kept")
    mondays, kept, not_kept = figures.promises_by_week(check_ins, today)
    return bar_chart(
        key="promises",
        title="Promises to yourself: check-ins per week",
        labels=[figures.week_label(m) for m in mondays],
        series=[Series("Kept", tuple(kept)), Series("Not this time", tuple(not_kept))],
        stacked=True,
        sentence=figures.promises_sentence(kept, not_kept),
    )


CHARTS = [urges_chart, beliefs_chart, contexts_chart, fears_chart, ladder_chart, bricks_chart, promises_chart]


def charts_for(user, *, today: datetime.date | None = None) -> list[Chart]:
    if tools is None:  # pragma: no cover
        return []
    today = today or timezone.localdate()
    return [build(user, today) for build in CHARTS]


def figures_for(user, *, today: datetime.date | None = None) -> list[tuple[str, str]]:
    """(title, sentence) for each chart: the counts-only lines the printable summary can include."""
    return [(chart.title, chart.sentence) for chart in charts_for(user, today=today)]
