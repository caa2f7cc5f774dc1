"""allauth's MFA forms with a code field a phone can fill (settings.MFA_FORMS).

Authenticator apps show six digits; recovery codes here are eight digits (MFA_RECOVERY_CODE_DIGITS). The
field asks for a number pad (`inputmode=numeric`) and lets the phone offer a code it has just received
(`autocomplete=one-time-code`). Spaces are dropped before checking, since apps show "123 456".

Only activation takes a pattern: there the answer is always a six-digit app code. Signing in and confirming
it's you also take a recovery code, and codes carried over from an older setup may hold letters, so those
fields get no pattern that would refuse one.
"""

from allauth.mfa import app_settings
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms


class CodeField(forms.CharField):
    """A one-time code: whitespace inside it is ignored."""

    def to_python(self, value):
        return "".join(super().to_python(value).split())


def _code_field(*, label: str, help_text: str, pattern: str = "", maxlength: int) -> CodeField:
    attrs = {
        "inputmode": "numeric",
        "autocomplete": "one-time-code",
        "autocapitalize": "off",
        "spellcheck": "false",
        "maxlength": str(maxlength),
    }
    if pattern:
        attrs["pattern"] = pattern
    return CodeField(label=label, help_text=help_text, widget=forms.TextInput(attrs=attrs))


def app_code_field() -> CodeField:
    digits = app_settings.TOTP_DIGITS
    return _code_field(
        label="Code from your app",
        help_text=f"The {digits} digits your authenticator app shows now. A space in the middle is fine.",
        pattern=f"[0-9]{{{digits // 2}}} ?[0-9]{{{digits - digits // 2}}}",
        maxlength=digits + 1,
    )


def sign_in_code_field() -> CodeField:
    digits = max(app_settings.TOTP_DIGITS, app_settings.RECOVERY_CODE_DIGITS)
    return _code_field(
        label="Code",
        help_text=(
            f"The {app_settings.TOTP_DIGITS} digits your authenticator app shows now. Away from your phone? "
            f"One of your {app_settings.RECOVERY_CODE_DIGITS}-digit recovery codes works too, once."
        ),
        maxlength=digits + 2,
    )


class ActivateAppForm(ActivateTOTPForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"] = app_code_field()


class SignInCodeForm(AuthenticateForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"] = sign_in_code_field()


class ConfirmWithCodeForm(ReauthenticateForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"] = sign_in_code_field()
