"""Every write to the directory: a therapist's own profile, staff verification, taxonomy, CSV import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from trustrepair.accounts.models import User
from trustrepair.booking import services as booking_services
from trustrepair.core import audit, places
from trustrepair.directory import gazetteer, jurisdiction, notify, photos, selectors
from trustrepair.directory.matching import FORMATS, TIMES
from trustrepair.directory.models import (
    LANGUAGE_NAMES,
    Licence,
    Modality,
    Photo,
    Specialty,
    StaffDecision,
    TherapistProfile,
)
from trustrepair.safety.services import screen_text

Status = TherapistProfile.Status
# What a staff decision about a profile's standing (verify, suspend, reinstate) writes, besides its own fields.
STANDING_FIELDS = ["status", "staff_note", "suspended_for_cause", "suspension_reason", "is_listed", "updated_at"]
PLAIN_FIELDS = (
    "name",
    "pronouns",
    "credentials",
    "offers_individual",
    "offers_couples",
    "offers_family",
    "offers_group",
    "offers_in_person",
    "offers_video",
    "offers_phone",
    "address",
    "city",
    "country_code",
    "latitude",
    "longitude",
    "languages",
    "session_times",
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
)


def _refresh_derived(profile: TherapistProfile) -> None:
    """Recompute the listing flag (the only path to the public directory) and the office's ISO place."""
    profile.is_listed = profile.status == Status.VERIFIED and profile.wants_listing and not profile.unlisted_by_staff
    profile.office_place = office_place_for(profile)


def office_place_for(profile: TherapistProfile) -> str:
    """The ISO place of the office, from the city the gazetteer placed (US-NY, CA-ON, GB-ENG, IE)."""
    if not profile.offers_in_person or not profile.country_code:
        return ""
    country = profile.country_code
    if profile.latitude is not None and profile.longitude is not None:
        place = gazetteer.nearest(profile.latitude, profile.longitude, country_code=country)
        if place is not None:
            subdivision = places.subdivision_from_geonames(country, place.admin1)
            if subdivision:
                return subdivision
    return "" if country in places.SUBDIVISION_REQUIRED else country


def _refresh_term_slugs(profile: TherapistProfile, modalities, specialties) -> None:
    profile.modality_slugs = TherapistProfile.join(m.slug for m in modalities)
    profile.specialty_slugs = TherapistProfile.join(s.slug for s in specialties)


