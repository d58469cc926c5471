"""Long texts are read block by block in bounded batches: cuts at sentence ends, offsets exact, and a
document longer than ``recognise.max_document_chars`` skipped with a row that names the setting."""

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from extract.core.records import Paragraph
from extract.core.settings import load_settings
from extract.recognise.blocks import batches, cut_at, plan_blocks
from extract.recognise.recogniser import Recogniser

SETTINGS = load_settings()
FILLER = "The committee reviewed every proposal in detail. "  # 50 characters, one sentence


def one_line(text: str, lang: str = "en") -> list[Paragraph]:
    return [Paragraph(0, len(text), lang, False)]


# --- where a long line is cut ------------------------------------------------------------------------


def test_a_cut_falls_after_the_last_sentence_end_of_the_window():
    text = FILLER * 30
    assert cut_at(text, 0, 1_020, "en") == 20 * len(FILLER) - 1  # after the full stop of the 20th sentence


def test_a_title_before_a_name_is_no_sentence_end():
    text = FILLER * 10 + "It was opened by Dr. Jane Smith and her team."
    limit = text.index("Smith")
    assert text[: cut_at(text, 0, limit, "en")].endswith("in detail.")


def test_a_french_title_before_a_name_is_no_sentence_end():
    text = "Le comité a examiné chaque proposition. " * 10 + "Elle a été reçue par Mme. Claire Dupont."
    limit = text.index("Dupont")
    assert text[: cut_at(text, 0, limit, "fr")].endswith("chaque proposition.")


def test_an_initial_before_a_surname_is_no_sentence_end():
    text = FILLER * 10 + "The prize went to J. Smith of Leeds."
    limit = text.index("Smith")
    assert text[: cut_at(text, 0, limit, "en")].endswith("in detail.")


def test_without_a_sentence_end_a_cut_falls_between_two_lower_case_words_not_inside_a_name():
    text = "partners and members " * 10 + "with Jane Smith of the University of Leeds"
    cut = cut_at(text, 0, text.index("Leeds") + 2, "en")
    assert (text[:cut][-13:], text[cut:]) == ("Jane Smith of", " the University of Leeds")


def test_a_run_without_white_space_is_cut_at_the_limit():
    assert cut_at("x" * 5_000, 0, 1_000, "en") == 1_000


def test_a_single_line_is_cut_into_blocks_that_keep_every_character_at_its_offset():
    text = "Prof. Anne Martin of Institut Pasteur spoke on 3 March 2021. " * 200 + "End"
    blocks = plan_blocks(text, one_line(text), 1_000)
    assert all(b.end - b.start <= 1_000 for b in blocks)
    gaps = {text[a.end : b.start] for a, b in pairwise(blocks)}
    assert (blocks[0].start, blocks[-1].end, gaps) == (0, len(text), {" "})


def test_every_block_of_a_long_line_ends_a_sentence():
    text = "Prof. Anne Martin of Institut Pasteur spoke on 3 March 2021. " * 200
    blocks = plan_blocks(text, one_line(text.rstrip()), 1_000)
    assert all(text[b.end - 1] == "." and text[b.end - 6 : b.end] == " 2021." for b in blocks)


def test_a_document_of_normal_paragraphs_is_cut_at_paragraph_ends_only():
    paragraph = "x" * 399
    text = "\n".join([paragraph] * 5)
    paragraphs = [Paragraph(i * 400, i * 400 + 399, "en", False) for i in range(5)]
    blocks = plan_blocks(text, paragraphs, 1_000)
    assert [(b.start, b.end) for b in blocks] == [(0, 799), (800, 1599), (1600, 1999)]


# --- batches ---------------------------------------------------------------------------------------


def test_batches_hold_at_most_the_characters_given():
    assert list(batches([400, 400, 400, 100, 50], 64, 1_000)) == [[0, 1], [2, 3, 4]]


def test_batches_hold_at_most_the_texts_given():
    assert list(batches([1] * 5, 2, 1_000)) == [[0, 1], [2, 3], [4]]


def test_a_text_longer_than_a_batch_is_a_batch_of_its_own():
    assert list(batches([10, 5_000, 10], 64, 1_000)) == [[0], [1], [2]]


# --- recognition of a long line ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_blocks() -> Recogniser:
    """A recogniser that reads blocks of 1,000 characters in batches of 2,000."""
    return Recogniser(replace(SETTINGS, recognise_max_block_chars=1_000, recognise_max_batch_chars=2_000))


