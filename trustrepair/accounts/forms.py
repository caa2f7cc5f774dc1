from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString

from trustrepair.accounts import services
from trustrepair.accounts.models import User
from trustrepair.accounts.zones import ZoneField
from trustrepair.core import places
from trustrepair.core.forms import NameField


def _html_with_urls(text: str, *url_names: str) -> str:
    return format_html(text, *(reverse(name) for name in url_names))


# A label with links (issue 11: consent labels link to what they agree to), built when rendered.
lazy_html = lazy(_html_with_urls, SafeString)

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
    place = forms.ChoiceField(
        label="Where do you live?",
        choices=(),
        help_text="Your country, and your state, province or territory in the US, Canada and Australia: so we show "
        "crisis lines that work there and therapists licensed to see you there.",
    )
    time_zone = ZoneField()
    contact = forms.ChoiceField(
        label="How may we contact you?",
        choices=User.Contact.choices,
        initial=User.Contact.NEUTRAL_EMAIL,
        widget=forms.RadioSelect,
        required=False,  # the discreet default stands if nothing is chosen
        help_text="You can change this at any time in your profile.",
    )
    agree_reminders = forms.BooleanField(
        label="Send me reminders when a check-in or an appointment I planned is due (optional).",
        required=False,
        help_text="They follow the contact choice above. You can stop them at any time.",
    )
    adult = forms.BooleanField(
        label="I am 18 or over.",
        help_text="TrustRepair is made for adults: what it asks, and the therapists in it, are for grown-up lives.",
        error_messages={
            "required": "TrustRepair accounts are for people aged 18 and over. If you are younger, you deserve "
            "support made for your age: a trusted adult, a school counsellor or a doctor can help you find it, "
            "and the crisis help at the top of this page is there for anyone."
        },
    )
    agree_terms = forms.BooleanField(
        label=lazy_html(
            'I have read and agree to the <a href="{}" target="_blank" rel="noopener">terms of use</a> and the '
            '<a href="{}" target="_blank" rel="noopener">privacy notice</a>.',
            "core:terms",
            "core:privacy",
        ),
        error_messages={"required": "Please agree to the terms to create an account."},
    )
    agree_health_data = forms.BooleanField(
        label=lazy_html(
            "I agree that TrustRepair stores what I write about my feelings and relationships, encrypted, "
            'to show it back to me. I can <a href="{}" target="_blank" rel="noopener">download or erase it</a> at any '
            "time.",
            "core:privacy",
        ),
        error_messages={"required": "We need this agreement to store what you write."},
    )

    field_order = ["email", "password1", "password2", "display_name", "role", "place", "time_zone", "contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", "Choose…"), *places.choices()]
        self.fields["place"].widget.attrs["data-guess-country"] = ""
        if self.is_bound:
            self.fields["time_zone"].offer(self.data.get("time_zone", ""))

    def clean_contact(self) -> str:
        return self.cleaned_data.get("contact") or User.Contact.NEUTRAL_EMAIL

    def clean(self):
        """allauth compares the two passwords only when the first one is acceptable; a person who typed a short
        password and then a different one heard only "too short" (issue 11). Compare what was typed."""
        cleaned = super().clean()
        if "password1" in self.fields and "password2" in self.fields:
            first = self.data.get(self.add_prefix("password1"), "")
            second = self.data.get(self.add_prefix("password2"), "")
            if first and second and first != second and "password2" not in self.errors:
                self.add_error("password2", "The two passwords are not the same. Please type the same one twice.")
        return cleaned

    def signup(self, request, user):
        country, subdivision = places.split(self.cleaned_data["place"])
        services.complete_signup(
            user,
            role=self.cleaned_data["role"],
            display_name=self.cleaned_data["display_name"],
            country=country,
            subdivision=subdivision,
            time_zone=self.cleaned_data["time_zone"],
            contact=self.cleaned_data["contact"],
            reminders=self.cleaned_data["agree_reminders"],
            first_run=True,
        )


class ProfileForm(forms.ModelForm):
    display_name = NameField(
        label="Name to show", required=False, help_text="Any name you like; it need not be your real name."
    )
    place = forms.ChoiceField(
        label="Where do you live?",
        choices=(),
        help_text="Crisis lines and the therapists you are matched with follow this place.",
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "place", "locale", "contact", "discreet_titles", "discreet_mfa_issuer"]
        labels = {"locale": "Language"}
        widgets = {"contact": forms.RadioSelect}

    time_zone = ZoneField(help_text="Reminders and your daily check-in follow it.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", "Choose…"), *places.choices()]
        self.initial.setdefault("place", self.instance.place)
        self.fields["time_zone"].offer(self.data.get("time_zone", "") if self.is_bound else self.instance.time_zone)

    def clean(self):
        data = super().clean()
        data["country"], data["subdivision"] = places.split(data.pop("place", "") or "")
        return data


class WelcomeForm(forms.Form):
    """The first run (issue 11): what brings the person here, and their time zone and place, checked."""

    joined_for = forms.ChoiceField(
        label="What brings you here?",
        choices=User.JoinedFor.choices,
        widget=forms.RadioSelect,
        help_text="It shapes the plan we suggest. You can use everything whatever you choose.",
    )
    time_zone = ZoneField()
    place = forms.ChoiceField(
        label="Where do you live?",
        choices=(),
        help_text="So we show crisis lines that work there, and therapists licensed to see you there.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", "Choose…"), *places.choices()]
        self.fields["place"].widget.attrs["data-guess-country"] = ""
        current = self.data.get("time_zone", "") if self.is_bound else user.time_zone
        self.fields["time_zone"].offer(current)
        self.initial.setdefault("joined_for", user.joined_for or None)
        self.initial.setdefault("time_zone", user.time_zone if user.time_zone != "UTC" else "")
        self.initial.setdefault("place", user.place)

    def clean(self):
        data = super().clean()
        if "place" in data:
            data["country"], data["subdivision"] = places.split(data.pop("place"))
            if not places.is_complete(data["country"], data["subdivision"]):
                self.add_error("place", "Please choose your state, province or territory.")
        return data
