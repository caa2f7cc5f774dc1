import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from trustrepair.core import places, session_choices
from trustrepair.core.access import public, staff_required, therapist_required
from trustrepair.core.http import client_address
from trustrepair.core.page_cache import person_page
from trustrepair.directory import photos, selectors, services
from trustrepair.directory.forms import (
    ImportForm,
    LicenceForm,
    LicenceVerifyForm,
    ListFilterForm,
    MatchForm,
    PhotoForm,
    ProfileForm,
    ReasonForm,
    ReviewForm,
    StaffSearchForm,
    SuspendForm,
    TermForm,
)
from trustrepair.directory.models import Specialty

LIST_FILTER = "directory.list"  # session key: the chosen specialty (never in the address)
FIND_ANSWERS = "directory.find"  # session key: the questionnaire's answers
# Answers a link may still carry: they say nothing about why someone seeks therapy.
# Where the person will be (a country or state) decides whose licence applies; it says nothing about why.
FIND_FROM_LINK = ("format", "mode", "where", "language", "budget", "budget_currency")


@public
@person_page
def directory(request):
    specialties = list(Specialty.objects.filter(is_active=True))
    if request.method == "POST":
        # The specialty says why someone seeks help: it goes into the session. The other filters (format, mode,
        # language, fee, …) say nothing sensitive and stay in the address, so a page can be shared or paged.
        session_choices.remember(request, LIST_FILTER, request.POST, fields=["specialty"])
        query = QueryDict(mutable=True)
        for name in ListFilterForm.base_fields:
            for value in request.POST.getlist(name):
                if value:
                    query.appendlist(name, value)
        return redirect(reverse("directory:list") + (f"?{query.urlencode()}" if query else ""))
    remembered = session_choices.recall(request, LIST_FILTER) or {}
    specialty = remembered.get("specialty", "")
    specialty = specialty if specialty in {s.slug for s in specialties} else ""
    filters = ListFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    profiles = selectors.directory_page(specialty=specialty, **chosen)
    page = Paginator(profiles, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "specialties": specialties,
        "chosen_specialty": specialty,
        "filters": filters,
        "query": query.urlencode(),
        "viewer_zone": request.user.time_zone if request.user.is_authenticated else "UTC",
    }
    return render(request, "directory/list.html", context)


@public
def profile(request, public_id):
    therapist = selectors.profile_by_public_id(public_id)
    context = {"profile": therapist, "licences": selectors.verified_licences(therapist)}
    return render(request, "directory/profile.html", context)


