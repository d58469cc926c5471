"""Canonical entities within a document (recognise.keys) and across documents (linking.entities)."""

from extract.core.records import Mention
from extract.languages.name_forms import after_head, brand, name_core, name_key, without_legal_form
from extract.linking.entities import entity_id, link
from extract.recognise.keys import assign_keys
from extract.text.fold import fold


def org(text: str, start: int, key: str | None = None) -> Mention:
    return Mention(start, start + len(text), "ORG", text, "en", "rule", key=key)


def person(text: str, start: int, key: str | None = None) -> Mention:
    return Mention(start, start + len(text), "PERSON", text, "en", "rule", key=key)


def keyed(text: str, mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.key for m in assign_keys(text, mentions, [])}


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Centre Léon-Bérard") == fold("CENTRE LEON BERARD") == "centre leon berard"


def test_name_key_leaves_out_the_article():
    assert name_key("The Curie Institute") == name_key("Curie Institute")


def test_name_core_ignores_the_language_of_the_head_noun():
    assert name_core("Institut Curie") == name_core("Curie Institute")


def test_name_core_keeps_different_heads_apart():
    assert name_core("Lyon University") != name_core("Lyon University Hospital")


def test_acronym_spelling_the_initials_joins_the_long_form():
    text = "Centre Léon Bérard. The CLB"
    keys = keyed(text, [org("Centre Léon Bérard", 0), org("CLB", 24)])
    assert keys["CLB"] == keys["Centre Léon Bérard"]


def test_bracketed_acronym_joins_the_name_before_it():
    text = "Integrated Cancer Research Cluster (SIRIC)"
    keys = keyed(text, [org("Integrated Cancer Research Cluster", 0), org("SIRIC", 36)])
    assert keys["SIRIC"] == keys["Integrated Cancer Research Cluster"]


def test_two_unrelated_organisations_stay_apart():
    text = "Institut Curie and Gustave Roussy"
    keys = keyed(text, [org("Institut Curie", 0), org("Gustave Roussy", 19)])
    assert keys["Institut Curie"] != keys["Gustave Roussy"]


def test_acronym_part_of_a_hyphenated_acronym_is_the_same_body():
    text = "ERN-EURACAN and EURACAN"
    keys = keyed(text, [org("ERN-EURACAN", 0), org("EURACAN", 16)])
    assert keys["ERN-EURACAN"] == keys["EURACAN"]


def test_person_with_initial_joins_the_full_name():
    text = "Jean-Yves Blay and J.-Y. Blay"
    keys = keyed(text, [person("Jean-Yves Blay", 0), person("J.-Y. Blay", 19)])
    assert keys["J.-Y. Blay"] == keys["Jean-Yves Blay"] == "PERSON|jean yves blay"


def test_people_with_different_first_names_stay_apart():
    text = "Anne Martin and Paul Martin"
    keys = keyed(text, [person("Anne Martin", 0), person("Paul Martin", 16)])
    assert keys["Anne Martin"] != keys["Paul Martin"]


def test_one_entity_across_documents_and_languages_through_the_organisations_list():
    ids, entities = link(
        [
            ("a", [org("Institut Curie", 0, key="ORG|institut curie")]),
            ("b", [org("Curie Institute", 0, key="ORG|curie institute")]),
        ]
    )
    assert ids[("a", "ORG|institut curie")] == ids[("b", "ORG|curie institute")]
    assert [(e.name, e.aliases, e.n_docs) for e in entities] == [
        ("Institut Curie", ("Curie Institute", "Institut Curie"), 2)
    ]


def test_acronym_claimed_by_two_long_forms_is_not_merged_across_documents():
    ids, entities = link(
        [
            ("a", [org("ESO", 0, "k1"), org("European School of Oncology", 5, "k1")]),
            ("b", [org("ESO", 0, "k2"), org("European Southern Observatory", 5, "k2")]),
        ]
    )
    assert ids[("a", "k1")] != ids[("b", "k2")]
    assert len(entities) == 2


def test_a_surname_alone_joins_no_one_across_documents():
    ids, _ = link(
        [
            ("a", [person("Jan Smith", 0, "k1"), person("Smith", 20, "k1")]),
            ("b", [person("John Smith", 0, "k2"), person("Smith", 20, "k2")]),
        ]
    )
    assert ids[("a", "k1")] != ids[("b", "k2")]


