"""Places as ISO codes: the data ships with the code, the rules are pure."""

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.core import places
from trustrepair.safety.resources import crisis_resources, region_for_country


def test_the_subdivision_data_names_its_source_and_holds_what_licensing_needs():
    assert "iso-codes" in places.DATA.read_text()
    assert len(places.subdivisions("US")) == 56  # 50 states, DC and five inhabited territories
    assert len(places.subdivisions("CA")) == 13
    assert len(places.subdivisions("AU")) == 8
    assert set(places.subdivisions("GB")) == {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}
    assert places.subdivisions("FR") == {}


def test_countries_come_offline_with_their_names():
    assert places.countries()["GB"] == "United Kingdom"
    assert len(places.countries()) > 240


@given(st.sampled_from(sorted(places.SUBDIVISION_REQUIRED)))
def test_a_country_that_licenses_by_state_needs_its_state(country):
    assert not places.is_complete(country, "")
    some = next(iter(places.subdivisions(country)))
    assert places.is_complete(country, some)


@given(st.sampled_from(sorted(set(places.countries()) - places.SUBDIVISION_REQUIRED)))
def test_elsewhere_the_country_alone_is_enough(country):
    assert places.is_complete(country, "")


@given(st.sampled_from(sorted(places.all_subdivisions())))
def test_a_subdivision_splits_back_into_its_country(code):
    country, subdivision = places.split(code)
    assert subdivision == code and places.place_code(country, subdivision) == code
    assert places.is_complete(country, subdivision)
    assert not places.is_complete("NZ" if country != "NZ" else "US", subdivision)  # another country's state


def test_geonames_admin_codes_map_to_iso_codes():
    assert places.subdivision_from_geonames("CA", "08") == "CA-ON"
    assert places.subdivision_from_geonames("AU", "02") == "AU-NSW"
    assert places.subdivision_from_geonames("US", "NY") == "US-NY"
    assert places.subdivision_from_geonames("GB", "SCT") == "GB-SCT"
    assert places.subdivision_from_geonames("FR", "11") == ""


def test_labels_read_as_places():
    assert places.label("US-NY") == "New York, United States"
    assert places.label("GB") == "United Kingdom"


def test_the_where_select_offers_only_complete_places():
    values = [v for _group, options in places.choices() for v, _label in options]
    assert "US" not in values and "US-NY" in values and "GB" in values and "GB-WLS" in values and "FR" in values
    assert all(places.is_complete(*places.split(v)) for v in values)


def test_crisis_lines_follow_the_country():
    assert region_for_country("GB") == "GB"
    assert region_for_country("FR") == "EU"  # EU members share 112 and the EU lines
    assert region_for_country("JP") == "OTHER"
    assert region_for_country("") == "OTHER"  # not said yet: the international directory
    assert crisis_resources(region_for_country("DE"))["emergency"]