def save_profile(user: User, *, modalities=(), specialties=(), **fields) -> TherapistProfile:
    """Create or update the therapist's own profile.

    Asking to be listed puts a draft in the queue. Licences are kept apart (add_licence): a new or changed one
    counts only once staff verify it, so the rest of the profile can change without a new check.
    """
    unknown = set(fields) - set(PLAIN_FIELDS)
    if unknown:
        raise TypeError(f"save_profile got unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            profile = TherapistProfile(user=user)
        for name, value in fields.items():
            setattr(profile, name, value)
        if profile.fee_currency:
            profile.fee_currency = profile.fee_currency.upper()
        if profile.wants_listing and profile.status in (Status.DRAFT, Status.RETURNED):
            profile.status = Status.AWAITING
        if not profile.wants_listing and profile.status == Status.AWAITING:
            profile.status = Status.DRAFT
        _refresh_term_slugs(profile, modalities, specialties)
        _refresh_derived(profile)
        profile.save()
        profile.modalities.set(modalities)
        profile.specialties.set(specialties)
    screen_text(user, profile.statement, source="directory.profile_statement", obj=profile)
    return profile


def _decide(staff: User, profile: TherapistProfile, action: str, reason: str = "", *, tell=True) -> StaffDecision:
    """Keep the decision with its reason, audit it, and tell the therapist (a CSV import stays quiet)."""
    decision = StaffDecision.objects.create(profile=profile, actor=staff, action=action, reason=reason.strip()[:500])
    audit.record_access(
        actor=staff, subject=profile.user, action="update", obj=profile, reason=f"directory decision: {action}"
    )
    if tell:
        notify.decision(profile, decision)  # the sender emails after the commit
    return decision


class DecisionRefused(ValueError):
    """A staff decision that does not apply; the message is written for staff."""


def verify_profile(staff: User, *, profile: TherapistProfile, tell: bool = True) -> TherapistProfile:
    with transaction.atomic():
        profile.status = Status.VERIFIED
        profile.verified_at = timezone.now()
        profile.verified_by = staff
        profile.staff_note = ""
        profile.suspended_for_cause = False
        profile.suspension_reason = ""
        _refresh_derived(profile)
        profile.save(update_fields=[*STANDING_FIELDS, "verified_at", "verified_by"])
        _decide(staff, profile, StaffDecision.Action.VERIFIED, tell=tell)
    if tell:
        refresh_next_available(profiles=[profile])
    return profile


def return_profile(staff: User, *, profile: TherapistProfile, note: str) -> TherapistProfile:
    """Send the profile back with a note: it leaves the directory and its pending requests are withdrawn."""
    with transaction.atomic():
        profile.status = Status.RETURNED
        profile.staff_note = note.strip()[:500]
        profile.verified_at = None
        profile.verified_by = None
        _refresh_derived(profile)
        profile.save(update_fields=["status", "staff_note", "verified_at", "verified_by", "is_listed", "updated_at"])
        _decide(staff, profile, StaffDecision.Action.RETURNED, note)
        booking_services.withdraw_bookings(therapist=profile.user, include_confirmed=False)
    return profile


def suspend_profile(
    staff: User, *, profile: TherapistProfile, reason: str, for_cause: bool = False
) -> TherapistProfile:
    """Out of the directory and not bookable until reinstated. Pending requests are cancelled; confirmed
    appointments stay unless the suspension is for cause (issue 8). Clients are told neutrally; the reason is
    kept with staff and shown to the therapist, never to clients."""
    if not reason.strip():
        raise DecisionRefused("Say why, so the record shows it and the therapist can respond.")
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status == Status.SUSPENDED:
            raise DecisionRefused("This therapist is already suspended.")
        profile.status = Status.SUSPENDED
        profile.staff_note = reason.strip()[:500]
        profile.suspended_for_cause = for_cause
        profile.suspension_reason = reason.strip()[:500]
        _refresh_derived(profile)
        profile.save(update_fields=STANDING_FIELDS)
        _decide(staff, profile, StaffDecision.Action.SUSPENDED, reason)
        booking_services.withdraw_bookings(therapist=profile.user, include_confirmed=for_cause)
    return profile


def reinstate_profile(staff: User, *, profile: TherapistProfile, reason: str) -> TherapistProfile:
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status != Status.SUSPENDED:
            raise DecisionRefused("Only a suspended therapist can be reinstated.")
        profile.status = Status.VERIFIED
        profile.staff_note = ""
        profile.suspended_for_cause = False
        profile.suspension_reason = ""
        _refresh_derived(profile)
        profile.save(update_fields=STANDING_FIELDS)
        _decide(staff, profile, StaffDecision.Action.REINSTATED, reason)
    return profile


def set_unlisted_by_staff(staff: User, *, profile: TherapistProfile, unlisted: bool, reason: str) -> TherapistProfile:
    """Take a profile out of the directory (or put it back) without suspending it; the reason is kept."""
    if unlisted and not reason.strip():
        raise DecisionRefused("Say why, so the record shows it and the therapist can respond.")
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.unlisted_by_staff == unlisted:
            raise DecisionRefused("That is already so.")
        profile.unlisted_by_staff = unlisted
        _refresh_derived(profile)
        profile.save(update_fields=["unlisted_by_staff", "is_listed", "updated_at"])
        action = StaffDecision.Action.UNLISTED if unlisted else StaffDecision.Action.RELISTED
        _decide(staff, profile, action, reason)
    return profile


# ---- licences and registers ---------------------------------------------------------------------


def coverage_columns(licences) -> dict:
    """The profile's derived coverage columns from its licences (only verified ones count)."""
    credentials = [c for c in selectors.credentials_of(licences) if c.is_verified]
    return {
        "remote_coverage": TherapistProfile.join(jurisdiction.remote_coverage(credentials)),
        "licensed_areas": TherapistProfile.join(area for c in credentials for area in c.areas),
        "credentials_json": json.dumps(
            [
                {
                    "kind": c.kind,
                    "body": c.body,
                    "areas": sorted(c.areas),
                    "compact": c.compact,
                    "verified_on": c.verified_on.isoformat(),
                }
                for c in credentials
            ]
        ),
    }


def refresh_coverage(profile: TherapistProfile) -> None:
    columns = coverage_columns(profile.licences.all())
    TherapistProfile.objects.filter(pk=profile.pk).update(**columns)
    for name, value in columns.items():
        setattr(profile, name, value)


def _clean_areas(areas) -> str:
    codes = sorted({a for a in areas if places.is_place(a)})
    if not codes:
        raise ValueError("A licence or register must cover at least one known place.")
    return TherapistProfile.join(codes)


def add_licence(user: User, *, kind: str, body: str, title: str, number: str, areas) -> Licence:
    """A therapist adds a licence or register membership; it counts once staff verify it."""
    profile = TherapistProfile.objects.get(user=user)
    licence = Licence.objects.create(
        profile=profile, kind=kind, body=body.strip(), title=title.strip(), number=number.strip(),
        areas=_clean_areas(areas),
    )  # fmt: skip
    return licence


def remove_licence(user: User, *, public_id) -> int:
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().get(user=user)
        deleted, _ = Licence.objects.filter(profile=profile, public_id=public_id).delete()
        refresh_coverage(profile)
    return deleted


def verify_licence(staff: User, *, licence: Licence, compact: str = "", tell: bool = True) -> Licence:
    """Staff checked the licence with its board or register (and, for a compact, the therapist's authorisation)."""
    if compact and compact not in jurisdiction.COMPACTS:
        raise DecisionRefused("Unknown compact.")
    with transaction.atomic():
        licence.verified_at = timezone.now()
        licence.verified_by = staff
        licence.compact = compact
        licence.save(update_fields=["verified_at", "verified_by", "compact"])
        refresh_coverage(licence.profile)
        label = f"{licence.title} {licence.number}"
        _decide(staff, licence.profile, StaffDecision.Action.LICENCE_VERIFIED, label, tell=tell)
    return licence


def reject_licence(staff: User, *, licence: Licence, reason: str) -> None:
    if not reason.strip():
        raise DecisionRefused("Say why, so the therapist can put it right.")
    with transaction.atomic():
        profile = licence.profile
        label = f"{licence.title} {licence.number}: {reason.strip()}"
        licence.delete()
        refresh_coverage(profile)
        _decide(staff, profile, StaffDecision.Action.LICENCE_REJECTED, label)


def add_term(*, kind: str, slug: str, name: str, description: str = "") -> Modality | Specialty:
    model = Modality if kind == "modality" else Specialty
    return model.objects.create(slug=slug, name=name, description=description)


def set_term_active(*, kind: str, slug: str, is_active: bool) -> int:
    model = Modality if kind == "modality" else Specialty
    return model.objects.filter(slug=slug).update(is_active=is_active)


def erase_profile(user: User) -> None:
    TherapistProfile.objects.filter(user=user).delete()


def export_profile(user: User) -> dict | None:
    profile = TherapistProfile.objects.filter(user=user).first()
    return csv_row(profile) if profile else None


# ---- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "email",
    "name",
    "pronouns",
    "credentials",
    "licence_type",
    "licence_number",
    "jurisdictions",
    "licence_body",
    "modalities",
    "specialties",
    "formats",
    "in_person",
    "video",
    "address",
    "city",
    "country_code",
    "latitude",
    "longitude",
    "languages",
    "session_times",
    "fee",
    "fee_currency",
    "sliding_scale_min",
    "insurance",
    "accepting_new_clients",
    "wants_listing",
    "verified",
    "statement",
]
REQUIRED_COLUMNS = {"email", "name", "licence_type", "licence_number", "jurisdictions"}
TRUE, FALSE = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}
MAX_ROWS = 20000


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _money(value) -> str:
    return "" if value is None else f"{value:.2f}"


