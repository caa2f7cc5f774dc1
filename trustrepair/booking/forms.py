import datetime as dt

from django import forms
from django.utils import timezone

from trustrepair.accounts.models import TIME_ZONES
from trustrepair.booking import slots
from trustrepair.booking.models import WEEKDAYS, Appointment, Schedule
from trustrepair.core import places

# How far back a therapist may enter time off that is already running, and how far ahead any booking
# date may go (the longest horizon a therapist can choose). Every date a form accepts lies inside these.
TIME_OFF_PAST_DAYS = 31
LONGEST_HORIZON_DAYS = 365


class DayForm(forms.Form):
    """Pick a day (in your own time zone) and what kind of appointment, inside the therapist's horizon."""

    kind = forms.ChoiceField(label="What would you like to book?", choices=Appointment.Kind.choices)
    day = forms.DateField(
        label="Day",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please enter a date as year-month-day, for example 2026-03-14."},
    )

    def __init__(self, *args, today: dt.date, horizon_days: int = LONGEST_HORIZON_DAYS, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.horizon_days = horizon_days

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < self.today:
            raise forms.ValidationError("That day has already passed. Please pick today or a later day.")
        # One day of slack: the viewer's "today" may be the therapist's yesterday or tomorrow.
        if day > self.today + dt.timedelta(days=self.horizon_days + 1):
            raise forms.ValidationError(
                f"Please pick a day within the next {self.horizon_days} days: "
                "that is as far ahead as this therapist takes bookings."
            )
        return day


def parse_start(value: str) -> dt.datetime | None:
    """An ISO instant from a slot link; None when it is malformed or has no time zone."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+14:00 is before the first representable instant
        return None


def within_horizon(moment: dt.datetime | None, *, now: dt.datetime, horizon_days: int) -> bool:
    """Whether an instant lies between now and the therapist's booking horizon (safe to do arithmetic on)."""
    return moment is not None and now < moment <= now + dt.timedelta(days=horizon_days)


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


class ChosenTimeForm(forms.Form):
    """A form carrying a chosen time in a hidden field, checked against the booking horizon.

    Its errors are shown in the summary at the top in plain words (Django would prefix "(Hidden field start)").
    """

    def __init__(self, *args, now: dt.datetime | None = None, horizon_days: int = LONGEST_HORIZON_DAYS, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        self.horizon_days = horizon_days

    def clean_start(self):
        start = self.cleaned_data.get("start")
        if start is None or self.now is None:
            return start
        if start <= self.now:
            raise forms.ValidationError("That time has already passed. Please choose a time in the future.")
        if start > self.now + dt.timedelta(days=self.horizon_days):
            raise forms.ValidationError(
                f"Please choose a time within the next {self.horizon_days} days: "
                "that is as far ahead as this therapist takes bookings."
            )
        return start

    def get_context(self):
        context = super().get_context()
        errors = self.non_field_errors().copy()
        for bound in context["hidden_fields"]:
            errors.extend(bound.errors)
        context["errors"] = errors
        return context


class IntakeForm(ChosenTimeForm):
    """The confidential intake. Only the therapist you book sees it; it is encrypted when stored."""

    # The only fields a link may fill in; a crafted link must not pick "phone" or plant a number.
    FROM_LINK = ("start", "kind")

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


class RescheduleForm(ChosenTimeForm):
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

    def _bounded(self, name: str) -> dt.date:
        day = self.cleaned_data[name]
        today = timezone.localdate()
        if day < today - dt.timedelta(days=TIME_OFF_PAST_DAYS):
            raise forms.ValidationError(f"Please choose a day no more than {TIME_OFF_PAST_DAYS} days ago.")
        if day > today + dt.timedelta(days=LONGEST_HORIZON_DAYS):
            raise forms.ValidationError(
                f"Please choose a day within the next {LONGEST_HORIZON_DAYS} days, the furthest anyone can book."
            )
        return day

    def clean_first_day(self):
        return self._bounded("first_day")

    def clean_last_day(self):
        return self._bounded("last_day")

    def clean(self):
        data = super().clean()
        if data.get("first_day") and data.get("last_day") and data["first_day"] > data["last_day"]:
            self.add_error("last_day", "The last day must be on or after the first day.")
        return data
