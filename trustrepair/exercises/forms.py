"""Forms for the tools. Every limit (0–10, 0–100, lengths) comes from the model, so a bad value gets a
message next to its field; nothing reaches the database unchecked."""

import datetime

from django import forms
from django.utils import timezone

from trustrepair.exercises import distortions
from trustrepair.exercises.models import (
    BeliefRating,
    CommunicationScript,
    CoreBelief,
    CustomDistortion,
    DailyCheckIn,
    EvidenceBrick,
    FearPrediction,
    JournalEntry,
    LadderAttempt,
    LadderStep,
    NeedStatement,
    SelfPromise,
    ThoughtRecord,
    TriggerLog,
    TrustEvent,
)
from trustrepair.exercises.scripts import DEFAULT_NOT_RESPONSIBLE
from trustrepair.exercises.widgets import ChipsMultiple, ChipsSingle, Slider


def _area(rows: int = 3):
    return forms.Textarea(attrs={"rows": rows})


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _percent(low_label: str = "not at all", high_label: str = "certain"):
    """A 0–100 slider in steps of 5."""
    return Slider(high=100, step=5, low_label=low_label, high_label=high_label)


class NoBlankRadios:
    """Radio groups list only real choices: Django adds a bare "---------" to a model field without a default,
    which as a radio button means nothing (issue 11). A required group still says so if none is chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect) and hasattr(field, "choices"):
                field.choices = [(value, label) for value, label in field.choices if value != ""]


class ToolForm(NoBlankRadios, forms.ModelForm):
    pass


def _not_in_future_date(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError("That date is still to come. Give the day it happened.")
    return value


class TrustEventForm(ToolForm):
    class Meta:
        model = TrustEvent
        fields = ["age", "happened_on", "who", "what_happened", "impact"]
        widgets = {
            "happened_on": DateInput(),
            "who": _area(1),
            "what_happened": _area(4),
            "impact": Slider(low_label="hardly at all", high_label="deeply"),
        }
        help_texts = {
            "age": "Your age then, if you remember it. Give an age, a date, or both.",
            "happened_on": "Or a date, if you know it.",
        }

    def clean_happened_on(self):
        return _not_in_future_date(self.cleaned_data["happened_on"])

    def clean(self):
        data = super().clean()
        no_place = data.get("age") is None and data.get("happened_on") is None
        if no_place and not self.has_error("age") and not self.has_error("happened_on"):
            self.add_error("age", "Give your age at the time or a date, so the event has a place on the timeline.")
        return data


class TriggerLogForm(ToolForm):
    class Meta:
        model = TriggerLog
        fields = [
            "occurred_at",
            "context",
            "situation",
            "body_sensation",
            "thought",
            "urge",
            "urge_other",
            "intensity",
            "response",
            "what_helped",
        ]
        widgets = {
            "occurred_at": DateTimeInput(),
            "context": forms.RadioSelect,
            "urge": forms.RadioSelect,
            "response": forms.RadioSelect,
            "situation": _area(3),
            "body_sensation": _area(2),
            "thought": _area(2),
            "urge_other": _area(1),
            "what_helped": _area(3),
            "intensity": Slider(low_label="barely", high_label="overwhelming"),
        }
        labels = {"context": "Where it came up"}
        help_texts = {"urge_other": "Only if you chose “something else”."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value and value > timezone.now() + datetime.timedelta(minutes=5):
            raise forms.ValidationError("That time is still to come. Give the time it happened.")
        return value

    def clean(self):
        data = super().clean()
        if data.get("urge") == TriggerLog.Urge.OTHER and not (data.get("urge_other") or "").strip():
            self.add_error("urge_other", "Say in a few words what the urge was.")
        return data


# ---- thought record, one form per step ---------------------------------------------------------------
class ThoughtSituationForm(ToolForm):
    class Meta:
        model = ThoughtRecord
        fields = ["situation", "automatic_thought"]
        widgets = {"situation": _area(3), "automatic_thought": _area(3)}
        help_texts = {
            "situation": "Where were you, who was there, what happened? Just the facts.",
            "automatic_thought": "The thought that went through your mind, in the words it came in.",
        }


EMOTIONS = (
    ("anxious", "Anxious"),
    ("jealous", "Jealous"),
    ("hurt", "Hurt"),
    ("angry", "Angry"),
    ("sad", "Sad"),
    ("ashamed", "Ashamed"),
    ("lonely", "Lonely"),
    ("scared", "Scared"),
)
_EMOTION_KEYS = {key for key, _ in EMOTIONS}


def _intensity_slider():
    return _percent("barely there", "as strong as it gets")


class ThoughtEmotionsForm(forms.Form):
    """Emotions as chips, each with a 0–100 slider, and room for ones in the person's own words. At least one.

    Without CSS every slider is shown; with it, a slider appears when its chip is chosen (or its name typed)."""

    def __init__(self, *args, emotions=(), **kwargs):
        super().__init__(*args, **kwargs)
        existing = list(emotions)
        own_words = [e for e in existing if e.name.strip().lower() not in _EMOTION_KEYS]
        self.own_rows = max(1, len(own_words))
        for key, label in EMOTIONS:
            self.fields[f"feel_{key}"] = forms.BooleanField(label=label, required=False)
            self.fields[f"level_{key}"] = forms.IntegerField(
                label=f"How {label.lower()} (0–100)",
                min_value=0,
                max_value=100,
                required=False,
                initial=50,
                widget=_intensity_slider(),
            )
        for i in range(1, self.own_rows + 1):
            self.fields[f"name_{i}"] = forms.CharField(
                label="Another emotion, in your words" if i == 1 else f"Another emotion ({i})",
                max_length=120,
                required=False,
                widget=forms.TextInput(attrs={"placeholder": " "}),  # :placeholder-shown hides the slider
            )
            self.fields[f"intensity_{i}"] = forms.IntegerField(
                label="How strong (0–100)" if i == 1 else f"How strong, emotion {i} (0–100)",
                min_value=0,
                max_value=100,
                required=False,
                initial=50,
                widget=_intensity_slider(),
            )
        for emotion in existing:
            key = emotion.name.strip().lower()
            if key in _EMOTION_KEYS:
                self.initial[f"feel_{key}"] = True
                self.initial[f"level_{key}"] = emotion.intensity_before
        for i, emotion in enumerate(own_words, start=1):
            self.initial[f"name_{i}"] = emotion.name
            self.initial[f"intensity_{i}"] = emotion.intensity_before

    def chip_rows(self):
        """(chip field, slider field) pairs, for the template."""
        return [(self[f"feel_{key}"], self[f"level_{key}"]) for key, _ in EMOTIONS]

    def own_word_rows(self):
        return [(self[f"name_{i}"], self[f"intensity_{i}"]) for i in range(1, self.own_rows + 1)]

    def clean(self):
        data = super().clean()
        pairs = []
        for key, _ in EMOTIONS:
            if data.get(f"feel_{key}"):
                level = data.get(f"level_{key}")
                if level is None:
                    if not self.has_error(f"level_{key}"):
                        self.add_error(f"level_{key}", "How strong was it, from 0 to 100?")
                    continue
                pairs.append((key, level))
        for i in range(1, self.own_rows + 1):
            name = (data.get(f"name_{i}") or "").strip()
            intensity = data.get(f"intensity_{i}")
            if self.has_error(f"intensity_{i}") or self.has_error(f"name_{i}") or not name:
                continue
            if intensity is None:
                self.add_error(f"intensity_{i}", "How strong was it, from 0 to 100?")
            elif name.lower() not in {n.lower() for n, _ in pairs}:
                pairs.append((name, intensity))
        if not pairs and not self.errors:
            self.add_error(None, "Choose at least one emotion you felt, or name it in your own words.")
        data["emotions"] = pairs
        return data


def _distortion_label(d) -> str:
    return f"{d.name}: {d.explanation}"


class ThoughtDistortionsForm(forms.Form):
    distortions = forms.MultipleChoiceField(
        label="Thinking traps you notice in the thought",
        choices=[(d.slug, _distortion_label(d)) for d in distortions.BUILT_IN],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    custom_distortions = forms.ModelMultipleChoiceField(
        label="Thinking traps you named yourself",
        queryset=CustomDistortion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        to_field_name="public_id",
    )
    new_name = forms.CharField(label="Add your own thinking trap (optional)", max_length=120, required=False)
    new_explanation = forms.CharField(
        label="What it means, in your words (optional)", max_length=500, required=False, widget=_area(2)
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        mine = CustomDistortion.objects.filter(owner=owner).order_by("created_at", "id")
        self.fields["custom_distortions"].queryset = mine
        self.fields["custom_distortions"].label_from_instance = lambda d: (
            f"{d.name}: {d.explanation}" if d.explanation else d.name
        )
        self.has_custom = mine.exists()
        if not self.has_custom:
            del self.fields["custom_distortions"]

    def clean(self):
        data = super().clean()
        if (data.get("new_explanation") or "").strip() and not (data.get("new_name") or "").strip():
            self.add_error("new_name", "Give your thinking trap a short name.")
        return data


class ThoughtEvidenceForm(ToolForm):
    class Meta:
        model = ThoughtRecord
        fields = ["evidence_for", "evidence_against"]
        widgets = {"evidence_for": _area(4), "evidence_against": _area(4)}
        help_texts = {
            "evidence_for": "Facts, not feelings: what actually happened that fits the thought?",
            "evidence_against": "What doesn't fit? What would a friend point out? What happened the other times?",
        }


class ThoughtBalanceForm(forms.Form):
    balanced_thought = forms.CharField(
        label="A more balanced thought",
        max_length=4000,
        widget=_area(3),
        help_text="Something you can believe, that takes in the evidence on both sides.",
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.emotions = list(record.emotions.all())
        self.initial.setdefault("balanced_thought", record.balanced_thought)
        for emotion in self.emotions:
            self.fields[f"after_{emotion.pk}"] = forms.IntegerField(
                label=f"{emotion.name.capitalize()} now (0–100)",
                help_text=f"It was {emotion.intensity_before} before.",
                min_value=0,
                max_value=100,
                widget=_intensity_slider(),
            )
            after = emotion.intensity_after
            self.initial[f"after_{emotion.pk}"] = after if after is not None else emotion.intensity_before

    def rerated(self) -> dict[int, int]:
        return {e.pk: self.cleaned_data[f"after_{e.pk}"] for e in self.emotions}


class CustomDistortionForm(ToolForm):
    class Meta:
        model = CustomDistortion
        fields = ["name", "explanation"]
        widgets = {"name": forms.TextInput, "explanation": _area(2)}


# ---- the other tools ---------------------------------------------------------------------------------
class FearPredictionForm(ToolForm):
    class Meta:
        model = FearPrediction
        fields = ["prediction", "confidence", "check_on"]
        widgets = {"prediction": _area(2), "check_on": DateInput(), "confidence": _percent()}


class FearPredictionEditForm(ToolForm):
    class Meta:
        model = FearPrediction
        fields = ["prediction", "confidence", "check_on", "outcome", "what_happened"]
        widgets = {
            "prediction": _area(2),
            "check_on": DateInput(),
            "confidence": _percent(),
            "outcome": forms.RadioSelect,
            "what_happened": _area(3),
        }


class FearOutcomeForm(ToolForm):
    class Meta:
        model = FearPrediction
        fields = ["outcome", "what_happened"]
        widgets = {"outcome": forms.RadioSelect, "what_happened": _area(3)}


class LadderStepForm(ToolForm):
    class Meta:
        model = LadderStep
        fields = ["act", "expected_distress"]
        widgets = {"act": _area(2), "expected_distress": _percent("easy", "the hardest")}
        help_texts = {
            "act": "A small, safe act of trust. For example: “Not checking where she is for one evening.”",
            "expected_distress": "How hard you expect it to be: 0 = easy, 100 = the hardest you can imagine.",
        }


class LadderAttemptForm(ToolForm):
    climbed = forms.BooleanField(
        label="I'm ready to move to the next rung",
        required=False,
        help_text="You can try any rung as often as you like.",
    )

    class Meta:
        model = LadderAttempt
        fields = ["distress_before", "distress_after", "notes"]
        widgets = {
            "notes": _area(3),
            "distress_before": _percent("calm", "the hardest"),
            "distress_after": _percent("calm", "the hardest"),
        }


class CoreBeliefForm(ToolForm):
    strength = forms.IntegerField(
        label="How strongly you believe it now (0–100)",
        min_value=0,
        max_value=100,
        widget=_percent("not at all", "completely"),
    )

    class Meta:
        model = CoreBelief
        fields = ["belief", "strength", "evidence_against", "balanced_belief"]
        widgets = {"belief": _area(2), "evidence_against": _area(4), "balanced_belief": _area(2)}
        help_texts = {"belief": "For example: “People always leave in the end.”"}


class CoreBeliefEditForm(ToolForm):
    class Meta:
        model = CoreBelief
        fields = ["belief", "evidence_against", "balanced_belief"]
        widgets = {"belief": _area(2), "evidence_against": _area(4), "balanced_belief": _area(2)}


class BeliefRatingForm(ToolForm):
    class Meta:
        model = BeliefRating
        fields = ["strength"]
        widgets = {"strength": _percent("not at all", "completely")}


class JournalEntryForm(ToolForm):
    class Meta:
        model = JournalEntry
        fields = ["prompt", "body"]
        widgets = {"prompt": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 14})}

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write something before saving; your draft is kept as you type.")
        return body


class EvidenceBrickForm(ToolForm):
    class Meta:
        model = EvidenceBrick
        fields = ["kind", "moment", "who", "happened_on"]
        widgets = {"kind": forms.RadioSelect, "moment": _area(2), "who": forms.TextInput, "happened_on": DateInput()}
        help_texts = {"moment": "Small counts: “He texted when he said he would.”"}

    def clean_happened_on(self):
        return _not_in_future_date(self.cleaned_data["happened_on"])


class SelfPromiseForm(ToolForm):
    class Meta:
        model = SelfPromise
        fields = ["promise"]
        widgets = {"promise": _area(2)}


class SelfPromiseEditForm(ToolForm):
    class Meta:
        model = SelfPromise
        fields = ["promise", "is_active"]
        widgets = {"promise": _area(2)}


class NeedStatementForm(ToolForm):
    class Meta:
        model = NeedStatement
        fields = ["kind", "statement"]
        widgets = {"kind": forms.RadioSelect, "statement": _area(2)}
        help_texts = {"statement": "For example: “Hearing when plans change helps me feel secure.”"}


class CommunicationScriptForm(ToolForm):
    class Meta:
        model = CommunicationScript
        fields = ["title", "feeling", "because", "not_responsible", "need"]
        widgets = {
            "title": forms.TextInput,
            "feeling": forms.TextInput,
            "because": forms.TextInput,
            "not_responsible": forms.TextInput,
            "need": forms.TextInput,
        }
        help_texts = {
            "title": "Just for you, for example “When he's late home”.",
            "feeling": "For example: insecure, on edge, scared.",
            "because": "For example: past experiences, what happened in my last relationship.",
            "not_responsible": "For example: what happened to me before.",
            "need": "For example: some reassurance, a hug, to hear that we're okay.",
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the labels end in "…": the sentence goes on in the field
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("not_responsible", DEFAULT_NOT_RESPONSIBLE)


# ---- the daily check-in and the practice reminder (issue 11) ------------------------------------------

MAX_MOODS = 3


class DailyCheckInForm(forms.Form):
    moods = forms.MultipleChoiceField(
        label="How are you feeling?",
        choices=DailyCheckIn.Mood.choices,
        widget=ChipsMultiple(max_choices=3),
        required=False,
        help_text="Up to three.",
    )
    trust = forms.IntegerField(
        label="How much I trusted people today",
        min_value=0,
        max_value=10,
        initial=5,
        widget=Slider(low_label="not at all", high_label="completely"),
    )
    urge = forms.ChoiceField(
        label="My strongest urge today", choices=DailyCheckIn.Urge.choices, widget=ChipsSingle, initial="none"
    )
    urge_strength = forms.IntegerField(
        label="How strong the urge was",
        min_value=0,
        max_value=10,
        initial=0,
        widget=Slider(low_label="barely", high_label="overwhelming"),
    )
    note = forms.CharField(
        label="A note (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only you see it. Up to 500 characters.",
    )

    def clean_moods(self):
        moods = self.cleaned_data["moods"]
        if len(moods) > MAX_MOODS:
            raise forms.ValidationError("Choose up to three; the ones that fit best.")
        return moods

    def clean(self):
        data = super().clean()
        if data.get("urge") == DailyCheckIn.Urge.NONE and "urge_strength" in data:
            data["urge_strength"] = 0
        return data


class ReminderForm(forms.Form):
    remind = forms.BooleanField(label="Remind me once a day to check in", required=False)
    remind_at = forms.TimeField(
        label="At", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean(self):
        data = super().clean()
        if data.get("remind") and data.get("remind_at") is None and not self.has_error("remind_at"):
            self.add_error("remind_at", "Choose the time you would like the reminder.")
        return data
