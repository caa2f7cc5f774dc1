import pytest

from trustrepair.couples.tests.helpers import link_and_open


@pytest.fixture
def couple(client_alice, partner_bob):
    return link_and_open(client_alice, partner_bob)
