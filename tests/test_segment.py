"""Paragraphs, their language and boilerplate flags."""

from extract.core.settings import load_settings
from extract.ingest.segment import document_language, is_boilerplate, segment, split_lines

SETTINGS = load_settings()
EN = "The university signed a research agreement with the hospital to study rare diseases together."
FR = "L'université a signé un accord de recherche avec l'hôpital pour étudier ensemble les maladies rares."
DE = "Die Universität hat mit dem Krankenhaus eine Vereinbarung über seltene Krankheiten geschlossen."


def test_lines_keep_offsets_without_surrounding_space():
    text = "Title\n\n  Body text.  \n"
    assert split_lines(text) == [(0, 5), (9, 19)]
    assert text[9:19] == "Body text."


def test_cookie_notice_is_boilerplate():
    assert is_boilerplate("By pursuing your navigation on our website, you accept the use of cookies - Close")


def test_share_and_back_to_top_links_are_boilerplate():
    assert is_boilerplate("Partager cette page")
    assert is_boilerplate("Back to top")


def test_spam_line_is_boilerplate():
    assert is_boilerplate("eskisehir escort balikesir escort")


def test_a_sentence_about_sharing_is_not_boilerplate():
    assert not is_boilerplate("The partners share their data in a common platform.")


def test_each_paragraph_gets_its_own_language():
    paragraphs = segment(f"{EN}\n{FR}", SETTINGS)
    assert [p.lang for p in paragraphs] == ["en", "fr"]


def test_short_heading_takes_the_language_of_the_next_paragraph():
    paragraphs = segment(f"Partenariats\n{FR}", SETTINGS)
    assert paragraphs[0].lang == "fr"


def test_document_with_two_languages_is_mixed():
    assert document_language(segment(f"{EN}\n{FR}", SETTINGS), SETTINGS) == "mixed"


def test_german_document_is_other():
    assert document_language(segment(DE, SETTINGS), SETTINGS) == "other"


def test_boilerplate_does_not_count_for_the_document_language():
    paragraphs = segment(f"{EN}\n{EN}\nPartager cette page\nHaut de page", SETTINGS)
    assert [p.boilerplate for p in paragraphs] == [False, False, True, True]
    assert document_language(paragraphs, SETTINGS) == "en"


def test_the_detector_reads_a_long_paragraph_up_to_max_chars_and_a_words_end(monkeypatch):
    from extract.ingest import segment as module

    read = []
    monkeypatch.setattr(module, "_best_language", lambda text, _: read.append(text) or ("en", 1.0))
    module.detect_language("the board met " * 100, SETTINGS)
    assert len(read[0]) <= SETTINGS.language_max_chars and read[0].endswith(("the", "board", "met"))
