"""The labelled sentences crisis screening learns from: readable, and no two near-duplicates.

Stated limit (bench/crisis_data.py): word 3-gram Jaccard above 0.6 or character 5-gram Jaccard above 0.7
is a near-duplicate. The first ~900 sentences (held-out records kept as written) repeat themselves a
little, and so do the held-out files 11 and 12 (kept as their author wrote them); each is read once.
Every file imported into bench/data/corpus/ must repeat nothing before it.
"""

from bench import crisis_data
from trustrepair.safety.detection import CATEGORIES


def test_no_two_training_sentences_are_near_duplicates():
    rows = crisis_data.training_rows()
    pairs = crisis_data.near_duplicates([r.sentence for r in rows])
    assert not pairs, [(rows[i].sentence, rows[j].sentence) for i, j in sorted(pairs)[:5]]


def test_files_added_since_the_first_clean_one_carry_no_near_duplicates_at_all():
    names = crisis_data.training_files()
    clean_from = names.index(crisis_data.FIRST_CLEAN)
    rows = [row for name in names for row in crisis_data.read(name)]
    _, dropped = crisis_data.deduplicated(rows)
    assert not [r for r in dropped if names.index(r.file) >= clean_from]


def test_the_check_finds_a_one_word_variation():
    first = "Some nights I lie awake wishing I could stop existing and the feeling does not lift by morning."
    second = "Some nights I lie awake wishing I could stop existing and the feeling does not lift by noon."
    assert crisis_data.near_duplicates([first, "I had toast for breakfast.", second]) == {(0, 2)}


def test_every_row_is_labelled_with_a_known_category():
    for row in crisis_data.training_rows():
        assert row.label in ("risk", "none")
        assert row.category in (*CATEGORIES, "unknown") if row.label == "risk" else row.category == "-"


def test_the_corpus_is_at_least_the_size_the_issue_asks_for():
    rows = crisis_data.training_rows()
    hard = {"idiom", "negation", "other_person", "recovered_past", "professional", "topic_question"}
    hard |= {"media_news", "dark_humour", "hypothetical", "trust_distress"}
    assert sum(r.label == "risk" for r in rows) >= 1500
    assert sum(r.label == "none" for r in rows) >= 1500
    assert sum(r.label == "none" and r.kind in hard for r in rows) >= 1000
