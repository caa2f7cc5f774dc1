"""Scoring against the published worked examples in shared/instruments.md §2, plus invariants."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.measures import scoring
from trustrepair.measures.instruments import load_instruments

INSTRUMENTS = load_instruments()
PHQ9, GAD7, ECRR, ECRRS, REMPEL = (INSTRUMENTS[i] for i in ("phq9", "gad7", "ecr_r", "ecr_rs", "rempel_trust"))


def answers(values, start=1):
    return {str(n): v for n, v in enumerate(values, start=start)}


# ---- published worked examples ---------------------------------------------------------------------
def test_gad7_mii_example_scores_13_moderate():
    # Medizininformatik-Initiative GAD-7 QuestionnaireResponse example: 2,3,2,1,2,1,2 → 13, moderate.
    result = scoring.score(GAD7, answers([2, 3, 2, 1, 2, 1, 2]))
    assert result.total == 13
    assert result.band.label == "moderate"


def test_phq9_mii_example_all_nearly_every_day_scores_27_severe():
    result = scoring.score(PHQ9, {**answers([3] * 9), "10": 2})  # item 10 answered but never scored
    assert result.total == 27
    assert result.band.label == "severe"


@pytest.mark.parametrize(
    "total,label",
    [
        (0, "none to minimal"),
        (4, "none to minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_boundaries(total, label):
    assert scoring.band_for(PHQ9, total).label == label


@pytest.mark.parametrize("total,label", [(4, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe"), (21, "severe")])
def test_gad7_band_boundaries(total, label):
    assert scoring.band_for(GAD7, total).label == label


@pytest.mark.parametrize("total", [28, -1])
def test_phq9_impossible_total_is_an_error(total):
    with pytest.raises(scoring.ScoringError):
        scoring.band_for(PHQ9, total)


def test_gad7_total_above_21_is_an_error():
    with pytest.raises(scoring.ScoringError):
        scoring.band_for(GAD7, 22)


def test_a_missing_phq9_item_gives_no_total_and_is_not_prorated():
    given_answers = answers([1] * 9)
    del given_answers["4"]
    result = scoring.score(PHQ9, given_answers)
    assert result.total is None
    assert result.band is None
    assert result.missing == ("4",)


def test_out_of_range_answer_is_an_error():
    with pytest.raises(scoring.ScoringError):
        scoring.score(PHQ9, answers([1] * 8 + [4]))
    assert scoring.answer_errors(PHQ9, answers([1] * 8 + [4])) == {"9": "Please choose one of the answers shown."}


def test_ecrr_illustrative_example_from_instruments_md():
    anxiety = [5, 6, 5, 4, 5, 6, 4, 5, 3, 4, 2, 5, 4, 3, 4, 5, 4, 3]
    avoidance = [3, 5, 4, 6, 3, 2, 2, 5, 5, 4, 6, 5, 4, 3, 5, 5, 6, 4]
    result = scoring.score(ECRR, answers(anxiety + avoidance))
    assert round(result.subscales["anxiety"], 2) == 4.61  # 83 / 18
    assert round(result.subscales["avoidance"], 2) == 2.94  # 53 / 18
    assert result.total is None  # the ECR-R has two dimensions and no total


def test_ecrr_all_fours_and_all_sevens_catch_a_missing_or_extra_reversal():
    assert scoring.score(ECRR, answers([4] * 36)).subscales == {"anxiety": 4.0, "avoidance": 4.0}
    sevens = scoring.score(ECRR, answers([7] * 36)).subscales
    assert round(sevens["anxiety"], 2) == 6.33  # (16·7 + 2·1) / 18
    # instruments.md §2 prints 2.33 = (4·7 + 14·1)/18, but its own key reverses 12 of the 18 avoidance items
    # (20, 22, 26–31, 33–36; the other two of the 14 reversals, 9 and 11, are anxiety items), so all 7s
    # give (6·7 + 12·1)/18 = 3.00 — consistent with its own worked example (2.94) above.
    assert round(sevens["avoidance"], 2) == 3.00


def test_ecrrs_key_avoidance_items_1_to_4_reversed():
    result = scoring.score(ECRRS, answers([7] * 9))
    assert round(result.subscales["avoidance"], 4) == round((4 * 1 + 2 * 7) / 6, 4)
    assert result.subscales["anxiety"] == 7


def test_rempel_reverse_items_are_negated_on_the_minus3_to_plus3_scale():
    result = scoring.score(REMPEL, answers([3] * 17))
    assert result.subscales["faith"] == 3
    assert result.subscales["dependability"] == 3
    assert result.subscales["predictability"] == round((4 * -3 + 3) / 5, 4)


# ---- reliable change (Jacobson & Truax 1991), arithmetic from instruments.md §1.11 ---------------
@pytest.mark.parametrize(
    "sd,r,expected",
    [
        (5.5, 0.89, 5.06),
        (5.5, 0.84, 6.10),
        (4.5, 0.92, 3.53),
        (4.5, 0.83, 5.14),
        (0.9, 0.80, 1.12),
        (1.0, 0.90, 0.88),
        (1.1, 0.85, 1.18),
        (1.2, 0.93, 0.88),
        (1.3, 0.80, 1.61),
    ],
)
def test_rci_threshold_matches_the_worked_grid(sd, r, expected):
    assert round(scoring.rci_threshold(sd=sd, reliability=r), 2) == expected


def test_phq9_published_threshold_of_six_points():
    assert scoring.reliable_change(PHQ9, 16, 10).verdict == scoring.IMPROVED
    assert scoring.reliable_change(PHQ9, 16, 11).verdict == scoring.NO_RELIABLE_CHANGE
    assert scoring.reliable_change(PHQ9, 8, 14).verdict == scoring.DETERIORATED


def test_phq9_clinically_significant_improvement_needs_reliable_change_and_crossing_the_cutoff():
    crossed = scoring.reliable_change(PHQ9, 15, 8)
    assert crossed.verdict == scoring.IMPROVED and crossed.clinically_significant
    still_above = scoring.reliable_change(PHQ9, 25, 18)
    assert still_above.verdict == scoring.IMPROVED and not still_above.clinically_significant
    small_cross = scoring.reliable_change(PHQ9, 11, 8)
    assert small_cross.verdict == scoring.NO_RELIABLE_CHANGE and not small_cross.clinically_significant


def test_gad7_four_points_is_reliable():
    assert scoring.reliable_change(GAD7, 13, 9).verdict == scoring.IMPROVED
    assert scoring.reliable_change(GAD7, 13, 10).verdict == scoring.NO_RELIABLE_CHANGE
    assert scoring.reliable_change(GAD7, 5, 9).clinically_significant  # rose across caseness 8


def test_computed_threshold_is_direction_aware_for_subscales():
    # ECR-R placeholder SD 1.1, r .90 → 0.96 points; higher attachment anxiety is worse.
    assert scoring.reliable_change(ECRR, 5.0, 3.9, key="anxiety").verdict == scoring.IMPROVED
    assert scoring.reliable_change(ECRR, 3.0, 4.0, key="anxiety").verdict == scoring.DETERIORATED
    assert scoring.reliable_change(ECRR, 3.0, 3.9, key="anxiety").verdict == scoring.NO_RELIABLE_CHANGE
    assert scoring.reliable_change(ECRR, 3.0, 3.0, key="anxiety").provisional


def test_instruments_without_published_reliability_are_not_assessed():
    assert scoring.reliable_change(REMPEL, 0, 3, key="faith").verdict == scoring.NOT_ASSESSED
    assert scoring.reliable_change(INSTRUMENTS["trust_signs"], 40, 10).verdict == scoring.NOT_ASSESSED


# ---- invariants -------------------------------------------------------------------------------------
def answer_sets(instrument):
    values = [o.value for o in instrument.response_options]
    return st.fixed_dictionaries({i: st.sampled_from(values) for i in instrument.item_ids})


SCORED = [i for i in INSTRUMENTS.values() if i.method != "count"]


@pytest.mark.parametrize("instrument", SCORED, ids=lambda i: i.id)
@settings(deadline=None)  # timing is for benchmarks, not assertions
@given(data=st.data())
def test_scores_stay_in_range(instrument, data):
    result = scoring.score(instrument, data.draw(answer_sets(instrument)))
    if result.total is not None:
        low, high = instrument.total_range()
        assert low <= result.total <= high
        if instrument.bands:
            assert result.band is not None
    for value in result.subscales.values():
        assert instrument.min_value <= value <= instrument.max_value


@pytest.mark.parametrize("instrument", SCORED, ids=lambda i: i.id)
@settings(deadline=None)  # timing is for benchmarks, not assertions
@given(data=st.data())
def test_raising_one_answer_moves_its_scores_in_the_keyed_direction(instrument, data):
    before = data.draw(answer_sets(instrument))
    item = data.draw(st.sampled_from(instrument.item_ids))
    higher = [o.value for o in instrument.response_options if o.value > before[item]]
    if not higher:
        return
    after = {**before, item: data.draw(st.sampled_from(higher))}
    a, b = scoring.score(instrument, before), scoring.score(instrument, after)
    sign = -1 if item in instrument.reverse_items else 1
    for key in ["total", *b.subscales]:
        if a.value(key) is None:
            continue
        if key != "total" and item not in instrument.subscale(key).items:
            assert a.value(key) == b.value(key)
        else:
            assert sign * (b.value(key) - a.value(key)) > 0


@pytest.mark.parametrize("instrument", SCORED, ids=lambda i: i.id)
@settings(deadline=None)  # timing is for benchmarks, not assertions
@given(data=st.data())
def test_mirroring_every_answer_mirrors_every_score(instrument, data):
    # Reverse-item symmetry: answering (lowest + highest − x) everywhere reflects each mean about the midpoint.
    given_answers = data.draw(answer_sets(instrument))
    span = instrument.min_value + instrument.max_value
    mirrored = {k: span - v for k, v in given_answers.items()}
    a, b = scoring.score(instrument, given_answers), scoring.score(instrument, mirrored)
    for key, value in a.subscales.items():
        assert b.subscales[key] == pytest.approx(span - value)
    if a.total is not None:
        assert b.total == pytest.approx(len(instrument.items) * span - a.total)


@settings(deadline=None)
@given(before=st.integers(0, 27), after=st.integers(0, 27))
def test_phq9_verdict_is_antisymmetric(before, after):
    forward, backward = scoring.reliable_change(PHQ9, before, after), scoring.reliable_change(PHQ9, after, before)
    pairs = {(scoring.IMPROVED, scoring.DETERIORATED), (scoring.DETERIORATED, scoring.IMPROVED)}
    assert (forward.verdict, backward.verdict) in pairs | {(scoring.NO_RELIABLE_CHANGE,) * 2}
    assert forward.is_reliable == (abs(after - before) >= 6)


def test_causes_checklist_counts_ticks_and_unticked_means_no():
    causes = INSTRUMENTS["causes"]
    result = scoring.score(causes, {"partner_infidelity": 1, "early_unseen": 1})
    assert result.total == 2 and result.is_complete
