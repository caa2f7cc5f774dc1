import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from trustrepair.core import session_choices
from trustrepair.core.access import public, staff_required, therapist_required
from trustrepair.core.http import client_address
from trustrepair.directory import matching, selectors, services
from trustrepair.directory.forms import ImportForm, MatchForm, ProfileForm, ReviewForm, TermForm
from trustrepair.directory.models import Specialty

LIST_FILTER = "directory.list"  # session key: the chosen specialty (never in the address)
FIND_ANSWERS = "directory.find"  # session key: the questionnaire's answers
# Answers a link may still carry: they say nothing about why someone seeks therapy.
FIND_FROM_LINK = ("format", "mode", "language", "budget")


@public
def directory(request):
    specialties = list(Specialty.objects.filter(is_active=True))
    if request.method == "POST":
        session_choices.remember(request, LIST_FILTER, request.POST, fields=["specialty"])
        format_ = request.POST.get("format", "")
        query = f"?format={format_}" if format_ in matching.FORMATS else ""
        return redirect(reverse("directory:list") + query)
    remembered = session_choices.recall(request, LIST_FILTER) or {}
    specialty = remembered.get("specialty", "")
    specialty = specialty if specialty in {s.slug for s in specialties} else ""
    format_ = request.GET.get("format", "")
    format_ = format_ if format_ in matching.FORMATS else ""
    profiles = selectors.directory_page(specialty=specialty, format=format_)
    page = Paginator(profiles, 20).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "specialties": specialties,
        "formats": matching.FORMATS,
        "chosen_specialty": specialty,
        "chosen_format": format_,
    }
    return render(request, "directory/list.html", context)


@public
def profile(request, public_id):
    therapist = selectors.profile_by_public_id(public_id)
    return render(request, "directory/profile.html", {"profile": therapist})


def _initial_answers(user) -> dict:
    """Prefill from the person's trust profile (measures), keeping only answers the form can show."""
    prefs = selectors.profile_preferences_for(user)
    allowed = set(MatchForm.base_fields)
    return {k: v for k, v in prefs.items() if k in allowed}


@public
def find(request):
    """The questionnaire is posted; its answers are kept in the session and the results page reads them."""
    if request.method == "POST":
        session_choices.remember(request, FIND_ANSWERS, request.POST, fields=MatchForm.base_fields)
        return redirect(reverse("directory:find") + "?answers=1")
    remembered = session_choices.recall(request, FIND_ANSWERS)
    if "answers" in request.GET and remembered is not None:
        data = remembered
    elif "format" in request.GET:  # an old or shared link: only the answers that say nothing sensitive
        data = QueryDict(mutable=True)
        for name in FIND_FROM_LINK:
            if name in request.GET:
                data[name] = request.GET[name]
    else:
        data = None
    asked = data is not None
    initial = session_choices.initial_from(remembered, MatchForm) or _initial_answers(request.user)
    form = MatchForm(data, initial=initial)
    results = None
    if asked and form.is_valid():
        match_request = form.match_request()
        person = str(request.user.public_id) if request.user.is_authenticated else ""
        results = selectors.match(match_request, seed=selectors.daily_seed(person))
    context = {"form": form, "results": results, "asked": asked, "place": form.place}
    return render(request, "directory/find.html", context)


@therapist_required
def my_profile(request):
    current = selectors.own_profile(request.user)
    form = ProfileForm(request.POST or None, instance=current)
    if current is None and request.method != "POST":
        form.initial.setdefault("name", request.user.display_name)
    if request.method == "POST" and form.is_valid():
        data = form.profile_fields()
        modalities, specialties = data.pop("modalities"), data.pop("specialties")
        saved = services.save_profile(request.user, modalities=modalities, specialties=specialties, **data)
        messages.success(request, _saved_message(saved))
        return redirect("directory:my_profile")
    return render(request, "directory/my_profile.html", {"form": form, "profile": current})


def _saved_message(profile) -> str:
    if profile.is_listed:
        return "Saved. Your profile is listed in the directory."
    if profile.status == profile.Status.AWAITING:
        return "Saved. Staff will verify your licence before your profile is listed."
    return "Saved. Your profile is not listed; tick “list me in the directory” when you are ready."


@staff_required
def staff_queue(request):
    context = {
        "queue": selectors.verification_queue(),
        "suspended": selectors.suspended_profiles(),
        "terms": selectors.terms(),
        "term_form": TermForm(),
        "import_form": ImportForm(),
    }
    return render(request, "directory/staff_queue.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def staff_review(request, public_id):
    therapist = selectors.profile_for_staff(public_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        if decision == "verify":
            services.verify_profile(request.user, profile=therapist)
            messages.success(request, f"{therapist.name} is verified.")
        elif decision == "suspend":
            for_cause = form.cleaned_data["for_cause"]
            services.suspend_profile(
                request.user, profile=therapist, reason=form.cleaned_data["note"], for_cause=for_cause
            )
            messages.success(
                request,
                f"{therapist.name} is suspended. Pending requests"
                + (" and confirmed appointments" if for_cause else "")
                + " were cancelled and the clients told.",
            )
        else:
            services.return_profile(request.user, profile=therapist, note=form.cleaned_data["note"])
            messages.success(request, f"{therapist.name}'s profile went back with your note.")
        return redirect("directory:staff_queue")
    if request.method == "GET":
        services.read_for_review(request.user, profile=therapist, ip_address=client_address(request))
    return render(request, "directory/staff_review.html", {"profile": therapist, "form": form})


@staff_required
@require_POST
def staff_term_add(request):
    form = TermForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        services.add_term(kind=data["kind"], slug=data["slug"], name=data["name"], description=data["description"])
        messages.success(request, f"Added “{data['name']}”.")
        return redirect("directory:staff_queue")
    context = {
        "queue": selectors.verification_queue(),
        "terms": selectors.terms(),
        "term_form": form,
        "import_form": ImportForm(),
    }
    return render(request, "directory/staff_queue.html", context, status=400)


@staff_required
@require_POST
def staff_term_toggle(request, kind, slug):
    if kind not in ("modality", "specialty"):
        return redirect("directory:staff_queue")
    is_active = request.POST.get("active") == "1"
    if services.set_term_active(kind=kind, slug=slug, is_active=is_active):
        messages.success(request, "Offered again." if is_active else "No longer offered on new profiles.")
    return redirect("directory:staff_queue")


@staff_required
@require_http_methods(["GET", "POST"])
def staff_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.import_csv(request.user, text=form.cleaned_data["file"])
        if result.ok:
            messages.success(request, f"Imported: {result.created} new, {result.updated} updated.")
            return redirect("directory:staff_queue")
    status = 400 if result is not None and not result.ok else 200
    return render(request, "directory/staff_import.html", {"form": form, "result": result}, status=status)


@staff_required
def staff_export(request):
    buffer = io.StringIO()
    services.export_csv(buffer, reader=request.user, ip_address=client_address(request))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="therapist-directory-{stamp}.csv"'
    return response
