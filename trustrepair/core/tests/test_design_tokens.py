"""The design system holds (issue 11): no colour or length literal in any stylesheet outside core/tokens.css.

Allowed outside tokens.css: 0, unitless numbers (line-height, flex, opacity, scale), percentages, times, and in
@media conditions only the breakpoints that tokens.css documents (custom properties cannot be used there).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKENS = ROOT / "core" / "static" / "core" / "tokens.css"
STYLESHEETS = sorted(p for p in ROOT.glob("*/static/**/*.css") if "vendor" not in p.parts and p != TOKENS)
BREAKPOINTS = {"30rem", "48rem"}

COMMENT = re.compile(r"/\*.*?\*/", re.S)
MEDIA = re.compile(r"@media([^{]*)\{")
UNITS = "px|rem|em|pt|pc|vh|vw|vmin|vmax|svh|dvh|lvh|ch|ex|cm|mm|in|q"
LENGTH = re.compile(rf"(?<![\w#.-])-?(?:\d+\.?\d*|\.\d+)(?:{UNITS})\b", re.I)
HEX = re.compile(r"#[0-9a-f]{3,8}\b", re.I)
FUNCTION_COLOUR = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(", re.I)
NAMED = "white|black|red|green|blue|yellow|orange|purple|pink|brown|gray|grey|silver|navy|teal|maroon|olive|lime|aqua"
NAMED_COLOUR = re.compile(rf":[^;{{}}]*\b({NAMED})\b", re.I)


def literals(css: str) -> list[str]:
    css = COMMENT.sub("", css)
    found = []
    for prelude in MEDIA.findall(css):
        found += [f"@media {m}" for m in LENGTH.findall(prelude) if m not in BREAKPOINTS]
    css = MEDIA.sub("@media{", css)
    css = re.sub(r'"[^"]*"', '""', css)  # generated content text is not a value
    found += LENGTH.findall(css)
    found += HEX.findall(css)
    found += FUNCTION_COLOUR.findall(css)
    found += [m.group(1) for m in NAMED_COLOUR.finditer(css)]
    return found


def test_there_are_stylesheets_to_check():
    names = {p.name for p in STYLESHEETS}
    assert {"site.css", "print.css", "tools.css", "directory.css"} <= names


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_colour_or_length_literal_outside_the_tokens(path):
    assert literals(path.read_text()) == []


def test_the_rule_catches_what_it_should():
    assert literals("a { color: #fff; margin: 3px; top: -.5rem; }") == ["3px", "-.5rem", "#fff"]
    assert literals("a { background: rgb(0 0 0); border-color: white; }") == ["rgb(", "white"]
    assert literals("@media (max-width: 31rem) { a { margin: 0; } }") == ["@media 31rem"]
    assert literals("a { margin: var(--space-2) 0; width: 100%; line-height: 1.2; } /* 5px #fff */") == []


def test_every_breakpoint_allowed_is_documented_in_the_tokens():
    text = TOKENS.read_text()
    for bp in BREAKPOINTS:
        assert bp in text
