"""Demo data: the demo therapist's listed profile and about 30 more plausible therapists. Idempotent."""

import io
import random
from decimal import Decimal

from PIL import Image, ImageDraw

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
            fee_currency="USD",
            free_first_consultation=True,
            offers_phone=True,
            affirming=",lgbtq,racial,",
            gender="woman",
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
        licence = services.add_licence(
            therapist,
            kind="licence",
            body="New York State Education Department",
            title="Licensed Marriage and Family Therapist",
            number="NY-LMFT-004217",
            areas=["US-NY", "US-NJ"],
        )
        services.verify_licence(staff, licence=licence, tell=False)
        services.verify_profile(staff, profile=profile, tell=False)
    already = TherapistProfile.objects.filter(user__email__startswith="demo-therapist-").count()
    if already < DEMO_COUNT:
        seeding.seed_therapists(
            DEMO_COUNT - already,
            email_prefix="demo-therapist",
            domain="demo.trustrepair.test",
            seed=7,
            verifier=staff,
        )

    _demo_photos(therapist)


PALETTE = [(64, 96, 140), (120, 84, 120), (60, 120, 100), (150, 100, 60), (90, 90, 90), (40, 110, 140)]


def demo_photo(seed: str) -> bytes:
    """A made-up portrait (shapes on a colour, drawn by Pillow at seed time: no downloads, no real person)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (480, 480), rng.choice(PALETTE))
    draw = ImageDraw.Draw(image)
    skin = rng.choice([(241, 194, 167), (198, 134, 103), (141, 85, 60), (224, 172, 105), (92, 57, 40)])
    draw.ellipse((90, 330, 390, 640), fill=rng.choice(PALETTE))  # shoulders
    draw.ellipse((150, 110, 330, 320), fill=skin)  # head
    draw.pieslice((140, 90, 340, 280), 180, 360, fill=rng.choice([(40, 30, 20), (120, 80, 40), (200, 200, 200)]))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _demo_photos(therapist) -> None:
    """The demo therapist and every other demo therapist but a few have a photo; idempotent."""
    profiles = TherapistProfile.objects.filter(
        user__email__startswith="demo-therapist-", photo__isnull=True
    ).select_related("user")
    if not hasattr(TherapistProfile.objects.get(user=therapist), "photo"):
        services.set_photo(therapist, data=demo_photo("tess"))
    for i, profile in enumerate(profiles.order_by("id")):
        if i % 5 != 4:  # some therapists choose not to show a photo
            services.set_photo(profile.user, data=demo_photo(profile.user.email))
    services.refresh_next_available()
