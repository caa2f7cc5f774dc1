"""Secure messages. Thin: authorize through the selector, parse, call one service, render."""

from __future__ import annotations

from django.shortcuts import redirect, render

from trustrepair.core.access import member_required, role_required, therapist_required
from trustrepair.core.audit import record_access
from trustrepair.messaging import selectors, services
from trustrepair.messaging.forms import MessageForm
from trustrepair.messaging.services import MessageError


@role_required("client", "partner", "therapist")
def threads(request):
    return render(
        request,
        "messaging/threads.html",
        {"threads": selectors.threads_of(request.user), "is_therapist": request.user.role == "therapist"},
    )


def _thread(request, relationship_id, *, as_therapist: bool):
    relationship = selectors.thread_for(request.user, relationship_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if request.FILES:
            form.add_error("body", "Messages carry words only: attachments are not accepted.")
        elif form.is_valid():
            try:
                services.send_message(relationship, sender=request.user, body=form.cleaned_data["body"])
            except MessageError as exc:
                form.add_error("body", str(exc))
            else:
                # If the screen found something, the crisis panel heads the very next page (base.html).
                return redirect(request.path + "#latest")
    if as_therapist:
        record_access(
            actor=request.user,
            subject=relationship.client,
            action="read",
            obj=relationship,
            reason="read the message thread",
            request=request,
        )
    services.mark_read(relationship, reader=request.user)
    items = selectors.messages_in(relationship)
    return render(
        request,
        "messaging/thread.html",
        {
            "relationship": relationship,
            "items": items,
            "form": form,
            "is_therapist": as_therapist,
            "other": relationship.client_label if as_therapist else relationship.therapist_label,
            "reply_days": services.reply_working_days(),
            "draft_key": f"message-{relationship.public_id}-{sum(1 for m in items if m.sender_id == request.user.pk)}",
        },
    )


@member_required
def thread_with_therapist(request, relationship_id):
    return _thread(request, relationship_id, as_therapist=False)


@therapist_required
def thread_with_client(request, relationship_id):
    return _thread(request, relationship_id, as_therapist=True)
