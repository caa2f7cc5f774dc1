"""Front matter for the Markdown content files (learning library, program lessons). Pure: no Django.

A file starts with `key: value` lines between two `---` lines; the rest is the Markdown body.
"""


def split_front_matter(name: str, source: str, *, error: type[Exception] = ValueError) -> tuple[dict[str, str], str]:
    """Return (metadata, body); raise `error` naming the file and what is wrong with it."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        raise error(f"{name}: the file must start with a '---' front-matter line.")
    try:
        end = lines.index("---", 1)
    except ValueError as exc:
        raise error(f"{name}: the front matter has no closing '---' line.") from exc
    meta = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep:
            raise error(f"{name}: front-matter line {line!r} is not 'key: value'.")
        meta[key.strip()] = value.strip()
    return meta, "\n".join(lines[end + 1 :])
