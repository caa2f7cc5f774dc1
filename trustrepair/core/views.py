import json

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from trustrepair.core import audit, privacy
from trustrepair.core.access import login_required, public
from trustrepair.core.forms import EraseAccountForm


@public
@never_cache
@require_http_methods(["GET", "POST"])
def quick_exit(request):
    """Sign out at once and leave for the neutral site.

    With JavaScript, the page sends a POST here as a beacon (with the CSRF token) and replaces itself
    with the neutral site without waiting. Without JavaScript, the Quick exit link itself comes here by
    GET. A GET that signs out lets another site sign a person out (and nothing more); that is accepted
    on purpose, because someone escaping danger must be signed out by a plain link too
    (docs/decisions.md, "Quick exit signs out on GET").
    """
    logout(request)
    if request.method == "POST":
        return HttpResponse(status=204)
    return redirect(settings.QUICK_EXIT_URL)


quick_exit.ends_session = True


@public
def home(request):
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    if _uses_today(request.user):
        if request.user.needs_onboarding:
            return redirect("accounts:welcome")
        from trustrepair.exercises.views import today_context

        context = {**today_context(request), "sections": dashboard_sections(request.user)}
        return render(request, "exercises/today.html", context)
    return render(request, "core/dashboard.html", {"sections": dashboard_sections(request.user)})


def _uses_today(user) -> bool:
    """Clients and partners who agreed to their words being stored get Today, the daily home (issue 11)."""
    from trustrepair.core.access import ROLES_THAT_NEED_HEALTH_CONSENT, has_health_data_consent

    return user.role in ROLES_THAT_NEED_HEALTH_CONSENT and has_health_data_consent(user)


def dashboard_sections(user) -> list[dict]:
    """Each app may offer a card on the home page through `dashboard.py`; see core.dashboard."""
    from trustrepair.core.dashboard import sections_for

    return sections_for(user)


@public
def styleguide(request):
    """The design system on one page (issue 11): every token and component. Public: it shows no one's data."""
    from trustrepair.core.templatetags.ui import ICONS

    tokens = {
        "colours": [
            "bg",
            "surface",
            "surface-2",
            "text",
            "muted",
            "border",
            "accent",
            "accent-soft",
            "focus",
            "ok",
            "ok-soft",
            "warn",
            "warn-soft",
            "danger",
            "crisis-bg",
            "crisis-text",
        ],
        "type": ["text-xs", "text-sm", "text-md", "text-lg", "text-xl", "text-2xl", "text-3xl"],
        "space": ["space-1", "space-2", "space-3", "space-4", "space-5", "space-6", "space-7"],
        "radius": ["radius-sm", "radius", "radius-lg", "radius-pill"],
    }
    bands = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 19, "moderately severe"), (20, 27, "severe")]
    return render(request, "core/styleguide.html", {"tokens": tokens, "icons": sorted(ICONS), "bands": bands})


@public
def terms(request):
    return render(request, "core/terms.html")


@public
def privacy_notice(request):
    return render(request, "core/privacy.html")


@login_required
def my_data(request):
    events = audit.who_looked(request.user)[:50]
    return render(request, "core/my_data.html", {"events": events, "sections": privacy.contributors()})


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def export_download(request):
    if request.method == "GET":
        return render(request, "core/export.html")
    data = privacy.export_user_data(request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="trustrepair-data-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def erase_account(request):
    form = EraseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy.erase_user(user)
        messages.success(request, "Your account and everything you wrote here have been erased.")
        return redirect("core:erased")
    return render(request, "core/erase.html", {"form": form})


@public
def erased(request):
    return render(request, "core/erased.html")


@public
def csrf_failure(request, reason=""):
    # Usually an expired page. The form's text is kept in this tab's drafts and comes back.
    return render(request, "core/csrf_failure.html", status=403)
