"""The thought record: five steps, saved as the person goes, the automatic thought in view on every
step after the first, their own thinking traps next to the built-in ones."""

import pytest
from django.urls import reverse

from trustrepair.exercises.models import CustomDistortion, ThoughtRecord

pytestmark = pytest.mark.django_db
THOUGHT = "He is hiding something from me."


def step_url(record, n):
    return reverse("exercises:thought_record_step", args=[record.public_id, n])


def start(client):
    response = client.post(
        reverse("exercises:thought_record_new"),
        {"situation": "He came home late and didn't text.", "automatic_thought": THOUGHT},
    )
    record = ThoughtRecord.objects.get()
    assert response.status_code == 302 and response.url == step_url(record, 2)
    return record


def test_a_person_completes_a_thought_record_step_by_step(signed_in, client_alice):
    client = signed_in(client_alice)
    assert client.get(reverse("exercises:thought_record_new")).status_code == 200
    record = start(client)

    for n in (2, 3, 4, 5):
        page = client.get(step_url(record, n)).content.decode()
        assert THOUGHT in page, f"the automatic thought is not in view on step {n}"

    assert client.post(
        step_url(record, 2), {"feel_anxious": "on", "level_anxious": "85", "feel_jealous": "on", "level_jealous": "60"}
    ).url == step_url(record, 3)
    assert client.post(
        step_url(record, 3),
        {
            "distortions": ["mind_reading", "fortune_telling"],
            "new_name": "Rehearsing the goodbye",
            "new_explanation": "Imagining the end.",
        },
    ).url == step_url(record, 4)
    assert client.post(
        step_url(record, 4), {"evidence_for": "He was late.", "evidence_against": "The trains were down."}
    ).url == step_url(record, 5)

    emotions = list(record.emotions.order_by("id"))
    response = client.post(
        step_url(record, 5),
        {
            "balanced_thought": "He was probably stuck.",
            f"after_{emotions[0].pk}": "40",
            f"after_{emotions[1].pk}": "20",
        },
    )
    assert response.status_code == 302 and response.url == record.get_absolute_url()

    record.refresh_from_db()
    assert record.is_complete and record.last_step == 5
    assert record.distortions == ["mind_reading", "fortune_telling"]
    assert [(e.name, e.intensity_before, e.intensity_after) for e in record.emotions.order_by("id")] == [
        ("anxious", 85, 40),
        ("jealous", 60, 20),
    ]
    custom = CustomDistortion.objects.get(owner=client_alice)
    assert list(record.custom_distortions.all()) == [custom]

    page = client.get(record.get_absolute_url()).content.decode()
    assert "Mind reading" in page and "Rehearsing the goodbye" in page and "He was probably stuck." in page


def test_a_thought_record_left_halfway_is_kept_and_can_be_carried_on(signed_in, client_alice):
    client = signed_in(client_alice)
    record = start(client)
    listing = client.get(reverse("exercises:thought_record_list")).content.decode()
    assert "unfinished" in listing and step_url(record, 2) in listing


def test_my_own_thinking_traps_are_offered_next_to_the_built_in_ones(signed_in, client_alice):
    client = signed_in(client_alice)
    CustomDistortion.objects.create(owner=client_alice, name="Rehearsing the goodbye")
    record = start(client)
    page = client.get(step_url(record, 3)).content.decode()
    assert "Rehearsing the goodbye" in page and "Mind reading" in page and "Catastrophising" in page


def test_someone_elses_thinking_trap_cannot_be_attached(signed_in, client_alice, stranger_eve):
    CustomDistortion.objects.create(owner=client_alice, name="Alice's trap")
    theirs = CustomDistortion.objects.create(owner=stranger_eve, name="Eve's trap")
    client = signed_in(client_alice)
    record = start(client)
    assert "Eve&#x27;s trap" not in client.get(step_url(record, 3)).content.decode()
    response = client.post(step_url(record, 3), {"custom_distortions": [str(theirs.public_id)]})
    assert response.status_code == 200 and "custom_distortions" in response.context["form"].errors
    assert not record.custom_distortions.exists()


def test_deleting_my_thinking_trap_keeps_the_built_in_ones(signed_in, client_alice):
    client = signed_in(client_alice)
    mine = CustomDistortion.objects.create(owner=client_alice, name="Rehearsing the goodbye")
    client.post(reverse("exercises:distortion_delete", args=[mine.public_id]))
    record = start(client)
    page = client.get(step_url(record, 3)).content.decode()
    assert "Rehearsing the goodbye" not in page and "Mind reading" in page


@pytest.mark.parametrize(
    "step,data,field",
    [
        (2, {}, "__all__"),
        (2, {"feel_anxious": "on", "level_anxious": ""}, "level_anxious"),
        (2, {"feel_anxious": "on", "level_anxious": "150"}, "level_anxious"),
        (2, {"name_1": "uneasy"}, "intensity_1"),
        (2, {"name_1": "uneasy", "intensity_1": "very"}, "intensity_1"),
        (3, {"distortions": ["not_a_trap"]}, "distortions"),
        (3, {"new_explanation": "no name given"}, "new_name"),
        (4, {"evidence_for": "x" * 4001}, "evidence_for"),
        (5, {}, "balanced_thought"),
    ],
)
def test_bad_input_on_a_step_is_answered_next_to_the_field(step, data, field, signed_in, client_alice):
    client = signed_in(client_alice)
    record = start(client)
    response = client.post(step_url(record, step), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert THOUGHT in response.content.decode()  # still in view while fixing the error


def test_a_missing_automatic_thought_is_asked_for(signed_in, client_alice):
    response = signed_in(client_alice).post(reverse("exercises:thought_record_new"), {"situation": "At home."})
    assert "automatic_thought" in response.context["form"].errors
    assert not ThoughtRecord.objects.exists()


def test_a_step_number_out_of_range_is_a_404(signed_in, client_alice):
    client = signed_in(client_alice)
    record = start(client)
    assert client.get(step_url(record, 9)).status_code == 404


def test_another_client_cannot_open_a_step_of_my_record(signed_in, client_alice, stranger_eve):
    client = signed_in(client_alice)
    record = start(client)
    client.force_login(stranger_eve)
    assert client.get(step_url(record, 2)).status_code == 404
    assert client.post(step_url(record, 4), {"evidence_for": "x"}).status_code == 404
