"""Staff import and export the directory as CSV: errors by row, and nothing half-imported."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from trustrepair.accounts.models import User
from trustrepair.directory import services
from trustrepair.directory.models import TherapistProfile
from trustrepair.directory.tests.factories import make_therapist

pytestmark = pytest.mark.django_db
IMPORT = reverse("directory:staff_import")

GOOD = {
    "email": "ana@example.test",
    "name": "Ana Byrne",
    "licence_type": "Registered Psychotherapist",
    "licence_number": "ON-123",
    "jurisdictions": "ON",
    "modalities": "cbt;emdr",
    "specialties": "trust-issues",
    "formats": "individual;couples",
    "in_person": "yes",
    "video": "yes",
    "city": "Toronto",
    "country_code": "CA",
    "languages": "en;fr",
    "fee": "140",
    "sliding_scale_min": "80",
    "accepting_new_clients": "yes",
    "wants_listing": "yes",
    "verified": "yes",
    "statement": "I work with couples after betrayal.",
}


def csv_text(*rows: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=services.CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def row(**overrides):
    return {**GOOD, **overrides}


def test_a_good_file_imports_every_row_and_verifies_where_asked(staff_sam):
    text = csv_text(
        row(),
        row(
            email="ben@example.test",
            name="Ben Okafor",
            verified="no",
            city="Leeds",
            country_code="GB",
            jurisdictions="UK",
            licence_body="BACP",
            fee_currency="GBP",
        ),
    )
    result = services.import_csv(staff_sam, text=text)
    assert result.ok and result.created == 2
    ana = TherapistProfile.objects.get(user__email="ana@example.test")
    assert ana.is_listed and ana.language_codes == ["en", "fr"] and round(ana.latitude) == 44
    assert ana.modality_slugs == ",cbt,emdr," and ana.offers_couples and ana.sliding_scale_min == 80
    ben = TherapistProfile.objects.get(user__email="ben@example.test")
    assert ben.status == "awaiting" and not ben.is_listed
    assert User.objects.get(email="ben@example.test").role == "therapist"
    # Jurisdictions become ISO areas on a licence (or, for a UK register, a register membership).
    assert [(lic.kind, lic.area_codes, lic.is_verified) for lic in ana.licences.all()] == [("licence", ["CA-ON"], True)]
    assert [(lic.kind, lic.area_codes, lic.is_verified) for lic in ben.licences.all()] == [("register", ["GB"], False)]
    assert (ana.fee_currency, ben.fee_currency, ana.office_place, ben.office_place) == ("USD", "GBP", "CA-ON", "GB-ENG")
    assert ana.remote_coverage == ",CA-ON,"


def test_an_unknown_jurisdiction_or_currency_is_named_by_row(staff_sam):
    result = services.import_csv(staff_sam, text=csv_text(row(jurisdictions="ON, Narnia", fee_currency="XYZ")))
    assert "row 2: jurisdictions: unknown Narnia (use ISO codes such as US-NY, CA-ON or GB)" in result.errors
    assert any(e.startswith("row 2: fee_currency: unknown XYZ") for e in result.errors)


def test_one_bad_row_means_nothing_is_imported_and_each_error_names_its_row(staff_sam):
    rows = [row(email=f"t{i}@example.test") for i in range(8)]
    rows[5]["fee"] = "a lot"  # spreadsheet row 7 (header is row 1)
    rows[2]["languages"] = "en;zz"  # row 4
    rows[6]["city"] = "Nowhere Qqq"  # row 8
    result = services.import_csv(staff_sam, text=csv_text(*rows))
    assert not result.ok
    assert "row 7: fee must be a number" in result.errors
    assert any(e.startswith("row 4: languages: unknown zz") for e in result.errors)
    assert any(e.startswith("row 8: city") for e in result.errors)
    assert TherapistProfile.objects.count() == 0
    assert not User.objects.filter(email__endswith="@example.test", role="therapist").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": ""}, "row 2: email is required"),
        ({"email": "not an email"}, "row 2: email is not a valid address"),
        ({"in_person": "maybe"}, "row 2: in_person must be yes or no"),
        ({"latitude": "95", "longitude": "0"}, "row 2: latitude must be between -90 and 90"),
        ({"sliding_scale_min": "500"}, "row 2: sliding_scale_min must not be above fee"),
        ({"fee": "1e400"}, "row 2: fee must be a number from 0 to 999999"),
        ({"fee": "NaN"}, "row 2: fee must be a number from 0 to 999999"),
        ({"country_code": "XYZ"}, "row 2: country_code must be two letters, like GB or US"),
        ({"in_person": "no", "video": "no"}, "row 2: choose in_person, video or both"),
        ({"licence_number": "x" * 100}, "row 2: licence_number is longer than 60 characters"),
        ({"name": "A\x00B"}, "row 2: name contains a NUL character; save the file again as plain CSV"),
    ],
)
def test_row_errors_say_what_is_wrong(staff_sam, overrides, message):
    result = services.import_csv(staff_sam, text=csv_text(row(**overrides)))
    assert message in result.errors
    assert not TherapistProfile.objects.exists()


def test_an_ambiguous_city_is_reported(staff_sam):
    result = services.import_csv(staff_sam, text=csv_text(row(city="Springfield", country_code="US")))
    assert any("ambiguous" in e for e in result.errors)


def test_the_same_email_twice_is_an_error(staff_sam):
    result = services.import_csv(staff_sam, text=csv_text(row(), row(name="Again")))
    assert "row 3: email ana@example.test is already on row 2" in result.errors


def test_an_email_belonging_to_a_client_is_refused(staff_sam, client_alice):
    result = services.import_csv(staff_sam, text=csv_text(row(email=client_alice.email)))
    assert result.errors == [f"row 2: {client_alice.email} belongs to an account that is not a therapist"]
    assert client_alice.__class__.objects.get(pk=client_alice.pk).role == "client"


def test_missing_and_unknown_columns_are_reported_on_row_1(staff_sam):
    assert services.import_csv(staff_sam, text="email,name\nx@y.z,X\n").errors[0].startswith("row 1: missing column")
    text = csv_text(row()).replace("statement", "secret_column", 1)
    assert services.import_csv(staff_sam, text=text).errors == ["row 1: unknown column(s) secret_column"]


def test_an_empty_or_garbage_file_is_an_error_not_a_crash(staff_sam):
    assert not services.import_csv(staff_sam, text="").ok
    assert not services.import_csv(staff_sam, text="\x00\x01,\n\n").ok
    assert not services.import_csv(staff_sam, text=csv_text()).ok


def test_export_then_import_round_trips_and_updates_in_place(staff_sam):
    made = make_therapist("round@example.test", verified_by=staff_sam, name="Round Trip", fee=99)
    out = io.StringIO()
    services.export_csv(out)
    text = out.getvalue().replace("Round Trip", "Round Trip Renamed")
    result = services.import_csv(staff_sam, text=text)
    assert result.ok and result.updated == 1 and result.created == 0
    made.refresh_from_db()
    assert made.name == "Round Trip Renamed" and made.fee == 99 and made.is_listed


def test_export_neutralises_spreadsheet_formulas(staff_sam):
    make_therapist("f@example.test", name="=HYPERLINK(1)")
    out = io.StringIO()
    services.export_csv(out)
    assert "'=HYPERLINK(1)" in out.getvalue()


def test_staff_upload_shows_every_error_and_imports_nothing(client, staff_sam):
    client.force_login(staff_sam)
    upload = SimpleUploadedFile("d.csv", csv_text(row(), row(email="b@example.test", fee="ten")).encode())
    response = client.post(IMPORT, {"file": upload})
    assert response.status_code == 400
    assert "Nothing was imported" in response.text and "row 3: fee must be a number" in response.text
    assert not TherapistProfile.objects.exists()


def test_staff_upload_of_a_good_file_imports(client, staff_sam):
    client.force_login(staff_sam)
    upload = SimpleUploadedFile("d.csv", csv_text(row()).encode("utf-8-sig"))
    assert client.post(IMPORT, {"file": upload}).status_code == 302
    assert TherapistProfile.objects.filter(is_listed=True).count() == 1


def test_a_file_that_is_not_utf8_is_a_field_error(client, staff_sam):
    client.force_login(staff_sam)
    upload = SimpleUploadedFile("d.csv", "name,é\n".encode("latin-1"))
    response = client.post(IMPORT, {"file": upload})
    assert response.status_code == 200 and "UTF-8" in response.text


def test_staff_download_the_directory(client, staff_sam):
    make_therapist("d@example.test", verified_by=staff_sam, name="Downloaded One")
    client.force_login(staff_sam)
    response = client.get(reverse("directory:staff_export"))
    assert response["Content-Type"].startswith("text/csv")
    assert "Downloaded One" in response.content.decode()


@pytest.mark.parametrize("role", ["client", "therapist", "partner"])
def test_only_staff_import(client, cast, role):
    client.force_login(cast[role])
    upload = SimpleUploadedFile("d.csv", csv_text(row()).encode())
    assert client.post(IMPORT, {"file": upload}).status_code == 403
    assert not TherapistProfile.objects.exists()
