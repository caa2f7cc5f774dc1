"""The couples pages. Every page of the shared space goes through `shared_space`, which shows the safety
gate's page instead of the feature whenever the space is not open for this person — for the partner who did
not close it, exactly the "waiting for your partner" page, whatever the URL (polls and posts included).
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from trustrepair.accounts.services import end_other_sessions
from trustrepair.core.access import _mark, member_required
from trustrepair.core.page_cache import person_page
from trustrepair.couples import forms, lessons, selectors, services
from trustrepair.couples.models import CycleMap, RupturePart, WindowPart


def _resources(user) -> dict:
    from trustrepair.safety.resources import crisis_resources, region_for_country

    return crisis_resources(region_for_country(user.country or ""))


def gate_page(request, space):
    """The page for a space that is not open: the same response for the same person whatever the URL."""
    context = {"space": space}
    if space.state == "unlinked":
        template = "couples/link.html"
        context.update(code_form=forms.CodeForm(), email_form=forms.EmailInviteForm())
    elif space.state == "screen":
        template = "couples/screen.html"
        context["form"] = forms.ScreenForm()
    elif space.state == "closed":
        template = "couples/closed.html"
        context.update(resources=_resources(request.user), form=forms.ScreenForm())
    else:
        template = "couples/waiting.html"
    return render(request, template, context)


def shared_space(view):
    """Members only; the view runs only while the space is open for this person."""

    @member_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        space = selectors.space_for(request.user)
        if not space.is_open:
            return gate_page(request, space)
        return view(request, space, *args, **kwargs)

    return wrapper


def _posted(request):
    return request.POST if request.method == "POST" else None


# ---- home, linking, unlinking ---------------------------------------------------------------------------
@shared_space
@require_safe
@person_page
def home(request, space):
    couple = space.couple
    return render(
        request,
        "couples/home.html",
        {
            "space": space,
            "partner": couple.other(request.user),
            "windows": list(selectors.windows_for(couple)[:5]),
            "ruptures": list(selectors.ruptures_for(couple)[:5]),
            "check_ins": selectors.check_ins_for(couple, request.user, limit=3),
        },
    )


def _unlinked_only(request):
    space = selectors.space_for(request.user)
    return None if space.state == "unlinked" else redirect("couples:home")


@member_required
@require_POST
def invite_code(request):
    if (sent := _unlinked_only(request)) is not None:
        return sent
    _invitation, code = services.create_invitation(request.user)
    return render(
        request,
        "couples/link.html",
        {
            "space": selectors.Space("unlinked"),
            "code": code,
            "code_form": forms.CodeForm(),
            "email_form": forms.EmailInviteForm(),
        },
    )


@member_required
@require_POST
def invite_email(request):
    if (sent := _unlinked_only(request)) is not None:
        return sent
    form = forms.EmailInviteForm(request.POST)
    if form.is_valid():
        services.invite_by_email(request.user, address=form.cleaned_data["address"])
        # The same words whether or not the address has an account here.
        messages.success(request, "If that address can receive email, a code is on its way. It works once, for 7 days.")
        return redirect("couples:home")
    return render(
        request,
        "couples/link.html",
        {"space": selectors.Space("unlinked"), "code_form": forms.CodeForm(), "email_form": form},
    )


@member_required
def join(request):
    if (sent := _unlinked_only(request)) is not None:
        return sent
    form = forms.CodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_invitation(request.user, code=form.cleaned_data["code"])
        except services.CouplesError as error:
            form.add_error("code", error.message)
        else:
            messages.success(
                request, "You are linked. Before anything is shared, each of you answers a few private questions."
            )
            return redirect("couples:home")
    return render(
        request,
        "couples/link.html",
        {"space": selectors.Space("unlinked"), "code_form": form, "email_form": forms.EmailInviteForm()},
    )


@member_required
def unlink(request):
    space = selectors.space_for(request.user)
    if space.state == "unlinked":
        return redirect("couples:home")
    if request.method == "POST":
        services.unlink(request.user)
        messages.success(request, "You are no longer linked. Your own entries are still yours, and private.")
        return redirect("couples:home")
    return render(request, "couples/unlink.html", {"space": space})


# ---- the safety gate --------------------------------------------------------------------------------
@member_required
@require_POST
def screen(request):
    space = selectors.space_for(request.user)
    if space.state not in ("screen", "closed"):
        return gate_page(request, space) if not space.is_open else redirect("couples:home")
    form = forms.ScreenForm(request.POST)
    if not form.is_valid():
        template = "couples/screen.html" if space.state == "screen" else "couples/closed.html"
        return render(request, template, {"space": space, "form": form, "resources": _resources(request.user)})
    services.record_screen(request.user, answers=form.cleaned_data)
    return redirect("couples:home")


@member_required
@require_POST
def unsafe(request):
    """ "I don't feel safe": one tap, from every couples page."""
    services.close_space(request.user)
    return redirect("couples:home")


@member_required
@require_POST
def sign_out_others(request):
    ended = end_other_sessions(request.user, keep_session_key=request.session.session_key)
    messages.success(
        request,
        f"Signed out of {ended} other device{'s' if ended != 1 else ''}."
        if ended
        else "No other device was signed in.",
    )
    return redirect("couples:home")


# ---- sharing: the preview is the partner's own rendering -----------------------------------------------
def _save_and_tell(request, held: bool, done_message: str):
    if held:
        messages.warning(
            request,
            "We have kept this private for now, and nothing of it was shared. If you do not feel safe, the "
            "button “I don't feel safe” at the top of this page closes the shared space at once.",
        )
    else:
        messages.success(request, done_message)


# ---- the Transparency Window --------------------------------------------------------------------------
@shared_space
def window_new(request, space):
    form = forms.WindowForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            window, held = services.propose_window(request.user, couple=space.couple, **form.cleaned_data)
        except services.CouplesError as error:
            form.add_error(None, error.message)
        else:
            if held:
                _save_and_tell(request, True, "")
                return redirect("couples:home")
            return redirect(window)
    return render(request, "couples/window_new.html", {"space": space, "form": form})


def _window_context(request, space, window) -> dict:
    slot = space.couple.slot(request.user)
    return {
        "space": space,
        "window": window,
        "slot": slot,
        "is_proposer": window.proposer_slot == slot,
        "my_rating": getattr(window, f"rating_{slot}"),
        "i_am_present": getattr(window, f"present_{slot}"),
        "i_chose_continue": getattr(window, f"continue_{slot}"),
        "remaining": window.remaining(),
        "rating_form": forms.RatingForm(),
    }


@shared_space
@require_safe
def window(request, space, public_id):
    window = services.finish_if_time_up(selectors.window_for(space.couple, public_id))
    context = _window_context(request, space, window)
    if window.status == window.Status.ENDED:
        part = window.parts.get(owner=request.user)
        context.update(
            summary=selectors.shared_summary(window, request.user),
            form=forms.ReflectionForm(
                initial={"reflection": part.reflection, "sharing": part.sharing, "ratings_shared": part.ratings_shared}
            ),
        )
    return render(request, "couples/window.html", context)


def _live(request, public_id):
    """The poll: about once a second from each screen. One indexed query reads the window, its couple, this
    person's membership and consent; the response is the live fragment, or the gate page when the space is
    not open for this person (exactly as every other couples URL)."""
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if user.role not in ("client", "partner"):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("This page is not part of your account.")
    window, consented = selectors.live_window(user, public_id)
    if consented is False:
        return redirect("accounts:consents")
    if window is None:
        space = selectors.space_for(user)
        if space.is_open:
            raise Http404
        return gate_page(request, space)
    window = services.finish_if_time_up(window)
    slot = window.couple.slot(user)
    return TemplateResponse(
        request,
        "couples/window.html#live",
        {
            "window": window,
            "slot": slot,
            "my_rating": getattr(window, f"rating_{slot}"),
            "i_am_present": getattr(window, f"present_{slot}"),
            "i_chose_continue": getattr(window, f"continue_{slot}"),
            "remaining": window.remaining(),
            "is_proposer": window.proposer_slot == slot,
        },
    )


live = _mark(require_safe(_live), "role:client,partner")


def _window_action(action):
    @shared_space
    @require_POST
    def view(request, space, public_id):
        window = selectors.window_for(space.couple, public_id)
        try:
            action(request, window)
        except services.CouplesError as error:
            messages.error(request, error.message)
        if request.htmx:
            return _live(request, public_id)
        return redirect(window)

    return view


window_accept = _window_action(lambda r, w: services.answer_window(r.user, w, accept=True))
window_decline = _window_action(lambda r, w: services.answer_window(r.user, w, accept=False))
window_present = _window_action(lambda r, w: services.mark_present(r.user, w))
window_continue = _window_action(lambda r, w: services.choose_continue(r.user, w))
window_end = _window_action(lambda r, w: services.end_window(r.user, w))


def _rate(request, window):
    form = forms.RatingForm(request.POST)
    if not form.is_valid():
        raise services.CouplesError("Choose a number from 0 to 10.")
    services.rate(request.user, window, value=form.cleaned_data["value"])


window_rate = _window_action(_rate)


@shared_space
@require_POST
def window_reflection(request, space, public_id):
    window = selectors.window_for(space.couple, public_id)
    part = WindowPart.objects.filter(window=window, owner=request.user).first()
    if part is None or window.status != window.Status.ENDED:
        raise Http404
    form = forms.ReflectionForm(request.POST)
    if form.is_valid():
        held = services.save_reflection(request.user, part, **form.cleaned_data)
        _save_and_tell(request, held, "Saved. Your partner sees exactly what the preview shows.")
        return redirect(window)
    context = _window_context(request, space, window)
    context.update(summary=selectors.shared_summary(window, request.user), form=form)
    return render(request, "couples/window.html", context)


# ---- rupture and repair ------------------------------------------------------------------------------
@shared_space
@require_safe
def repair(request, space):
    mine, theirs = selectors.cycle_for(space.couple, request.user)
    return render(
        request,
        "couples/repair.html",
        {
            "space": space,
            "ruptures": selectors.ruptures_for(space.couple),
            "cycle_form": forms.CycleForm(
                initial={"moves": mine.moves if mine else [], "sharing": mine.sharing if mine else "private"}
            ),
            "my_cycle": mine,
            "their_cycle": theirs,
            "moves": dict(CycleMap.MOVES),
        },
    )


@shared_space
def rupture_new(request, space):
    form = forms.RuptureForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        rupture, held = services.log_rupture(request.user, couple=space.couple, **data)
        _save_and_tell(request, held, "Logged. Each of you can add your own account.")
        return redirect(rupture)
    return render(request, "couples/rupture_new.html", {"space": space, "form": form})


@shared_space
def rupture(request, space, public_id):
    rupture = selectors.rupture_for(space.couple, public_id)
    parts = list(rupture.parts.all())
    mine, theirs = selectors.split_parts(parts, request.user)
    if mine is None:
        raise Http404
    form = forms.RuptureForm(_posted(request), instance=mine, initial={"sharing": mine.sharing})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        held = services.save_rupture_part(request.user, mine, **data)
        _save_and_tell(request, held, "Saved. Your partner sees exactly what the preview shows.")
        return redirect(rupture)
    return render(
        request,
        "couples/rupture.html",
        {"space": space, "rupture": rupture, "mine": mine, "theirs": theirs, "form": form},
    )


@shared_space
@require_POST
def rupture_repaired(request, space, public_id):
    rupture = selectors.rupture_for(space.couple, public_id)
    mine = RupturePart.objects.filter(rupture=rupture, owner=request.user).first()
    if mine is None:
        raise Http404
    services.mark_repaired(request.user, mine, repaired=request.POST.get("repaired") != "no")
    return redirect(rupture)


@shared_space
@require_POST
def cycle(request, space):
    form = forms.CycleForm(request.POST)
    if form.is_valid():
        services.save_cycle_map(request.user, couple=space.couple, **form.cleaned_data)
        messages.success(request, "Saved.")
    return redirect("couples:repair")


# ---- weekly check-in ---------------------------------------------------------------------------------
@shared_space
def check_in(request, space):
    form = forms.CheckInForm(_posted(request), initial={"safe": 5, "connected": 5, "trusting": 5})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        _part, held = services.save_check_in(request.user, couple=space.couple, **data)
        _save_and_tell(request, held, "Saved. Your answers appear beside your partner's once you have both answered.")
        return redirect("couples:check_in")
    return render(
        request,
        "couples/check_in.html",
        {
            "space": space,
            "form": form,
            "weeks": selectors.check_ins_for(space.couple, request.user),
            "trend": selectors.my_check_in_trend(request.user),
        },
    )


# ---- a partner's own space (individual: not behind the gate) -------------------------------------------
@member_required
@require_safe
def own_space(request):
    return render(request, "couples/own_space.html", {"lessons": lessons.all_lessons()})


@member_required
@require_safe
def lesson(request, slug):
    found = lessons.all_lessons().get(slug)
    if found is None:
        raise Http404
    return render(request, "couples/lesson.html", {"lesson": found})