def csv_row(profile: TherapistProfile) -> dict:
    licence = next(iter(profile.licences.all()), None)
    return {
        "email": profile.user.email,
        "name": profile.name,
        "pronouns": profile.pronouns,
        "credentials": profile.credentials,
        "licence_type": licence.title if licence else "",
        "licence_number": licence.number if licence else "",
        "jurisdictions": ", ".join(licence.area_codes) if licence else "",
        "licence_body": licence.body if licence else "",
        "modalities": ";".join(TherapistProfile.split(profile.modality_slugs)),
        "specialties": ";".join(TherapistProfile.split(profile.specialty_slugs)),
        "formats": ";".join(profile.formats),
        "in_person": _yes(profile.offers_in_person),
        "video": _yes(profile.offers_video),
        "address": profile.address,
        "city": profile.city,
        "country_code": profile.country_code,
        "latitude": "" if profile.latitude is None else f"{profile.latitude:.5f}",
        "longitude": "" if profile.longitude is None else f"{profile.longitude:.5f}",
        "languages": ";".join(profile.language_codes),
        "session_times": ";".join(profile.time_codes),
        "fee": _money(profile.fee),
        "fee_currency": profile.fee_currency,
        "sliding_scale_min": _money(profile.sliding_scale_min),
        "insurance": profile.insurance,
        "accepting_new_clients": _yes(profile.accepts_new_clients),
        "wants_listing": _yes(profile.wants_listing),
        "verified": _yes(profile.status == Status.VERIFIED),
        "statement": profile.statement,
    }


