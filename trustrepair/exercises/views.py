"""The tools' pages. Clients and partners may use them (`member_required`: a partner working on their
own trust is welcome); therapists and staff see a client's tools only through the clinic app's
consent-scoped views, never here. Every object is fetched through a selector that 404s for anyone
but its owner.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from trustrepair.core import charts
from trustrepair.core.access import member_required
from trustrepair.core.page_cache import person_page
from trustrepair.exercises import distortions, forms, selectors, services, summaries
from trustrepair.exercises.models import FearPrediction, JournalEntry, NeedStatement, SelfPromise
from trustrepair.exercises.scripts import compose
from trustrepair.exercises.timers import TIMERS
from trustrepair.exercises.tools import BY_KEY, TOOLS


def _posted(request):
    """The submitted data on POST (even if empty, so an empty submit shows errors), else None."""
    return request.POST if request.method == "POST" else None


# ---- the same five views for every tool ---------------------------------------------------------------
def _list_context(tool, user, entries) -> dict:
    if tool.key == "fear_prediction":
        return {"base_rate": selectors.fear_base_rate(user)}
    if tool.key == "ladder_step":
        return {"current": selectors.current_ladder_step_for(user)}
    if tool.key == "self_promise":
        selectors.attach_promise_summaries(entries)
    if tool.key == "journal_entry":
        return {"drafts": list(selectors.journal_drafts_for(user)[:5])}
    return {}


def _detail_context(tool, user, entry) -> dict:
    if tool.key == "core_belief":
        return {"rating_form": forms.BeliefRatingForm(), "chart": _belief_chart(entry)}
    if tool.key == "thought_record":
        emotions = list(entry.emotions.all())
        return {
            "built_in": distortions.named(entry.distortions),
            "change": summaries.emotion_change(emotions) if entry.is_complete else "",
            "eased": summaries.eased(emotions),
        }
    if tool.key == "ladder_step":
        return {"current": selectors.current_ladder_step_for(user)}
    if tool.key == "self_promise":
        selectors.attach_promise_summaries([entry])
    if tool.key == "journal_entry" and entry.lesson_key:
        from trustrepair.program import curriculum  # the program reads the tools, so it is imported late here

        return {"lesson": curriculum.lesson_by_key(entry.lesson_key)}
    return {}


def _belief_chart(belief):
    strengths = [r.strength for r in belief.ratings.all()]
    return charts.sparkline(strengths) if len(strengths) > 1 else None


def make_list(tool):
    @member_required
    @require_safe
    @person_page
    def view(request):
        page = Paginator(tool.list_selector(request.user), tool.per_page).get_page(request.GET.get("page"))
        entries = list(page.object_list)
        context = {"tool": tool, "page": page, "entries": entries}
        context.update(_list_context(tool, request.user, entries))
        return render(request, f"exercises/{tool.key}_list.html", context)

    return view


def _fetch(tool, user, public_id):
    return (
        selectors.entry_for(user, tool.model, public_id) if tool.key not in _RICH else _RICH[tool.key](user, public_id)
    )


_RICH = {
    "thought_record": selectors.thought_record_for,
    "core_belief": selectors.core_belief_for,
    "ladder_step": selectors.ladder_step_for,
    "self_promise": selectors.self_promise_for,
}


def make_detail(tool):
    @member_required
    @require_safe
    def view(request, public_id):
        entry = _fetch(tool, request.user, public_id)
        if getattr(entry, "is_draft", False):
            return redirect("exercises:journal_entry_edit", entry.public_id)
        context = {"tool": tool, "entry": entry, **_detail_context(tool, request.user, entry)}
        return render(request, f"exercises/{tool.key}_detail.html", context)

    return view


def _form_page(request, tool, form, entry=None, **extra):
    context = {"tool": tool, "form": form, "entry": entry, **extra}
    return render(request, "exercises/entry_form.html", context)


def _script_preview(tool, form):
    if tool.key != "communication_script" or not form.is_bound:
        return None
    return compose(
        feeling=form.data.get("feeling", ""),
        because=form.data.get("because", ""),
        not_responsible=form.data.get("not_responsible", ""),
        need=form.data.get("need", ""),
    )


def make_new(tool):
    @member_required
    @require_http_methods(["GET", "POST"])
    def view(request):
        form = tool.form(_posted(request))
        if request.method == "POST" and "preview" not in request.POST and form.is_valid():
            entry = tool.create(tool, request.user, dict(form.cleaned_data))
            messages.success(request, f"Your {tool.noun} is saved.")
            return redirect(entry)
        return _form_page(request, tool, form, preview=_script_preview(tool, form))

    return view


def make_edit(tool):
    @member_required
    @require_http_methods(["GET", "POST"])
    def view(request, public_id):
        entry = _fetch(tool, request.user, public_id)
        form = tool.form_for_edit(_posted(request), instance=entry)
        if request.method == "POST" and "preview" not in request.POST and form.is_valid():
            tool.update(tool, entry, request.user, dict(form.cleaned_data))
            messages.success(request, f"Your changes to this {tool.noun} are saved.")
            return redirect(entry)
        return _form_page(request, tool, form, entry, preview=_script_preview(tool, form))

    return view


def make_delete(tool):
    @member_required
    @require_http_methods(["GET", "POST"])
    def view(request, public_id):
        entry = _fetch(tool, request.user, public_id)
        if request.method == "POST":
            services.delete_entry(entry)
            messages.success(request, f"The {tool.noun} is deleted.")
            return redirect(f"exercises:{tool.key}_list")
        return render(request, "exercises/entry_confirm_delete.html", {"tool": tool, "entry": entry})

    return view


# ---- the index ----------------------------------------------------------------------------------------
@member_required
@require_safe
@person_page
def index(request):
    tools = [t for t in TOOLS if t.show_in_index]
    return render(request, "exercises/index.html", {"tools": tools, "timers": TIMERS})


# ---- thought records: a flow of five steps, saved as the person goes ---------------------------------
THOUGHT_STEPS = (
    (1, "Situation and automatic thought"),
    (2, "Emotions"),
    (3, "Thinking traps"),
    (4, "Evidence"),
    (5, "A balanced thought"),
)
LAST_STEP = len(THOUGHT_STEPS)


def _focus_first_field(form) -> None:
    """Each step opens with the cursor in its first field (issue 11), unless errors are shown: then the
    error summary takes the focus (core/site.js)."""
    if not form.is_bound:
        first = next(iter(form.fields.values()), None)
        if first is not None:
            first.widget.attrs["autofocus"] = True


def _thought_step_page(request, form, step, record=None):
    _focus_first_field(form)
    return render(
        request,
        "exercises/thought_record_step.html",
        {"form": form, "step": step, "steps": THOUGHT_STEPS, "record": record, "tool": BY_KEY["thought_record"]},
    )


@member_required
@require_http_methods(["GET", "POST"])
def thought_record_new(request):
    form = forms.ThoughtSituationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        record = services.start_thought_record(request.user, **form.cleaned_data)
        return redirect("exercises:thought_record_step", record.public_id, 2)
    return _thought_step_page(request, form, 1)


@member_required
@require_http_methods(["GET", "POST"])
def thought_record_step(request, public_id, step):
    record = selectors.thought_record_for(request.user, public_id)
    if not 1 <= step <= LAST_STEP:
        raise Http404("No such step.")
    data = request.POST if request.method == "POST" else None
    if step == 1:
        form = forms.ThoughtSituationForm(data, instance=record)
    elif step == 2:
        form = forms.ThoughtEmotionsForm(data, emotions=record.emotions.all())
    elif step == 3:
        initial = {"distortions": record.distortions, "custom_distortions": list(record.custom_distortions.all())}
        form = forms.ThoughtDistortionsForm(data, owner=request.user, initial=initial)
    elif step == 4:
        form = forms.ThoughtEvidenceForm(data, instance=record)
    else:
        form = forms.ThoughtBalanceForm(data, record=record)
    if request.method == "POST" and form.is_valid():
        _save_thought_step(request.user, record, step, form)
        if step == LAST_STEP:
            messages.success(request, "Your thought record is complete. Well done for slowing the thought down.")
            return redirect(record)
        return redirect("exercises:thought_record_step", record.public_id, step + 1)
    return _thought_step_page(request, form, step, record)


def _save_thought_step(user, record, step, form):
    data = form.cleaned_data
    if step in (1, 4):
        services.save_thought_step(record, user=user, step=step, **data)
    elif step == 2:
        services.set_thought_emotions(record, user=user, emotions=data["emotions"])
    elif step == 3:
        custom = list(data.get("custom_distortions") or [])
        if data.get("new_name", "").strip():
            custom.append(
                services.create_custom_distortion(
                    user, name=data["new_name"].strip(), explanation=data["new_explanation"]
                )
            )
        services.save_thought_step(
            record, user=user, step=step, distortions=list(data["distortions"]), custom_distortions=custom
        )
    else:
        services.finish_thought_record(
            record, user=user, balanced_thought=data["balanced_thought"], rerated=form.rerated(), step=step
        )


# ---- journal: drafts kept on the server as the person types ---------------------------------------------
def _journal_page(request, form, entry, resumed=False):
    return render(
        request,
        "exercises/journal_entry_form.html",
        {"form": form, "entry": entry, "resumed": resumed, "tool": BY_KEY["journal_entry"]},
    )


@member_required
@require_http_methods(["GET", "POST"])
def journal_entry_new(request):
    if request.method == "POST":
        draft = _draft_from(request)
        form = forms.JournalEntryForm(request.POST, instance=draft)
        if form.is_valid():
            entry = services.save_journal_entry(request.user, entry=draft, **form.cleaned_data)
            messages.success(request, "Your journal entry is saved.")
            return redirect(entry)
        return _journal_page(request, form, draft)
    draft = None if request.GET.get("fresh") else selectors.latest_journal_draft(request.user)
    initial = {"prompt": request.GET.get("prompt")} if request.GET.get("prompt") in JournalEntry.Prompt.values else {}
    return _journal_page(request, forms.JournalEntryForm(instance=draft, initial=initial), draft, resumed=bool(draft))


@member_required
@require_http_methods(["GET", "POST"])
def journal_entry_edit(request, public_id):
    entry = selectors.entry_for(request.user, JournalEntry, public_id)
    form = forms.JournalEntryForm(_posted(request), instance=entry)
    if request.method == "POST" and form.is_valid():
        services.save_journal_entry(request.user, entry=entry, **form.cleaned_data)
        messages.success(request, "Your journal entry is saved.")
        return redirect(entry)
    return _journal_page(request, form, entry, resumed=entry.is_draft)


def _draft_from(request):
    public_id = request.POST.get("draft") or ""
    if not public_id:
        return None
    try:
        return selectors.entry_for(request.user, JournalEntry, public_id)
    except (Http404, ValidationError):
        return None


@member_required
@require_POST
def journal_autosave(request):
    """htmx posts the journal form here every few seconds while the person types; answers with a status."""
    entry = _draft_from(request)
    prompt = request.POST.get("prompt") or JournalEntry.Prompt.FREE
    if prompt not in JournalEntry.Prompt.values:
        prompt = JournalEntry.Prompt.FREE
    body = request.POST.get("body", "")
    if not body.strip() and entry is None:
        return render(request, "exercises/_autosave_status.html", {"state": "empty"})
    form = forms.JournalEntryForm({"prompt": prompt, "body": body or " "}, instance=entry)
    if not form.is_valid() and form.has_error("body", "max_length"):
        return render(request, "exercises/_autosave_status.html", {"state": "too_long", "entry": entry})
    entry = services.autosave_journal(request.user, entry=entry, prompt=prompt, body=body)
    return render(request, "exercises/_autosave_status.html", {"state": "saved", "entry": entry})


# ---- extra actions of single tools ---------------------------------------------------------------------
@member_required
@require_POST
def core_belief_rate(request, public_id):
    belief = selectors.core_belief_for(request.user, public_id)
    form = forms.BeliefRatingForm(request.POST)
    if form.is_valid():
        services.rate_core_belief(belief, strength=form.cleaned_data["strength"])
        messages.success(request, "Your new rating is saved next to the earlier ones.")
        return redirect(belief)
    tool = BY_KEY["core_belief"]
    context = {"tool": tool, "entry": belief, "rating_form": form, "chart": _belief_chart(belief)}
    return render(request, "exercises/core_belief_detail.html", context, status=400)


@member_required
@require_http_methods(["GET", "POST"])
def core_belief_rating_remove(request, public_id):
    belief = selectors.core_belief_for(request.user, public_id)
    latest = belief.ratings.order_by("-rated_at", "-id").first()
    if request.method == "POST":
        if services.remove_latest_rating(belief):
            messages.success(request, "The latest rating is removed.")
        return redirect(belief)
    what = f"your latest rating ({latest.strength} of 100, {latest.rated_at:%d %b %Y})" if latest else "nothing"
    return render(request, "exercises/child_confirm_delete.html", {"what": what, "back": belief})


@member_required
@require_http_methods(["GET", "POST"])
def ladder_attempt_remove(request, public_id):
    step = selectors.ladder_step_for(request.user, public_id)
    latest = step.attempts.order_by("-tried_at", "-id").first()
    if request.method == "POST":
        if services.remove_latest_attempt(step):
            messages.success(request, "The latest try is removed.")
        return redirect(step)
    what = f"your latest try ({latest.tried_at:%d %b %Y})" if latest else "nothing"
    return render(request, "exercises/child_confirm_delete.html", {"what": what, "back": step})


@member_required
@require_http_methods(["GET", "POST"])
def fear_prediction_outcome(request, public_id):
    fear = selectors.entry_for(request.user, FearPrediction, public_id)
    form = forms.FearOutcomeForm(_posted(request), instance=fear)
    if request.method == "POST" and form.is_valid():
        services.record_fear_outcome(fear, user=request.user, **form.cleaned_data)
        messages.success(request, "What happened is saved. Each answer makes your own base rate clearer.")
        return redirect(fear)
    return render(request, "exercises/fear_prediction_outcome.html", {"form": form, "entry": fear})


@member_required
@require_http_methods(["GET", "POST"])
def ladder_step_attempt(request, public_id):
    step = selectors.ladder_step_for(request.user, public_id)
    current = selectors.current_ladder_step_for(request.user)
    form = forms.LadderAttemptForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_ladder_attempt(step, user=request.user, current=current, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your try is recorded. However it went, you practised.")
            return redirect(step)
    return render(request, "exercises/ladder_step_attempt.html", {"form": form, "entry": step, "current": current})


@member_required
@require_POST
def self_promise_check_in(request, public_id):
    promise = selectors.entry_for(request.user, SelfPromise, public_id)
    kept = request.POST.get("kept")
    if kept not in ("yes", "no"):
        messages.error(request, "Choose “kept it” or “not today”.")
        return redirect("exercises:self_promise_list" if request.POST.get("next") == "list" else promise)
    services.check_in_promise(promise, kept=kept == "yes")
    if kept == "yes":
        messages.success(request, "Kept. That is one more piece of evidence that you can rely on yourself.")
    else:
        messages.info(request, "Thank you for being honest with yourself. Tomorrow is a fresh start.")
    if request.POST.get("next") == "list":
        return redirect("exercises:self_promise_list")
    return redirect(promise)


@member_required
@require_POST
def self_promise_restart(request, public_id):
    """A gentle restart: a resting promise becomes active again, its earlier check-ins kept."""
    promise = selectors.entry_for(request.user, SelfPromise, public_id)
    services.restart_promise(promise, user=request.user)
    messages.success(request, "Welcome back to this promise. Every earlier day you kept it still counts.")
    return redirect(promise)


@member_required
@require_safe
def need_statement_share(request):
    statements = list(selectors.need_statements_for(request.user))
    groups = [(label, [s for s in statements if s.kind == kind]) for kind, label in NeedStatement.Kind.choices]
    text = "\n\n".join(label + ":\n" + "\n".join(f"- {s.statement}" for s in items) for label, items in groups if items)
    return render(request, "exercises/need_statement_share.html", {"groups": groups, "text": text})


@member_required
@require_POST
def script_preview(request):
    """The live preview of a communication script, answered to htmx as the person types."""
    text = compose(
        feeling=request.POST.get("feeling", "")[:500],
        because=request.POST.get("because", "")[:500],
        not_responsible=request.POST.get("not_responsible", "")[:500],
        need=request.POST.get("need", "")[:500],
    )
    return render(request, "exercises/_script_preview.html", {"preview": text})


# ---- regulation timers ----------------------------------------------------------------------------------
@member_required
@require_safe
def timer_index(request):
    return render(request, "exercises/timers/index.html", {"timers": TIMERS})


@member_required
@require_safe
def timer(request, slug):
    found = next((t for t in TIMERS if t.slug == slug), None)
    if found is None:
        raise Http404("No such exercise.")
    return render(request, "exercises/timers/timer.html", {"timer": found})


# ---- Today: the daily check-in, one suggested tool, a kind welcome back (issue 11) -----------------------
def today_context(request) -> dict:
    """What Today shows a client or partner; core's home page renders it (core.views.home)."""
    from trustrepair.exercises.today import is_welcome_back, local_today, suggest

    user = request.user
    today = local_today(user)
    rhythm = services.rhythm_for(user)
    previous_use = services.note_use(user, today=today, rhythm=rhythm)
    recent = selectors.recent_check_ins(user, today=today)  # newest first, today's among them
    check_in = recent[0] if recent and recent[0].day == today else None
    changing = request.GET.get("change") == "1"
    form = None
    if check_in is None or changing:
        initial = {}
        if check_in is not None:
            initial = {f: getattr(check_in, f) for f in ("moods", "trust", "urge", "urge_strength", "note")}
        form = forms.DailyCheckInForm(initial=initial)
    return {
        "check_in": check_in,
        "check_in_form": form,
        "welcome_back": is_welcome_back(previous_use, today),
        "suggestion": suggest(recent),
        "rhythm": rhythm,
    }


