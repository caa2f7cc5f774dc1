"""Who may see a person where: licences, UK registers, interstate compacts and currencies. Pure functions."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.core import places
from trustrepair.directory import jurisdiction, matching
from trustrepair.directory.jurisdiction import COMPACTS, Credential
from trustrepair.directory.matching import Candidate, Request

DAY = dt.date(2026, 3, 3)
US_STATES = sorted(places.subdivisions("US"))
SUBDIVISIONS = sorted(places.all_subdivisions())
COUNTRIES = sorted(places.countries())
ALL_PLACES = SUBDIVISIONS + COUNTRIES


def licence(*areas, compact="", verified=True, kind="licence", body="Board"):
    return Credential(kind, body, frozenset(areas), compact, DAY if verified else None)


@given(st.sampled_from(ALL_PLACES), st.sampled_from(ALL_PLACES))
def test_a_credential_covers_its_own_places_and_nothing_else_without_a_compact(area, place):
    covered = jurisdiction.covers(licence(area), place, remote=True)
    country = place.split("-")[0]
    assert covered == (area in (place, country))


@given(st.sampled_from(SUBDIVISIONS))
def test_a_country_code_covers_the_whole_country_but_a_state_never_covers_its_country(sub):
    country = sub.split("-")[0]
    assert jurisdiction.covers(licence(country), sub, remote=False)
    assert not jurisdiction.covers(licence(sub), country, remote=True)


@given(st.sampled_from(ALL_PLACES), st.sampled_from(ALL_PLACES), st.booleans())
def test_nothing_unverified_ever_counts(area, place, remote):
    assert not jurisdiction.covers(licence(area, verified=False, compact="psypact"), place, remote=remote)


def test_uk_registers_cover_the_uk_and_only_it():
    bacp = licence("GB", kind="register", body="BACP")
    assert jurisdiction.covers(bacp, "GB", remote=True) and jurisdiction.covers(bacp, "GB-SCT", remote=True)
    assert not jurisdiction.covers(bacp, "IE", remote=True) and not jurisdiction.covers(bacp, "US-NY", remote=True)
    assert jurisdiction.why(bacp) == "Registered (BACP) where you'll be, verified 3 March 2026"


@given(st.sampled_from(sorted(COMPACTS)), st.sampled_from(US_STATES), st.sampled_from(US_STATES))
def test_a_compact_extends_a_member_home_licence_to_members_for_remote_sessions_only(key, home, place):
    compact = COMPACTS[key]
    credential = licence(home, compact=key)
    remote = jurisdiction.covers(credential, place, remote=True)
    in_person = jurisdiction.covers(credential, place, remote=False)
    assert in_person == (place == home)
    if place == home:
        assert remote
    elif home in compact.members:
        assert remote == (place in compact.members)
    else:
        assert not remote  # a home state outside the compact gains nothing from it


def test_the_words_say_when_a_compact_is_used():
    credential = licence("US-PA", compact="psypact")
    assert jurisdiction.covering([credential], "US-TX", remote=True) is credential
    assert jurisdiction.why(credential, compact_used=True) == (
        "Licensed where you'll be through PSYPACT, verified 3 March 2026"
    )
    assert "US-NY" not in jurisdiction.remote_coverage([credential])  # New York is not a PSYPACT member


def test_free_text_jurisdictions_become_iso_codes():
    known = places.is_place
    assert jurisdiction.parse_areas("NY, NJ", default_country="US", known=known) == (["US-NJ", "US-NY"], [])
    assert jurisdiction.parse_areas("ON; BC", default_country="CA", known=known) == (["CA-BC", "CA-ON"], [])
    assert jurisdiction.parse_areas("UK", default_country="GB", known=known) == (["GB"], [])
    assert jurisdiction.parse_areas("US-CA, Narnia", default_country="US", known=known) == (["US-CA"], ["Narnia"])


@given(st.lists(st.sampled_from(ALL_PLACES), min_size=1, max_size=4), st.sampled_from(ALL_PLACES))
def test_the_prefilter_keys_never_miss_a_covered_place(areas, place):
    credential = licence(*areas, compact="counseling")
    coverage = jurisdiction.remote_coverage([credential])
    if jurisdiction.covers(credential, place, remote=True):
        assert any(key in coverage for key in jurisdiction.place_keys(place))


# ---- the matcher applies it ----------------------------------------------------------------------

LEEDS = (53.79648, -1.54785)


def test_a_london_person_is_not_matched_with_a_new_york_therapist_for_video():
    new_york = Candidate(key="ny", formats=frozenset({"individual"}), video=True, credentials=(licence("US-NY"),))
    london = Candidate(
        key="uk", formats=frozenset({"individual"}), video=True, credentials=(licence("GB", kind="register"),)
    )
    ranked = matching.rank([new_york, london], Request(format="individual", mode="online", place="GB"))
    assert [m.candidate.key for m in ranked] == ["uk"]


def test_in_person_needs_the_office_covered_even_when_the_person_is_elsewhere():
    request = Request(format="individual", mode="in_person", latitude=LEEDS[0], longitude=LEEDS[1], place="US-NY")
    base = {"formats": frozenset({"individual"}), "in_person": True, "latitude": LEEDS[0], "longitude": LEEDS[1]}
    registered = Candidate(key="ok", office_place="GB-ENG", credentials=(licence("GB"),), **base)
    unregistered = Candidate(key="no", office_place="GB-ENG", credentials=(licence("US-NY"),), **base)
    assert [m.candidate.key for m in matching.rank([registered, unregistered], request)] == ["ok"]


def test_a_person_who_has_not_said_where_they_are_gets_no_remote_match():
    cand = Candidate(key="k", formats=frozenset({"individual"}), video=True, credentials=(licence("US"),))
    assert matching.rank([cand], Request(format="individual", mode="online", place="")) == []


# ---- money ---------------------------------------------------------------------------------------

CURRENCIES = ["USD", "GBP", "EUR", "CAD", "AUD"]


@given(st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES), st.integers(0, 400), st.integers(0, 400))
def test_budgets_compare_only_like_with_like_and_say_so(fee_currency, budget_currency, fee, budget):
    cand = Candidate(key="k", fee=float(fee), fee_currency=fee_currency)
    factor = matching._budget_factor(cand, float(budget), budget_currency)
    assert 0 <= factor.points <= factor.maximum
    if fee_currency != budget_currency:
        assert factor.points == factor.maximum / 2  # neither rewarded nor punished: not comparable
        assert f"Fee is in {fee_currency}" in factor.explanation and budget_currency in factor.explanation
    else:
        assert fee_currency in factor.explanation
        assert (factor.points == factor.maximum) == (fee <= budget)
