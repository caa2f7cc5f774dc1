from django import forms
from django.utils import timezone

from trustrepair.exercises.models import JournalEntry
from trustrepair.program import curriculum


def phase_choices() -> list[tuple[str, str]]:
    return [(p.slug, f"{p.number}. {p.title}") for p in curriculum.phases()]


class QuietForm(forms.Form):
    """Labels that end in a question mark or a full phrase need no colon after them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class EnrolForm(QuietForm):
    starting_phase = forms.ChoiceField(
        label="Where would you like to start?",
        widget=forms.RadioSelect,
        help_text="Most people start at the beginning. You can move to any phase, back or forward, at any time.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starting_phase"].choices = phase_choices()


class ChoosePhaseForm(forms.Form):
    phase = forms.ChoiceField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = phase_choices()


class LessonDoneForm(forms.Form):
    done = forms.TypedChoiceField(choices=[("1", "done"), ("0", "not done")], coerce=lambda v: v == "1")


class ReflectionForm(QuietForm):
    """The answer to a lesson's reflection prompt. The label is the prompt itself (set by the view)."""

    body = forms.CharField(
        label="Your reflection",
        max_length=JournalEntry._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Only you can see this. It is saved to your journal, stored encrypted, and you can change "
        "or delete it there. Writing is optional: the lesson can be marked done either way.",
        error_messages={"required": "Write a few words first, or simply leave this for now."},
    )

    def __init__(self, *args, prompt: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if prompt:
            self.fields["body"].label = prompt


class SetbackForm(QuietForm):
    happened_on = forms.DateField(
        label="When was it?",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Roughly is fine.",
    )
    what_happened = forms.CharField(
        label="What happened? (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A few words are enough. Only you can see this, and it is stored encrypted.",
    )
    what_might_help = forms.CharField(
        label="What might help right now? (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    return_to_phase = forms.ChoiceField(
        label="Would you like to go back to a phase for a while?",
        required=False,
        widget=forms.RadioSelect,
        help_text="Many people find it steadying to go back to regulation and safety for a while. "
        "Nothing you have done is lost either way.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("happened_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["return_to_phase"].choices = [("", "Stay where I am")] + phase_choices()

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("That date is in the future. Please pick today or an earlier day.")
        return day


class SummaryForm(QuietForm):
    """What goes on the printable summary. Everything personal is off until the person ticks it."""

    include_phases = forms.BooleanField(label="Program progress (phases and lessons done)", required=False)
    include_measures = forms.BooleanField(label="Questionnaire scores, where you have them", required=False)
    include_insights = forms.BooleanField(label="Figures from your insights (counts only, no text)", required=False)
    entries = forms.MultipleChoiceField(
        label="Entries to include",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only the entries you tick are printed. Leave them all unticked to print none.",
    )

    def __init__(self, *args, entry_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = list(entry_choices)
