from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from trustrepair.accounts.models import ConsentRecord
from trustrepair.accounts.services import grant_consent, has_reminder_consent
from trustrepair.core import charts
from trustrepair.core.access import login_required, member_required
from trustrepair.core.page_cache import person_page
from trustrepair.measures import fhir, registry, scoring, selectors, services
from trustrepair.measures.forms import AnswersForm, ScheduleForm


def _date(value) -> str:
    return timezone.localtime(value).strftime("%-d %b %Y")


@member_required
@person_page
def index(request):
    latest = selectors.latest_by_instrument(request.user, with_answers=False)
    schedules = {s.instrument_id: s for s in selectors.schedules_for(request.user)}
    now = timezone.now()
    rows = [
        {
            "instrument": i,
            "latest": latest.get(i.id),
            "schedule": schedules.get(i.id),
            "is_due": i.id in schedules and schedules[i.id].is_due(now),
        }
        for i in registry.offered()
    ]
    return render(request, "measures/index.html", {"rows": rows, "awaiting": registry.awaiting_licence()})


@member_required
def about(request, instrument_id):
    instrument = selectors.instrument_or_404(instrument_id)
    return render(request, "measures/about.html", {"instrument": instrument, "keys": scoring.score_keys(instrument)})


@member_required
def take(request, instrument_id):
    instrument = selectors.instrument_or_404(instrument_id, must_be_complete=True)
    draft = {} if request.method == "POST" else services.draft_answers(request.user, instrument.id)
    initial = AnswersForm.initial_for(instrument, draft) if draft else None
    form = AnswersForm(request.POST or None, instrument=instrument, initial=initial)
    first_run = request.GET.get("next") == "welcome" and instrument_id == "trust_signs"
    if request.method == "POST" and form.is_valid():
        try:
            administration = services.submit_answers(
                request.user, instrument=instrument, answers=form.answers(), note=form.cleaned_data.get("note", "")
            )
        except services.AnswerErrors as exc:
            form.add_answer_errors(exc.errors)
        else:
            if first_run:  # the self-check inside the first run goes on to the plan (issue 11)
                return redirect("accounts:welcome_plan")
            return redirect(administration)
    context = {
        "instrument": instrument,
        "form": form,
        "first_run": first_run,
        "resumed": bool(draft),
        "one_page": request.GET.get("all") == "1",
        "minutes": max(1, round(len(instrument.items + instrument.unscored_items) * 10 / 60)),
    }
    return render(request, "measures/take.html", context, status=400 if form.errors else 200)


def _result_context(user, administration):
    instrument = selectors.instrument_or_404(administration.instrument_id)
    previous = selectors.previous_for(administration)
    band = next((b for b in instrument.bands if b.label == administration.band), None)
    answers = administration.answers
    flagged = [i for i in instrument.safety_items if answers.get(i, 0) > 0]
    scores = []
    for key, title in scoring.score_keys(instrument):
        value = administration.total if key == "total" else administration.subscales.get(key)
        scores.append({"key": key, "title": title, "value": value})
    return {
        "instrument": instrument,
        "administration": administration,
        "band": band,
        "scores": scores,
        "previous": previous,
        "changes": selectors.changes_between(instrument, previous, administration) if previous else [],
        "safety_flagged": bool(flagged),
        "superseded_by": getattr(administration, "superseded_by", None),
        "range": instrument.total_range(),
        "gauge_bands": _gauge_bands(instrument, administration),
        "next_steps": _next_steps(user),
    }


def _gauge_bands(instrument, administration) -> list[tuple[int, int, str]]:
    """Bands for the gauge (issue 11), for a summed total with whole-number bands; else none."""
    if instrument.method != "sum" or not instrument.bands or administration.total is None:
        return []
    return [(int(b.min), int(b.max), b.label) for b in instrument.bands]


def _next_steps(user) -> list[dict]:
    """What could come next after a result: the program (clients not yet in it) and finding a therapist."""
    from django.urls import reverse

    steps = []
    if user.is_client:
        from trustrepair.program.selectors import enrolment_for

        if enrolment_for(user) is None:
            steps.append({"text": "Start the guided program, at your own pace", "url": reverse("program:overview")})
    steps.append({"text": "Find a therapist who can help with this", "url": reverse("directory:find")})
    return steps


@member_required
def result(request, public_id):
    administration = selectors.administration_for(request.user, public_id)
    return render(request, "measures/result.html", _result_context(request.user, administration))


