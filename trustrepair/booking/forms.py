import datetime as dt

from django import forms

from trustrepair.accounts.models import TIME_ZONES
from trustrepair.booking import slots
from trustrepair.booking.models import WEEKDAYS, Appointment, Schedule
from trustrepair.core import places


class DayForm(forms.Form):
    """Pick a day (in your own time zone) and what kind of appointment."""

    kind = forms.ChoiceField(label="What would you like to book?", choices=Appointment.Kind.choices)
    day = forms.DateField(
        label="Day",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please enter a date as year-month-day, for example 2026-03-14."},
    )

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < self.today:
            raise forms.ValidationError("That day has already passed. Please pick today or a later day.")
        return day


def parse_start(value: str) -> dt.datetime | None:
    """An ISO instant from a slot link; None when it is malformed or has no time zone."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(dt.UTC)


class SlotField(forms.CharField):
    widget = forms.HiddenInput

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        moment = parse_start(value)
        if moment is None:
            raise forms.ValidationError("That time could not be read. Please go back and pick a time from the list.")
        return moment


class IntakeForm(forms.Form):
    """The confidential intake. Only the therapist you book sees it; it is encrypted when stored."""

    start = SlotField(error_messages={"required": "Please go back and pick a time from the list."})
    kind = forms.ChoiceField(choices=Appointment.Kind.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label="What brings you to therapy?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="A few sentences are enough. Only this therapist will read it.",
        error_messages={"required": "Please say a little about what brings you, even a sentence."},
    )
    who_is_involved = forms.CharField(
        label="Who is involved? (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="For example: just me, my partner and me, a family member.",
    )
    preferences = forms.CharField(
        label="Anything you would like the therapist to know or avoid? (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    contact_method = forms.ChoiceField(
        label="What is the safest way to contact you?", choices=Appointment.Contact.choices, widget=forms.RadioSelect
    )
    contact_detail = forms.CharField(
        label="Phone number (only for a call or text)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    may_leave_messages = forms.BooleanField(
        label="It is safe to leave a message (voicemail or text) that mentions TrustRepair.", required=False
    )
    where = forms.ChoiceField(
        label="Where will you be during the session?",
        choices=(),
        help_text="The therapist must be licensed or registered where you are at the time; the law follows you.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["where"].choices = [("", "Choose…"), *places.choices()]

    def clean(self):
        data = super().clean()
        if data.get("contact_method") in ("phone", "text") and not data.get("contact_detail", "").strip():
            self.add_error("contact_detail", "Please give the number to use, or choose another way to contact you.")
        return data


class RescheduleForm(forms.Form):
    start = SlotField(error_messages={"required": "Please pick a new time from the list."})


class DecisionForm(forms.Form):
    message = forms.CharField(
        label="Message to the client (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text="Shown when they sign in; never put in an email.",
    )


class ScheduleForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label="Your time zone", choices=[(tz, tz) for tz in TIME_ZONES])

    class Meta:
        model = Schedule
        fields = [
            "time_zone",
            "accepts_bookings",
            "consultation_minutes",
            "session_minutes",
            "buffer_minutes",
            "min_notice_hours",
            "horizon_days",
            "cancel_notice_hours",
        ]

    def clean(self):
        data = super().clean()
        for name in ("consultation_minutes", "session_minutes"):
            if data.get(name) is not None and not 5 <= data[name] <= 240:
                self.add_error(name, "Please choose between 5 and 240 minutes.")
        if data.get("horizon_days") is not None and not 1 <= data["horizon_days"] <= 365:
            self.add_error("horizon_days", "Please choose between 1 and 365 days.")
        return data


class RuleForm(forms.Form):
    weekday = forms.TypedChoiceField(label="Day of the week", choices=WEEKDAYS, coerce=int)
    start = forms.TimeField(label="From", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label="Until", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def __init__(self, *args, schedule=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.schedule = schedule

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] >= data["end"]:
            self.add_error("end", "The end time must be after the start time.")
        elif data.get("start") and data.get("end") and data.get("weekday") is not None and self.schedule is not None:
            existing = [slots.Rule(r.weekday, r.start, r.end) for r in self.schedule.rules.all()]
            clash = slots.overlapping(existing, slots.Rule(data["weekday"], data["start"], data["end"]))
            if clash is not None:
                self.add_error(
                    "start",
                    f"These hours overlap your open hours on {WEEKDAYS[clash.weekday][1]} "
                    f"{clash.start:%H:%M}–{clash.end:%H:%M}. Change those instead, or choose hours that don't overlap.",
                )
        return data


class TimeOffForm(forms.Form):
    first_day = forms.DateField(label="First day off", widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(label="Last day off", widget=forms.DateInput(attrs={"type": "date"}))
    label = forms.CharField(label="Note for yourself (optional)", max_length=80, required=False)

    def clean(self):
        data = super().clean()
        if data.get("first_day") and data.get("last_day") and data["first_day"] > data["last_day"]:
            self.add_error("last_day", "The last day must be on or after the first day.")
        return data
