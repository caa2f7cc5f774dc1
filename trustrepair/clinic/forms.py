from django import forms

from trustrepair.clinic.models import PHASES, PlanGoal, ProgressNote

LONG_TEXT = 20_000


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your therapist",
        max_length=40,
        help_text="Twelve letters and numbers, for example ABCD-EFGH-JK23. Dashes and spaces do not matter.",
    )

    def clean_code(self):
        value = "".join(ch for ch in self.cleaned_data["code"].upper() if ch.isalnum())
        if len(value) != 12:
            raise forms.ValidationError("A code has twelve letters and numbers.")
        return value


class ConfirmCareForm(CodeForm):
    confirm = forms.BooleanField(
        label="Yes, I want to work with this therapist here",
        help_text="Nothing is shared until you choose to share it, and you can end this at any time.",
    )


class ConfirmAppointmentCareForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, I want to work with this therapist here",
        help_text="Nothing is shared until you choose to share it, and you can end this at any time.",
    )


class ShareForm(forms.Form):
    scope = forms.CharField(max_length=60)
    entry = forms.CharField(max_length=64, required=False)


class EndCareForm(forms.Form):
    confirm = forms.BooleanField(
        label="End care with this therapist",
        help_text="They are told neutrally that care has ended and see nothing new from now on. No reason needed.",
    )


class AcknowledgeForm(forms.Form):
    action_taken = forms.CharField(
        label="What you did",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="For the record, for example: phoned the client, safety plan reviewed, session brought forward.",
    )


class ProgressNoteForm(forms.Form):
    format = forms.ChoiceField(choices=ProgressNote.Format.choices, initial="soap")
    session_date = forms.DateField(label="Session date", widget=forms.DateInput(attrs={"type": "date"}))
    subjective = forms.CharField(
        required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}), help_text="SOAP only."
    )
    objective = forms.CharField(
        required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}), help_text="SOAP only."
    )
    data = forms.CharField(
        required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}), help_text="DAP only."
    )
    assessment = forms.CharField(required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    plan = forms.CharField(required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        data = super().clean()
        names = [n for n, _ in ProgressNote.SECTIONS.get(data.get("format") or "soap", ())]
        if not any((data.get(n) or "").strip() for n in names):
            raise forms.ValidationError("Write at least one section of the note.")
        for other in {"subjective", "objective", "data"} - set(names):
            data[other] = ""
        return data


class AddendumForm(forms.Form):
    text = forms.CharField(label="Addendum", max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}))


class PrivateNoteForm(forms.Form):
    text = forms.CharField(
        label="Private note",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only you can read this. It is not part of the client's record or export.",
    )


class PlanForm(forms.Form):
    interventions = forms.CharField(
        required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}), label="Interventions"
    )
    review_on = forms.DateField(label="Review date", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class GoalForm(forms.Form):
    phase = forms.ChoiceField(choices=PHASES)
    text = forms.CharField(label="Goal", max_length=500)
    instrument_id = forms.CharField(
        label="Questionnaire (optional)", max_length=40, required=False, help_text="For example gad7."
    )
    direction = forms.ChoiceField(choices=[("", "—"), *PlanGoal.Direction.choices], required=False, label="Score")
    target = forms.FloatField(required=False, label="Target score")

    def clean(self):
        data = super().clean()
        filled = [bool(data.get("instrument_id")), bool(data.get("direction")), data.get("target") is not None]
        if any(filled) and not all(filled):
            raise forms.ValidationError("A measure target needs the questionnaire, below or above, and a score.")
        if data.get("instrument_id"):
            from trustrepair.measures import registry

            if registry.get(data["instrument_id"]) is None:
                self.add_error("instrument_id", "No questionnaire has that id.")
        return data


class AssignMeasureForm(forms.Form):
    instrument_id = forms.CharField(label="Questionnaire", max_length=40, help_text="For example phq9 or gad7.")
    due_on = forms.DateField(label="Due by", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_instrument_id(self):
        from trustrepair.measures import registry

        value = self.cleaned_data["instrument_id"].strip().lower()
        if registry.get(value) is None:
            raise forms.ValidationError("No questionnaire has that id.")
        return value


class BackupForm(forms.Form):
    backup = forms.ModelChoiceField(queryset=None, label="Backup clinician", empty_label="Choose a therapist")

    def __init__(self, *args, therapist=None, **kwargs):
        super().__init__(*args, **kwargs)
        from trustrepair.accounts.models import User

        self.fields["backup"].queryset = (
            User.objects.filter(role=User.Role.THERAPIST, is_active=True)
            .exclude(pk=getattr(therapist, "pk", None))
            .order_by("display_name")
        )
