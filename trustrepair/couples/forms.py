from django import forms

from trustrepair.couples import gate
from trustrepair.couples.models import SHORT, CheckInPart, CycleMap, RupturePart, Window
from trustrepair.couples.services import SHARE_CHOICES


class ShareField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Who may see this")
        kwargs.setdefault("initial", "private")
        super().__init__(choices=SHARE_CHOICES, widget=forms.RadioSelect, **kwargs)


class CodeForm(forms.Form):
    code = forms.CharField(label="The code you were given", max_length=40)


class EmailInviteForm(forms.Form):
    address = forms.EmailField(label="Their email address")


class ScreenForm(forms.Form):
    """The five private items; each must be answered (Prefer not to say is an answer)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text in gate.ITEMS:
            self.fields[key] = forms.ChoiceField(label=text, choices=gate.ANSWERS, widget=forms.RadioSelect)


class WindowForm(forms.Form):
    question = forms.CharField(
        label="The one question you have been afraid to ask",
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes = forms.IntegerField(
        label="How long (minutes)",
        min_value=Window.MIN_MINUTES,
        max_value=Window.MAX_MINUTES,
        initial=Window.DEFAULT_MINUTES,
    )


class RatingForm(forms.Form):
    value = forms.IntegerField(label="How defensive do I feel right now (0–10)", min_value=0, max_value=10)


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label="My reflection", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    sharing = ShareField(label="Who may read my reflection")
    ratings_shared = forms.BooleanField(label="Show my ratings over time to my partner", required=False)


class RuptureForm(forms.ModelForm):
    sharing = ShareField()

    class Meta:
        model = RupturePart
        fields = [*RupturePart.TEXT_FIELDS, "accepts_repair"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in RupturePart.TEXT_FIELDS}
        labels = {"accepts_repair": "Do I accept the repair offered?"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accepts_repair"] = forms.NullBooleanField(
            label="Do I accept the repair offered?",
            required=False,
            widget=forms.RadioSelect(choices=[("unknown", "Not yet"), ("true", "Yes"), ("false", "No")]),
        )


class CycleForm(forms.Form):
    moves = forms.MultipleChoiceField(
        label="When we get stuck, I…", choices=CycleMap.MOVES, widget=forms.CheckboxSelectMultiple, required=False
    )
    sharing = ShareField()


class CheckInForm(forms.ModelForm):
    sharing = ShareField(label="Who may see my answers (my partner only once we have both answered)")

    class Meta:
        model = CheckInPart
        fields = ["safe", "connected", "trusting", "appreciation", "need"]
        widgets = {
            name: forms.NumberInput(attrs={"type": "range", "min": 0, "max": 10})
            for name in ["safe", "connected", "trusting"]
        }
        labels = {
            "safe": "How safe did this week feel with each other (0–10)?",
            "connected": "How connected (0–10)?",
            "trusting": "How trusting (0–10)?",
        }
