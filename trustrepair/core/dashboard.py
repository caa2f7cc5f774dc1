"""Home-page cards. An app adds one by defining `dashboard_card(user) -> dict | None` in its `dashboard.py`.

A card is {"title": str, "text": str, "url": str, "link_text": str}. Cards appear in INSTALLED_APPS order.
"""

from importlib import import_module

from django.apps import apps


def sections_for(user) -> list[dict]:
    cards = []
    for config in apps.get_app_configs():
        if not config.name.startswith("trustrepair.") or config.label == "core":
            continue
        try:
            module = import_module(f"{config.name}.dashboard")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.dashboard":
                raise
            continue
        card = module.dashboard_card(user)
        if card:
            cards.append(card)
    return cards
