"""A person finds a therapist with the keyboard alone, and sees why each one matches."""

import pytest

from conftest import axe_violations, tab_to
from trustrepair.directory.tests.factories import make_therapist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_only_questionnaire_to_ranked_results(page, staff_sam):
    staff = staff_sam
    make_therapist(
        "near@example.test",
        verified_by=staff,
        name="Morgan Leeds",
        city="Leeds",
        latitude=53.80,
        longitude=-1.55,
        country_code="GB",
        areas=("GB",),
        specialties=("trust-issues", "infidelity-and-betrayal"),
        modalities=("gottman-method",),
    )
    make_therapist(
        "also@example.test",
        verified_by=staff,
        name="Riley Wakefield",
        city="Wakefield",
        latitude=53.68,
        longitude=-1.50,
        country_code="GB",
        areas=("GB",),
        specialties=("workplace-trust",),
    )
    make_therapist(
        "far@example.test",
        verified_by=staff,
        name="Far Away",
        city="London",
        latitude=51.5,
        longitude=-0.12,
        country_code="GB",
        areas=("GB",),
        offers_video=False,
    )

    page.goto("/therapists/find/")
    assert axe_violations(page) == []

    tab_to(page, "input[name=concerns][value=infidelity-and-betrayal]", limit=120)
    page.keyboard.press("Space")
    tab_to(page, "input[name=format]", limit=120)  # the checked radio of the group takes focus
    page.keyboard.press("ArrowRight")  # individual -> couples
    tab_to(page, "input[name=mode]", limit=120)
    page.keyboard.press("ArrowDown")  # either -> in person
    tab_to(page, "input[name=place]", limit=120)
    page.keyboard.type("Leeds")
    tab_to(page, "select[name=where]", limit=120)
    page.keyboard.type("United Kingdom (")  # typeahead picks "United Kingdom (anywhere)"
    assert page.input_value("select[name=where]") == "GB"
    tab_to(page, "button[type=submit]", limit=120)
    page.keyboard.press("Enter")

    page.wait_for_url("**/therapists/find/?*")
    heading = page.locator("#results-heading")
    assert heading.inner_text().startswith("2 therapists")
    assert page.evaluate("document.activeElement.id") == "results-heading"
    names = page.locator(".match-list h3 a").all_inner_texts()
    assert names == ["Morgan Leeds", "Riley Wakefield"]  # the better fit first; London is out of range

    tab_to(page, ".match-list li:first-child summary", limit=120)
    page.keyboard.press("Enter")
    why = page.locator(".match-list li:first-child details")
    assert why.get_attribute("open") is not None
    assert "Experienced with Infidelity and betrayal" in why.inner_text()
    assert "Offers couples sessions" in why.inner_text()
    assert axe_violations(page) == []


def test_a_place_that_cannot_be_found_is_explained_beside_the_field(page):
    page.goto("/therapists/find/")
    tab_to(page, "input[name=mode]", limit=120)
    page.keyboard.press("ArrowDown")
    tab_to(page, "input[name=place]", limit=120)
    page.keyboard.type("Qqqzzzville")
    page.keyboard.press("Enter")
    page.wait_for_url("**/therapists/find/?*")
    assert "couldn't find that place" in page.locator("#id_place_error").inner_text()
    assert page.input_value("input[name=place]") == "Qqqzzzville"
    assert axe_violations(page) == []


def test_staff_suspend_a_therapist_with_the_keyboard_and_the_new_pages_pass_axe(page, live_server, staff_sam):
    from trustrepair.booking.tests.test_browser import sign_in
    from trustrepair.directory import services
    from trustrepair.directory.tests.photos_for_tests import small_jpeg

    profile = make_therapist("tess@example.test", verified_by=staff_sam, name="Tess Rivera")
    services.set_photo(profile.user, data=small_jpeg())
    page.goto("/therapists/")
    assert axe_violations(page) == []
    sign_in(page, live_server, profile.user)
    page.goto("/therapists/me/")
    assert axe_violations(page) == []
    page.goto("/therapists/me/licences/new/")
    assert axe_violations(page) == []

    sign_in(page, live_server, staff_sam)
    page.goto("/therapists/staff/therapists/")
    assert axe_violations(page) == []
    tab_to(page, "input[name=q]", limit=120)
    page.keyboard.type("rivera")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/therapists/?*")
    tab_to(page, f"a[href='/therapists/staff/{profile.public_id}/']", limit=120)
    page.keyboard.press("Enter")
    page.wait_for_selector("#manage-heading")
    assert axe_violations(page) == []
    tab_to(page, "#id_status_reason", limit=200)
    page.keyboard.type("Board reports a complaint under investigation.")
    tab_to(page, "button:text('Suspend')", limit=20)
    page.keyboard.press("Enter")
    page.wait_for_selector("text=is suspended")
    profile.refresh_from_db()
    assert profile.status == "suspended" and not profile.is_listed
    assert axe_violations(page) == []
