"""How crisis screening does on each labelled file in bench/data/, per kind of sentence.

    python bench/crisis_eval.py                          # every file in bench/crisis_data.ORDER
    python bench/crisis_eval.py crisis_holdout11.tsv     # one file (name relative to bench/data/)
    python bench/crisis_eval.py --rules-only ...         # as if the model could not load
    python bench/crisis_eval.py --prospective            # also: each file scored by a model trained only on
                                                         # the files before it (needs requirements-train.lock)
    python bench/crisis_eval.py --misses FILE            # list the misses and false alarms of one file

For each file, and each kind within it, it prints `respond()`'s recall on risk sentences and its false alarms
on safe sentences, twice: for the panel alone, and for help offered (panel or ask). Not a test: never fails.

The files' history (what each held-out file's first run was, and what it was used for afterwards) is in
their headers; crisis_corpus.tsv and crisis_holdout..10 were used to write the rules, so their rule figures
are optimistic, and every file before the last held-out one is training data for the model.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import crisis_data  # noqa: E402


def score(rows, decide) -> dict[str, dict[str, list[int]]]:
    """kind -> {"panel": [hits, n], "help": [hits, n], "label": ...}; "all" too."""
    table: dict[str, dict] = defaultdict(lambda: {"panel": [0, 0], "help": [0, 0]})
    for row in rows:
        action = decide(row.sentence)
        for key in ("all " + row.label, row.label + " " + row.kind):
            cell = table[key]
            cell["panel"][0] += action == "panel"
            cell["help"][0] += action in ("panel", "ask")
            cell["panel"][1] += 1
            cell["help"][1] += 1
    return table


def show(name: str, table, label: str = "") -> None:
    print(f"{name}{label}")
    print(f"  {'':<28}{'n':>5}  {'panel':>7}  {'help':>7}   (risk rows: recall; none rows: false alarms)")
    for key in sorted(table, key=lambda k: (not k.startswith("all"), k)):
        panel, helpful = table[key]["panel"], table[key]["help"]
        print(f"  {key:<28}{panel[1]:>5}  {panel[0] / panel[1]:>7.3f}  {helpful[0] / helpful[1]:>7.3f}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--prospective", action="store_true")
    parser.add_argument("--misses")
    args = parser.parse_args(argv)
    if args.rules_only:
        os.environ["TRUSTREPAIR_CRISIS_MODEL"] = str(Path(tempfile.gettempdir()) / "no-crisis-model-here")
    from trustrepair.safety.detection import model_status, respond

    print(f"{model_status().label}\n")
    names = args.files or crisis_data.files()
    if args.misses:
        for row in crisis_data.read(args.misses):
            r = respond(row.sentence)
            wrong = (row.label == "risk") != (r.action != "none")
            if wrong or (row.label == "risk" and r.action == "ask"):
                print(f"{row.label:<5} {row.kind:<18} {r.action:<6} {row.sentence}")
        return
    for name in names:
        show(name, score(crisis_data.read(name), lambda s: respond(s).action))
        print()
    if args.prospective:
        prospective(names)


def prospective(names: list[str]) -> None:
    """Each file scored by rules + a model trained only on the files before it (in ORDER)."""
    import bench.train_crisis_model as trainer
    from trustrepair.safety.detection import model as runtime
    from trustrepair.safety.detection.respond import respond_with

    for name in names:
        older = crisis_data.training_rows(before=name)
        if name == crisis_data.ORDER[0] or len({r.label for r in older}) < 2:
            continue
        _, raw = trainer.train(older)
        m = runtime.parse(raw)
        table = score(crisis_data.read(name), lambda s, m=m: respond_with(s, m).action)
        show(name, table, f"  [prospective: model trained on {len(older)} older sentences]")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
