"""Plausible therapists in real cities, created fast with bulk_create. Used by seed_directory, demo and bench.

Every therapist gets a User (role therapist, no usable password) so booking can key on it.
"""

from __future__ import annotations

import json
import math
import random
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from trustrepair.accounts.models import User
from trustrepair.core import places
from trustrepair.directory import gazetteer, jurisdiction
from trustrepair.directory.matching import FORMATS, TIMES
from trustrepair.directory.models import Licence, Modality, Specialty, TherapistProfile

COUNTRIES = ("US", "GB", "CA", "AU", "IE", "NZ")
FIRST = [
    "Ada",
    "Amara",
    "Ben",
    "Carmen",
    "Dev",
    "Elena",
    "Farah",
    "Gabriel",
    "Hana",
    "Idris",
    "Jonah",
    "Kira",
    "Leon",
    "Maya",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Samir",
    "Tomas",
    "Una",
    "Valeria",
    "Wen",
    "Xavier",
    "Yara",
    "Zoe",
    "Aoife",
    "Bronwyn",
    "Callum",
    "Daniela",
    "Eitan",
    "Fiona",
    "Grace",
    "Hugo",
    "Ines",
    "Jamal",
    "Keiko",
    "Liam",
    "Mireille",
    "Niamh",
    "Oskar",
    "Paulo",
    "Rania",
    "Siobhan",
    "Tariq",
    "Ursula",
    "Vikram",
    "Wiremu",
    "Yusuf",
]
LAST = [
    "Abara",
    "Bennett",
    "Castillo",
    "Dubois",
    "Evans",
    "Fitzgerald",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Murphy",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quintero",
    "Rahman",
    "Silva",
    "Thompson",
    "Umarov",
    "Varga",
    "Walsh",
    "Xu",
    "Young",
    "Zimmerman",
    "Adeyemi",
    "Byrne",
    "Chen",
    "Doyle",
    "Esposito",
    "Fernandes",
    "Gallagher",
    "Henare",
    "Iqbal",
    "Jovanovic",
    "Kaur",
    "Lopez",
    "McAllister",
    "Novak",
    "O'Brien",
    "Pereira",
    "Reyes",
    "Sato",
]
LICENCES = {
    "US": (
        "Licensed Marriage and Family Therapist",
        "Licensed Professional Counselor",
        "Licensed Clinical Social Worker",
        "Licensed Psychologist",
    ),
    "GB": ("HCPC registered counselling psychologist", "BACP accredited counsellor", "UKCP registered psychotherapist"),
    "CA": ("Registered Psychotherapist", "Registered Clinical Counsellor", "Registered Psychologist"),
    "AU": ("AHPRA registered psychologist", "PACFA registered counsellor"),
    "IE": ("IACP accredited counsellor", "Registered counselling psychologist"),
    "NZ": ("NZAC registered counsellor", "Registered psychologist"),
}
CURRENCIES = {"US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "IE": "EUR", "NZ": "NZD"}
REGISTER_BODIES = {"GB": ("BACP", "UKCP", "HCPC"), "IE": ("IACP",), "NZ": ("NZAC",)}
CURRENCY_FEES = {"US": (90, 220), "GB": (50, 120), "CA": (100, 200), "AU": (120, 240), "IE": (60, 110), "NZ": (90, 180)}
EXTRA_LANGUAGES = {
    "US": ("es", "zh", "vi", "tl", "ko", "ar", "ru", "asl"),
    "GB": ("pl", "ur", "pa", "bn", "cy", "ar", "fr", "bsl"),
    "CA": ("fr", "zh", "pa", "es", "ar", "tl"),
    "AU": ("zh", "ar", "vi", "it", "hi"),
    "IE": ("ga", "pl", "pt", "fr"),
    "NZ": ("zh", "hi", "ko", "tl"),
}
INSURANCE = {
    "US": ("Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Medicaid"),
    "GB": ("Bupa", "AXA Health", "Vitality"),
    "CA": ("Sun Life", "Manulife", "Green Shield"),
    "AU": ("Medicare (mental health care plan)", "Bupa", "Medibank"),
    "IE": ("VHI", "Laya Healthcare", "Irish Life Health"),
    "NZ": ("Southern Cross", "ACC sensitive claims"),
}
OPENINGS = (
    "I work with people who find it hard to rely on others, or on themselves, after trust has been broken.",
    "Most people who see me have been let down by someone close and want to stop that hurt running their life.",
    "I help individuals and couples understand where mistrust comes from and rebuild it one small step at a time.",
    "My clients often arrive convinced they are 'too suspicious' or 'too trusting'; usually it is more interesting.",
)
MIDDLES = (
    "Sessions are practical: we notice the urge to check, test or withdraw, and try different responses.",
    "We look at early experiences and recent ruptures together, at a pace that feels safe.",
    "With couples I hold space for both the hurt partner and the one who hurt, without taking sides.",
    "I draw on research-based methods and adapt them to you rather than the other way round.",
)
CLOSINGS = (
    "A first conversation is free and carries no obligation.",
    "I am happy to talk about fees and whether we are a good fit before we begin.",
    "You are welcome to bring questions about how I work to our first call.",
)


STREETS = ("High Street", "Main Street", "Park Road", "Church Lane", "King Street")


def _weighted_cities(rng: random.Random, count: int) -> list[gazetteer.Place]:
    places = gazetteer.cities(COUNTRIES, min_population=50000)
    weights = [math.sqrt(p.population) for p in places]
    return rng.choices(places, weights=weights, k=count)


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low, high + 1, 5))


