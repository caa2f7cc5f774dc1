"""Therapy groups' pages. Thin: authorize through a selector, parse, call one service, render."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from trustrepair.core.access import member_required, therapist_required
from trustrepair.groups import forms, selectors, services
from trustrepair.groups.services import GroupError

# ---- members ------------------------------------------------------------------------------------------


@member_required
def mine(request):
    return render(request, "groups/mine.html", {"memberships": selectors.memberships_of(request.user)})


@member_required
def join(request):
    form = forms.JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.join(request.user, **form.cleaned_data)
        except GroupError as exc:
            field = "adult" if "18" in str(exc) else ("handle" if "name" in str(exc) else "code")
            form.add_error(field, str(exc))
        else:
            messages.success(request, f"You joined {member.group.name} as {member.handle}.")
            return redirect(member.group)
    return render(request, "groups/join.html", {"form": form})


@member_required
def group(request, group_id):
    member = selectors.membership_for(request.user, group_id)
    return render(
        request,
        "groups/group.html",
        {
            "member": member,
            "group": member.group,
            "handles": selectors.handles_in(member.group),
            "sessions": selectors.sessions_of(member.group),
            "notes": selectors.my_notes(member),
        },
    )


@member_required
@require_POST
def leave(request, group_id):
    member = selectors.membership_for(request.user, group_id)
    services.leave(member)
    messages.success(request, f"You left {member.group.name}. Nobody there can see your name any more.")
    return redirect("groups:mine")


# ---- the therapist ------------------------------------------------------------------------------------


@therapist_required
def run(request):
    form = forms.GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created, code = services.create_group(request.user, **form.cleaned_data)
        except GroupError as exc:
            form.add_error("max_members", str(exc))
        else:
            messages.success(request, f"Group created. Its invitation code is {code} — shown once; note it now.")
            return redirect("groups:run_group", created.public_id)
    return render(request, "groups/run.html", {"groups": selectors.groups_run_by(request.user), "form": form})


@therapist_required
def run_group(request, group_id):
    the_group = selectors.group_for_therapist(request.user, group_id)
    return render(
        request,
        "groups/run_group.html",
        {
            "group": the_group,
            "members": selectors.members_for_therapist(the_group),
            "sessions": selectors.sessions_of(the_group),
            "form": forms.SessionForm(),
            "min_members": services.MIN_MEMBERS,
        },
    )


@therapist_required
@require_POST
def new_code(request, group_id):
    the_group = selectors.group_for_therapist(request.user, group_id)
    code = services.new_code(the_group)
    messages.success(request, f"New invitation code: {code} — shown once. The old code no longer works.")
    return redirect("groups:run_group", the_group.public_id)


@therapist_required
@require_POST
def remove_member(request, group_id, member_id):
    the_group = selectors.group_for_therapist(request.user, group_id)
    services.remove_member(the_group, member_id)
    messages.success(request, "Removed from the group; their access ended at once.")
    return redirect("groups:run_group", the_group.public_id)


@therapist_required
@require_POST
def add_session(request, group_id):
    the_group = selectors.group_for_therapist(request.user, group_id)
    form = forms.SessionForm(request.POST)
    if form.is_valid():
        zone = ZoneInfo(request.user.time_zone or "UTC")
        start = dt.datetime.combine(form.cleaned_data["day"], form.cleaned_data["time"], zone)
        try:
            services.add_session(the_group, start=start, minutes=form.cleaned_data["minutes"])
        except GroupError as exc:
            form.add_error("time", str(exc))
        else:
            messages.success(request, "Session added; those hours are no longer bookable.")
            return redirect("groups:run_group", the_group.public_id)
    return render(
        request,
        "groups/run_group.html",
        {
            "group": the_group,
            "members": selectors.members_for_therapist(the_group),
            "sessions": selectors.sessions_of(the_group),
            "form": form,
            "min_members": services.MIN_MEMBERS,
        },
        status=200,
    )


@therapist_required
def session(request, session_id):
    the_session = selectors.session_for_therapist(request.user, session_id)
    members = selectors.members_for_therapist(the_session.group)
    error = ""
    if request.method == "POST":
        try:
            services.record_attendance(the_session, present_ids=set(request.POST.getlist("present")))
            personal = {str(m.public_id): request.POST.get(f"note-{m.public_id}", "") for m in members}
            if request.POST.get("shared", "").strip() or any(v.strip() for v in personal.values()):
                services.write_group_note(
                    the_session, author=request.user, shared=request.POST.get("shared", ""), personal=personal
                )
        except GroupError as exc:
            error = str(exc)
        else:
            messages.success(request, "Saved. Each member's record holds only their own part.")
            return redirect("groups:session", the_session.public_id)
    attendance = selectors.attendance_of(the_session)
    written = the_session.note_entries.exists()
    return render(
        request,
        "groups/session.html",
        {
            "session": the_session,
            "rows": [(m, attendance.get(m.pk), request.POST.get(f"note-{m.public_id}", "")) for m in members],
            "error": error,
            "shared": request.POST.get("shared", ""),
            "written": written,
        },
    )


@therapist_required
@require_POST
def cancel_session(request, session_id):
    the_session = selectors.session_for_therapist(request.user, session_id)
    services.cancel_session(the_session)
    messages.success(request, "Session cancelled; those hours are bookable again.")
    return redirect("groups:run_group", the_session.group.public_id)
