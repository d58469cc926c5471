"""Fuzzing: decoders, block planning and the recogniser's offsets on generated input.

The date normaliser's properties live in test_dates.py (any text gives no crash and ISO values;
generated dates are found with their value); this file covers what it does not: the text decoder on
any bytes, the cutting of long paragraphs into model-sized blocks, and the promise every table row
keeps, that a mention's text is the document's text between its offsets.
"""

from __future__ import annotations

import itertools
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.core.records import Paragraph
from extract.core.settings import load_settings
from extract.ingest.plain import decode_text
from extract.ingest.segment import segment, split_lines
from extract.recognise.recogniser import Recogniser, plan_blocks

# --- decoding ---------------------------------------------------------------------------------------


@given(data=st.binary(max_size=2_000))
def test_decode_text_never_raises_anything_but_a_refusal(data: bytes) -> None:
    from extract.ingest.extracted import Refused as _Refused

    try:
        text, _ = decode_text(data)
    except _Refused as refused:  # binary content: a skip with its message, not a crash
        assert refused.status == "skipped"
    else:
        assert isinstance(text, str)


@given(data=st.binary(max_size=2_000).filter(lambda b: b"\x00" not in b))
def test_decode_text_of_bytes_without_nul_gives_text(data: bytes) -> None:
    text, warning = decode_text(data)
    assert (isinstance(text, str), warning is None or "decoded as" in warning) == (True, True)


@given(
    text=st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=500
    )
)
def test_utf8_text_is_decoded_back_exactly(text: str) -> None:
    # ingest, not decode_text, turns line ends into "\n": decoding itself loses nothing (a leading
    # U+FEFF is read as the byte-order mark it looks like)
    text = text.removeprefix("\ufeff")
    assert decode_text(text.encode("utf-8")) == (text, None)


@given(
    text=st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300
    )
)
def test_utf16_text_with_a_byte_order_mark_is_decoded_back_exactly(text: str) -> None:
    assert decode_text(text.encode("utf-16"))[0] == text


@given(data=st.binary(max_size=1_000).filter(lambda b: b"\x00" not in b))
def test_ingested_text_file_has_no_carriage_return(
    data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from extract.ingest.files import ingest

    root = tmp_path_factory.mktemp("fuzz")
    (root / "a.txt").write_bytes(data + b"\r\nend\rx")
    result = ingest(root / "a.txt", root)
    assert ("\r" in result.text, result.status) == (False, "ok")


# --- blocks for the models --------------------------------------------------------------------------

WORDS = st.sampled_from(["word", "Name", "2019", "a.", "end.", "x" * 40, "  ", "\n", "\n\n", "é", "Dr."])
MAX_CHARS = 1_000


@given(words=st.lists(WORDS, min_size=1, max_size=600))
def test_blocks_stay_within_the_limit_and_lose_no_character(words: list[str]) -> None:
    text = " ".join(words)
    paragraphs = [Paragraph(s, e, "en", False) for s, e in split_lines(text)]
    blocks = plan_blocks(text, paragraphs, MAX_CHARS)
    covered = {i for b in blocks for i in range(b.start, b.end)}
    inside = {i for p in paragraphs for i in range(p.start, p.end) if not text[i].isspace()}
    assert (max((b.end - b.start for b in blocks), default=0) <= MAX_CHARS, inside - covered) == (True, set())


@given(words=st.lists(WORDS, min_size=1, max_size=600))
def test_blocks_are_in_order_and_do_not_overlap(words: list[str]) -> None:
    text = " ".join(words)
    paragraphs = [Paragraph(s, e, "en", False) for s, e in split_lines(text)]
    blocks = plan_blocks(text, paragraphs, MAX_CHARS)
    assert all(a.end <= b.start for a, b in itertools.pairwise(blocks))


# --- the recogniser's offsets ------------------------------------------------------------------------

NAME_LIKE = ["Alice", "Martin", "Jean-Yves", "O'Neill", "McDonald", "Dr", "Prof.", "Mme", "University", "of",
             "Leeds", "Institut", "Pasteur", "CNRS", "(CNRS)", "the", "and", "de", "l'", "Centre", "Léon",
             "Bérard", "ACME", "Inc.", "S.A."]  # fmt: skip
DATES = ["12 March 2019", "1er janvier 2020", "2021-05-03", "05/06/2018", "March", "1990s", "mid-2017", "'97"]
PUNCTUATION = [",", ".", ";", ":", "–", "-", "(", ")", '"', "«", "»", "’", "•", "/", "!", "?"]
URLS = ["https://www.example.org/Alice-Martin", "contact@leeds.ac.uk", "www.cnrs.fr", "<a.b@c.de>"]
UNICODE = ["\u00a0", "\u200b", "\u2028", "ﬁ", "İ", "ß", "Ǆ", "😀", "\u0301", "\t", "\ufeff", "ẞ"]
TOKENS = st.one_of(
    st.sampled_from(NAME_LIKE),
    st.sampled_from(DATES),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(URLS),
    st.sampled_from(UNICODE),
    st.sampled_from(["\n", "\n\n", " "]),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
)
SETTINGS = load_settings()


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    """One recogniser for the module: the English model is loaded once, by the first example."""
    return Recogniser(SETTINGS)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tokens=st.lists(TOKENS, min_size=1, max_size=120), separators=st.lists(st.sampled_from([" ", "", "  "]))
)
def test_every_mention_is_the_text_between_its_offsets(
    recogniser: Recogniser, tokens: list[str], separators: list[str]
) -> None:
    text = "".join(
        tok + (separators[i % len(separators)] if separators else " ") for i, tok in enumerate(tokens)
    )
    paragraphs = [Paragraph(p.start, p.end, "en", p.boilerplate) for p in segment(text, SETTINGS)]
    ((mentions, _),) = recogniser.recognise([(text, paragraphs)])
    wrong = [(m.start, m.end, m.text) for m in mentions if text[m.start : m.end] != m.text]
    assert wrong == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=st.lists(TOKENS, min_size=1, max_size=120))
def test_mentions_are_sorted_and_within_the_text(recogniser: Recogniser, tokens: list[str]) -> None:
    text = " ".join(tokens)
    paragraphs = [Paragraph(p.start, p.end, "en", p.boilerplate) for p in segment(text, SETTINGS)]
    ((mentions, _),) = recogniser.recognise([(text, paragraphs)])
    spans = [(m.start, m.end) for m in mentions]
    assert (spans == sorted(spans), all(0 <= s < e <= len(text) for s, e in spans)) == (True, True)
