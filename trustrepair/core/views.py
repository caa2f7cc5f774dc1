import json

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from trustrepair.core import data_copy, privacy
from trustrepair.core.access import login_required, public
from trustrepair.core.forms import EraseAccountForm
from trustrepair.core.page_cache import person_page


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
@person_page
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
    return render(request, "core/my_data.html", data_copy.my_data_context(request.user))


def _private(response, filename: str = ""):
    """The person's own data: never indexed, never stored by a browser or anything between."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store, private"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _stamp() -> str:
    return timezone.now().strftime("%Y-%m-%d")


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def export_download(request):
    if request.method == "GET":
        return _private(render(request, "core/export.html"))
    data = privacy.export_user_data(request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    return _private(response, f"trustrepair-data-{_stamp()}.json")


@login_required
@require_GET
@reauthentication_required
def printable_copy(request):
    """Pick the sections, then read or print them. Only ever the signed-in person's own data."""
    chosen = request.GET.getlist("section")
    asked = "show" in request.GET
    if asked and chosen:
        context = data_copy.copy_context(request.user, chosen)
        return _private(render(request, "core/data_copy.html", context))
    context = data_copy.choices_context(request.user, chosen if (asked or chosen) else None)
    return _private(render(request, "core/data_copy_choose.html", {**context, "nothing_ticked": asked}))


@login_required
@require_GET
@reauthentication_required
def table_download(request, slug):
    contributor = privacy.by_slug(slug)
    if contributor is None or contributor.table is None:
        raise Http404
    headers, rows = contributor.table(request.user)
    response = HttpResponse(data_copy.csv_text(headers, rows), content_type="text/csv; charset=utf-8")
    return _private(response, f"trustrepair-{slug}-{_stamp()}.csv")


@login_required
@require_GET
@reauthentication_required
def questionnaires_fhir(request):
    resources = [r for c in privacy.contributors() if c.fhir is not None for r in c.fhir(request.user)]
    response = HttpResponse(
        json.dumps(data_copy.fhir_bundle(resources), indent=2, ensure_ascii=False),
        content_type="application/fhir+json",
    )
    return _private(response, f"trustrepair-questionnaires-{_stamp()}.json")


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
