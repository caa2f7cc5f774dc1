from django import forms

from trustrepair.groups.models import MAX_MEMBERS, MIN_MEMBERS


class GroupForm(forms.Form):
    name = forms.CharField(label="Name", max_length=80)
    theme = forms.CharField(label="Theme", max_length=120, help_text="For example: rebuilding after betrayal.")
    schedule = forms.CharField(
        label="When it meets", max_length=160, help_text="In words, e.g. Tuesdays and Thursdays, 18:00–19:30."
    )
    max_members = forms.TypedChoiceField(
        label="Members at most",
        coerce=int,
        choices=[(n, n) for n in range(MIN_MEMBERS, MAX_MEMBERS + 1)],
        initial=8,
    )


class JoinForm(forms.Form):
    code = forms.CharField(label="Invitation code", max_length=20)
    handle = forms.CharField(
        label="The name shown to others in the group",
        max_length=30,
        help_text="A first name or a handle. Nobody in the group sees your email or anything else of yours.",
    )
    adult = forms.BooleanField(label="I am 18 or over", required=False)


class SessionForm(forms.Form):
    day = forms.DateField(label="Day", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="Starts at", widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(label="Length (minutes)", min_value=15, max_value=240, initial=90)