def _jitter(rng: random.Random, place: gazetteer.Place) -> tuple[float, float]:
    """A point within roughly 8 km of the city centre."""
    lat = place.latitude + rng.uniform(-0.07, 0.07)
    lon = place.longitude + rng.uniform(-0.07, 0.07) / max(0.2, math.cos(math.radians(place.latitude)))
    return round(max(-90.0, min(90.0, lat)), 5), round((lon + 180.0) % 360.0 - 180.0, 5)


def build_profile(rng: random.Random, place: gazetteer.Place, modalities, specialties) -> tuple[dict, list, list]:
    """Field values for one plausible profile, with its modality and specialty objects."""
    country = place.country_code
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    in_person = rng.random() < 0.7
    video = (not in_person) or rng.random() < 0.75
    formats = {f for f, p in zip(FORMATS, (0.9, 0.5, 0.2, 0.1), strict=True) if rng.random() < p} or {"individual"}
    low, high = CURRENCY_FEES.get(country, (60, 150))
    fee = _money(rng, low, high)
    sliding = rng.random() < 0.35
    languages = {"en"} | set(rng.sample(EXTRA_LANGUAGES.get(country, ()), k=rng.choice((0, 0, 0, 1, 1, 2))))
    lat, lon = _jitter(rng, place)
    openings = OPENINGS if "couples" in formats else tuple(o for o in OPENINGS if "couples" not in o)
    middles = MIDDLES if "couples" in formats else tuple(m for m in MIDDLES if "couples" not in m)
    home = places.subdivision_from_geonames(country, place.admin1) if country in places.SUBDIVISION_REQUIRED else ""
    title = rng.choice(LICENCES.get(country, ("Licensed therapist",)))
    register = country in REGISTER_BODIES
    licence = {
        "kind": "register" if register else "licence",
        "body": rng.choice(REGISTER_BODIES[country]) if register else f"{places.label(home or country)} board",
        "title": title,
        "number": f"{country}-{rng.randrange(10000, 999999)}",
        "areas": [home or country],
        # Some US psychologists hold PSYPACT's authorisation; staff attach it after checking.
        "compact": "psypact" if country == "US" and "Psychologist" in title and rng.random() < 0.5 else "",
    }
    office = (home or country) if in_person else ""
    fields = {
        "name": name,
        "pronouns": rng.choice(("", "", "she/her", "he/him", "they/them")),
        "credentials": rng.choice(("", "MA", "MSc", "PhD", "MSW", "PsyD")),
        "offers_in_person": in_person,
        "offers_video": video,
        "address": f"{rng.randrange(1, 300)} {rng.choice(STREETS)}" if in_person else "",
        "city": place.label if in_person else "",
        "country_code": country,
        "latitude": lat if in_person else None,
        "longitude": lon if in_person else None,
        "languages": TherapistProfile.join(languages),
        "session_times": TherapistProfile.join(t for t in TIMES if rng.random() < 0.5) or ",weekday_afternoons,",
        "fee": fee,
        "fee_currency": CURRENCIES.get(country, "USD"),
        "free_first_consultation": rng.random() < 0.7,
        "offers_phone": rng.random() < 0.3,
        "office_place": office,
        "offers_sliding_scale": sliding,
        "sliding_scale_min": (fee * Decimal("0.5")).quantize(Decimal("1")) if sliding else None,
        "insurance": ", ".join(rng.sample(INSURANCE.get(country, ()), k=min(2, len(INSURANCE.get(country, ())))))
        if rng.random() < 0.4
        else "",
        "accepts_new_clients": rng.random() < 0.85,
        "statement": " ".join((rng.choice(openings), rng.choice(middles), rng.choice(CLOSINGS))),
        **{f"offers_{f}": f in formats for f in FORMATS},
    }
    chosen_modalities = rng.sample(modalities, k=min(len(modalities), rng.randint(1, 4)))
    if "couples" in formats:
        couples = [m for m in modalities if m.slug in ("emotionally-focused-couples-therapy", "gottman-method")]
        chosen_modalities = list({m.pk: m for m in chosen_modalities + couples[:1]}.values())
    chosen_specialties = rng.sample(specialties, k=min(len(specialties), rng.randint(1, 4)))
    if not any(s.slug == "trust-issues" for s in chosen_specialties) and rng.random() < 0.6:
        chosen_specialties += [s for s in specialties if s.slug == "trust-issues"]
    fields["_licence"] = licence
    return fields, chosen_modalities, chosen_specialties


