"""Telling a therapist about staff decisions on their directory profile, through the one notification sender.

The notice under Updates names the decision; the email (when the therapist's contact preference allows
one) says only that there is a decision to read after signing in: no reason, no licence, nothing a
person looking over their shoulder could learn from. The reason itself is on their own profile page.
"""

from django.urls import reverse

from trustrepair.notifications.services import notify


def decision(profile, decision) -> None:
    notify(
        profile.user,
        kind="directory_decision",
        context={"action": decision.get_action_display().lower()},
        link_path=reverse("directory:my_profile"),
    )
