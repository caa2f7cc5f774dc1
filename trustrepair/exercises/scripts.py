"""Communication scripts: the person's own words put into the shape that asks without blaming. Pure."""

DEFAULT_NOT_RESPONSIBLE = "what happened to me before"


def _clean(part: str) -> str:
    return " ".join((part or "").split()).rstrip(".!;, ")


def compose(*, feeling: str, because: str, not_responsible: str, need: str) -> str:
    """“I'm feeling …, because of …. You are not responsible for …. I need ….”

    Empty parts are left out, so a half-written script still previews sensibly.
    """
    sentences = []
    feeling, because, not_responsible, need = map(_clean, (feeling, because, not_responsible, need))
    if feeling and because:
        sentences.append(f"I'm feeling {feeling} because of {because}.")
    elif feeling:
        sentences.append(f"I'm feeling {feeling}.")
    elif because:
        sentences.append(f"This comes from {because}.")
    if not_responsible:
        sentences.append(f"You are not responsible for {not_responsible}.")
    if need:
        sentences.append(f"I need {need}.")
    return " ".join(sentences)