def test_a_name_across_a_block_edge_is_found_whole(small_blocks):
    # No sentence end anywhere, and "Jane Smith" runs across the 1,000th character: cutting at the last
    # space before it would leave "Jane" and "Smith" in two blocks, and neither is found.
    run = "the partners and the members of the network met again "
    lead = " the partners met with Jane"
    text = (run * 19)[: 995 - len(lead)] + lead + " Smith and her team " + run * 20
    ((mentions, blocks),) = small_blocks.recognise([(text, one_line(text.rstrip()))])
    assert len(blocks) > 1 and text.index("Jane") < 1_000 < text.index("Smith") + 5
    assert ("PERSON", "Jane Smith") in {(m.label, m.text) for m in mentions}


def test_mentions_of_a_long_line_sit_at_their_document_offsets(small_blocks):
    text = "Prof. Anne Martin of Institut Pasteur spoke on 3 March 2021. " * 60
    ((mentions, _),) = small_blocks.recognise([(text, one_line(text.rstrip()))])
    assert len({m.start for m in mentions if m.text == "Anne Martin"}) == 60
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_documents_read_in_small_groups_get_the_mentions_of_one_large_group(small_blocks):
    texts = [f"Dr. Anne Martin joined Institut Pasteur on {day} March 2021. " * 12 for day in range(1, 6)]
    items = [(text, one_line(text.rstrip())) for text in texts]
    grouped = [mentions for mentions, _ in small_blocks.recognise(items)]
    together = Recogniser(replace(SETTINGS, recognise_max_block_chars=1_000))
    assert grouped == [mentions for mentions, _ in together.recognise(items)]


def test_parsed_blocks_keep_no_token_vectors(small_blocks):
    text = FILLER * 3
    ((_, blocks),) = small_blocks.recognise([(text, one_line(text.rstrip()))])
    assert [doc.tensor.size for _, doc in blocks] == [0]


# --- the document-size cap ---------------------------------------------------------------------------


def test_a_document_over_the_size_cap_is_a_skipped_row_naming_the_setting(tmp_path: Path):
    from extract.run.stages import ingest_stage, segment_stage

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "short.txt").write_text(FILLER, encoding="utf-8")
    (raw / "long.txt").write_text("x" * 1_001, encoding="utf-8")
    settings = replace(SETTINGS, recognise_max_document_chars=1_000)
    ingested = {row["doc_id"]: row["path"] for row in ingest_stage(raw, tmp_path / "work", settings)}
    rows = {ingested[row["doc_id"]]: row for row in segment_stage(tmp_path / "work", settings)}
    assert (rows["long.txt"]["status"], rows["short.txt"]["status"]) == ("skipped", "ok")
    assert rows["long.txt"]["message"] == (
        "document is 1001 characters long, over the limit of 1000 characters "
        "(setting 'recognise.max_document_chars'); split it or raise the limit"
    )


def test_a_long_document_goes_to_a_worker_in_a_batch_of_its_own():
    from extract.run.engines import engine_batches

    texts = {"a": "x" * 10, "b": "x" * 5_000, "c": "x" * 10, "d": "x" * 10}
    todo = [{"doc_id": doc_id} for doc_id in texts]
    settings = replace(SETTINGS, recognise_max_batch_chars=1_000)
    batched = engine_batches(todo, texts, settings)
    assert [[seg["doc_id"] for seg in batch] for batch in batched] == [["a"], ["b"], ["c", "d"]]


def test_no_sentence_starts_inside_a_word_joined_by_a_hyphen() -> None:
    import spacy

    from extract.recognise.models import newline_sentences

    doc = newline_sentences(spacy.blank("fr")("Le président d'Aéroport Toulouse-Blagnac."))
    hyphen = next(t.i for t in doc if t.text == "-")
    assert doc[hyphen].is_sent_start is False and doc[hyphen + 1].is_sent_start is False


def test_a_line_goes_on_past_its_first_word() -> None:
    import spacy

    from extract.recognise.models import newline_sentences

    doc = newline_sentences(spacy.blank("fr")("Nouveau directeur de l'Afpa\nHervé Estampes, directeur."))
    given = next(t.i for t in doc if t.text == "Hervé")
    assert doc[given].is_sent_start is True and doc[given + 1].is_sent_start is False
