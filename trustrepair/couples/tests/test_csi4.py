"""CSI-4 as a scoring key: sum of four items (item 1 on 0–6, items 2–4 on 0–5), range 0–21; without a licence
file that supplies the item text it is "not available" (shared/instruments.md §1.8)."""

import pytest

from trustrepair.measures import registry, scoring


def test_csi4_is_a_scoring_key_awaiting_its_licence():
    csi = registry.get("csi4")
    assert csi is not None and not csi.is_complete
    assert csi in registry.awaiting_licence() and csi not in registry.offered()


def test_csi4_scores_as_a_sum_from_0_to_21():
    csi = registry.get("csi4")
    assert csi.total_range() == (0, 21)
    assert scoring.score(csi, {"1": 6, "2": 5, "3": 5, "4": 5}).total == 21
    assert scoring.score(csi, {"1": 3, "2": 3, "3": 4, "4": 2}).total == 12


@pytest.mark.parametrize("answers", [{"1": 6, "2": 6, "3": 0, "4": 0}, {"1": 7, "2": 0, "3": 0, "4": 0}])
def test_csi4_refuses_an_answer_outside_its_items_scale(answers):
    assert scoring.answer_errors(registry.get("csi4"), answers)
