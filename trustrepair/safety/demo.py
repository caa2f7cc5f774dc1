"""Demo data: a safety plan for the demo client (idempotent)."""

from trustrepair.safety.models import SafetyPlan


def seed(cast) -> None:
    client = cast["client"]
    if SafetyPlan.objects.filter(owner=client).exists():
        return
    SafetyPlan.objects.create(
        owner=client,
        warning_signs="Checking his phone over and over. Not sleeping. Thinking nobody would notice if I was gone.",
        coping_alone="Box breathing for five minutes. A hot shower. Walk round the block with music on.",
        distractions="Coffee with Maya. The library on Saturdays. My climbing class.",
        people_to_ask="My sister Jo. My friend Sam.",
        professionals="My therapist (office hours). 988 any time, by call or text. Emergency: 911.",
        safer_surroundings="Ask Jo to keep my spare medication at hers.",
        reasons_for_living="My niece. The trip to the coast next summer. My dog, Biscuit.",
    )