@member_required
def correct(request, public_id):
    administration = selectors.administration_for(request.user, public_id)
    instrument = selectors.instrument_or_404(administration.instrument_id, must_be_complete=True)
    if hasattr(administration, "superseded_by"):
        messages.info(request, "That response has already been corrected; this is the newest version.")
        return redirect(administration.superseded_by)
    initial = AnswersForm.initial_for(instrument, administration.answers, administration.note)
    form = AnswersForm(request.POST or None, instrument=instrument, with_reason=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.correct_administration(
                request.user,
                administration=administration,
                instrument=instrument,
                answers=form.answers(),
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data.get("note", ""),
            )
        except services.AnswerErrors as exc:
            form.add_answer_errors(exc.errors)
        else:
            messages.success(request, "Your correction is saved. The earlier version is kept with your reason.")
            return redirect(new)
    return render(
        request,
        "measures/correct.html",
        {"instrument": instrument, "administration": administration, "form": form},
        status=400 if form.errors else 200,
    )


def _series(instrument, administrations, key, title):
    threshold = scoring.threshold_for(instrument)
    values = [(a, a.total if key == "total" else a.subscales.get(key)) for a in administrations]
    values = [(a, v) for a, v in values if v is not None]
    if not values:
        return None
    if key == "total":
        y_min, y_max = instrument.total_range()
    else:
        y_min, y_max = instrument.min_value, instrument.max_value
    baseline = values[0][1]
    band = (max(y_min, baseline - threshold), min(y_max, baseline + threshold)) if threshold else None
    cutoff = instrument.clinical_cutoff["value"] if key == "total" and instrument.clinical_cutoff else None
    rows, previous = [], None
    for a, v in values:
        change = scoring.reliable_change(instrument, previous, v, key=key) if previous is not None else None
        since_start = scoring.reliable_change(instrument, baseline, v, key=key) if a is not values[0][0] else None
        rows.append(
            {
                "administration": a,
                "date": _date(a.completed_at),
                "value": v,
                "change": change,
                "since_start": since_start,
            }
        )
        previous = v
    description = f"{len(values)} results from {rows[0]['date']} to {rows[-1]['date']}, "
    description += f"first {rows[0]['value']:g}, latest {rows[-1]['value']:g}, on a scale of {y_min:g} to {y_max:g}."
    if band:
        description += f" The shaded band runs from {band[0]:.2f} to {band[1]:.2f}: changes inside it are not reliable."
    svg = charts.history_chart(
        [charts.Point(r["date"], r["value"]) for r in rows],
        y_min=y_min,
        y_max=y_max,
        title=f"{instrument.short_title}: {title.lower()} over time",
        description=description,
        band=band,
        cutoff=cutoff,
        chart_id=f"chart-{key}",
    )
    return {
        "key": key,
        "title": title,
        "svg": mark_safe(svg),  # noqa: S308 - charts.history_chart escapes every text it draws
        "rows": rows,
        "band": band,
        "cutoff": cutoff,
        "threshold": threshold,
    }


@member_required
def history(request, instrument_id):
    instrument = selectors.instrument_or_404(instrument_id)
    administrations = selectors.history_for(request.user, instrument.id)
    series = [
        s for key, title in scoring.score_keys(instrument) if (s := _series(instrument, administrations, key, title))
    ]
    schedule = next((s for s in selectors.schedules_for(request.user) if s.instrument_id == instrument.id), None)
    reminders_on = has_reminder_consent(request.user)
    form = ScheduleForm(initial={"every_days": schedule.every_days if schedule else None, "remind": reminders_on})
    return render(
        request,
        "measures/history.html",
        {
            "instrument": instrument,
            "series": series,
            "schedule": schedule,
            "schedule_form": form,
            "count": len(administrations),
            "reminders_on": reminders_on,
        },
    )


@member_required
@require_POST
def schedule(request, instrument_id):
    instrument = selectors.instrument_or_404(instrument_id, must_be_complete=True)
    if request.POST.get("stop"):
        services.stop_schedule(request.user, instrument_id=instrument.id)
        messages.success(request, "Reminders for this check-in are off.")
        return redirect("measures:history", instrument_id=instrument.id)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        s = services.schedule_instrument(
            request.user, instrument=instrument, every_days=form.cleaned_data["every_days"]
        )
        if form.cleaned_data["remind"]:
            grant_consent(request.user, kind=ConsentRecord.Kind.EMAIL_REMINDERS)
        messages.success(request, f"Planned every {s.every_days} days. Next: {_date(s.next_due_at)}.")
        return redirect("measures:history", instrument_id=instrument.id)
    administrations = selectors.history_for(request.user, instrument.id)
    series = [
        s for key, title in scoring.score_keys(instrument) if (s := _series(instrument, administrations, key, title))
    ]
    return render(
        request,
        "measures/history.html",
        {
            "instrument": instrument,
            "series": series,
            "schedule": None,
            "schedule_form": form,
            "count": len(administrations),
        },
        status=400,
    )


@member_required
def profile(request):
    return render(request, "measures/profile.html", {"profile": selectors.trust_profile_for(request.user)})


@member_required
def result_fhir(request, public_id):
    administration = selectors.administration_for(request.user, public_id)
    instrument = selectors.instrument_or_404(administration.instrument_id)
    response = JsonResponse(fhir.questionnaire_response(instrument, administration), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = (
        f'attachment; filename="{instrument.id}-{administration.completed_at:%Y%m%d}.json"'
    )
    return response


@login_required
def questionnaire_fhir(request, instrument_id):
    instrument = selectors.instrument_or_404(instrument_id)
    return JsonResponse(fhir.questionnaire(instrument), json_dumps_params={"indent": 2})


@member_required
@require_POST
def autosave(request, instrument_id):
    """htmx posts the answers given so far here as each one is given (issue 11)."""
    instrument = selectors.instrument_or_404(instrument_id, must_be_complete=True)
    answers = {}
    if instrument.presentation == "checklist":
        ticked = set(request.POST.getlist("ticked"))
        answers = {item.id: int(item.id in ticked) for item in instrument.items}
    else:
        for item in instrument.items + instrument.unscored_items:
            raw = request.POST.get(f"item_{item.id}", "")
            if raw.lstrip("-").isdigit():
                answers[item.id] = int(raw)
    screen = services.save_draft(request.user, instrument=instrument, answers=answers)
    panel = None
    if screen is not None and screen.is_positive:  # item 9 above 0: the crisis panel at once, in place
        from trustrepair.safety.selectors import panel_for

        panel = panel_for(request.user)
    return render(request, "measures/_autosave_status.html", {"count": len(answers), "panel": panel})
