"""Every read of the directory. Public reads see listed profiles only; other apps use these functions.

For booking:
    is_listed(user) -> bool (bookable), is_verified(user) -> bool (may read intakes)
    listed_profile_for_user(user) -> TherapistProfile | None
    profile_by_public_id(public_id) -> TherapistProfile (listed) or Http404
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db.models import BigIntegerField, Q, QuerySet, Value
from django.db.models.functions import Cast, Mod
from django.http import Http404

from trustrepair.core import places
from trustrepair.directory import jurisdiction, matching, sql_matching
from trustrepair.directory.models import Licence, Modality, Photo, Specialty, TherapistProfile
from trustrepair.measures import selectors as measures_selectors

Status = TherapistProfile.Status


def listed_profiles() -> QuerySet[TherapistProfile]:
    return TherapistProfile.objects.filter(is_listed=True)


def listed_profile_for_user(user) -> TherapistProfile | None:
    """The therapist's profile when it is public (verified and listed), else None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return listed_profiles().filter(user=user).first()


def is_listed(user) -> bool:
    """Whether this therapist can be booked: verified by staff, listed, not returned or suspended."""
    return listed_profile_for_user(user) is not None


def is_verified(user) -> bool:
    """Whether this therapist's licence stands verified now (listed or not): only then do they read intakes."""
    return TherapistProfile.objects.filter(user=user, status=Status.VERIFIED).exists()


def suspended_profiles() -> QuerySet[TherapistProfile]:
    return TherapistProfile.objects.filter(status=Status.SUSPENDED).select_related("user").order_by("name", "id")


