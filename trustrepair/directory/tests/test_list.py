"""The directory list: cards a person can compare, filters, and a fair order that holds while paging."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from trustrepair.directory import matching, selectors
from trustrepair.directory.tests.factories import make_therapist

pytestmark = pytest.mark.django_db
LIST = reverse("directory:list")


def names_on(response) -> list[str]:
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_a_card_shows_fee_with_currency_sliding_scale_free_consultation_modes_languages(client, staff_sam):
    make_therapist(
        "gb@example.test",
        verified_by=staff_sam,
        name="Gwen Jones",
        fee=Decimal("70"),
        fee_currency="GBP",
        offers_sliding_scale=True,
        sliding_scale_min=Decimal("40"),
        free_first_consultation=True,
        offers_phone=True,
        languages=",en,cy,",
        areas=("GB",),
    )
    text = client.get(LIST).text
    assert "70 GBP per session; sliding scale from 40 GBP; <strong>first consultation free</strong>" in text
    assert "In person, Video, Phone" in text and "English, Welsh" in text and "Accepting new clients" in text


def test_filters_narrow_the_list_and_fees_compare_only_in_one_currency(client, staff_sam):
    make_therapist("a@example.test", verified_by=staff_sam, name="Ann Dollar", fee=Decimal("100"), gender="woman")
    make_therapist(
        "b@example.test", verified_by=staff_sam, name="Ben Pound", fee=Decimal("60"), fee_currency="GBP",
        affirming=",lgbtq,", offers_in_person=False, latitude=None, longitude=None,
    )  # fmt: skip
    assert names_on(client.get(LIST, {"max_fee": "80", "currency": "GBP"})) == ["Ben Pound"]
    assert names_on(client.get(LIST, {"max_fee": "80", "currency": "USD"})) == []  # 100 USD is over; GBP not compared
    assert names_on(client.get(LIST, {"gender": "woman"})) == ["Ann Dollar"]
    assert names_on(client.get(LIST, {"affirming": "lgbtq"})) == ["Ben Pound"]
    assert names_on(client.get(LIST, {"mode": "in_person"})) == ["Ann Dollar"]
    assert client.get(LIST, {"max_fee": "lots"}).status_code == 200  # bad input: a message, never a 500


def test_the_fair_order_is_stable_while_paging_and_changes_by_day(client, staff_sam):
    for i in range(45):
        make_therapist(f"t{i:02d}@example.test", verified_by=staff_sam, name=f"Therapist {i:02d}")
    pages = [names_on(client.get(LIST, {"page": n})) for n in (1, 2, 3)]
    seen = [name for page in pages for name in page]
    assert len(seen) == 45 and len(set(seen)) == 45  # every therapist once, none twice across pages
    assert seen != sorted(seen)  # not alphabetical
    again = [name for n in (1, 2, 3) for name in names_on(client.get(LIST, {"page": n}))]
    assert again == seen
    firsts = {selectors.directory_page(today=dt.date(2026, 1, d)).first().name for d in range(1, 15)}
    assert len(firsts) > 3  # a different therapist leads on different days


def test_either_mode_near_a_place_weighs_distance_for_in_person_candidates():
    leeds = (53.79648, -1.54785)
    uk = matching.Credential("register", "BACP", frozenset({"GB"}), verified_on=dt.date(2026, 1, 1))

    def cand(key, km):
        return matching.Candidate(
            key=key, formats=frozenset({"individual"}), in_person=True, video=True, credentials=(uk,),
            office_place="GB-ENG", latitude=leeds[0] + km / 111.2, longitude=leeds[1],
        )  # fmt: skip

    request = matching.Request(
        format="individual", mode="either", latitude=leeds[0], longitude=leeds[1], radius_km=50, place="GB"
    )
    ranked = matching.rank([cand("far", 40), cand("near", 2)], request, seed="x")
    assert [m.candidate.key for m in ranked] == ["near", "far"]
    assert any(f.name == "Distance" for f in ranked[0].factors)


def test_the_questionnaire_asks_where_you_will_be_and_prefills_your_place(client, client_alice):
    client.force_login(client_alice)
    page = client.get(reverse("directory:find")).text
    assert "Where will you be during sessions?" in page
    assert '<option value="US-NY" selected>' in page
    missing = client.get(reverse("directory:find"), {"format": "individual", "mode": "online"})
    assert 'id="id_where_error"' in missing.text


def test_the_list_query_count_does_not_grow_with_the_page(client, staff_sam, django_assert_max_num_queries):
    from trustrepair.directory import services
    from trustrepair.directory.tests.photos_for_tests import small_jpeg

    for i in range(25):
        profile = make_therapist(f"q{i}@example.test", verified_by=staff_sam, name=f"Q {i}")
        if i % 2:
            services.set_photo(profile.user, data=small_jpeg(colour=(i, 100, 100)))
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert len(names_on(response)) == 20
