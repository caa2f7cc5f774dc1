"""Every read of the directory. Public reads see listed profiles only; other apps use these functions.

For booking:
    is_listed(user) -> bool (bookable), is_verified(user) -> bool (may read intakes)
    listed_profile_for_user(user) -> TherapistProfile | None
    profile_by_public_id(public_id) -> TherapistProfile (listed) or Http404
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from trustrepair.directory import matching
from trustrepair.directory.models import Modality, Specialty, TherapistProfile
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
        return listed_profiles().prefetch_related("modalities", "specialties").get(public_id=public_id)
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
    return TherapistProfile.objects.filter(status=Status.AWAITING).select_related("user").order_by("updated_at")


def directory_page(*, specialty: str = "", format: str = "") -> QuerySet[TherapistProfile]:
    profiles = listed_profiles().prefetch_related("specialties")
    if specialty:
        profiles = profiles.filter(specialty_slugs__contains=f",{specialty},")
    if format in matching.FORMATS:
        profiles = profiles.filter(**{f"offers_{format}": True})
    return profiles.order_by("name", "id")


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
     modalities, fee, low, sliding, accepts) = row  # fmt: skip
    return matching.Candidate(
        key=str(public_id),
        name=name,
        formats=_formats(ind, cou, fam, grp),
        languages=_codes(languages),
        specialties=_codes(specialties),
        modalities=_codes(modalities),
        times=_codes(times),
        in_person=in_person,
        video=video,
        latitude=lat,
        longitude=lon,
        fee=None if fee is None else float(fee),
        sliding_scale_min=float(low) if sliding and low is not None else None,
        accepts_new_clients=accepts,
    )


def _near(request: matching.Request) -> Q:
    min_lat, max_lat, lon_ranges = matching.bounding_box(request.latitude, request.longitude, request.radius_km)
    lon_q = Q()
    for lo, hi in lon_ranges:
        lon_q |= Q(longitude__gte=lo, longitude__lte=hi)
    return Q(offers_in_person=True, latitude__gte=min_lat, latitude__lte=max_lat) & lon_q


def prefiltered(request: matching.Request) -> QuerySet[TherapistProfile]:
    """The hard requirements the database can check with indexes: listed, accepting, format, language, box."""
    profiles = listed_profiles().filter(accepts_new_clients=True, **{f"offers_{request.format}": True})
    if request.language:
        profiles = profiles.filter(languages__contains=f",{request.language},")
    if request.mode == "in_person":
        profiles = profiles.filter(_near(request))
    elif request.mode == "online":
        profiles = profiles.filter(offers_video=True)
    elif request.place_known:
        profiles = profiles.filter(Q(offers_video=True) | _near(request))
    else:
        profiles = profiles.filter(offers_video=True)
    return profiles


@dataclass(frozen=True)
class Result:
    match: matching.Match
    profile: TherapistProfile


def daily_seed(person_key: str = "", today: datetime.date | None = None) -> str:
    """Equal scores are ordered by hash(seed, therapist): fixed for a person for a day, different tomorrow."""
    return f"{(today or datetime.datetime.now(tz=datetime.UTC).date()).isoformat()}:{person_key}"


def match(request: matching.Request, *, seed: str, limit: int = 20) -> list[Result]:
    """Questionnaire answers → the top `limit` therapists, each with the profile and its breakdown."""
    rows = prefiltered(request).values_list(*CANDIDATE_COLUMNS)
    candidates = [candidate_from_row(r) for r in rows]
    ranked = matching.rank(candidates, request, seed=seed, limit=limit, labels=term_labels())
    keys = [m.candidate.key for m in ranked]
    profiles = {
        str(p.public_id): p
        for p in TherapistProfile.objects.filter(public_id__in=keys).prefetch_related("specialties", "modalities")
    }
    return [Result(m, profiles[m.candidate.key]) for m in ranked if m.candidate.key in profiles]


def naive_match(request: matching.Request, *, seed: str, limit: int = 20) -> list[matching.Match]:
    """The same ranking with no help from the database: every listed row, filtered in Python. For bench/."""
    rows = listed_profiles().values_list(*CANDIDATE_COLUMNS)
    return matching.rank((candidate_from_row(r) for r in rows), request, seed=seed, limit=limit, labels=term_labels())


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