def seed_therapists(
    count: int,
    *,
    email_prefix: str = "seed",
    domain: str = "directory.trustrepair.test",
    seed: int = 20261124,
    listed_share: float = 0.85,
    verifier: User | None = None,
    batch_size: int = 2000,
    insert=None,
) -> int:
    """Create `count` therapists numbered after those already there with this prefix. Returns how many.

    `insert(model, objects)` saves a list and returns it with primary keys set; by default bulk_create.
    bench/match.py passes a faster one (COPY on PostgreSQL, executemany on SQLite) for 100,000 rows.
    """
    if insert is None:

        def insert(model, objects):
            return model.objects.bulk_create(objects, batch_size=batch_size)

    rng = random.Random(f"{seed}:{email_prefix}")
    modalities = list(Modality.objects.filter(is_active=True).order_by("slug"))
    specialties = list(Specialty.objects.filter(is_active=True).order_by("slug"))
    start = User.objects.filter(email__startswith=f"{email_prefix}-", email__endswith=f"@{domain}").count()
    rng.seed(f"{seed}:{email_prefix}:{start}")
    now = timezone.now()
    unusable = make_password(None)
    made = 0
    ModalityLink = TherapistProfile.modalities.through
    SpecialtyLink = TherapistProfile.specialties.through
    for offset in range(0, count, batch_size):
        size = min(batch_size, count - offset)
        places = _weighted_cities(rng, size)
        with transaction.atomic():
            users = [
                User(
                    email=f"{email_prefix}-{start + offset + i:06d}@{domain}",
                    role=User.Role.THERAPIST,
                    password=unusable,
                )
                for i in range(size)
            ]
            built = [build_profile(rng, place, modalities, specialties) for place in places]
            for user, (fields, _m, _s) in zip(users, built, strict=True):
                user.display_name = fields["name"]
            users = insert(User, users)
            profiles = []
            licences = []
            for user, (fields, mods, specs) in zip(users, built, strict=True):
                licence = fields.pop("_licence")
                wants = rng.random() < 0.95
                verified = rng.random() < listed_share / 0.95
                credential = jurisdiction.Credential(
                    licence["kind"], licence["body"], frozenset(licence["areas"]), licence["compact"],
                    now.date() if verified else None,
                )  # fmt: skip
                coverage = jurisdiction.remote_coverage([credential])
                licences.append((licence, verified))
                status = (
                    TherapistProfile.Status.VERIFIED
                    if verified
                    else (TherapistProfile.Status.AWAITING if wants else TherapistProfile.Status.DRAFT)
                )
                profiles.append(
                    TherapistProfile(
                        user=user,
                        wants_listing=wants,
                        status=status,
                        verified_at=now if verified else None,
                        verified_by=verifier if verified else None,
                        is_listed=verified and wants,
                        modality_slugs=TherapistProfile.join(m.slug for m in mods),
                        specialty_slugs=TherapistProfile.join(s.slug for s in specs),
                        remote_coverage=TherapistProfile.join(coverage),
                        licensed_areas=TherapistProfile.join(licence["areas"]) if verified else "",
                        credentials_json=json.dumps(
                            [{**licence, "areas": sorted(licence["areas"]), "verified_on": now.date().isoformat()}]
                            if verified
                            else []
                        ),
                        **fields,
                    )
                )
            profiles = insert(TherapistProfile, profiles)
            insert(
                Licence,
                [
                    Licence(
                        profile_id=p.pk,
                        kind=licence["kind"],
                        body=licence["body"],
                        title=licence["title"],
                        number=licence["number"],
                        areas=TherapistProfile.join(licence["areas"]),
                        compact=licence["compact"],
                        verified_at=now if verified else None,
                        verified_by=verifier if verified else None,
                    )
                    for p, (licence, verified) in zip(profiles, licences, strict=True)
                ],
            )
            insert(
                ModalityLink,
                [
                    ModalityLink(None, p.pk, m.pk)  # (id, profile, modality): positional is much faster
                    for p, (_f, mods, _s) in zip(profiles, built, strict=True)
                    for m in mods
                ],
            )
            insert(
                SpecialtyLink,
                [
                    SpecialtyLink(None, p.pk, s.pk)
                    for p, (_f, _m, specs) in zip(profiles, built, strict=True)
                    for s in specs
                ],
            )
        made += size
    return made


def remove_seeded(*, email_prefix: str = "seed", domain: str = "directory.trustrepair.test") -> int:
    users = User.objects.filter(email__startswith=f"{email_prefix}-", email__endswith=f"@{domain}")
    ids = list(users.values_list("id", flat=True))
    removed = 0
    for i in range(0, len(ids), 5000):
        chunk = ids[i : i + 5000]
        TherapistProfile.modalities.through.objects.filter(therapistprofile__user_id__in=chunk).delete()
        TherapistProfile.specialties.through.objects.filter(therapistprofile__user_id__in=chunk).delete()
        TherapistProfile.objects.filter(user_id__in=chunk).delete()
        removed += User.objects.filter(id__in=chunk).delete()[1].get("accounts.User", 0)
    return removed
