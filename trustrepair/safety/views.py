from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from trustrepair.core.access import login_required, member_required, public
from trustrepair.core.http import safe_next
from trustrepair.safety import selectors, services
from trustrepair.safety.forms import AnswerForm, ReachedPersonForm, SafetyPlanForm
from trustrepair.safety.models import SafetyPlan
from trustrepair.safety.resources import crisis_resources, region_for_country, regions


def _back(request, default: str = "core:home"):
    return redirect(safe_next(request) or default)


@public
def crisis(request):
    """Crisis lines for the region asked for, else the person's own, else the operator's DEFAULT_REGION.

    A signed-out visitor with none of those is never shown one country's lines by default: the page opens
    with the region picker and the international directory, and safety/region.js guesses the region from
    the browser's language and time zone and asks for that region's lines (`guessed=1`).
    """
    known = dict(regions())
    region = request.GET.get("region", "")
    chosen = region in known
    if not chosen:
        region = region_for_country(request.user.country) if request.user.is_authenticated else ""
    if region not in known:
        region = settings.DEFAULT_REGION
    if region not in known:
        region = ""
    plan = selectors.safety_plan_for(request.user) if request.user.is_authenticated else None
    context = {
        "resources": crisis_resources(region or "OTHER"),
        "regions": regions(),
        "region": region,
        "region_known": bool(region),
        "guessed": chosen and request.GET.get("guessed") == "1",
        "plan": plan,
    }
    if request.htmx and request.GET.get("lines") == "1":
        return render(request, "safety/crisis.html#lines", context)
    return render(request, "safety/crisis.html", context)


@member_required
def plan(request):
    return render(request, "safety/plan.html", {"plan": selectors.safety_plan_for(request.user)})


@member_required
def plan_edit(request):
    existing = selectors.safety_plan_for(request.user)
    initial = {name: getattr(existing, name) for name, _ in SafetyPlan.SECTIONS} if existing else None
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_safety_plan(request.user, **form.cleaned_data)
        messages.success(request, "Your safety plan is saved. Only you can see it.")
        return redirect("safety:plan")
    return render(request, "safety/plan_form.html", {"form": form, "is_new": existing is None})


@member_required
@require_POST
def plan_reviewed(request):
    services.record_plan_review(request.user)
    messages.success(request, "Thank you for reading through your plan.")
    return _back(request, "safety:plan")


@login_required
@require_POST
def safe_now(request):
    services.mark_safe_now(request.user)
    messages.success(request, "Thank you for letting us know. Help is always one tap away: \u201cNeed help now?\u201d")
    return _back(request)


@login_required
@require_POST
def answer(request, public_id):
    """The answer to a gentle question: a plain form POST that goes back to the page, or htmx in place."""
    question = selectors.question_for(request.user, public_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose Yes, Not sure or No.")
        return _back(request)
    opened = bool(services.answer_question(request.user, question=question, answer=form.cleaned_data["answer"]))
    if request.htmx:
        return render(request, "safety/_answered.html", {"opened": opened})
    if opened:
        messages.info(request, "Thank you for telling us. Here is some support, right now.")
    else:
        messages.success(request, "Thank you for answering. If that changes, help is always one tap away.")
    return _back(request)


@login_required
@require_POST
def fold(request):
    services.fold_panel(request.user)
    return _back(request)


@login_required
def follow_up(request, public_id):
    event = selectors.risk_event_for(request.user, public_id)
    form = ReachedPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_reached_person(request.user, reached=form.cleaned_data["reached"])
        event.refresh_from_db()
        if event.is_open:
            messages.info(request, "Thank you. One more step: look through your safety plan.")
        else:
            messages.success(request, "Thank you for checking in. Your plan and these lines are always here.")
            return redirect("core:home")
    return render(
        request,
        "safety/follow_up.html",
        {
            "event": event,
            "form": form,
            "plan": selectors.safety_plan_for(request.user),
            "resources": crisis_resources(region_for_country(request.user.country)),
        },
    )