def _neutralise(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(value) else value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def export_csv(stream, *, reader: User | None = None, ip_address: str | None = None) -> None:
    """Every profile as CSV. When staff (`reader`) export, each therapist in the file gets an audit event:
    the file holds their email and licence details."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    profiles = TherapistProfile.objects.select_related("user").prefetch_related("licences").order_by("id")
    with transaction.atomic():
        for profile in profiles.iterator(chunk_size=2000):
            writer.writerow({k: _neutralise(str(v)) for k, v in csv_row(profile).items()})
            if reader is not None:
                audit.record_access(
                    actor=reader,
                    subject=profile.user,
                    action="export",
                    obj=profile,
                    reason="staff CSV export",
                    ip_address=ip_address,
                )


def read_for_review(staff: User, *, profile: TherapistProfile, ip_address: str | None = None) -> TherapistProfile:
    """Staff opening a therapist's profile for review (email, licence) is audited."""
    audit.record_access(
        actor=staff, subject=profile.user, action="read", obj=profile, reason="opened for review", ip_address=ip_address
    )
    return profile


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    email: str
    fields: dict
    modalities: list
    specialties: list
    verified: bool
    licence: dict


def _bool(value: str, column: str, errors: list[str]) -> bool:
    v = value.strip().lower()
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    errors.append(f"{column} must be yes or no")
    return False


def _decimal(value: str, column: str, errors: list[str]) -> Decimal | None:
    v = value.strip().replace(",", "")
    for symbol in ("$", "£", "€"):
        v = v.removeprefix(symbol)
    if not v:
        return None
    try:
        number = Decimal(v)
    except InvalidOperation:
        errors.append(f"{column} must be a number")
        return None
    if not number.is_finite() or number < 0 or number >= Decimal("1000000"):
        errors.append(f"{column} must be a number from 0 to 999999")
        return None
    return number.quantize(Decimal("0.01"))


def _coordinate(value: str, column: str, limit: float, errors: list[str]) -> float | None:
    v = value.strip()
    if not v:
        return None
    try:
        number = float(v)
    except ValueError:
        errors.append(f"{column} must be a number")
        return None
    if not math.isfinite(number) or abs(number) > limit:
        errors.append(f"{column} must be between -{limit:g} and {limit:g}")
        return None
    return number


def _codes(value: str, allowed, column: str, errors: list[str]) -> list[str]:
    codes = [c.strip().lower() for c in value.replace(",", ";").split(";") if c.strip()]
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        errors.append(f"{column}: unknown {', '.join(unknown)} (use {', '.join(sorted(allowed))})")
    return [c for c in codes if c in allowed]


def _parse_row(number: int, raw: dict, terms: dict, lengths: dict) -> tuple[_Row | None, list[str]]:
    errors: list[str] = []
    row = {k: (raw.get(k) or "").strip() for k in CSV_COLUMNS}
    bad = [k for k, v in row.items() if "\x00" in v]
    if bad:
        return None, [f"{', '.join(bad)} contains a NUL character; save the file again as plain CSV"]
    for column in sorted(REQUIRED_COLUMNS):
        if not row[column]:
            errors.append(f"{column} is required")
    email = row["email"].lower()
    if email and ("@" not in email or " " in email or len(email) > 254):
        errors.append("email is not a valid address")
    for column, limit in lengths.items():
        if len(row[column]) > limit:
            errors.append(f"{column} is longer than {limit} characters")
    formats = _codes(row["formats"] or "individual", set(FORMATS), "formats", errors)
    in_person = _bool(row["in_person"], "in_person", errors)
    video = _bool(row["video"] or "yes", "video", errors)
    if not (in_person or video):
        errors.append("choose in_person, video or both")
    fee = _decimal(row["fee"], "fee", errors)
    low = _decimal(row["sliding_scale_min"], "sliding_scale_min", errors)
    if fee is not None and low is not None and low > fee:
        errors.append("sliding_scale_min must not be above fee")
    lat = _coordinate(row["latitude"], "latitude", 90, errors)
    lon = _coordinate(row["longitude"], "longitude", 180, errors)
    country = row["country_code"].upper()
    if country and (len(country) != 2 or not country.isalpha()):
        errors.append("country_code must be two letters, like GB or US")
    if (lat is None) != (lon is None) and not errors:
        errors.append("give both latitude and longitude, or neither")
    if in_person and lat is None and lon is None:
        if not row["city"]:
            errors.append("city is required for in-person therapists without coordinates")
        else:
            query = f"{row['city']}, {country}" if country else row["city"]
            try:
                place = gazetteer.resolve(query)
                lat, lon, country = place.latitude, place.longitude, place.country_code
            except gazetteer.AmbiguousPlace as exc:
                errors.append(f"city “{row['city']}” is ambiguous ({exc}); add country_code or coordinates")
            except gazetteer.PlaceNotFound:
                errors.append(f"city “{row['city']}” could not be placed; add country_code or coordinates")
    areas, unknown_areas = jurisdiction.parse_areas(
        row["jurisdictions"], default_country=country or "US", known=places.is_place
    )
    if unknown_areas:
        errors.append(f"jurisdictions: unknown {', '.join(unknown_areas)} (use ISO codes such as US-NY, CA-ON or GB)")
    currency = (row["fee_currency"] or "USD").upper()
    if currency not in _currency_codes():
        errors.append(f"fee_currency: unknown {currency} (use an ISO 4217 code such as USD, GBP or EUR)")
    languages = _codes(row["languages"] or "en", set(LANGUAGE_NAMES), "languages", errors)
    times = _codes(row["session_times"], set(TIMES), "session_times", errors)
    modalities = _codes(row["modalities"], set(terms["modality"]), "modalities", errors)
    specialties = _codes(row["specialties"], set(terms["specialty"]), "specialties", errors)
    accepts = _bool(row["accepting_new_clients"] or "yes", "accepting_new_clients", errors)
    wants_listing = _bool(row["wants_listing"], "wants_listing", errors)
    verified = _bool(row["verified"], "verified", errors)
    if errors:
        return None, errors
    fields = {
        "name": row["name"],
        "pronouns": row["pronouns"],
        "credentials": row["credentials"],
        "offers_in_person": in_person,
        "offers_video": video,
        "address": row["address"],
        "city": row["city"],
        "country_code": country,
        "latitude": lat,
        "longitude": lon,
        "languages": TherapistProfile.join(languages),
        "session_times": TherapistProfile.join(times),
        "fee": fee,
        "fee_currency": currency,
        "offers_sliding_scale": low is not None,
        "sliding_scale_min": low,
        "insurance": row["insurance"],
        "accepts_new_clients": accepts,
        "statement": row["statement"],
        "wants_listing": wants_listing,
        **{f"offers_{f}": f in formats for f in FORMATS},
    }
    modality_objs = [terms["modality"][s] for s in modalities]
    specialty_objs = [terms["specialty"][s] for s in specialties]
    licence = {
        "kind": Licence.Kind.REGISTER if row["licence_body"].upper() in REGISTERS else Licence.Kind.LICENCE,
        "body": row["licence_body"] or row["licence_type"],
        "title": row["licence_type"],
        "number": row["licence_number"],
        "areas": areas,
    }
    return _Row(number, email, fields, modality_objs, specialty_objs, verified, licence), []


REGISTERS = {"BACP", "UKCP", "HCPC", "NCPS", "BPS", "IACP", "PACFA", "ACA", "NZAC"}


def _currency_codes() -> set[str]:
    from trustrepair.directory.forms import currency_codes

    return currency_codes()


def _import_licence(profile: TherapistProfile, data: dict) -> Licence:
    """The row's licence, matched by number: unchanged it keeps its verification; changed it is checked again."""
    licence = profile.licences.filter(number=data["number"]).first()
    areas = TherapistProfile.join(data["areas"])
    if licence is not None and (licence.areas, licence.title, licence.body) == (areas, data["title"], data["body"]):
        return licence
    if licence is not None:
        licence.delete()
    licence = Licence.objects.create(profile=profile, **{**data, "areas": areas})
    refresh_coverage(profile)
    return licence


def import_csv(staff: User, *, text: str) -> ImportResult:
    """Validate every row first; write all of them in one transaction only when none has an error.

    Row numbers are spreadsheet line numbers: the header is row 1, the first therapist row 2.
    """
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = sorted(REQUIRED_COLUMNS - set(header))
    if missing:
        result.errors.append(f"row 1: missing column(s) {', '.join(missing)}")
        return result
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    if unknown:
        result.errors.append(f"row 1: unknown column(s) {', '.join(unknown)}")
        return result
    reader.fieldnames = header
    terms = {
        "modality": {m.slug: m for m in Modality.objects.all()},
        "specialty": {s.slug: s for s in Specialty.objects.all()},
    }
    lengths = {
        f.name: f.max_length
        for f in TherapistProfile._meta.concrete_fields
        if f.name in CSV_COLUMNS and getattr(f, "max_length", None)
    }
    lengths["statement"] = 1500
    lengths.update(licence_type=100, licence_number=60, licence_body=120, jurisdictions=400)
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    try:
        for raw in reader:
            number = reader.line_num
            if None in raw:
                result.errors.append(f"row {number}: more cells than columns")
                continue
            if not any((v or "").strip() for v in raw.values()):
                continue
            if len(rows) + len(result.errors) >= MAX_ROWS:
                result.errors.append(f"row {number}: a file may hold at most {MAX_ROWS} therapists")
                break
            parsed, errors = _parse_row(number, raw, terms, lengths)
            result.errors.extend(f"row {number}: {e}" for e in errors)
            if parsed is None:
                continue
            if parsed.email in seen:
                result.errors.append(f"row {number}: email {parsed.email} is already on row {seen[parsed.email]}")
                continue
            seen[parsed.email] = number
            rows.append(parsed)
    except csv.Error as exc:
        result.errors.append(f"row {reader.line_num}: the file is not valid CSV ({exc})")
    if result.errors:
        return result
    users = {u.email: u for u in User.objects.filter(email__in=list(seen))}
    for row in rows:
        user = users.get(row.email)
        if user is not None and user.role != User.Role.THERAPIST:
            result.errors.append(f"row {row.number}: {row.email} belongs to an account that is not a therapist")
    if result.errors:
        return result
    if not rows:
        result.errors.append("the file has no therapist rows")
        return result
    with transaction.atomic():
        for row in rows:
            user = users.get(row.email)
            if user is None:
                user = User(email=row.email, role=User.Role.THERAPIST, display_name=row.fields["name"][:80])
                user.set_unusable_password()  # they set one through "forgot password" when invited
                user.save()
                result.created += 1
            else:
                result.updated += 1
            profile = save_profile(user, modalities=row.modalities, specialties=row.specialties, **row.fields)
            licence = _import_licence(profile, row.licence)
            if row.verified and not licence.is_verified:
                verify_licence(staff, licence=licence, tell=False)
            if row.verified and profile.status != Status.VERIFIED:
                verify_profile(staff, profile=profile, tell=False)
    return result


# ---- availability summary ------------------------------------------------------------------------


def refresh_next_available(*, profiles=None, now=None) -> int:
    """Recompute each profile's next open consultation and its weekly open hours from booking's open hours,
    time off and appointments. Idempotent: run on every change (booking calls `availability_changed`) and
    nightly (the `refresh_next_available` command), so "next available" moves on as days pass.
    Returns how many profiles were refreshed."""
    from trustrepair.booking import selectors as booking_selectors

    now = now or timezone.now()
    if profiles is None:
        profiles = TherapistProfile.objects.filter(is_listed=True).select_related("user")
    count = 0
    for profile in profiles:
        schedule = booking_selectors.schedule_of(profile.user)
        first = hours = None
        if schedule is not None:
            first = booking_selectors.first_open_slot(schedule, now=now)
            hours = booking_selectors.weekly_open_hours(schedule, now=now)
        TherapistProfile.objects.filter(pk=profile.pk).update(
            next_available=first, next_available_checked_at=now, open_hours=encode_hours(hours or ())
        )
        count += 1
    return count


def refresh_stale_next_available(*, now=None) -> int:
    """The job's share: listed profiles not checked for a day, or whose next available time has passed."""
    now = now or timezone.now()
    stale = (
        Q(next_available_checked_at__isnull=True)
        | Q(next_available_checked_at__lt=now - dt.timedelta(hours=23))
        | Q(next_available__lte=now)
    )
    profiles = TherapistProfile.objects.filter(stale, is_listed=True).select_related("user")
    return refresh_next_available(profiles=profiles, now=now)


def availability_changed(therapist: User) -> None:
    """Booking's hook: the therapist's open hours, time off or appointments changed."""
    profiles = TherapistProfile.objects.filter(user=therapist).select_related("user")
    transaction.on_commit(lambda: refresh_next_available(profiles=profiles), robust=True)


def encode_hours(hours) -> str:
    """UTC hours of the week as 168 characters of 0 and 1 (one indexed column, cheap to read per row)."""
    chosen = set(hours)
    return "".join("1" if h in chosen else "0" for h in range(168)) if chosen else ""


# ---- photos --------------------------------------------------------------------------------------


def set_photo(user: User, *, data: bytes) -> Photo:
    """Re-encode an upload (directory/photos.py) and keep it in the database; raises photos.PhotoRejected."""
    clean = photos.reencode(data)
    with transaction.atomic():
        profile = TherapistProfile.objects.select_for_update().get(user=user)
        Photo.objects.filter(profile=profile).delete()
        photo = Photo.objects.create(
            profile=profile,
            digest=clean.digest,
            content_type=clean.content_type,
            data=clean.data,
            width=clean.width,
            height=clean.height,
        )
    return photo


def remove_photo(user: User) -> int:
    deleted, _ = Photo.objects.filter(profile__user=user).delete()
    return deleted
