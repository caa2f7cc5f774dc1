import pytest


@pytest.fixture(autouse=True)
def _db(db):
    """Every test here uses the database."""