def profile_by_public_id(public_id) -> TherapistProfile:
    """A listed profile by its public id; 404 for unlisted, unverified or unknown ones."""
    try:
        return (
            listed_profiles()
            .select_related("photo")
            .defer("photo__data")
            .prefetch_related("modalities", "specialties", "licences")
            .get(public_id=public_id)
        )
    except (TherapistProfile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No listed therapist has that address.")


def own_profile(user) -> TherapistProfile | None:
    return TherapistProfile.objects.filter(user=user).prefetch_related("modalities", "specialties").first()


def profile_for_staff(public_id) -> TherapistProfile:
    try:
        return (
            TherapistProfile.objects.select_related("user", "verified_by")
            .prefetch_related("modalities", "specialties")
            .get(public_id=public_id)
        )
    except (TherapistProfile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No therapist profile has that address.")


def verification_queue() -> QuerySet[TherapistProfile]:
    """Profiles waiting for staff: asking to be listed, or with a licence not yet checked."""
    waiting = Q(status=Status.AWAITING) | Q(licences__verified_at__isnull=True, licences__isnull=False)
    return (
        TherapistProfile.objects.filter(waiting)
        .exclude(status=Status.SUSPENDED)
        .distinct()
        .select_related("user")
        .prefetch_related("licences")
        .order_by("updated_at", "id")
    )


def profiles_for_staff(*, query: str = "", status: str = "") -> QuerySet[TherapistProfile]:
    """Every therapist profile for the staff list: search by name, email or licence number; filter by status."""
    profiles = TherapistProfile.objects.select_related("user").prefetch_related("licences")
    query = query.strip()
    if query:
        profiles = profiles.filter(
            Q(name__icontains=query) | Q(user__email__icontains=query) | Q(licences__number__icontains=query)
        ).distinct()
    if status in Status.values:
        profiles = profiles.filter(status=status)
    return profiles.order_by("name", "id")


def licence_for_staff(public_id) -> Licence:
    try:
        return Licence.objects.select_related("profile", "profile__user").get(public_id=public_id)
    except (Licence.DoesNotExist, ValueError, ValidationError):
        raise Http404("No licence has that address.")


def verified_licences(profile: TherapistProfile) -> list[Licence]:
    return [licence for licence in profile.licences.all() if licence.is_verified]


def photo_by_digest(digest: str, *, viewer=None) -> Photo:
    """A photo by its hash: a listed therapist's for anyone; an unlisted one's only for its owner and staff."""
    photo = Photo.objects.select_related("profile").filter(digest=digest).order_by("-profile__is_listed").first()
    if photo is None:
        raise Http404("No photo has that address.")
    if photo.profile.is_listed:
        return photo
    if (
        viewer is not None
        and viewer.is_authenticated
        and (viewer.pk == photo.profile.user_id or viewer.is_practice_staff)
    ):
        return photo
    raise Http404("No photo has that address.")


# A fair order that changes daily and holds while paging: rows sorted by (id × a) mod p, a prime p and a
# multiplier a drawn from the date. Different multipliers give genuinely different permutations (adding a
# constant would only rotate one order), it is plain integer arithmetic on both databases, and paging within
# a day is stable because the order is a pure function of (id, day).
FAIR_PRIME = 2_147_483_647


def fair_multiplier(day: datetime.date) -> int:
    digest = hashlib.blake2b(day.isoformat().encode(), digest_size=8).digest()
    return 2 + int.from_bytes(digest, "big") % (FAIR_PRIME - 3)


def directory_page(
    *,
    specialty: str = "",
    format: str = "",
    mode: str = "",
    language: str = "",
    max_fee=None,
    currency: str = "",
    gender: str = "",
    affirming: str = "",
    accepting: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[TherapistProfile]:
    """The public list, filtered, in the fair daily order."""
    profiles = listed_profiles().select_related("photo").defer("photo__data").prefetch_related("specialties")
    if specialty:
        profiles = profiles.filter(specialty_slugs__contains=f",{specialty},")
    if format in matching.FORMATS:
        profiles = profiles.filter(**{f"offers_{format}": True})
    if mode in ("in_person", "video", "phone"):
        profiles = profiles.filter(**{f"offers_{mode}": True})
    if language:
        profiles = profiles.filter(languages__contains=f",{language},")
    if max_fee is not None:
        fee_ok = Q(fee__lte=max_fee) | Q(offers_sliding_scale=True, sliding_scale_min__lte=max_fee)
        profiles = profiles.filter(fee_ok, fee_currency=currency or "USD")
    if gender:
        profiles = profiles.filter(gender=gender)
    if affirming:
        profiles = profiles.filter(affirming__contains=f",{affirming},")
    if accepting:
        profiles = profiles.filter(accepts_new_clients=True)
    a = fair_multiplier(today or datetime.datetime.now(tz=datetime.UTC).date())
    big = BigIntegerField()
    fair = Mod(Cast("id", big) * Value(a, output_field=big), Value(FAIR_PRIME, output_field=big))
    return profiles.annotate(fair=fair).order_by("fair", "id")


def term_labels() -> dict[str, str]:
    labels = dict(Specialty.objects.values_list("slug", "name"))
    labels.update(Modality.objects.values_list("slug", "name"))
    return labels


def terms() -> dict[str, QuerySet]:
    return {"modality": Modality.objects.order_by("name"), "specialty": Specialty.objects.order_by("name")}


# ---- matching ------------------------------------------------------------------------------------

CANDIDATE_COLUMNS = (
    "id",
    "public_id",
    "name",
    "offers_individual",
    "offers_couples",
    "offers_family",
    "offers_group",
    "offers_in_person",
    "offers_video",
    "latitude",
    "longitude",
    "languages",
    "session_times",
    "specialty_slugs",
    "modality_slugs",
    "fee",
    "sliding_scale_min",
    "offers_sliding_scale",
    "accepts_new_clients",
    "offers_phone",
    "fee_currency",
    "credentials_json",
    "office_place",
    "open_hours",
)


@lru_cache(maxsize=4096)
def _codes(text: str) -> frozenset[str]:
    """',en,es,' -> {'en', 'es'}; the same few strings recur across thousands of rows, so they are cached."""
    return frozenset(v for v in (text or "").split(",") if v)


@lru_cache(maxsize=64)
def _formats(individual: bool, couples: bool, family: bool, group: bool) -> frozenset[str]:
    return frozenset(f for f, on in zip(matching.FORMATS, (individual, couples, family, group), strict=True) if on)


def candidate_from_row(row: tuple) -> matching.Candidate:
    """A row of CANDIDATE_COLUMNS (values_list order) as the pure module's Candidate."""
    (_id, public_id, name, ind, cou, fam, grp, in_person, video, lat, lon, languages, times, specialties,
     modalities, fee, low, sliding, accepts, phone, currency, credentials, office, hours) = row  # fmt: skip
    return matching.Candidate(
        key=str(public_id),
        id=_id,
        name=name,
        formats=_formats(ind, cou, fam, grp),
        languages=_codes(languages),
        specialties=_codes(specialties),
        modalities=_codes(modalities),
        times=_codes(times),
        in_person=in_person,
        video=video,
        phone=phone,
        latitude=lat,
        longitude=lon,
        fee=None if fee is None else float(fee),
        sliding_scale_min=float(low) if sliding and low is not None else None,
        accepts_new_clients=accepts,
        fee_currency=currency,
        credentials=_credentials(credentials),
        office_place=office,
        open_hours=_hours(hours),
    )


@lru_cache(maxsize=4096)
def _credentials(text: str) -> tuple[jurisdiction.Credential, ...]:
    """The verified credentials services wrote as JSON (services.coverage_columns)."""
    return tuple(
        jurisdiction.Credential(
            kind=c["kind"],
            body=c["body"],
            areas=frozenset(c["areas"]),
            compact=c["compact"],
            verified_on=datetime.date.fromisoformat(c["verified_on"]),
        )
        for c in json.loads(text or "[]")
    )


@lru_cache(maxsize=4096)
def _hours(text: str) -> frozenset[int]:
    return frozenset(i for i, c in enumerate(text or "") if c == "1")


@dataclass(frozen=True)
class Result:
    match: matching.Match
    profile: TherapistProfile


def daily_seed(person_key: str = "", today: datetime.date | None = None) -> str:
    """Equal scores are ordered by hash(seed, therapist): fixed for a person for a day, different tomorrow."""
    return f"{(today or datetime.datetime.now(tz=datetime.UTC).date()).isoformat()}:{person_key}"


def match(request: matching.Request, *, seed: str, limit: int = 20) -> list[Result]:
    """Questionnaire answers → the top `limit` therapists, each with the profile and its breakdown.

    The database filters, scores and orders (sql_matching); only the top `limit` ids leave it, then those rows,
    and their "why this match" is built in Python from the same columns (the same integer score, checked by tests).
    """
    ranked = sql_matching.candidates(listed_profiles(), request, seed)
    # Two steps: rank selecting only ids (no wide rows carried through the sort), then load those few rows by
    # primary key and keep the database's order.
    top = sql_matching.top_ids(ranked, limit, seed)
    if not top:
        return []
    rows = TherapistProfile.objects.filter(pk__in=top, is_listed=True).select_related("photo").defer("photo__data")
    by_pk = {p.pk: p for p in rows.prefetch_related("specialties", "modalities")}
    profiles = [by_pk[pk] for pk in top if pk in by_pk]
    labels = term_labels() if profiles else {}
    results = []
    for profile in profiles:
        explained = matching.evaluate(candidate_from_profile(profile), request, seed, labels)
        if explained is not None:  # always, unless a row changed between the query and now
            results.append(Result(explained, profile))
    return results


def candidate_from_profile(profile: TherapistProfile) -> matching.Candidate:
    return candidate_from_row(tuple(getattr(profile, column) for column in CANDIDATE_COLUMNS))


# The trust profile (measures) names concerns and therapies in its own words; these tables turn them into
# the directory's specialties and approaches. A concern with no specialty here (low mood, worry) is left
# for the person to raise with the therapist they choose.
PROFILE_CONCERN_TO_SPECIALTY = {
    "betrayal": "infidelity-and-betrayal",
    "childhood": "trust-issues",
    "trauma": "relationship-trauma",
    "attachment": "attachment-anxiety",
    "jealousy_checking": "trust-issues",
}
PROFILE_THERAPY_TO_MODALITY = {
    "efct": "emotionally-focused-couples-therapy",
    "cbct": "cognitive-behavioural-couples-therapy",
    "attachment": "attachment-based",
    "schema": "schema-therapy",
    "trauma_informed": "trauma-informed",
    "emdr": "emdr",
    "cbt": "cbt",
}


def profile_preferences_for(user) -> dict:
    """Answers to prefill the questionnaire from the person's trust profile, in the directory's terms."""
    if user is None or not getattr(user, "is_authenticated", False):
        return {}
    prefs = measures_selectors.profile_preferences(user)
    answers = {}
    concerns = {PROFILE_CONCERN_TO_SPECIALTY.get(c) for c in prefs.get("concerns") or ()} - {None}
    if concerns:
        answers["concerns"] = sorted(concerns)
    modalities = {PROFILE_THERAPY_TO_MODALITY.get(m) for m in prefs.get("modalities") or ()} - {None}
    if modalities:
        answers["modalities"] = sorted(modalities)
    if prefs.get("format"):
        answers["format"] = prefs["format"]
    return answers


def credentials_of(licences) -> list[jurisdiction.Credential]:
    return [
        jurisdiction.Credential(
            kind=licence.kind,
            body=licence.body,
            areas=frozenset(licence.area_codes),
            compact=licence.compact,
            verified_on=licence.verified_at.date() if licence.verified_at else None,
        )
        for licence in licences
    ]


def refusal_for_profile(profile: TherapistProfile | None, place: str) -> str:
    """Why this therapist may not see someone at `place`, in words for the person; "" when they may.

    A therapist with no directory profile is left to booking's listing rule (only listed therapists are bookable).
    """
    if profile is None:
        return ""
    if profile.status == Status.SUSPENDED:
        return "This therapist is not taking bookings at the moment."
    if not place:
        return "Please say where you will be during the session: the therapist must be licensed there."
    credentials = [c for c in credentials_of(profile.licences.all()) if c.is_verified]
    remote = profile.offers_video or profile.offers_phone
    remote_ok = remote and jurisdiction.covering(credentials, place, remote=True) is not None
    # In person, the client is at the office: its place must be where they say they will be, and covered.
    at_office = profile.offers_in_person and profile.office_place and profile.office_place == place
    in_person_ok = at_office and jurisdiction.covering(credentials, place, remote=False) is not None
    if not (remote_ok or in_person_ok):
        return (
            f"{profile.name} is not licensed or registered for {places.label(place)}, where you will be during the "
            "session, so they cannot see you there. The directory shows therapists who can."
        )
    return ""


def coverage_refusal(*, therapist, place: str) -> str:
    """For booking's service: why `therapist` may not see someone at `place` ("" when they may)."""
    profile = TherapistProfile.objects.filter(user=therapist).first()
    return refusal_for_profile(profile, place)
