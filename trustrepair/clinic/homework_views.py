"""Homework pages (issue 14): the therapist sets and follows; the client sees and marks done. Thin views."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from trustrepair.clinic import homework, pages, selectors
from trustrepair.clinic.homework import HomeworkError
from trustrepair.core.access import member_required, therapist_required


class HomeworkForm(forms.Form):
    what = forms.ChoiceField(label="What to do", choices=())
    instructions = forms.CharField(
        label="Instructions for your client",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Your client reads these on their Today page.",
    )
    due_on = forms.DateField(label="Due by", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["what"].choices = [("", "Choose…"), *homework.all_choices()]

    def clean_due_on(self):
        value = self.cleaned_data["due_on"]
        if value < timezone.localdate():
            raise forms.ValidationError("Choose a due date from today on.")
        return value


@therapist_required
def client_homework(request, relationship_id):
    relationship = selectors.relationship_for_therapist(request.user, relationship_id)
    form = HomeworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind, _, target = form.cleaned_data["what"].partition(":")
        try:
            homework.assign(
                relationship,
                by=request.user,
                kind=kind,
                target=target,
                due_at=pages.end_of_day(form.cleaned_data["due_on"], relationship.client or request.user),
                instructions=form.cleaned_data["instructions"],
            )
        except HomeworkError as exc:
            form.add_error("what", str(exc))
        else:
            messages.success(request, "Set. Your client sees it on their Today page.")
            return redirect("homework:client", relationship.public_id)
    return render(
        request,
        "clinic/homework/therapist.html",
        {"relationship": relationship, "form": form, "items": homework.homework_for_relationship(relationship)},
    )


@therapist_required
@require_POST
def cancel(request, assignment_id):
    assignment = homework.cancel(request.user, assignment_id)
    messages.success(request, "Withdrawn. It no longer shows for your client.")
    return redirect("homework:client", assignment.relationship.public_id)


@member_required
def mine(request):
    return render(request, "clinic/homework/mine.html", {"items": homework.open_homework_for(request.user)})


@member_required
@require_POST
def done(request, assignment_id):
    homework.mark_done(request.user, assignment_id)
    messages.success(request, "Marked done. Your therapist can see that it is done, and nothing else.")
    return redirect(request.POST.get("next") if request.POST.get("next") == "/program/" else "homework:mine")


@member_required
@require_POST
def not_done(request, assignment_id):
    homework.mark_not_done(request.user, assignment_id)
    return redirect("homework:mine")
