"""allauth's emails go through the one sender too (settings.ACCOUNT_ADAPTER)."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from trustrepair.accounts.adapter import AccountAdapter
from trustrepair.notifications import sender

# Emails a person has just asked for; they reach even someone who chose "in-app only".
REQUESTED = {
    "account/email/email_confirmation",
    "account/email/email_confirmation_signup",
    "account/email/email_confirm",
    "account/email/password_reset_key",
    "account/email/password_reset_code",
    "account/email/password_reset",
    "account/email/login_code",
    "account/email/unknown_account",
    "account/email/account_already_exists",
}


class DiscreetAccountAdapter(AccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        return subject  # the sender decides whether the product is named

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        if not isinstance(user, get_user_model()):
            user = None
        ctx = {"email": email, **context}
        # Every link is built from SITE_URL, whatever host the request came in on.
        for name, value in list(ctx.items()):
            if name.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                ctx[name] = sender.absolute_url(value)
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", ctx).split())
        body = render_to_string(f"{template_prefix}_message.txt", ctx).strip()
        sender.send_email(
            user=user,
            address=email,
            subject=sender.subject_for(user, named=subject, neutral=subject),
            body=body,
            requested=template_prefix in REQUESTED,
        )
