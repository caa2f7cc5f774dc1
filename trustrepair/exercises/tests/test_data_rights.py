"""Free text is encrypted at rest; "download my data" holds every tool's entries; erasure removes them."""

import pytest
from django.db import connection

from trustrepair.core import privacy
from trustrepair.core.fields import encrypted_fields
from trustrepair.exercises import factories
from trustrepair.exercises.models import (
    BeliefRating,
    CustomDistortion,
    LadderAttempt,
    PromiseCheckIn,
    ThoughtEmotion,
    ThoughtRecord,
)
from trustrepair.exercises.tests.helpers import ALL_TOOLS, make_one
from trustrepair.exercises.tools import BY_KEY, TOOLS

pytestmark = pytest.mark.django_db
SECRET = "my-secret-words-about-sam"


def raw_column(model, field, pk):
    table = model._meta.db_table
    column = model._meta.get_field(field).column
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "{column}" FROM "{table}" WHERE id = %s', [pk])  # noqa: S608 - names from the model
        return cursor.fetchone()[0]


CHILDREN = [(ThoughtEmotion, "name"), (LadderAttempt, "notes")]


@pytest.mark.parametrize("key", ALL_TOOLS)
def test_every_free_text_column_holds_no_plaintext(key, client_alice):
    entry = make_one(key, client_alice)
    model = BY_KEY[key].model
    fields = encrypted_fields(model)
    assert fields, f"{model.__name__} has no encrypted free text"
    for field in fields:
        setattr(entry, field.name, SECRET)
    entry.save()
    for field in fields:
        raw = raw_column(model, field.name, entry.pk)
        assert SECRET not in raw and raw.startswith("gAAAA"), f"{model.__name__}.{field.name} is stored readable"
    entry.refresh_from_db()
    assert getattr(entry, fields[0].name) == SECRET


@pytest.mark.parametrize("model,field", CHILDREN)
def test_children_free_text_is_encrypted(model, field, client_alice):
    factories.make_thought_records(client_alice, 1)
    factories.make_ladder_steps(client_alice, 2)
    row = model.objects.first()
    setattr(row, field, SECRET)
    row.save()
    assert SECRET not in raw_column(model, field, row.pk)


def test_every_tool_is_in_the_export_with_its_children(client_alice, stranger_eve):
    factories.make_year_of_entries(client_alice, days=7)
    factories.make_year_of_entries(stranger_eve, days=3)
    record = ThoughtRecord.objects.filter(owner=client_alice).first()
    mine = CustomDistortion.objects.create(owner=client_alice, name="Rehearsing the goodbye")
    record.custom_distortions.add(mine)

    sections = privacy.export_user_data(client_alice)["sections"]
    for tool in TOOLS:
        name = f"exercises.{tool.key}s"
        assert name in sections, f"{tool.title} is missing from the export"
        assert len(sections[name]) == tool.model.objects.filter(owner=client_alice).count()

    records = sections["exercises.thought_records"]
    assert all(len(r["emotions"]) == 2 for r in records)
    assert any(r["custom_distortions"] == [str(mine.public_id)] for r in records)
    assert all(r["distortion_names"] for r in records)
    assert all(len(b["ratings"]) == 52 for b in sections["exercises.core_beliefs"])
    assert any(s.get("attempts") for s in sections["exercises.ladder_steps"])
    assert all(len(p["check_ins"]) == 7 for p in sections["exercises.self_promises"])
    text = str(sections)
    assert "Rehearsing the goodbye" in text  # decrypted: it is the person's own copy
    assert "gAAAA" not in text


def test_the_export_holds_nothing_of_anyone_else(client_alice, stranger_eve):
    factories.make_journal_entries(stranger_eve, 3)
    sections = privacy.export_user_data(client_alice)["sections"]
    assert all(sections[f"exercises.{tool.key}s"] == [] for tool in TOOLS)


def test_erasure_removes_every_tool_and_child_and_leaves_others(client_alice, stranger_eve):
    factories.make_year_of_entries(client_alice, days=5)
    factories.make_year_of_entries(stranger_eve, days=5)
    eve_counts = {tool.key: tool.model.objects.filter(owner=stranger_eve).count() for tool in TOOLS}

    privacy.erase_user(client_alice)

    for tool in TOOLS:
        assert not tool.model.objects.filter(owner_id=client_alice.pk).exists()
        assert tool.model.objects.filter(owner=stranger_eve).count() == eve_counts[tool.key]
    assert not ThoughtEmotion.objects.filter(record__owner_id=client_alice.pk).exists()
    assert not BeliefRating.objects.filter(belief__owner_id=client_alice.pk).exists()
    assert not LadderAttempt.objects.filter(step__owner_id=client_alice.pk).exists()
    assert not PromiseCheckIn.objects.filter(promise__owner_id=client_alice.pk).exists()
    assert ThoughtEmotion.objects.filter(record__owner=stranger_eve).exists()


def test_each_erasure_function_runs_on_its_own(client_alice):
    factories.make_year_of_entries(client_alice, days=3)
    for contributor in privacy.contributors():
        if contributor.name.startswith("exercises."):
            contributor.erase(client_alice)
    assert all(not t.model.objects.filter(owner=client_alice).exists() for t in TOOLS)
