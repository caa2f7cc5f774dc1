from django import forms

from trustrepair.accounts import services
from trustrepair.accounts.models import REGIONS, TIME_ZONES, User
from trustrepair.core.forms import NameField

SIGNUP_ROLES = [
    (User.Role.CLIENT, "I want to work on my own trust"),
    (User.Role.PARTNER, "I'm supporting a partner who is working on trust"),
    (User.Role.THERAPIST, "I'm a therapist"),
]


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = NameField(
        label="Name to show (optional)",
        required=False,
        help_text="A first name or a nickname is fine.",
    )
    role = forms.ChoiceField(label="What brings you here?", choices=SIGNUP_ROLES, widget=forms.RadioSelect)
    region = forms.ChoiceField(
        label="Where do you live?", choices=REGIONS, help_text="So that we show crisis lines that work for you."
    )
    time_zone = forms.ChoiceField(label="Time zone", choices=[(tz, tz) for tz in TIME_ZONES], initial="UTC")
    agree_terms = forms.BooleanField(
        label="I have read and agree to the terms of use and the privacy notice.",
        error_messages={"required": "Please agree to the terms to create an account."},
    )
    agree_health_data = forms.BooleanField(
        label="I agree that TrustRepair stores what I write about my feelings and relationships, encrypted, "
        "to show it back to me. I can download or erase it at any time.",
        error_messages={"required": "We need this agreement to store what you write."},
    )

    field_order = ["email", "password1", "password2", "display_name", "role", "region", "time_zone"]

    def signup(self, request, user):
        services.complete_signup(
            user,
            role=self.cleaned_data["role"],
            display_name=self.cleaned_data["display_name"],
            region=self.cleaned_data["region"],
            time_zone=self.cleaned_data["time_zone"],
        )


class ProfileForm(forms.ModelForm):
    display_name = NameField(
        label="Name to show", required=False, help_text="Any name you like; it need not be your real name."
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "region", "locale"]
        labels = {"locale": "Language"}
