from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from trustrepair.core import session_choices
from trustrepair.core.access import client_required
from trustrepair.core.page_cache import person_page
from trustrepair.program import curriculum, insights, selectors, services, summary
from trustrepair.program.exercise_links import EXERCISES, exercises_for
from trustrepair.program.forms import (
    ChoosePhaseForm,
    EnrolForm,
    LessonDoneForm,
    ReflectionForm,
    SetbackForm,
    SummaryForm,
)


@client_required
def overview(request):
    enrolment = selectors.enrolment_for(request.user)
    suggested = selectors.suggested_start_phase(request.user) if enrolment is None else None
    form = EnrolForm(initial={"starting_phase": suggested or curriculum.phase_slugs()[0]})
    return render(
        request,
        "program/overview.html",
        {
            "enrolment": enrolment,
            "progress": selectors.progress_for(request.user),
            "form": form,
            "suggested": curriculum.phase(suggested) if suggested else None,
        },
    )


@client_required
@require_POST
def enrol(request):
    form = EnrolForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "program/overview.html",
            {"enrolment": None, "progress": selectors.progress_for(request.user), "form": form},
            status=400,
        )
    services.enrol(request.user, starting_phase=form.cleaned_data["starting_phase"])
    messages.success(request, "You're in. Here is your first step; take it whenever suits you.")
    return redirect("program:today")


@client_required
@person_page
def today(request):
    enrolment = selectors.enrolment_for(request.user)
    if enrolment is None:
        return redirect("program:overview")
    previous_visit = services.note_visit(enrolment)
    view = selectors.today_for(request.user, enrolment, previous_visit)
    exercises = exercises_for(view.step.module.exercises) if view.step.module else []
    return render(
        request,
        "program/today.html",
        {"today": view, "step": view.step, "exercises": exercises, "regulation": EXERCISES["regulation"]},
    )


@client_required
@require_POST
def choose_phase(request):
    form = ChoosePhaseForm(request.POST)
    if not form.is_valid() or selectors.enrolment_for(request.user) is None:
        messages.error(request, "That phase could not be chosen. Please pick one from the list.")
        return redirect("program:overview")
    enrolment = services.choose_phase(request.user, phase=form.cleaned_data["phase"])
    phase = curriculum.phase(enrolment.current_phase)
    messages.success(request, f"You're now working in phase {phase.number}: {phase.title}. Everything you did is kept.")
    return redirect("program:today")


@client_required
def phase_detail(request, phase):
    found = curriculum.phase(phase)
    if found is None:
        raise Http404("No such phase")
    enrolment = selectors.enrolment_for(request.user)
    done = selectors.completed_keys(request.user)
    finished = all(lesson.key in done for lesson in found.lessons)
    modules = [
        {
            "module": m,
            "exercises": exercises_for(m.exercises),
            "lessons": [(lesson, lesson.key in done) for lesson in m.lessons],
        }
        for m in found.modules
    ]
    return render(
        request,
        "program/phase.html",
        {
            "phase": found,
            "modules": modules,
            "enrolment": enrolment,
            "is_current": enrolment is not None and enrolment.current_phase == found.slug,
            "done_count": sum(1 for lesson in found.lessons if lesson.key in done),
            "story": selectors.phase_story_for(request.user, found) if finished else None,
        },
    )


def _lesson_page(request, found, reflection_form=None, status=200):
    the_phase, the_module, the_lesson = found
    lessons = the_phase.lessons
    index = lessons.index(the_lesson)
    return render(
        request,
        "program/lesson.html",
        {
            "phase": the_phase,
            "module": the_module,
            "lesson": the_lesson,
            "is_done": the_lesson.key in selectors.completed_keys(request.user),
            "enrolment": selectors.enrolment_for(request.user),
            "exercises": exercises_for(the_module.exercises),
            "previous": lessons[index - 1] if index else None,
            "next": lessons[index + 1] if index + 1 < len(lessons) else None,
            "reflections": selectors.reflections_for(request.user, the_lesson.key),
            "reflection_form": reflection_form or ReflectionForm(prompt=the_lesson.reflection),
        },
        status=status,
    )


@client_required
@person_page
def lesson_detail(request, phase, module, lesson):
    found = curriculum.lesson(phase, module, lesson)
    if found is None:
        raise Http404("No such lesson")
    return _lesson_page(request, found)


@client_required
@require_POST
def lesson_reflect(request, phase, module, lesson):
    """The lesson's reflection, saved to the journal by the journal's own service (encrypted, screened)."""
    found = curriculum.lesson(phase, module, lesson)
    if found is None:
        raise Http404("No such lesson")
    the_lesson = found[2]
    form = ReflectionForm(request.POST, prompt=the_lesson.reflection)
    if not form.is_valid():
        return _lesson_page(request, found, reflection_form=form, status=400)
    services.save_reflection(request.user, lesson_key=the_lesson.key, body=form.cleaned_data["body"])
    messages.success(request, "Saved to your journal. Thank you for taking a moment with it.")
    return redirect(the_lesson.get_absolute_url() + "#reflection")


