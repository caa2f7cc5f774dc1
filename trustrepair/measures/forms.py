from django import forms

from trustrepair.measures.instruments import Instrument
from trustrepair.measures.services import CADENCES

REQUIRED = "Please choose an answer to this question."
INVALID = "Please choose one of the answers shown."


class AnswersForm(forms.Form):
    """One field per item (radio buttons in a fieldset whose legend is the question), or one set of
    checkboxes for a checklist. Errors sit next to the question they belong to."""

    def __init__(self, *args, instrument: Instrument, with_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        if instrument.presentation == "checklist":
            self.fields["ticked"] = forms.MultipleChoiceField(
                label=instrument.stem,
                choices=[(item.id, item.text) for item in instrument.items],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                error_messages={"invalid_choice": INVALID},
            )
        else:
            scored = set(instrument.item_ids)
            for number, item in enumerate(instrument.items + instrument.unscored_items, start=1):
                self.fields[f"item_{item.id}"] = forms.TypedChoiceField(
                    label=f"{number}. {item.text}",
                    choices=[(str(o.value), o.label) for o in instrument.options_for(item)],
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=item.id in scored and instrument.missing_rule == "complete",
                    empty_value=None,
                    error_messages={"required": REQUIRED, "invalid_choice": INVALID},
                    help_text="" if item.id in scored else "This question is not added to the score.",
                )
        if instrument.allows_note:
            self.fields["note"] = forms.CharField(
                label="Anything you want to add (optional, only you can see it)",
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=4000,
            )
        if with_reason:
            self.fields["reason"] = forms.CharField(
                label="Why are you correcting this response?",
                help_text="For example: “I misread question 3.” The earlier version is kept.",
                max_length=200,
            )

    def answers(self) -> dict[str, int]:
        data = self.cleaned_data
        if self.instrument.presentation == "checklist":
            ticked = set(data.get("ticked") or [])
            return {item.id: int(item.id in ticked) for item in self.instrument.items}
        answers = {}
        for item in self.instrument.items + self.instrument.unscored_items:
            value = data.get(f"item_{item.id}")
            if value is not None:
                answers[item.id] = value
        return answers

    def add_answer_errors(self, errors: dict[str, str]) -> None:
        for item_id, message in errors.items():
            name = f"item_{item_id}" if f"item_{item_id}" in self.fields else None
            if item_id == "reason" and "reason" in self.fields:
                name = "reason"
            self.add_error(name, message)

    @staticmethod
    def initial_for(instrument: Instrument, answers: dict[str, int], note: str = "") -> dict:
        if instrument.presentation == "checklist":
            initial = {"ticked": [k for k, v in answers.items() if v]}
        else:
            initial = {f"item_{k}": str(v) for k, v in answers.items()}
        if note:
            initial["note"] = note
        return initial


class ScheduleForm(forms.Form):
    remind = forms.BooleanField(
        label="Remind me when a check-in or an appointment I planned is due",
        required=False,
        help_text="A reminder appears under Updates and, if you chose email, an email worded as you chose in "
        "your profile. This is one agreement for all reminders; you can withdraw it under Your agreements.",
    )
    every_days = forms.TypedChoiceField(
        label="How often would you like to repeat it?",
        choices=CADENCES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose how often.",
            "invalid_choice": "Please choose one of the options shown.",
        },
    )

    field_order = ["every_days", "remind"]
