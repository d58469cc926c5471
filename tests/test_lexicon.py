"""The name vocabulary: data/<lang>/names.json checked on load, and its words read for every language."""

import json
import shutil

import pytest

from extract.core.errors import ExtractError
from extract.languages import lexicon
from extract.languages.registry import data_root
from extract.recognise import names


def _clear() -> None:
    lexicon.vocabulary.cache_clear()
    lexicon.every_language.cache_clear()
    names._function_words.cache_clear()


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A copy of the packaged data folder, in use for the test; caches emptied before and after."""
    folder = tmp_path / "data"
    shutil.copytree(data_root(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setenv("EXTRACT_DATA", str(folder))
    _clear()
    yield folder
    monkeypatch.delenv("EXTRACT_DATA")
    _clear()


def _edit(path, change) -> None:
    words = json.loads(path.read_text(encoding="utf-8"))
    change(words)
    path.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")


def test_unknown_key_is_refused_naming_file_and_key(data):
    _edit(data / "fr" / "names.json", lambda words: words.update(seasons=["été"]))
    with pytest.raises(ExtractError, match=r"fr/names\.json.*seasons"):
        lexicon.vocabulary("fr")


def test_missing_key_is_refused_naming_file_and_key(data):
    _edit(data / "en" / "names.json", lambda words: words.pop("conjunctions"))
    with pytest.raises(ExtractError, match=r"en/names\.json.*missing key 'conjunctions'"):
        lexicon.vocabulary("en")


def test_malformed_list_is_refused(data):
    _edit(data / "en" / "names.json", lambda words: words.update(elisions="d'"))
    with pytest.raises(ExtractError, match=r"'elisions' must be a list"):
        lexicon.vocabulary("en")


def test_a_flag_that_is_no_yes_or_no_is_refused(data):
    _edit(data / "en" / "names.json", lambda words: words.update(capitalised_modifiers="yes"))
    with pytest.raises(ExtractError, match=r"'capitalised_modifiers' must be true or false"):
        lexicon.vocabulary("en")


def test_rules_read_the_words_of_every_language(data):
    """A third language folder adds its words to the rules that read every language's words."""
    shutil.copytree(data / "en", data / "de")
    _edit(
        data / "de" / "names.json",
        lambda words: words.update(conjunctions=["und"], org_heads=["gesellschaft"]),
    )
    assert lexicon.every_language("conjunctions") == {"and", "et", "und"}
    assert "und" in names._function_words("fr")
    # a long form names an organisation by a head noun of any supported language
    assert names.names_org("Deutsche Gesellschaft", lexicon.vocabulary("en"))


def test_cased_lists_keep_their_capitals():
    assert "Inc." in lexicon.vocabulary("en").name_abbreviations
    assert "PhD" in lexicon.vocabulary("en").acronym_stoplist
    assert "tél" in lexicon.every_language("contact_words")
