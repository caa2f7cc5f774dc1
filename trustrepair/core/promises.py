"""Finds every sentence in the product that promises an action, so that each one is listed, with the
code and the test that keep it, in docs/promises.md (core/tests/test_promises.py fails otherwise).

A promise is a sentence that says something will happen, or always or never happens: "we email…",
"… will be told", "you will get…", "… takes effect straight away", "… never contain…". Sentences are
taken from templates (HTML and email text) and from the text in views and forms.
"""

import ast
import re
from pathlib import Path

MARKERS = [
    r"\bwill (?:be )?(?:told|tell|notified|notify|sent|send|emailed|email|alerted|alert|reminded|remind|contacted"
    r"|contact|informed|recorded|record|removed|deleted|checked|check|filled|listed|reviewed|explain|see|get|appear)\b",
    r"\b(?:we|we'll) (?:send|email|notify|remind|tell|alert|keep|delete|record|never|only)\b",
    r"\byou(?:'ll| will) (?:get|receive|be told|be notified|hear|see)\b",
    # "… is saved." only reports what just happened; these say what happens to it, or to someone else.
    r"\b(?:is|are|has been|have been) (?:sent|told|notified|recorded|emailed|alerted|encrypted)\b",
    r"\b(?:nobody|no one) (?:is|will be) (?:alerted|told|notified)\b",
    r"\bsigns? you out\b",
    r"\btakes? effect\b",
    r"\bnever (?:see|sees|contain|contains|shown|shared)\b",
    r"\b(?:appears|is listed|are listed) under updates\b",
    r"\bis on its way\b",
    r"\bstays? (?:on|until)\b",
]
PROMISE = re.compile("|".join(MARKERS), re.IGNORECASE)
TAG = re.compile(r"{%.*?%}|{#.*?#}|<[^>]+>", re.DOTALL)
BLOCK = re.compile(r"</?(?:h[1-6]|p|li|dt|dd|div|section|ul|ol|dl|table|tr|td|th|form|br)\b[^>]*>", re.IGNORECASE)
VARIABLE = re.compile(r"{{.*?}}", re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _sentences(text: str) -> list[str]:
    text = VARIABLE.sub("…", TAG.sub(" ", BLOCK.sub("\n\n", text)))
    return [" ".join(s.split()) for s in SENTENCE_END.split(text) if s.strip()]


def _python_texts(path: Path) -> list[str]:
    texts = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
            texts.append(node.value)
    return texts


def promises(root: Path) -> list[tuple[str, str]]:
    """(file relative to root, sentence) for every promising sentence the product shows."""
    found = []
    for path in sorted(root.rglob("*")):
        if "tests" in path.parts or not path.is_file():
            continue
        if "templates" in path.parts and path.suffix in {".html", ".txt"}:
            texts = [path.read_text()]
        elif path.name in {"views.py", "forms.py", "models.py"}:
            texts = _python_texts(path)
        else:
            continue
        for text in texts:
            for sentence in _sentences(text):
                if PROMISE.search(sentence):
                    found.append((str(path.relative_to(root)), sentence))
    return found
