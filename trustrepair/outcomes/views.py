"""Practice outcomes: one page for practice staff and the clinical lead. Counts only, suppressed."""

from django.http import Http404
from django.shortcuts import render

from trustrepair.core.access import role_required
from trustrepair.outcomes import reports, suppression


@role_required("staff", "therapist")
def practice_outcomes(request):
    try:
        practice = reports.practice_for_reader(request.user)
    except Http404:
        return render(request, "outcomes/not_yours.html")
    return render(
        request,
        "outcomes/practice.html",
        {"practice": practice, "report": reports.report_for(practice), "threshold": suppression.THRESHOLD},
    )
