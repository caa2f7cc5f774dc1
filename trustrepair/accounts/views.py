from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from trustrepair.accounts import services
from trustrepair.accounts.consent import CURRENT_VERSIONS, REQUIRED_AT_SIGNUP
from trustrepair.accounts.forms import ProfileForm
from trustrepair.accounts.models import ConsentRecord
from trustrepair.core.access import login_required


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