@client_required
@require_POST
def lesson_done(request, phase, module, lesson):
    found = curriculum.lesson(phase, module, lesson)
    form = LessonDoneForm(request.POST)
    if found is None:
        raise Http404("No such lesson")
    the_lesson = found[2]
    if not form.is_valid():
        messages.error(request, "Something went wrong marking that lesson. Please try again.")
        return redirect(the_lesson.get_absolute_url())
    if form.cleaned_data["done"]:
        the_phase, done = found[0], selectors.completed_keys(request.user)
        phase_keys = {item.key for item in the_phase.lessons}
        services.mark_lesson_done(request.user, lesson_key=the_lesson.key)
        if the_lesson.key not in done and phase_keys <= done | {the_lesson.key}:  # the phase's last lesson
            messages.success(request, f"“{the_lesson.title}” is marked done: that was the last lesson in this phase.")
            return redirect(the_phase.get_absolute_url() + "#phase-story")
        if selectors.enrolment_for(request.user) is None:
            messages.success(request, f"“{the_lesson.title}” is marked done.")
            return redirect(the_lesson.get_absolute_url())
        messages.success(
            request, f"“{the_lesson.title}” is marked done. Here is what comes next, whenever you're ready."
        )
        return redirect("program:today")
    services.mark_lesson_not_done(request.user, lesson_key=the_lesson.key)
    messages.success(request, f"“{the_lesson.title}” is no longer marked done.")
    return redirect(the_lesson.get_absolute_url())


@client_required
@require_http_methods(["GET", "POST"])
def setback_new(request):
    form = SetbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        setback = services.record_setback(
            request.user,
            happened_on=form.cleaned_data["happened_on"],
            what_happened=form.cleaned_data["what_happened"],
            what_might_help=form.cleaned_data["what_might_help"],
            return_to_phase=form.cleaned_data["return_to_phase"],
        )
        messages.success(request, "Thank you for noting it. A setback is part of rebuilding, not the end of it.")
        return redirect(setback)
    return render(
        request,
        "program/setback_form.html",
        {
            "form": form,
            "setbacks": selectors.setbacks_for(request.user, limit=20),
            "regulation": exercises_for(["regulation"]),
        },
    )


@client_required
def setback_detail(request, public_id):
    setback = selectors.setback_for(request.user, public_id)
    return render(
        request,
        "program/setback_detail.html",
        {
            "setback": setback,
            "phase": curriculum.phase(setback.returned_to_phase) if setback.returned_to_phase else None,
            "regulation": EXERCISES["regulation"],
            "trigger_log": EXERCISES["trigger_log"],
            "journal": EXERCISES["journal"],
        },
    )


@client_required
@require_http_methods(["GET", "POST"])
def setback_delete(request, public_id):
    setback = selectors.setback_for(request.user, public_id)
    if request.method == "POST":
        services.delete_setback(setback)
        messages.success(request, "That note has been deleted.")
        return redirect("program:setback_new")
    return render(request, "program/setback_delete.html", {"setback": setback})


@client_required
@person_page
def insights_page(request):
    context = {
        "charts": insights.charts_for(request.user),
        "lower_after": insights.lower_after_for(request.user),
        "min_pairs": insights.figures.MIN_PAIRS,
    }
    return render(request, "program/insights.html", context)


SUMMARY_CHOICES = "program.summary"  # session key


@client_required
def summary_page(request):
    """Choices are posted and kept in the session (never in the address); ?show=1 prints what was chosen."""
    if request.method == "POST":
        session_choices.remember(request, SUMMARY_CHOICES, request.POST, fields=SummaryForm.base_fields)
        return redirect(reverse("program:summary") + "?show=1")
    remembered = session_choices.recall(request, SUMMARY_CHOICES)
    groups = summary.choices_for(request.user)
    form = SummaryForm(
        remembered if "show" in request.GET else None,
        initial=session_choices.initial_from(remembered, SummaryForm),
        entry_choices=[(name, [(c.value, c.label) for c in items]) for name, items in groups],
    )
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    picked = set(chosen.get("entries", []))
    context = {
        "form": form,
        "chosen": chosen,
        "entries": [c for _, items in groups for c in items if c.value in picked],
        "today": timezone.localdate(),
    }
    if chosen.get("include_phases"):
        context["progress"] = selectors.progress_for(request.user)
        context["enrolment"] = selectors.enrolment_for(request.user)
    if chosen.get("include_measures"):
        context["measures"] = selectors.latest_measures(request.user)
    if chosen.get("include_insights"):
        context["charts"] = insights.charts_for(request.user)
    return render(request, "program/summary.html", context)
