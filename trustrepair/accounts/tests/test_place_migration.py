"""The data migration from the eight regions to ISO places."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_old_regions_become_countries_and_eu_or_other_are_asked_again():
    executor = MigrationExecutor(connection)
    before = [("accounts", "0003_contact_preference_and_discretion")]
    after = [("accounts", "0004_country_and_subdivision_replace_region")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("accounts", "User")
    for n, region in enumerate(["US", "GB", "EU", "OTHER", "AU"]):
        old.objects.create(email=f"p{n}@example.test", region=region, password="!")
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("accounts", "User")
    got = dict(new.objects.values_list("email", "country"))
    assert got == {
        "p0@example.test": "US",
        "p1@example.test": "GB",
        "p2@example.test": "",
        "p3@example.test": "",
        "p4@example.test": "AU",
    }
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
