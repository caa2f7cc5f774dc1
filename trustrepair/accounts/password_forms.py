"""allauth's password forms with labels in plain sentence case (settings.ACCOUNT_FORMS).

A module of its own: allauth.account.forms imports ACCOUNT_SIGNUP_FORM_CLASS (accounts.forms) while it loads,
so accounts.forms cannot import allauth's forms back.
"""

from allauth.account.forms import ChangePasswordForm, ResetPasswordKeyForm


def _relabel(form, labels: dict[str, str]) -> None:
    for name, label in labels.items():
        form.fields[name].label = label
        form.fields[name].widget.attrs.pop("placeholder", None)  # the label says it; a placeholder only repeats it


class ChangeMyPasswordForm(ChangePasswordForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {"oldpassword": "Password you use now", "password1": "New password", "password2": "New password (again)"},
        )


class NewPasswordFromLinkForm(ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": "New password", "password2": "New password (again)"})