def test_entity_id_is_stable_and_spelling_insensitive():
    assert entity_id("ORG", "Centre Léon Bérard") == entity_id("ORG", "centre leon berard")
    assert entity_id("ORG", "Centre Léon Bérard").startswith("O")


def test_name_without_its_head_noun_is_the_same_body():
    text = "Heriot-Watt University. Heriot-Watt"
    keys = keyed(text, [org("Heriot-Watt University", 0), org("Heriot-Watt", 24)])
    assert keys["Heriot-Watt"] == keys["Heriot-Watt University"]


def test_name_without_head_noun_shared_by_two_bodies_stays_apart():
    text = "Lyon University, Lyon Hospital, Lyon"
    keys = keyed(text, [org("Lyon University", 0), org("Lyon Hospital", 17), org("Lyon", 32)])
    assert len({keys["Lyon"], keys["Lyon University"], keys["Lyon Hospital"]}) == 3


def test_a_given_name_alone_is_the_one_person_who_bears_it():
    text = "Bill Sweeney joins. Bill said so."
    keys = keyed(text, [person("Bill Sweeney", 0), person("Bill", 20)])
    assert keys["Bill"] == keys["Bill Sweeney"]


def test_a_given_name_after_an_initial_or_a_nickname_is_the_person_who_bears_it():
    text = "H. Julene Butler and Michael ‘Mike’ Hoover join. Julene and Mike said so."
    keys = keyed(
        text,
        [person("H. Julene Butler", 0), person("Michael ‘Mike’ Hoover", 21), person("Julene", 49),
         person("Mike", 60)],
    )
    assert keys["Julene"] == keys["H. Julene Butler"]
    assert keys["Mike"] == keys["Michael ‘Mike’ Hoover"]


def test_a_given_name_two_people_bear_stays_apart():
    text = "Sarah Burton and Sarah Mitchell. Sarah said so."
    keys = keyed(text, [person("Sarah Burton", 0), person("Sarah Mitchell", 17), person("Sarah", 33)])
    assert keys["Sarah"] not in (keys["Sarah Burton"], keys["Sarah Mitchell"])


def test_a_company_brand_is_its_name_without_its_endings() -> None:
    assert brand("Zorvane Motor Group") == "Zorvane"
    assert brand("Zorvane Air Lines Inc.") == "Zorvane"


def test_a_name_with_no_brand_ending_has_no_brand() -> None:
    assert brand("Zorvane Foundation") is None
    assert brand("Ventures") is None


def test_a_company_s_name_without_its_legal_form() -> None:
    assert without_legal_form("Zorvane Exchange Ltd") == "Zorvane Exchange"
    assert without_legal_form("Zorvane Foundation") is None


def test_a_company_named_without_its_legal_form_is_that_company():
    text = "Zorvane Inc. opened a plant. Zorvane said so."
    keys = keyed(text, [org("Zorvane Inc.", 0), org("Zorvane", 29)])
    assert keys["Zorvane"] == keys["Zorvane Inc."]


def test_an_acronym_of_a_french_name_s_lower_case_words_joins_it():
    text = "La Fédération du commerce et de la distribution grandit. La FCD le dit."
    keys = keyed(text, [org("Fédération du commerce et de la distribution", 3), org("FCD", 62)])
    assert keys["FCD"] == keys["Fédération du commerce et de la distribution"]


def test_a_holding_s_acronym_brand_is_that_holding():
    text = "ZRV Holding AG grew. ZRV said so."
    keys = keyed(text, [org("ZRV Holding AG", 0), org("ZRV", 21)])
    assert keys["ZRV"] == keys["ZRV Holding AG"]


def test_the_name_a_head_noun_opens_is_the_name_without_it() -> None:
    assert after_head("Université Zorvane-Dauphine") == "Zorvane-Dauphine"


def test_a_head_noun_before_a_connector_or_a_descriptor_opens_no_name_of_its_own() -> None:
    assert after_head("Université de Zorvane") is None
    assert after_head("Conseil National") is None
