"""The caseload's scores per person and questionnaire: the first, the one before the latest, and the latest,
from current versions only (a correction replaces what it corrects), in one query."""

from trustrepair.measures import registry, selectors, services
from trustrepair.measures.tests.factories import answers, take


def test_first_previous_and_latest_per_person_and_questionnaire(client_alice, partner_bob, django_assert_num_queries):
    for weeks_ago, value in ((6, 0), (4, 1), (2, 2), (0, 3)):
        take(client_alice, "gad7", [value] * 7, weeks_ago=weeks_ago)
    take(client_alice, "phq9", [1] * 9, weeks_ago=1)
    take(partner_bob, "gad7", [2] * 7, weeks_ago=3)
    take(partner_bob, "gad7", [1] * 7, weeks_ago=1)

    with django_assert_num_queries(1):
        found = selectors.first_and_latest_totals([client_alice.pk, partner_bob.pk])

    assert {k: v for k, v in found[(client_alice.pk, "gad7")].items() if k != "latest_at"} == {
        "first": 0,
        "previous": 14,
        "latest": 21,
    }
    assert found[(client_alice.pk, "phq9")]["first"] == found[(client_alice.pk, "phq9")]["latest"] == 9
    assert "previous" not in found[(client_alice.pk, "phq9")]
    assert (found[(partner_bob.pk, "gad7")]["first"], found[(partner_bob.pk, "gad7")]["latest"]) == (14, 7)
    assert found[(partner_bob.pk, "gad7")]["previous"] == 14


def test_a_corrected_latest_score_counts_as_its_correction(client_alice):
    take(client_alice, "gad7", [1] * 7, weeks_ago=2)
    latest = take(client_alice, "gad7", [3] * 7, weeks_ago=0)
    services.correct_administration(
        client_alice, administration=latest, instrument=registry.get("gad7"), answers=answers([2] * 7), reason="typo"
    )
    row = selectors.first_and_latest_totals([client_alice.pk])[(client_alice.pk, "gad7")]
    assert (row["first"], row["previous"], row["latest"]) == (7, 7, 14)
