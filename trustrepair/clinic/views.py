"""The care team's pages. Thin: authorize, parse, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from trustrepair.clinic import caseload, forms, pages, selectors, services
from trustrepair.clinic.services import ClinicError
from trustrepair.core.access import member_required, staff_required, therapist_required
from trustrepair.core.page_cache import person_page

# ---- the client's side --------------------------------------------------------------------------------


@member_required
def my_care(request):
    return render(
        request,
        "clinic/my_care.html",
        {
            "relationships": selectors.relationships_of_client(request.user),
            "form": forms.CodeForm(),
            "appointments": pages.appointments_to_start_from(request.user),
        },
    )


@member_required
def join(request):
    """Step 1: the code. Step 2 (same URL, with confirm): "work with this therapist here"."""
    if request.method != "POST":
        return redirect("clinic:my_care")
    if "confirm" in request.POST or "confirming" in request.POST:
        form = forms.ConfirmCareForm(request.POST)
        if form.is_valid():
            try:
                relationship = services.redeem_code(request.user, form.cleaned_data["code"])
            except ClinicError as refused:
                form.add_error("code", str(refused))
            else:
                messages.success(request, "You are now in care. Nothing is shared until you choose.")
                return redirect(relationship.get_absolute_url())
        therapist = pages.therapist_for_code(form.data.get("code", ""))
        return render(request, "clinic/join_confirm.html", {"form": form, "therapist": therapist}, status=400)
    form = forms.CodeForm(request.POST)
    therapist = pages.therapist_for_code(form.cleaned_data["code"]) if form.is_valid() else None
    if therapist is None:
        if form.is_valid():
            form.add_error("code", services.CODE_REFUSED)
        return render(
            request,
            "clinic/my_care.html",
            {
                "relationships": selectors.relationships_of_client(request.user),
                "form": form,
                "appointments": pages.appointments_to_start_from(request.user),
            },
            status=400,
        )
    confirm = forms.ConfirmCareForm(initial={"code": form.cleaned_data["code"]})
    return render(request, "clinic/join_confirm.html", {"form": confirm, "therapist": therapist})


@member_required
def start_after_appointment(request, appointment_id):
    appointment = pages.appointment_to_start_from(request.user, appointment_id)
    form = forms.ConfirmAppointmentCareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        relationship = services.start_after_appointment(request.user, appointment)
        messages.success(request, "You are now in care. Nothing is shared until you choose.")
        return redirect(relationship.get_absolute_url())
    return render(
        request,
        "clinic/start_confirm.html",
        {"form": form, "therapist": appointment.therapist},
        status=400 if form.errors else 200,
    )


@member_required
def client_care(request, relationship_id):
    relationship = selectors.relationship_for_client(request.user, relationship_id)
    return render(request, "clinic/client_care.html", pages.client_care_page(request.user, relationship))


@member_required
@require_POST
def share(request, relationship_id):
    relationship = selectors.relationship_for_client(request.user, relationship_id)
    form = forms.ShareForm(request.POST)
    if form.is_valid():
        try:
            services.share(relationship, form.cleaned_data["scope"], entry_id=form.cleaned_data["entry"])
        except ClinicError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Shared. Your therapist sees it from their next page.")
    return redirect(relationship.get_absolute_url() + "#sharing")


@member_required
@require_POST
def stop_sharing(request, relationship_id):
    relationship = selectors.relationship_for_client(request.user, relationship_id)
    form = forms.ShareForm(request.POST)
    if form.is_valid():
        entry = form.cleaned_data["entry"] or None
        services.revoke(relationship, form.cleaned_data["scope"], entry_id=entry)
        messages.success(request, "Stopped. Your therapist sees none of it from their next page.")
    return redirect(relationship.get_absolute_url() + "#sharing")


@member_required
def preview(request, relationship_id):
    """Exactly what the therapist sees of the client's shared data, rendered with the therapist's template."""
    relationship = selectors.relationship_for_client(request.user, relationship_id)
    context = pages.shared_view(relationship)
    return render(request, "clinic/preview.html", {**context, "relationship": relationship})


@member_required
def end_care(request, relationship_id):
    relationship = selectors.relationship_for_client(request.user, relationship_id)
    if not relationship.is_active:
        raise Http404("This care has already ended.")
    form = forms.EndCareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.end_care(relationship, by=request.user)
        messages.success(request, "Care has ended. You can find another therapist whenever you like.")
        return redirect("clinic:my_care")
    return render(
        request,
        "clinic/end_care.html",
        {"form": form, "relationship": relationship},
        status=400 if form.errors else 200,
    )


@member_required
def who_has_seen(request):
    return render(request, "clinic/who_has_seen.html", {"events": pages.reads_of(request.user)})


# ---- the therapist's side -----------------------------------------------------------------------------


@therapist_required
@person_page
def caseload_view(request):
    rows = caseload.caseload_for(request.user, audit_request=request)
    return render(request, "clinic/caseload.html", {"rows": rows, "no_signal": caseload.NO_SIGNAL})


@therapist_required
def codes(request):
    new_code = None
    if request.method == "POST":
        new_code, _ = services.issue_code(request.user)
    return render(request, "clinic/codes.html", {"new_code": new_code, "codes": pages.codes_of(request.user)})


@therapist_required
@person_page
def client_page(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    context = pages.shared_view(relationship, reader=request.user, request=request)
    return render(request, "clinic/client_page.html", {**context, **pages.therapist_extras(request.user, relationship)})


@therapist_required
def note_new(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    form = forms.ProgressNoteForm(request.POST or None, initial={"session_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        note = services.save_progress_note(relationship, author=request.user, **form.cleaned_data)
        return redirect(note.get_absolute_url())
    return render(
        request,
        "clinic/note_form.html",
        {"form": form, "relationship": relationship},
        status=400 if form.errors else 200,
    )


@therapist_required
def note(request, note_id):
    note = pages.note_for_author(request.user, note_id)
    form = None
    if not note.is_signed:
        form = forms.ProgressNoteForm(
            request.POST or None,
            initial={n: getattr(note, n) for n in ("format", "session_date", *services.NOTE_FIELDS)},
        )
        if request.method == "POST" and form.is_valid():
            services.save_progress_note(note.relationship, author=request.user, note=note, **form.cleaned_data)
            messages.success(request, "Saved. Sign it when it is final.")
            return redirect(note.get_absolute_url())
    return render(
        request,
        "clinic/note.html",
        {"note": note, "form": form, "addendum_form": forms.AddendumForm()},
        status=400 if form is not None and form.errors else 200,
    )


@therapist_required
@require_POST
def note_sign(request, note_id):
    note = pages.note_for_author(request.user, note_id)
    services.sign_note(note, by=request.user)
    messages.success(request, "Signed and locked. Changes from now on are dated addenda.")
    return redirect(note.get_absolute_url())


@therapist_required
@require_POST
def note_addendum(request, note_id):
    note = pages.note_for_author(request.user, note_id)
    form = forms.AddendumForm(request.POST)
    if form.is_valid():
        try:
            services.add_addendum(note, by=request.user, text=form.cleaned_data["text"])
        except ClinicError as refused:
            form.add_error("text", str(refused))
        else:
            return redirect(note.get_absolute_url())
    return render(request, "clinic/note.html", {"note": note, "form": None, "addendum_form": form}, status=400)


@therapist_required
def private_notes(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    form = forms.PrivateNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_psychotherapy_note(relationship, author=request.user, text=form.cleaned_data["text"])
        return redirect("clinic:private_notes", relationship.public_id)
    return render(
        request,
        "clinic/private_notes.html",
        {"relationship": relationship, "form": form, **pages.private_notes_page(request.user, relationship)},
        status=400 if form.errors else 200,
    )


@therapist_required
@require_POST
def release_propose(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id, active_only=False)
    services.propose_release(relationship, author=request.user)
    messages.success(request, "Sent to your clinical lead for approval. Nothing is released until they approve.")
    return redirect("clinic:private_notes", relationship.public_id)


@therapist_required
def releases(request):
    return render(request, "clinic/releases.html", {"releases": pages.releases_for_lead(request.user)})


@therapist_required
@require_POST
def release_approve(request, release_id):
    release = pages.release_for_lead(request.user, release_id)
    try:
        services.approve_release(release, lead=request.user)
    except ClinicError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Released: the client can now read a copy in their care page.")
    return redirect("clinic:releases")


@therapist_required
def plan(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    current = pages.plan_of(relationship)
    form = forms.PlanForm(
        request.POST or None,
        initial={"interventions": current.interventions, "review_on": current.review_on} if current else None,
    )
    if request.method == "POST" and form.is_valid():
        services.save_plan(relationship, by=request.user, **form.cleaned_data)
        messages.success(request, "Plan saved. Your client sees it in their care page.")
        return redirect("clinic:plan", relationship.public_id)
    return render(
        request,
        "clinic/plan.html",
        {
            "relationship": relationship,
            "plan": current,
            "form": form,
            "goal_form": forms.GoalForm(),
            "progress": pages.goal_progress(relationship, current),
        },
        status=400 if form.errors else 200,
    )


@therapist_required
@require_POST
def goal_add(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    form = forms.GoalForm(request.POST)
    current = pages.plan_of(relationship)
    if form.is_valid():
        current = current or services.save_plan(relationship, by=request.user, interventions="", review_on=None)
        services.add_goal(current, **form.cleaned_data)
        return redirect("clinic:plan", relationship.public_id)
    return render(
        request,
        "clinic/plan.html",
        {
            "relationship": relationship,
            "plan": current,
            "form": forms.PlanForm(),
            "goal_form": form,
            "progress": pages.goal_progress(relationship, current),
        },
        status=400,
    )


@therapist_required
@require_POST
def goal_remove(request, goal_id):
    goal = pages.goal_for_therapist(request.user, goal_id)
    relationship_id = goal.plan.relationship.public_id
    services.remove_goal(goal)
    return redirect("clinic:plan", relationship_id)


@therapist_required
@require_POST
def assign_measure(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    form = forms.AssignMeasureForm(request.POST)
    if form.is_valid():
        due = pages.end_of_day(form.cleaned_data["due_on"], request.user)
        services.assign_measure(relationship, instrument_id=form.cleaned_data["instrument_id"], due_at=due)
        messages.success(request, "Asked for. It counts on your caseload only if it becomes overdue.")
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("clinic:client_page", relationship.public_id)


@therapist_required
def alert(request, alert_id):
    alert = pages.alert_for_clinician(request.user, alert_id)
    form = forms.AcknowledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.acknowledge_alert(alert, by=request.user, action_taken=form.cleaned_data["action_taken"])
        except ClinicError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Acknowledged and recorded.")
            return redirect("clinic:caseload")
    return render(request, "clinic/alert.html", {"alert": alert, "form": form}, status=400 if form.errors else 200)


@therapist_required
def escalated_alerts(request):
    return render(request, "clinic/escalated.html", {"alerts": pages.escalated_to(request.user)})


@therapist_required
def practice(request):
    practice = services.practice_for_therapist(request.user)
    form = forms.BackupForm(request.POST or None, therapist=request.user)
    is_lead = practice.clinical_lead_id == request.user.pk
    if request.method == "POST":
        if not is_lead:
            raise Http404("Only the clinical lead names the backup clinician.")
        if form.is_valid():
            services.set_backup(practice, form.cleaned_data["backup"])
            messages.success(request, "Backup clinician named.")
            return redirect("clinic:practice")
    return render(
        request,
        "clinic/practice.html",
        {"practice": practice, "form": form, "is_lead": is_lead, "members": pages.members_of(practice)},
        status=400 if form.errors else 200,
    )


# ---- practice staff -----------------------------------------------------------------------------------


@staff_required
def staff_alerts(request):
    """Staff administer and never see clinical content: only which therapist has an alert waiting."""
    return render(request, "clinic/staff_alerts.html", {"waiting": pages.unacknowledged_by_therapist(request.user)})
