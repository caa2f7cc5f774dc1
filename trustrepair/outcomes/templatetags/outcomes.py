from django import template

register = template.Library()


@register.filter
def cell(row, key):
    """A suppressed-aware count with its share of the row: "12 (40%)" or "fewer than 10 or hidden"."""
    value = row.cells.get(key)
    if value is None:
        return "—"
    share = row.share(key)
    return f"{value} ({share:.0%})" if share is not None else str(value)


@register.filter
def count(value):
    return "—" if value is None else value
