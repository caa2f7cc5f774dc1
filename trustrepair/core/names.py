"""The one cleaner for every name a person gives (display names, and any other name shown to others).

A name reaches other people's pages and the subject and body of emails, so it must be one plain line: no
line breaks, no control or invisible formatting characters (bidi overrides can make a name read backwards),
composed the same way however it was typed. Pure: no Django here.
"""

import unicodedata

MAX_NAME_LENGTH = 80
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs"}  # control, format (bidi, zero-width), lone surrogates


class InvalidName(ValueError):
    """The reason, in words to show beside the field."""


def clean_name(raw: str) -> str:
    """NFC, Cc and Cf characters removed, every run of whitespace one space, 1 to 80 characters."""
    name = raw
    for _ in range(3):  # removing a character can bring two others together that NFC then composes
        kept = []
        for char in unicodedata.normalize("NFC", name):
            if char.isspace():
                kept.append(" ")
            elif unicodedata.category(char) not in _DROPPED_CATEGORIES:
                kept.append(char)
        cleaned = " ".join("".join(kept).split())
        if cleaned == name:
            break
        name = cleaned
    if not name:
        raise InvalidName("Please give a name with at least one visible letter or sign.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidName(f"Please keep the name to {MAX_NAME_LENGTH} characters or fewer (this one has {len(name)}).")
    return name
