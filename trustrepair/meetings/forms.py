from django import forms

from trustrepair.meetings.models import MeetingWay


class WayForm(forms.Form):
    mode = forms.ChoiceField(label="How you will meet", choices=MeetingWay.Mode.choices, widget=forms.RadioSelect)
    detail = forms.CharField(
        label="Details the client needs",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your video link (https://…), who calls whom, or the address. Shown once confirmed.",
    )


class FamilyForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    relation = forms.CharField(label="Relation to your client", max_length=60, required=False)
