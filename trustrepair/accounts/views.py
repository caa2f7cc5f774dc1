from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from trustrepair.accounts import services
from trustrepair.accounts.consent import CURRENT_VERSIONS, REQUIRED_AT_SIGNUP
from trustrepair.accounts.forms import ProfileForm, WelcomeForm
from trustrepair.accounts.models import ConsentRecord
from trustrepair.core.access import login_required, member_required


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, **form.cleaned_data)
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def consents(request):
    records = ConsentRecord.objects.filter(user=request.user)
    active = {r.kind for r in records if r.is_active}
    kinds = [
        {
            "kind": kind,
            "label": label,
            "is_active": kind in active,
            "version": CURRENT_VERSIONS[kind],
            "is_required": kind in REQUIRED_AT_SIGNUP,
        }
        for kind, label in ConsentRecord.Kind.choices
    ]
    return render(request, "accounts/consents.html", {"records": records, "kinds": kinds})


@login_required
@require_POST
def consent_grant(request, kind):
    if kind not in ConsentRecord.Kind.values:
        messages.error(request, "That is not something you can agree to here.")
        return redirect("accounts:consents")
    services.grant_consent(request.user, kind=kind)
    messages.success(request, "Thank you, your agreement is recorded.")
    return redirect("accounts:consents")


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def consent_revoke(request, kind):
    if kind not in ConsentRecord.Kind.values:
        messages.error(request, "That is not something you agreed to.")
        return redirect("accounts:consents")
    if request.method == "GET":
        label = ConsentRecord.Kind(kind).label
        return render(request, "accounts/consent_revoke.html", {"kind": kind, "label": label})
    services.revoke_consent(request.user, kind=kind)
    messages.success(request, "Your agreement is withdrawn, from now on.")
    return redirect("accounts:consents")


# ---- the first run (issue 11): what brings you here, the two-minute self-check, a plan in words -----------
@member_required
@require_http_methods(["GET", "POST"])
def welcome(request):
    form = WelcomeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_welcome(
            request.user,
            joined_for=data["joined_for"],
            time_zone=data["time_zone"],
            country=data["country"],
            subdivision=data["subdivision"],
        )
        return redirect("accounts:welcome_self_check")
    return render(request, "accounts/welcome.html", {"form": form})


@member_required
@require_http_methods(["GET"])
def welcome_self_check(request):
    return render(request, "accounts/welcome_self_check.html")


@member_required
@require_http_methods(["GET", "POST"])
def welcome_plan(request):
    from trustrepair.accounts.onboarding import plan_for
    from trustrepair.measures.selectors import trust_profile_for

    if request.method == "POST":
        services.end_onboarding(request.user)
        return redirect("core:home")
    plan = plan_for(
        joined_for=request.user.joined_for, profile=trust_profile_for(request.user), is_client=request.user.is_client
    )
    return render(request, "accounts/welcome_plan.html", {"plan": plan})