@member_required
@require_POST
def check_in(request):
    from trustrepair.exercises.today import local_today

    form = forms.DailyCheckInForm(request.POST)
    if form.is_valid():
        services.save_check_in(request.user, day=local_today(request.user), **form.cleaned_data)
        messages.success(request, "Thank you for checking in.")
        return redirect("core:home")
    from trustrepair.core.views import dashboard_sections

    context = {**today_context(request), "check_in_form": form, "sections": dashboard_sections(request.user)}
    return render(request, "exercises/today.html", context, status=400)


@member_required
@require_http_methods(["GET", "POST"])
def reminder(request):
    from trustrepair.accounts.services import has_reminder_consent

    rhythm = services.rhythm_for(request.user)
    initial = {"remind": rhythm.remind, "remind_at": rhythm.remind_at}
    form = forms.ReminderForm(_posted(request), initial=initial)
    consent = has_reminder_consent(request.user)
    if request.method == "POST" and form.is_valid():
        services.set_reminder(
            request.user, remind=form.cleaned_data["remind"], remind_at=form.cleaned_data["remind_at"]
        )
        if form.cleaned_data["remind"] and not consent:
            from trustrepair.accounts.models import ConsentRecord
            from trustrepair.accounts.services import grant_consent

            grant_consent(request.user, kind=ConsentRecord.Kind.EMAIL_REMINDERS)
        messages.success(
            request, "Your reminder is set." if form.cleaned_data["remind"] else "No daily reminder: nothing will come."
        )
        return redirect("core:home")
    return render(request, "exercises/reminder.html", {"form": form, "consent": consent, "rhythm": rhythm})
