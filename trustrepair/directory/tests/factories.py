"""Small helpers that make directory data for tests."""

from decimal import Decimal
from importlib import import_module

from trustrepair.accounts.models import User
from trustrepair.directory import services
from trustrepair.directory.models import Modality, Specialty


def profile_fields(**overrides) -> dict:
    fields = {
        "name": "Dr Test Therapist",
        "pronouns": "",
        "credentials": "LMFT",
        "offers_individual": True,
        "offers_couples": True,
        "offers_family": False,
        "offers_group": False,
        "offers_in_person": True,
        "offers_video": True,
        "address": "1 Main Street",
        "city": "New York, NY, US",
        "country_code": "US",
        "latitude": 40.7143,
        "longitude": -74.006,
        "languages": ",en,",
        "session_times": ",weekday_evenings,",
        "fee": Decimal("120.00"),
        "fee_currency": "USD",
        "offers_sliding_scale": False,
        "sliding_scale_min": None,
        "insurance": "",
        "accepts_new_clients": True,
        "statement": "I help people rebuild trust.",
        "wants_listing": True,
    }
    fields.update(overrides)
    return fields


def ensure_starting_terms() -> None:
    """The taxonomy comes from a data migration; a transactional test before this one may have flushed it."""
    default_terms = import_module("trustrepair.directory.migrations.0002_default_terms")
    for model, terms in ((Modality, default_terms.MODALITIES), (Specialty, default_terms.SPECIALTIES)):
        for slug, name in terms:
            model.objects.get_or_create(slug=slug, defaults={"name": name})


def make_profile(
    user,
    *,
    verified_by=None,
    specialties=("trust-issues",),
    modalities=("cbt",),
    areas=("US-NY",),
    licence_kind="licence",
    compact="",
    **overrides,
):
    """A profile with one licence covering `areas`; with `verified_by`, the licence and profile are verified."""
    ensure_starting_terms()
    profile = services.save_profile(
        user,
        modalities=list(Modality.objects.filter(slug__in=modalities)),
        specialties=list(Specialty.objects.filter(slug__in=specialties)),
        **profile_fields(**overrides),
    )
    if areas:
        licence = services.add_licence(
            user, kind=licence_kind, body="State board", title="LMFT", number=f"L-{profile.pk}", areas=areas
        )
        if verified_by is not None:
            services.verify_licence(verified_by, licence=licence, compact=compact)
    if verified_by is not None:
        profile = services.verify_profile(verified_by, profile=profile)
    profile.refresh_from_db()
    return profile


def make_therapist(email: str, **kwargs):
    user = User.objects.create_user(email=email, password=None, role=User.Role.THERAPIST, display_name=email[:20])
    return make_profile(user, **kwargs)
