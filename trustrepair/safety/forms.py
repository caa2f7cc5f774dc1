from django import forms

from trustrepair.safety.models import GentleQuestion, SafetyPlan
from trustrepair.safety.services import REACHED_CHOICES

HELP = {
    "warning_signs": "Thoughts, feelings, images, places or situations that tell you a hard time may be coming.",
    "coping_alone": "Small things you can do by yourself: a walk, a shower, music, a breathing exercise, a game.",
    "distractions": "People you can be around, or places you can go, without having to talk about how you feel.",
    "people_to_ask": "Friends or family you could tell that you are struggling. Add their numbers if you like.",
    "professionals": "Your therapist or doctor, a crisis line, the nearest emergency department, with numbers.",
    "safer_surroundings": "What you could put away, give to someone or keep out of reach while things feel hard.",
    "reasons_for_living": "People, pets, plans, places, anything that matters to you. It may help to reread this.",
}


class SafetyPlanForm(forms.Form):
    warning_signs = forms.CharField(required=False, max_length=4000)
    coping_alone = forms.CharField(required=False, max_length=4000)
    distractions = forms.CharField(required=False, max_length=4000)
    people_to_ask = forms.CharField(required=False, max_length=4000)
    professionals = forms.CharField(required=False, max_length=4000)
    safer_surroundings = forms.CharField(required=False, max_length=4000)
    reasons_for_living = forms.CharField(required=False, max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, (name, label) in enumerate(SafetyPlan.SECTIONS, start=1):
            field = self.fields[name]
            field.label = f"{number}. {label}"
            field.help_text = HELP[name]
            field.widget = forms.Textarea(attrs={"rows": 4, "maxlength": 4000})

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name, _ in SafetyPlan.SECTIONS):
            raise forms.ValidationError("Write something in at least one part. You can add the rest later.")
        return data


class ReachedPersonForm(forms.Form):
    reached = forms.ChoiceField(
        label="Who have you been in touch with?",
        choices=REACHED_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the one that fits. If none does yet, the lines above are there for you."},
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=GentleQuestion.Answer.choices)
