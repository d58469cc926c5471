"""Settings are validated with messages that name the setting."""

import pytest

from extract.core.errors import ExtractError
from extract.core.settings import load_settings


def write(tmp_path, text):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_load():
    assert load_settings().model_for("fr") == "fr_core_news_md"


def test_override_replaces_one_setting(tmp_path):
    settings = load_settings(write(tmp_path, '[models]\nen = "en_core_web_sm"\n'))
    assert (settings.model_for("en"), settings.model_for("fr")) == ("en_core_web_sm", "fr_core_news_md")


def test_unknown_setting_is_named(tmp_path):
    with pytest.raises(ExtractError, match=r"unknown setting 'models.german'"):
        load_settings(write(tmp_path, '[models]\ngerman = "de_core_news_sm"\n'))


def test_a_model_setting_names_the_package_of_one_language(tmp_path):
    settings = load_settings(write(tmp_path, '[models]\nde = "de_core_news_sm"\n'))
    assert settings.model_for("de") == "de_core_news_sm"


def test_a_language_without_a_model_is_named(tmp_path):
    with pytest.raises(ExtractError, match=r"no spaCy model is set for language 'xx'"):
        load_settings().model_for("xx")


def test_wrong_type_is_named(tmp_path):
    with pytest.raises(ExtractError, match=r"'recognise.batch_size' .* must be an integer >= 1, not 'many'"):
        load_settings(write(tmp_path, '[recognise]\nbatch_size = "many"\n'))


def test_out_of_range_is_named(tmp_path):
    with pytest.raises(ExtractError, match=r"'language.mixed_share'"):
        load_settings(write(tmp_path, "[language]\nmixed_share = 0.9\n"))


def test_a_switch_takes_true_or_false_only(tmp_path):
    off = write(tmp_path, "[models]\nattribute_table = false\n")
    assert load_settings(off).models_attribute_table is False
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[models]\nattribute_table = "yes"\n', encoding="utf-8")
    with pytest.raises(ExtractError, match=r"'models.attribute_table' .* must be true or false, not 'yes'"):
        load_settings(wrong)


def test_a_document_size_cap_of_zero_is_refused_naming_the_setting(tmp_path):
    with pytest.raises(ExtractError, match=r"'recognise.max_document_chars' .* an integer > 0, not 0"):
        load_settings(write(tmp_path, "[recognise]\nmax_document_chars = 0\n"))


def test_a_batch_of_too_few_characters_is_refused_naming_the_setting(tmp_path):
    with pytest.raises(ExtractError, match=r"'recognise.max_batch_chars' .* from 1000 to 100000000, not 10"):
        load_settings(write(tmp_path, "[recognise]\nmax_batch_chars = 10\n"))
