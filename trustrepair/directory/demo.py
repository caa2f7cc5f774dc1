"""Demo data: the demo therapist's listed profile and about 30 more plausible therapists. Idempotent."""

from decimal import Decimal

from trustrepair.directory import gazetteer, seeding, services
from trustrepair.directory.models import Modality, Specialty, TherapistProfile

DEMO_COUNT = 30


def seed(cast) -> None:
    therapist, staff = cast["therapist"], cast["staff"]
    if not TherapistProfile.objects.filter(user=therapist).exists():
        place = gazetteer.resolve("New York, US")
        profile = services.save_profile(
            therapist,
            modalities=list(
                Modality.objects.filter(slug__in=["emotionally-focused-couples-therapy", "cbt", "schema-therapy"])
            ),
            specialties=list(
                Specialty.objects.filter(slug__in=["trust-issues", "infidelity-and-betrayal", "attachment-anxiety"])
            ),
            name=therapist.display_name or "Tess Rivera",
            pronouns="she/her",
            credentials="LMFT",
            licence_type="Licensed Marriage and Family Therapist",
            licence_number="NY-LMFT-004217",
            jurisdictions="NY, NJ",
            offers_individual=True,
            offers_couples=True,
            offers_family=False,
            offers_group=False,
            offers_in_person=True,
            offers_video=True,
            address="210 West 14th Street",
            city="New York, NY, US",
            country_code="US",
            latitude=place.latitude,
            longitude=place.longitude,
            languages=",en,es,",
            session_times=",weekday_afternoons,weekday_evenings,",
            fee=Decimal("150.00"),
            offers_sliding_scale=True,
            sliding_scale_min=Decimal("80.00"),
            insurance="Aetna, Cigna",
            accepts_new_clients=True,
            statement=(
                "I work with individuals and couples after a betrayal, and with people whose early experiences "
                "made closeness feel risky. We go at a pace that feels safe, and we practise new ways of "
                "responding between sessions."
            ),
            wants_listing=True,
        )
        services.verify_profile(staff, profile=profile)
    already = TherapistProfile.objects.filter(user__email__startswith="demo-therapist-").count()
    if already < DEMO_COUNT:
        seeding.seed_therapists(
            DEMO_COUNT - already,
            email_prefix="demo-therapist",
            domain="demo.trustrepair.test",
            seed=7,
            verifier=staff,
        )