@public
def photo(request, digest):
    """A therapist's photo by the hash of its bytes: immutable, so cached for a year; nosniff always."""
    found = selectors.photo_by_digest(digest, viewer=request.user)
    response = HttpResponse(bytes(found.data), content_type=found.content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


def _initial_answers(user) -> dict:
    """Prefill from the person's trust profile (measures) and their place, keeping only answers the form shows."""
    prefs = selectors.profile_preferences_for(user)
    if user.is_authenticated and user.place_is_complete:
        prefs["where"] = user.place
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
        zone = request.user.time_zone if request.user.is_authenticated else "UTC"
        match_request = form.match_request(time_zone=zone)
        person = str(request.user.public_id) if request.user.is_authenticated else ""
        results = selectors.match(match_request, seed=selectors.daily_seed(person))
    where = form.cleaned_data.get("where") if asked and form.is_valid() else ""
    context = {
        "form": form,
        "results": results,
        "asked": asked,
        "place": form.place,
        "where_label": places.label(where) if where else "",
        "viewer_zone": request.user.time_zone if request.user.is_authenticated else "UTC",
    }
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
    context = {
        "form": form,
        "profile": current,
        "photo_form": PhotoForm(),
        "licences": current.licences.all() if current else [],
        "decisions": current.decisions.all()[:10] if current else [],
    }
    return render(request, "directory/my_profile.html", context)


@therapist_required
@require_POST
def my_photo(request):
    form = PhotoForm(request.POST, request.FILES)
    if selectors.own_profile(request.user) is None:
        messages.error(request, "Save your profile first, then add a photo.")
        return redirect("directory:my_profile")
    if form.is_valid():
        try:
            services.set_photo(request.user, data=form.cleaned_data["photo"].read(photos.MAX_UPLOAD_BYTES + 1))
        except photos.PhotoRejected as exc:
            form.add_error("photo", str(exc))
        else:
            messages.success(request, "Photo saved.")
            return redirect("directory:my_profile")
    current = selectors.own_profile(request.user)
    context = {
        "form": ProfileForm(instance=current),
        "profile": current,
        "photo_form": form,
        "licences": current.licences.all(),
        "decisions": current.decisions.all()[:10],
    }
    return render(request, "directory/my_profile.html", context, status=400)


@therapist_required
@require_POST
def my_photo_remove(request):
    services.remove_photo(request.user)
    messages.success(request, "Photo removed.")
    return redirect("directory:my_profile")


@therapist_required
@require_http_methods(["GET", "POST"])
def my_licence_add(request):
    if selectors.own_profile(request.user) is None:
        messages.error(request, "Save your profile first, then add your licences.")
        return redirect("directory:my_profile")
    form = LicenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_licence(
            request.user, kind=data["kind"], body=data["body"], title=data["title"], number=data["number"],
            areas=data["area_list"],
        )  # fmt: skip
        messages.success(request, "Added. Staff will verify it with the board or register before it counts.")
        return redirect("directory:my_profile")
    return render(request, "directory/licence_form.html", {"form": form}, status=400 if form.errors else 200)


@therapist_required
@require_POST
def my_licence_remove(request, public_id):
    if services.remove_licence(request.user, public_id=public_id):
        messages.success(request, "Removed.")
    return redirect("directory:my_profile")


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


def _review_context(therapist, *, form=None, failed=None) -> dict:
    """The staff page for one therapist. Each small form gets its own element ids (the page holds several);
    `failed` = (which, key, bound form) puts a form with errors back where it was."""

    def pick(which, key, blank):
        if failed and failed[0] == which and failed[1] == key:
            return failed[2]
        return blank

    licences = [
        (
            licence,
            pick("verify", licence.pk, LicenceVerifyForm(auto_id=f"id_verify{licence.pk}_%s")),
            pick("reject", licence.pk, ReasonForm(auto_id=f"id_reject{licence.pk}_%s")),
        )
        for licence in therapist.licences.all()
    ]
    return {
        "profile": therapist,
        "form": form or ReviewForm(),
        "licences": licences,
        "status_form": pick(
            "status",
            None,
            (ReasonForm if therapist.status == therapist.Status.SUSPENDED else SuspendForm)(auto_id="id_status_%s"),
        ),
        "listing_form": pick("listing", None, ReasonForm(auto_id="id_listing_%s")),
        "decisions": therapist.decisions.select_related("actor")[:20],
    }


@staff_required
@require_http_methods(["GET", "POST"])
def staff_review(request, public_id):
    therapist = selectors.profile_for_staff(public_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "verify":
            if not any(licence.is_verified for licence in therapist.licences.all()):
                form.add_error("decision", "Verify at least one licence or register membership first.")
                return render(request, "directory/staff_review.html", _review_context(therapist, form=form), status=400)
            services.verify_profile(request.user, profile=therapist)
            messages.success(request, f"{therapist.name} is verified.")
        else:
            services.return_profile(request.user, profile=therapist, note=form.cleaned_data["note"])
            messages.success(request, f"{therapist.name}'s profile went back with your note.")
        return redirect("directory:staff_queue")
    if request.method == "GET":
        services.read_for_review(request.user, profile=therapist, ip_address=client_address(request))
    return render(request, "directory/staff_review.html", _review_context(therapist, form=form))


@staff_required
def staff_therapists(request):
    """Every therapist profile, searchable, with the decisions staff can take."""
    search = StaffSearchForm(request.GET or None)
    data = search.cleaned_data if search.is_valid() else {}
    profiles = selectors.profiles_for_staff(query=data.get("q", ""), status=data.get("status", ""))
    page = Paginator(profiles, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "directory/staff_therapists.html", {"search": search, "page": page, "query": query.urlencode()}
    )


def _staff_decision(request, public_id, decide, done: str, which: str, form_class=ReasonForm):
    therapist = selectors.profile_for_staff(public_id)
    form = form_class(request.POST, auto_id=f"id_{which}_%s")
    if form.is_valid():
        try:
            decide(request.user, profile=therapist, **form.cleaned_data)
        except services.DecisionRefused as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(request, done.format(name=therapist.name))
            return redirect("directory:staff_review", public_id=therapist.public_id)
    context = _review_context(therapist, failed=(which, None, form))
    return render(request, "directory/staff_review.html", context, status=400)


@staff_required
@require_POST
def staff_suspend(request, public_id):
    return _staff_decision(
        request,
        public_id,
        services.suspend_profile,
        "{name} is suspended; their waiting requests are cancelled (and, for cause, their confirmed appointments).",
        "status",
        form_class=SuspendForm,
    )


@staff_required
@require_POST
def staff_reinstate(request, public_id):
    return _staff_decision(request, public_id, services.reinstate_profile, "{name} is reinstated.", "status")


@staff_required
@require_POST
def staff_unlist(request, public_id):
    def unlist(staff, *, profile, reason):
        return services.set_unlisted_by_staff(staff, profile=profile, unlisted=True, reason=reason)

    return _staff_decision(request, public_id, unlist, "{name} is out of the directory.", "listing")


@staff_required
@require_POST
def staff_relist(request, public_id):
    def relist(staff, *, profile, reason):
        return services.set_unlisted_by_staff(staff, profile=profile, unlisted=False, reason=reason)

    return _staff_decision(
        request,
        public_id,
        relist,
        "{name} is back in the directory (if they still want to be listed).",
        "listing",
    )


@staff_required
@require_POST
def staff_licence_verify(request, public_id):
    licence = selectors.licence_for_staff(public_id)
    form = LicenceVerifyForm(request.POST, auto_id=f"id_verify{licence.pk}_%s")
    if form.is_valid():
        services.verify_licence(request.user, licence=licence, compact=form.cleaned_data["compact"])
        messages.success(request, f"{licence.title} {licence.number} is verified.")
        return redirect("directory:staff_review", public_id=licence.profile.public_id)
    context = _review_context(licence.profile, failed=("verify", licence.pk, form))
    return render(request, "directory/staff_review.html", context, status=400)


@staff_required
@require_POST
def staff_licence_reject(request, public_id):
    licence = selectors.licence_for_staff(public_id)
    profile = licence.profile
    form = ReasonForm(request.POST, auto_id=f"id_reject{licence.pk}_%s")
    if form.is_valid():
        services.reject_licence(request.user, licence=licence, reason=form.cleaned_data["reason"])
        messages.success(request, "Not accepted; the therapist can read why.")
        return redirect("directory:staff_review", public_id=profile.public_id)
    context = _review_context(profile, failed=("reject", licence.pk, form))
    return render(request, "directory/staff_review.html", context, status=400)


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
