"""Copy corpus chunks into bench/data/corpus/, checked, without near-duplicates of anything before them.

    .venv/bin/python bench/import_crisis_corpus.py /path/to/risk_01.tsv /path/to/none_01.tsv ...

Each line must be `label<TAB>category<TAB>kind<TAB>sentence` (label risk/none; category one of the six for
risk, "-" for none). A sentence closer than the stated limit (crisis_data.WORD_3GRAM_JACCARD /
CHAR_5GRAM_JACCARD) to any training sentence before it, or to an earlier line, is dropped and reported.
Add the new files to crisis_data.ORDER (in the order given) before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import crisis_data  # noqa: E402
from trustrepair.safety.detection import CATEGORIES  # noqa: E402


def main(paths: list[str]) -> None:
    out_dir = crisis_data.DATA / "corpus"
    out_dir.mkdir(exist_ok=True)
    names = {f"corpus/{Path(p).name}" for p in paths}
    earlier = [r.sentence for r in crisis_data.training_rows() if r.file not in names]
    lines: list[tuple[str, str, str]] = []  # (file, line, sentence)
    headers: dict[str, list[str]] = {}
    for p in paths:
        headers[p] = []
        for number, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("#") or not line.strip():
                headers[p].append(line)
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise SystemExit(f"{p}:{number}: expected 4 columns")
            label, category, kind, sentence = parts
            ok = (label == "risk" and category in CATEGORIES) or (label == "none" and category == "-")
            if not ok or not kind or not sentence.strip():
                raise SystemExit(f"{p}:{number}: bad label/category/kind: {line!r}")
            lines.append((p, line, sentence.strip()))
    sentences = [*earlier, *(s for _, _, s in lines)]
    partners: dict[int, set[int]] = {}
    for i, j in crisis_data.near_duplicates(sentences):
        partners.setdefault(max(i, j), set()).add(min(i, j))
    dropped_index: set[int] = set()
    for j in range(len(earlier), len(sentences)):  # keep the first of each pair, drop what repeats a kept one
        if any(i not in dropped_index for i in partners.get(j, ())):
            dropped_index.add(j)
    for p in paths:
        kept = [line for k, (f, line, _) in enumerate(lines) if f == p and k + len(earlier) not in dropped_index]
        dropped = [s for k, (f, _, s) in enumerate(lines) if f == p and k + len(earlier) in dropped_index]
        (out_dir / Path(p).name).write_text("\n".join([*headers[p], *kept]) + "\n", encoding="utf-8")
        print(f"{Path(p).name}: kept {len(kept)}, dropped {len(dropped)} near-duplicates")
        for s in dropped:
            print(f"   - {s}")


if __name__ == "__main__":
    main(sys.argv[1:])
