"""Home-page cards. An app adds one by defining `dashboard_card(user) -> dict | None` in its `dashboard.py`.

A card is {"title": str, "text": str, "url": str, "link_text": str}. Cards appear in INSTALLED_APPS order.
"""

from functools import cache
from importlib import import_module

from django.apps import apps


@cache
def card_modules() -> tuple:
    """The apps' dashboard modules, found once per process: code, not data (looking for the modules an app does not
    have searched the import path on every home page)."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("trustrepair.") or config.label == "core":
            continue
        try:
            modules.append(import_module(f"{config.name}.dashboard"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.dashboard":
                raise
    return tuple(modules)


def sections_for(user) -> list[dict]:
    cards = []
    for module in card_modules():
        card = module.dashboard_card(user)
        if card:
            cards.append(card)
    return cards
