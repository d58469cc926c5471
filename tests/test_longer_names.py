"""A name runs on to the longer name the document reads elsewhere, where the text writes it whole."""

from extract.recognise.candidates import Candidate
from extract.recognise.run_ons import to_longer_names


def _org(text: str, name: str, nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Candidate(start, start + len(name), "ORG", "model", "fr")


def test_a_short_reading_runs_on_to_the_longer_name_read_elsewhere():
    text = "La Mutualité Française Pays de la Loire recrute. La Mutualité Française Pays de la Loire grandit."
    full = _org(text, "Mutualité Française Pays de la Loire")
    short = _org(text, "Mutualité Française", nth=1)
    region = _org(text, "Pays de la Loire", nth=1)
    grown = to_longer_names(text, [full, short, region])
    assert [text[c.start : c.end] for c in grown] == ["Mutualité Française Pays de la Loire"] * 2


def test_a_name_does_not_run_on_over_its_board():
    text = "The TIA Board met. TIA said the TIA Board would vote."
    board = _org(text, "TIA Board")
    short = _org(text, "TIA", nth=2)
    assert [text[c.start : c.end] for c in to_longer_names(text, [board, short])] == ["TIA Board", "TIA"]
