"""Recognition: one behaviour per test, on sentences written for the test."""

import pytest

from extract.core.records import Paragraph
from extract.core.settings import load_settings
from extract.ingest.segment import segment
from extract.languages.lexicon import vocabulary
from extract.recognise.blocks import Block, plan_blocks
from extract.recognise.candidates import Candidate
from extract.recognise.consistency import coordinated, propagate
from extract.recognise.context import context_candidates
from extract.recognise.models import Models
from extract.recognise.names import is_org_name, is_person_name
from extract.recognise.recogniser import Recogniser
from extract.recognise.spans import (
    Spans,
    after_at,
    after_owner,
    after_titles,
    before_cut_word,
    before_possessive,
    board_owner,
    trim,
    trim_org_words,
)

SETTINGS = load_settings()


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    """The rules on the stock models' reading, which they were written for (the trained recogniser weights
    are tested in test_trained_ner.py)."""
    return Recogniser(SETTINGS, models=Models(SETTINGS, trained_ner=False))


@pytest.fixture(scope="module")
def find(recogniser):
    def run(text: str) -> set[tuple[str, str]]:
        mentions, _ = next(recogniser.recognise([(text, segment(text, SETTINGS))]))
        for m in mentions:
            assert text[m.start : m.end] == m.text
        return {(m.label, m.text) for m in mentions}

    return run


# --- without models -------------------------------------------------------------------


def test_blocks_join_paragraphs_of_one_language_and_skip_boilerplate():
    text = "One.\nTwo.\nShare\nTrois."
    paragraphs = [
        Paragraph(0, 4, "en", False),
        Paragraph(5, 9, "en", False),
        Paragraph(10, 15, "en", True),
        Paragraph(16, 22, "fr", False),
    ]
    assert plan_blocks(text, paragraphs, 1000) == [Block(0, 9, "en"), Block(16, 22, "fr")]


def test_long_paragraph_is_cut_under_the_limit():
    text = "Aaaa bbbb. " * 300
    blocks = plan_blocks(text, [Paragraph(0, len(text) - 1, "en", False)], 1000)
    assert all(b.end - b.start <= 1000 for b in blocks)
    assert blocks[0].start == 0 and blocks[-1].end == len(text) - 1


def test_trim_leaves_out_title_and_article():
    text = "Prof. Anne Martin and the Institut Pasteur"
    assert trim(text, 0, 17, vocabulary("en"), person=True) == (6, 17)
    assert trim(text, 22, 42, vocabulary("en"), person=False) == (26, 42)


def test_trim_leaves_out_a_role_of_several_words_and_its_complement():
    text = "Agnès Diallo est nommée Directrice Générale de l'Imprimerie Nationale."
    start, end = text.index("Directrice"), text.index(".")
    assert text[slice(*trim(text, start, end, vocabulary("fr"), person=False))] == "Imprimerie Nationale"


def test_person_name_needs_two_capitalised_parts():
    assert is_person_name("C. Brambilla", "model")
    assert not is_person_name("Lyon", "model")
    assert not is_person_name("Adult CAncers", "model")


# --- with models ----------------------------------------------------------------------


def test_title_is_left_out_of_the_person(find):
    assert ("PERSON", "Anne Martin") in find("The study is led by Prof. Anne Martin, a chemist.")


def test_a_judge_s_title_is_left_out_of_the_person(find):
    assert ("PERSON", "Kiefel") in find("Justice Kiefel will be sworn in as Chief Justice in January.")


def test_long_form_and_acronym_in_brackets_are_two_organisations(find):
    found = find("The project is funded by the European Space Agency (ESA) this year.")
    assert {("ORG", "European Space Agency"), ("ORG", "ESA")} <= found


def test_article_is_left_out_of_the_organisation(find):
    assert ("ORG", "University of Melbourne") in find("She joined the University of Melbourne last week.")


def test_generic_reference_is_not_an_organisation(find):
    labels = {text for label, text in find("The Centre welcomed new patients. The University agreed.")}
    assert "Centre" not in labels and "University" not in labels


def test_institution_named_after_a_person_is_an_organisation(find):
    found = find("Le Pr Marie Durand, directrice générale de Gustave Roussy, a signé l'accord.")
    assert ("ORG", "Gustave Roussy") in found
    assert ("PERSON", "Marie Durand") in found


def test_french_organisation_with_lower_case_words(find):
    assert ("ORG", "Ligue nationale contre le cancer") in find(
        "La Ligue nationale contre le cancer soutient ce programme depuis 2015."
    )


def test_french_date_gets_its_value(recogniser):
    text = "Lyon, le 17 décembre 2020. Le conseil a voté."
    mentions, _ = next(recogniser.recognise([(text, segment(text, SETTINGS))]))
    dates = [(m.text, m.value) for m in mentions if m.label == "DATE"]
    assert dates == [("17 décembre 2020", "2020-12-17")]


def test_counted_acronym_is_a_common_noun(find):
    assert ("ORG", "ERN") not in find("Among the 24 ERN that applied, three were selected last year.")


def test_name_found_once_is_tagged_everywhere(find):
    text = "Acme Robotics Corporation hired ten engineers.\nAnalysts praised Acme Robotics Corporation."
    assert sum(1 for label, name in find(text) if name == "Acme Robotics Corporation") == 1  # a set
    mentions = [m for m in find(text) if m[1] == "Acme Robotics Corporation"]
    assert mentions == [("ORG", "Acme Robotics Corporation")]


def test_name_written_with_other_capitals_is_the_same_organisation(find):
    text = "QuantiBio today appointed a new chairman. The board of Quantibio met in May."
    assert ("ORG", "Quantibio") in find(text)


def test_a_name_ending_on_an_industry_s_noun_is_an_organisation(find):
    assert ("ORG", "Quorvex Hotels") in find("Quorvex Hotels has appointed Robert Cook as chief executive.")


def test_a_body_named_after_an_event_word_is_an_organisation(find):
    text = "Building on a partnership, the Library of Congress and the Foundation Center issued a guide."
    assert ("ORG", "Library of Congress") in find(text)


def test_a_name_after_a_role_may_end_where_the_sentence_goes_on(find):
    assert ("ORG", "Zorblax") in find("Jean Clamadieu has been CEO of Zorblax since October 2003.")


def test_an_agreement_s_acronym_is_no_organisation(find):
    assert ("ORG", "MOU") not in find("In signing the MOU, the three chambers of commerce agreed to meet.")


def test_a_minister_s_title_is_no_organisation(find):
    text = "The ceremony was held in the presence of Sarbananda Sonowal, Union Minister of Ports."
    assert ("ORG", "Union Minister") not in find(text)


def test_a_name_that_an_acronym_of_the_text_spells_is_an_organisation(find):
    text = "L'Assemblée Générale de France Nature Environnement a voté. La FNE compte 3000 associations."
    assert ("ORG", "France Nature Environnement") in find(text)


def test_a_spelled_out_name_ends_on_a_capitalised_word(find):
    text = (
        "Contrat de collaboration entre Quorvex, Mission Zorblax Immensee et Inter-Agire\n"
        "Lausanne, 3 juin 2012 - L'Assemblée générale de Quorvex, réunie samedi à Lausanne, a élu sa "
        "secrétaire générale. Un contrat a été conclu entre Quorvex, la Mission Zorblax Immensee (MZI) et "
        "Inter-Agire (IA), active au Tessin."
    )
    found = find(text)
    assert ("ORG", "Inter-Agire") in found
    assert ("ORG", "Mission Zorblax Immensee et Inter-Agire") not in found


def test_a_degree_after_a_name_is_no_organisation(find):
    text = "Gerald Gordon, Ph.D., president of the Fairfax Authority, said so."
    assert ("ORG", "Ph.D") not in find(text)


def test_a_name_between_an_indefinite_article_and_a_role_is_an_organisation(find):
    assert ("ORG", "ZorbRe") in find("David Zwiener, a ZorbRe director, joined the board.")


def test_a_title_in_capitals_after_an_indefinite_article_is_no_organisation(find):
    assert ("ORG", "Visiting") not in find("She was a Visiting Professor at the University of Leeds.")


def test_honours_after_a_name_are_no_organisation(find):
    text = "The President-Elect is Graham Bell, FRSC, Professor at McGill University."
    assert ("ORG", "FRSC") not in find(text)


def test_a_share_symbol_after_its_exchange_is_no_organisation(find):
    text = "Zorvex Real Estate Investment Trust (ZREIT) (NYSE:ZRE) today announced the appointment."
    assert ("ORG", "ZRE") not in find(text)


def test_a_championship_is_an_event_not_an_organisation() -> None:
    text = "The federation will host the Zorvex Rowing Championships in June."
    start = text.index("Zorvex")
    candidate = Candidate(start, start + len("Zorvex Rowing Championships"), "ORG", "model", "en")
    assert not is_org_name(text, candidate, vocabulary("en"))


def test_a_title_written_after_its_unit_is_no_organisation() -> None:
    text = "Arthur Butcher, Executive Vice President and Group President, joined the board."
    start = text.index("Group President")
    candidate = Candidate(start, start + len("Group President"), "ORG", "pattern", "en")
    assert not is_org_name(text, candidate, vocabulary("en"))


def test_a_legal_form_after_a_company_is_part_of_its_name(find):
    assert ("ORG", "Fabricom Systèmes SA") in find("Le groupe a racheté Fabricom Systèmes SA en 2019.")


def test_limited_written_out_after_a_head_noun_is_part_of_the_name(find):
    assert ("ORG", "Quorvex Gold Holdings Limited") in find("He sits on Quorvex Gold Holdings Limited.")


def test_job_titles_opening_a_span_are_no_part_of_the_name() -> None:
    text = "CEO and Chairman Zorvex Holdings plc Simon Roe was elected."
    assert after_titles(text, 0, text.index(" plc"), vocabulary("en")) == text.index("Zorvex")


def test_a_board_named_after_its_owner_leaves_the_owner() -> None:
    text = "He joined Zorvex’s Board of Directors in May."
    start, end = text.index("Zorvex"), text.index(" in May")
    assert text[slice(*board_owner(text, start, end))] == "Zorvex"


def test_the_initials_of_an_organisation_found_are_the_organisation(find):
    text = "The University of Zorvex signed the deal. About 80 UZ academic staff were born in India."
    assert ("ORG", "UZ") in find(text)


def test_a_company_listed_with_its_share_symbol_is_one(recogniser):
    text = "The group has appointed Zorvamed (NSDQ:ZRVM) president Michael Roe as chairman."
    mentions, _ = next(recogniser.recognise([(text, segment(text, SETTINGS))]))
    keys = {m.text: m.key for m in mentions if m.label == "ORG"}
    assert "Zorvamed" in keys and keys["Zorvamed"] != keys.get("NSDQ")


def test_a_name_someone_is_joining_is_an_organisation(find):
    assert ("ORG", "Zorvarail") in find("Prior to joining Zorvarail, he spent three years in Leeds.")


def test_a_dateline_date_is_no_part_of_the_name_after_it(find):
    found = find("Guildford (UK), August 2009 - The University of Zorvex and the Acme Laboratory signed.")
    assert {("DATE", "August 2009"), ("ORG", "University of Zorvex")} <= found


def test_a_span_that_stops_inside_a_hyphened_word_ends_before_it() -> None:
    text = "said Zorvex Water Commons Co-Executive Director Brenda Coley."
    start = text.index("Zorvex")
    assert before_cut_word(text, start, text.index("-")) == text.index(" Co-")


@pytest.mark.parametrize(
    ("text", "symbol"), [("Zorvex (ZRV.FR) et", "ZRV.FR"), ("Zorvex (ZRV.LB) et", "ZRV")]
)
def test_a_share_symbol_with_its_exchange_suffix_is_no_name(text, symbol) -> None:
    from extract.recognise.names import share_symbol

    start = text.index(symbol)
    assert share_symbol(text, start, start + len(symbol))


def test_name_in_a_capitals_header_is_found_without_accents(recogniser):
    text = (
        "Le Centre Léon Bérard ouvre un service.\n"
        "CONTACT PRESSE\nCENTRE LEON BERARD\nAnne Martin – Tél. 01 02 03 04 05"
    )
    mentions, _ = next(recogniser.recognise([(text, segment(text, SETTINGS))]))
    found = {(m.label, m.text) for m in mentions}
    assert ("ORG", "CENTRE LEON BERARD") in found
    assert ("PERSON", "Anne Martin") in found
    keys = {m.text: m.key for m in mentions}
    assert keys["CENTRE LEON BERARD"] == keys["Centre Léon Bérard"]


def test_names_in_urls_and_emails_are_not_mentions(find):
    found = find("Contact: anne.martin@acme-robotics.com or https://www.acme-robotics.com/Anne-Martin")
    assert not any("acme" in text.lower() or "Martin" in text for _, text in found)


# --- rules for press releases outside health (gold/extra) ---------------------------------


def test_job_words_before_at_are_left_out_of_the_organisation():
    text = "Director of Networks at Gridco"
    start = text.index("Networks")
    assert after_at(text, start, len(text), vocabulary("en")) == (text.index("Gridco"), len(text))


def test_organisation_head_before_at_keeps_the_whole_name():
    text = "University of Texas at Austin"
    assert after_at(text, 0, len(text), vocabulary("en")) == (0, len(text))


def test_one_word_model_name_written_in_lower_case_elsewhere_is_no_organisation():
    text = "Quantum sensing is new. We build quantum sensors."
    candidate = Candidate(0, 7, "ORG", "model", "en")
    assert not is_org_name(text, candidate, vocabulary("en"))


def test_model_person_listed_with_organisations_is_an_organisation():
    text = "Members include Sea Watch Malta and Aqua Libera."
    org = Candidate(16, 31, "ORG", "model", "en")
    person = Candidate(36, 47, "PERSON", "model", "en")
    assert [c.label for c in coordinated(text, [org, person])] == ["ORG", "ORG"]


def test_model_person_before_an_organisation_that_owns_its_role_stays_a_person():
    text = "Chew Choon Seng, SGX’s chairman said."
    person = Candidate(0, 15, "PERSON", "model", "en")
    org = Candidate(17, 20, "ORG", "model", "en")
    assert [c.label for c in coordinated(text, [person, org])] == ["PERSON", "ORG"]


def test_second_person_joined_by_et_is_a_person():
    text = "Fondée par Élodie Marchal et Karim Benslimane, la société grandit."
    first = Candidate(11, 25, "PERSON", "model", "fr")
    found = {(c.label, text[c.start : c.end]) for c in coordinated(text, [first])}
    assert ("PERSON", "Karim Benslimane") in found


def test_well_known_french_funder_is_found(find):
    assert ("ORG", "Bpifrance") in find("La levée de fonds est menée par Bpifrance et deux fonds privés.")


def test_french_ministry_with_lower_case_head(find):
    assert ("ORG", "ministère de la Culture") in find(
        "Le label a été attribué par le ministère de la Culture."
    )


def test_a_university_campus_keeps_the_place_it_is_at(find):
    found = find("She joined the University of Varnelle at Ostrande Falls in 2001.")
    assert ("ORG", "University of Varnelle at Ostrande Falls") in found


def test_french_ministry_written_wholly_in_lower_case_is_an_organisation(find):
    assert ("ORG", "ministère de la santé publique") in find(
        "Il a dirigé le service juridique du ministère de la santé publique pendant dix ans."
    )


def test_french_organisation_keeps_its_final_adjective(find):
    found = find("Il travaille avec le Ministère de la Transition écologique depuis longtemps.")
    assert ("ORG", "Ministère de la Transition écologique") in found


def test_french_organisation_keeps_a_complement_that_is_a_head_noun(find):
    found = find("Le projet est soutenu par le Conseil national de la recherche depuis 2020.")
    assert ("ORG", "Conseil national de la recherche") in found


def test_press_service_is_no_organisation(find):
    labels = {
        text for label, text in find("Service de presse du ministère : 01 02 03 04 05") if label == "ORG"
    }
    assert not any(text.startswith("Service") for text in labels)


def test_a_common_abbreviation_in_capitals_is_no_organisation(find):
    found = find("Le terminal GNL de Zorbec Énergie alimente les entreprises du BTP.")
    assert not {("ORG", "GNL"), ("ORG", "BTP")} & found


def test_name_after_project_is_no_organisation(find):
    assert ("ORG", "DIAGNOS") not in find("Le projet DIAGNOS associe trois hôpitaux de la région.")


def test_a_nickname_in_quotes_stays_inside_the_persons_name(find):
    found = find("The members elected John “Dugan” Shipway as chairman of the board.")
    assert ("PERSON", "John “Dugan” Shipway") in found


def test_surname_alone_is_the_person_named_before(find):
    found = find('Prof. Aisha Okonkwo leads the team. "It works," said Okonkwo.')
    assert ("PERSON", "Okonkwo") in found


def test_surname_read_as_an_organisation_by_a_cue_is_the_person_named_before():
    text = "Leon Assael was named dean. Staff are excited about Assael’s appointment."
    person = Candidate(0, 11, "PERSON", "model", "en")
    cued = Candidate(52, 58, "ORG", "cue", "en")
    chosen = propagate(text, [Paragraph(0, len(text), "en", False)], [person, cued], Spans(), set())
    assert ("PERSON", "Assael") in {(c.label, text[c.start : c.end]) for c in chosen}


def test_surname_alone_is_a_person_named_by_the_model_with_an_unknown_given_name():
    text = "Bronia Jenkins was named director. Jenkins will lead the league."
    person = Candidate(0, 14, "PERSON", "model", "en")
    chosen = propagate(text, [Paragraph(0, len(text), "en", False)], [person], Spans(), set())
    assert ("PERSON", "Jenkins") in {(c.label, text[c.start : c.end]) for c in chosen}


def test_surname_alone_is_the_person_everywhere_though_a_title_found_it_alone_once():
    text = "Bronia Jenkins was named director. Jenkins will lead the league. Ms Jenkins starts today."
    person = Candidate(0, 14, "PERSON", "model", "en")
    titled = Candidate(68, 75, "PERSON", "title", "en")
    chosen = propagate(text, [Paragraph(0, len(text), "en", False)], [person, titled], Spans(), set())
    assert (35, 42) in {(c.start, c.end) for c in chosen if c.label == "PERSON"}


def test_surname_of_a_model_person_with_a_word_the_text_writes_in_lower_case_is_no_one():
    text = "Santé Cancer was named partner. Cancer care and cancer research grow."
    person = Candidate(0, 12, "PERSON", "model", "fr")
    chosen = propagate(text, [Paragraph(0, len(text), "fr", False)], [person], Spans(), set())
    assert ("PERSON", "Cancer") not in {(c.label, text[c.start : c.end]) for c in chosen}


def test_given_name_after_an_initial_alone_is_the_person_named_before():
    text = "H. Julene Butler was named dean. We are lucky to have Julene here."
    person = Candidate(0, 16, "PERSON", "model", "en")
    chosen = propagate(text, [Paragraph(0, len(text), "en", False)], [person], Spans(), set())
    assert ("PERSON", "Julene") in {(c.label, text[c.start : c.end]) for c in chosen}


def test_given_name_alone_is_the_person_named_before(find):
    found = find('Joan Hoge joins the museum. "I am sure Joan will do well," he said.')
    assert ("PERSON", "Joan") in found


def test_a_name_written_with_its_s_where_no_possessive_stands_keeps_it(find):
    found = find("Changes are underway at Christie’s and Sotheby’s. Christie’s private sales grew.")
    assert ("ORG", "Christie’s") in found and ("ORG", "Christie") not in found


def test_a_possessive_s_is_left_out_of_the_organisation(find):
    assert ("ORG", "Brenwick Tooling") in find("Brenwick Tooling’s chief executive, Jane Roe, spoke.")


def test_name_before_a_legal_form_is_an_organisation(find):
    assert ("ORG", "Brenwick Tooling plc") in find("Brenwick Tooling plc opened a plant.")


@pytest.mark.parametrize("form", ["Srl", "SE", "LP"])
def test_name_before_a_foreign_legal_form_is_an_organisation(find, form):
    text = f"The board said on Monday that the engineer had joined Lanterna Adriatico {form} in May."
    assert ("ORG", f"Lanterna Adriatico {form}") in find(text)


def test_company_name_without_its_legal_form_is_its_short_form(find):
    found = find("Norvik Corporation bought a plant. Norvik makes paper.")
    assert ("ORG", "Norvik") in found


def test_company_brand_without_the_endings_of_its_name_is_that_company(recogniser):
    text = "Zorvane Ventures raised a fund. No wonder Zorvane has just closed it."
    mentions, _ = next(recogniser.recognise([(text, segment(text, SETTINGS))]))
    keys = {m.text: m.key for m in mentions if m.label == "ORG"}
    assert "Zorvane" in keys and keys["Zorvane"] == keys["Zorvane Ventures"]


def test_a_brand_the_text_writes_in_lower_case_is_a_common_word(find):
    found = find("Digital Ventures raised a fund. Digital is everywhere; digital money too.")
    assert ("ORG", "Digital") not in found


def test_a_name_followed_by_a_role_of_an_organisation_is_a_person(find):
    text = (
        "She was joined by Charouck Arirachakaran, vice-president and secretary general of the Thai"
        " Olympic Committee."
    )
    assert ("PERSON", "Charouck Arirachakaran") in find(text)


def test_a_person_followed_by_a_role_is_no_item_of_a_list_of_organisations(find):
    text = (
        "Le texte a été signé par Ballo Zié, président de l’UFHB, et Amed Moussa Diallo, Président du"
        " Conseil de l’UUA."
    )
    assert ("PERSON", "Amed Moussa Diallo") in find(text)


def test_a_name_after_an_indefinite_article_and_before_a_role_is_an_organisation(find):
    text = "Patama Leeswadtrakul, an International Olympic Committee member for Thailand, was present."
    assert ("ORG", "International Olympic Committee") in find(text)


def test_a_body_s_name_without_the_head_that_opens_it_is_that_body(find):
    text = "L'Université Zorvane-Dauphine rejoint la CGE. Zorvane-Dauphine est sélective."
    assert ("ORG", "Zorvane-Dauphine") in find(text)


def test_the_rest_of_a_name_written_after_a_preposition_of_place_is_the_place(find):
    text = "L'université Zorvane Haute-Comté recrute. Les chercheurs en Zorvane Haute-Comté travaillent."
    assert ("ORG", "Zorvane Haute-Comté") not in find(text)


def test_a_name_after_a_role_of_a_newspaper_keeps_a_town_that_looks_like_a_given_name(find):
    text = "Meanwhile Malcolm Starbrook, editor of the East London Advertiser, also becomes editor-in-chief."
    assert ("ORG", "East") not in find(text)


def test_a_capitalised_preposition_opens_no_person_s_name():
    from extract.recognise.names import opens_on_function_word

    assert opens_on_function_word("In Yemen", vocabulary("en"))
    assert not opens_on_function_word("Ian McLean", vocabulary("en"))


def test_span_running_past_a_possessive_keeps_the_owner():
    text = "Ahlstrom's Home and Personal business"
    assert before_possessive(text, 0, 28) == (0, 8)


def test_a_possessive_before_an_organisation_head_is_inside_the_name():
    text = "St. Augustine's University"
    assert before_possessive(text, 0, len(text)) == (0, len(text))


def test_a_possessive_in_a_name_ending_on_a_plural_head_is_inside_the_name():
    text = "Zorvex’s Credit Unions"
    assert before_possessive(text, 0, len(text)) == (0, len(text))


def test_a_possessive_in_a_choir_s_name_is_inside_the_name():
    text = "Quorvex Men’s Chorus"
    assert before_possessive(text, 0, len(text)) == (0, len(text))


def test_a_possessive_before_a_governing_body_is_the_owner_s_mark():
    text = "Caledonia's Board"
    assert before_possessive(text, 0, len(text)) == (0, 9)


def test_a_french_name_ends_on_no_elided_word(find):
    text = "Le département peut compter sur le soutien de la Caisse des Dépôts jusqu’en 2020."
    assert ("ORG", "Caisse des Dépôts") in find(text)


def test_a_common_noun_coordinated_with_a_name_is_no_part_of_it(find):
    text = "Ils reflètent l’intégration de Tronics au sein du Groupe TDK et le maintien de la participation."
    assert ("ORG", "Groupe TDK") in find(text)


def test_a_french_local_council_in_lower_case_opens_the_name_of_its_place(find):
    found = find("Jeanne Roux, présidente du conseil départemental de Haute-Vorne, a signé.")
    assert ("ORG", "conseil départemental de Haute-Vorne") in found


def test_a_french_national_park_in_lower_case_opens_the_name_of_its_place(find):
    found = find("Jeanne Roux, directrice du parc national de Haute-Vorne, a signé la charte.")
    assert ("ORG", "parc national de Haute-Vorne") in found


def test_french_name_may_start_with_a_lower_case_head(find):
    found = find("Il dirigeait le centre hospitalier de Saint-Nazaire depuis dix ans.")
    assert ("ORG", "centre hospitalier de Saint-Nazaire") in found


def test_name_in_the_role_of_a_position_is_an_organisation(find):
    assert ("ORG", "Varnelle") in find("Nils Dupré, président de la Varnelle, a ouvert la séance.")


def test_name_a_board_is_held_on_is_an_organisation(find):
    found = find("The chemist said on Monday that she had joined the board of Zorvex in May.")
    assert ("ORG", "Zorvex") in found


def test_a_word_that_goes_on_with_the_board_is_no_organisation():
    text = "She met the Board of Governors in May."
    assert [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")] == []


def test_a_given_name_after_role_and_article_is_an_organisation(find):
    # "Fonda" is a given name for gender-guesser; after "de la" it starts no person's name
    assert ("ORG", "Fonda") in find("Nils Dupré, président de la Fonda, a ouvert la séance.")


def test_councillor_is_a_title_left_out_of_the_person(find):
    assert ("PERSON", "Stewart Young") in find("Councillor Stewart Young welcomed the appointment.")


def test_one_word_subject_of_an_announcement_is_an_organisation(find):
    assert ("ORG", "Brixwell") in find("Brixwell announced a new plant near the river.")


def test_two_word_subject_of_an_appointment_is_an_organisation():
    text = "Zorvex Steel has appointed Mark Smith as chief executive."
    found = [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")]
    assert found == ["Zorvex Steel"]


def test_a_person_by_given_name_who_appoints_is_no_organisation():
    text = "Jane Roe appoints Mark Smith as her deputy."
    assert context_candidates(text, 0, len(text), "en") == []


def test_weekday_before_an_announcement_is_no_organisation(find):
    assert ("ORG", "Tuesday") not in {
        (label, text) for label, text in find("The board on Tuesday announced a plan.")
    }


def test_kind_noun_with_adjectives_makes_the_name_an_organisation(find):
    assert ("ORG", "Vornak") in find("Le groupe informatique français Vornak a nommé un directeur.")


def test_name_that_starts_with_a_place_is_no_person(find):
    found = find("I started as a clerk at London Victoria and loved it.")
    assert ("PERSON", "London Victoria") not in found


def test_name_after_a_parent_noun_is_an_organisation(find):
    assert ("ORG", "Orvane") in find("Elle dirige Netrix, filiale d'Orvane, depuis dix ans.")


def test_one_word_name_is_found_in_a_capitals_heading(find):
    found = find("BPIFRANCE INVESTIT DANS LA SANTÉ\n\nBpifrance annonce un fonds de 10 millions d'euros.")
    assert ("ORG", "BPIFRANCE") in found


def test_function_word_in_capitals_is_no_acronym(find):
    found = find("MINISTÈRE DE LA CULTURE\nCommuniqué du 3 mars 2024 sur les musées.")
    assert ("ORG", "DE") not in found and ("ORG", "LA") not in found


def test_french_acronym_completed_by_its_city(find):
    assert ("ORG", "CHU de Nantes") in find("Elle est médecin au CHU de Nantes depuis dix ans.")


def test_start_up_name_after_split_kind_noun(find):
    assert ("ORG", "Neuralis") in find("Le laboratoire travaille avec la start-up Neuralis sur ce sujet.")


def test_kind_noun_then_name_with_de(find):
    found = find("Elle préside l'association Jardins Partagés de Loire depuis juin.")
    assert ("ORG", "Jardins Partagés de Loire") in found


def test_stoplisted_acronym_is_no_organisation_even_from_the_model():
    text = "Projects must hold the ISO 50001 certification."
    candidate = Candidate(23, 26, "ORG", "model", "en")
    assert not is_org_name(text, candidate, vocabulary("en"))


def test_a_role_in_capitals_is_no_organisation(find):
    found = find("L'autre candidat, Frédéric Bedel, Doyen de la Faculté des Sciences, a salué le résultat.")
    assert ("ORG", "Doyen") not in found


def test_a_model_person_ending_on_an_organisation_head_is_an_organisation(recogniser):
    text = "Brune will be the Sierra Club's sixth executive director."
    start = text.index("Sierra Club")
    cleaned = recogniser._clean(text, Candidate(start, start + len("Sierra Club"), "PERSON", "model", "en"))
    assert cleaned is not None and cleaned.label == "ORG"


def test_a_capitalised_word_that_spells_the_bracketed_name_is_its_short_form(find):
    long = "École supérieure d'ingénieurs des travaux de la construction"
    found = find(f"Elle rejoint l'Esitc ({long}) cette année.")
    assert {("ORG", "Esitc"), ("ORG", long)} <= found


def test_an_organisation_span_ends_before_a_role_and_a_person(find):
    found = find("Board President Allison Chin said there were several candidates.")
    assert ("PERSON", "Allison Chin") in found
    assert not any("Chin" in text for label, text in found if label == "ORG")


def test_a_model_organisation_that_is_a_persons_surname_is_that_person():
    from extract.recognise.corrections import not_surnames

    text = "Ray Ozzie joins the board. Ozzie led Groove."
    person = Candidate(0, 9, "PERSON", "model", "en")
    alone = Candidate(text.index("Ozzie led"), text.index("Ozzie led") + 5, "ORG", "model", "en")
    assert [c.label for c in not_surnames(text, [person, alone])] == ["PERSON", "PERSON"]


def test_a_surname_that_also_names_a_longer_organisation_stays_an_organisation():
    from extract.recognise.corrections import not_surnames

    text = "Michael Dell said Dell Technologies and Dell grew."
    person = Candidate(0, 12, "PERSON", "model", "en")
    longer = Candidate(18, 34, "ORG", "model", "en")
    alone = Candidate(39, 43, "ORG", "model", "en")
    assert [c.label for c in not_surnames(text, [person, longer, alone])] == ["PERSON", "ORG", "ORG"]


def test_a_dateline_city_in_capitals_is_a_place(find):
    found = find("PARIS (Reuters) - The group named a new chief executive on Monday.")
    assert not any(text == "PARIS" for _, text in found)


def test_the_country_after_a_dateline_town_belongs_to_the_dateline():
    from extract.recognise.places import dateline_at

    text = "CAMBRIDGE, ENGLAND — Jane Doe was elected."
    assert dateline_at(text, text.index("ENGLAND")) == (18, 21)


def test_a_name_after_a_dateline_town_does_not_open_on_it(find):
    found = find("BEREA - The Ohio Turnpike Commission appointed Jane Doe as executive director.")
    assert ("ORG", "Ohio Turnpike Commission") in found


def test_a_newswire_in_capitals_opening_a_line_is_no_dateline():
    from extract.recognise.places import dateline_at

    assert dateline_at("MENAFN - The group said.", 0) is None
    assert dateline_at("IDAHO FALLS, Idaho — The group said.", 0) == (18, 21)


def test_words_of_a_line_in_capitals_that_the_text_also_writes_in_lower_case_are_no_name():
    from extract.recognise.names import is_org_name

    text = "DUREE DE L'OFFRE : 15 jours. La durée de l'offre est fixée par l'AMF."
    vocab = vocabulary("fr")
    shouted = "DUREE DE L'OFFRE"
    assert not is_org_name(text, Candidate(0, len(shouted), "ORG", "model", "fr"), vocab)
    amf = text.index("AMF")
    assert is_org_name(text, Candidate(amf, amf + 3, "ORG", "acronym", "fr"), vocab)


def test_a_model_organisation_ending_on_a_role_is_a_title():
    from extract.recognise.names import is_org_name

    text = "The company has been led by its Managing Directors since 2015."
    start = text.index("Managing")
    candidate = Candidate(start, start + len("Managing Directors"), "ORG", "model", "en")
    assert not is_org_name(text, candidate, vocabulary("en"))


def test_a_french_bar_written_in_lower_case_is_an_organisation(find):
    found = find("Un accord a été signé entre le barreau de Marseille et le barreau de Californie.")
    assert {("ORG", "barreau de Marseille"), ("ORG", "barreau de Californie")} <= found


def test_two_names_joined_by_and_each_ending_on_a_head_are_two(find):
    found = find("The memorandum covers MTN Group, Vodafone Group and Zain Group in the region.")
    assert {("ORG", "Vodafone Group"), ("ORG", "Zain Group")} <= found


def test_a_name_with_and_before_a_lone_head_stays_one():
    from extract.recognise.consistency import split_joined

    text = "CONTACT: Hagley Museum and Library, Wilmington."
    start = text.index("Hagley")
    whole = Candidate(start, start + len("Hagley Museum and Library"), "ORG", "model", "en")
    assert split_joined([whole], text) == [whole]


def test_a_portfolio_of_company_functions_is_no_organisation():
    candidate = Candidate(0, 29, "ORG", "model", "en")
    assert not is_org_name("Insurance and Investment Risk at ANZ", candidate, vocabulary("en"))


def test_a_function_word_beside_a_name_keeps_the_organisation():
    candidate = Candidate(0, 18, "ORG", "model", "en")
    assert is_org_name("Marketing Partners Ltd", candidate, vocabulary("en"))


def test_a_name_joined_by_an_ampersand_after_a_kind_noun_is_one_organisation(find):
    assert ("ORG", "Tarn & Quill") in find("Also in the round: the company Tarn & Quill.")


def test_a_disease_is_no_organisation():
    candidate = Candidate(0, 8, "ORG", "model", "en")
    assert not is_org_name("COVID-19 vaccines", candidate, vocabulary("en"))


def test_an_acronym_the_model_calls_org_more_often_than_a_place_stays_an_organisation():
    import spacy
    from spacy.tokens import Span

    from extract.recognise.votes import not_org_names

    doc = spacy.blank("en")("FIIA met . FIIA left . FIIA won . Lyon .")
    labels = {0: "ORG", 3: "GPE", 6: "ORG", 9: "GPE"}
    doc.ents = [Span(doc, i, i + 1, label) for i, label in labels.items()]
    assert not_org_names([(None, doc)]) == {"Lyon"}


def test_a_word_the_model_keeps_calling_an_organisation_is_no_place():
    import spacy
    from spacy.tokens import Span

    from extract.recognise.votes import model_orgs

    doc = spacy.blank("fr")("Orange rachète . Orange annonce . Orange . Lyon gagne . Lyon .")
    labels = {0: "ORG", 3: "ORG", 6: "LOC", 8: "ORG", 11: "LOC"}
    doc.ents = [Span(doc, i, i + 1, label) for i, label in labels.items()]
    assert model_orgs([(None, doc)]) == {"Orange"}


def test_the_owner_of_a_role_is_an_organisation(find):
    assert ("ORG", "Quorvex") in find("Lee Babiss, Quorvex’s CEO, said the round was large.")


def test_a_quoted_speaker_before_an_organisation_stays_a_person():
    text = "“We are proud,” said Eltayeb Adam, UNICEF Representative."
    person = Candidate(21, 33, "PERSON", "model", "en")
    org = Candidate(35, 41, "ORG", "model", "en")
    assert [c.label for c in coordinated(text, [person, org])] == ["PERSON", "ORG"]


def test_a_model_organisation_after_said_is_a_person(recogniser):
    text = "“We are proud,” said Eltayeb Adam."
    assert recogniser._clean(text, Candidate(21, 33, "ORG", "model", "en")).label == "PERSON"


def test_a_model_organisation_opening_on_an_article_stays_an_organisation(recogniser):
    text = "Selon Le Monde, la vente est faite."
    assert recogniser._clean(text, Candidate(6, 14, "ORG", "model", "fr")).label == "ORG"


def test_a_name_ending_on_an_organisation_word_is_no_person(recogniser):
    text = "Shares in Brittany Ferries rose."
    assert recogniser._clean(text, Candidate(10, 26, "PERSON", "model", "en")).label == "ORG"


def test_an_acronym_before_accreditation_is_the_body_that_grants_it():
    text = "The school received ABET accreditation."
    assert is_org_name(text, Candidate(20, 24, "ORG", "acronym", "en"), vocabulary("en"))
    label = "The school received the Qualis label."
    assert not is_org_name(label, Candidate(24, 30, "ORG", "model", "en"), vocabulary("en"))


def test_a_defined_long_form_keeps_the_place_the_model_reads_before_the_spelled_words():
    import spacy
    from spacy.tokens import Span

    from extract.recognise.definitions import bracketed_definitions

    text = "Varnelle County Workforce Development Council (WDC) met."
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, 0, 5, "ORG")]
    block = Block(0, len(text), "en")
    found, _ = bracketed_definitions(text, doc, block, max_acronym_len=10, max_long_form_words=12)
    assert {text[c.start : c.end] for c in found} == {"WDC", "Varnelle County Workforce Development Council"}


def test_an_acronym_that_spells_a_name_word_by_word_defines_an_organisation(find):
    found = find("Le contrat lie la Mission Varnelle Ostrande (MVO) à ses partenaires.")
    assert {("ORG", "Mission Varnelle Ostrande"), ("ORG", "MVO")} <= found


def test_a_role_spelled_by_its_acronym_is_no_organisation(find):
    found = find("He becomes Chief Operating Officer (COO) of the group next year.")
    assert not any(label == "ORG" for label, _ in found)



def test_a_name_after_a_newspaper_kind_noun_is_an_organisation(find):
    assert ("ORG", "Varnelle Matin") in find("Le groupe rachète le quotidien Varnelle Matin cette année.")


def test_a_person_before_a_role_and_a_person_is_the_organisation_of_that_role():
    from extract.recognise.corrections import owners_of_roles

    text = "It was given by Wilton Park Chief Executive Richard Burge."
    place = Candidate(16, 27, "PERSON", "model", "en")
    person = Candidate(44, 57, "PERSON", "model", "en")
    assert [c.label for c in owners_of_roles(text, [place, person])] == ["ORG", "PERSON"]


def test_a_name_in_brackets_after_a_person_is_an_organisation():
    from extract.recognise.corrections import employers_in_brackets

    text = "Il succède à Pierre Marol (Alstef, Boigny) et à Jean Roux (Lyon)."
    people = [Candidate(13, 25, "PERSON", "model", "fr"), Candidate(47, 56, "PERSON", "model", "fr")]
    added = [text[c.start : c.end] for c in employers_in_brackets(text, people) if c.label == "ORG"]
    assert added == ["Alstef"]


def test_a_french_name_runs_on_over_its_complements(find):
    found = find("Il préside la Chambre de commerce et d’industrie du Centre-Val de Loire depuis 2019.")
    assert ("ORG", "Chambre de commerce et d’industrie du Centre-Val de Loire") in found


def test_a_french_name_runs_on_over_an_enumeration_of_its_complements(find):
    found = find("Elle préside l’Union française des industries des cartons, papiers et celluloses.")
    assert ("ORG", "Union française des industries des cartons, papiers et celluloses") in found


def test_a_french_name_runs_on_over_a_complement_of_its_lower_case_noun(find):
    found = find("Il a été élu président de l’Association européenne des pompes à chaleur.")
    assert ("ORG", "Association européenne des pompes à chaleur") in found


def test_a_french_name_stops_before_a_phrase_of_its_own(find):
    found = find("Le Syndicat des énergies renouvelables au service de la transition a publié un rapport.")
    assert ("ORG", "Syndicat des énergies renouvelables") in found


def test_a_french_name_stops_before_a_second_name_coordinated_with_it(find):
    found = find("Le barreau de Marseille et le barreau de Californie ont signé un accord.")
    assert ("ORG", "barreau de Marseille et le barreau de Californie") not in found


def test_a_french_name_stops_before_another_name_opened_by_its_last_conjunct(find):
    found = find("Elle dirige l’Orchestre national de Lyon et l’Auditorium Maurice Ravel depuis 2015.")
    assert not any(text.startswith("Orchestre national de Lyon et") for _, text in found)


def test_a_french_name_stops_before_a_second_name_of_its_own_head_noun(find):
    found = find("Elle est membre du Conseil d’État et du Conseil constitutionnel depuis 2010.")
    assert ("ORG", "Conseil d’État") in found


def test_a_french_name_stops_before_a_role_coordinated_with_it(find):
    found = find("Médecin à l’hôpital Avicenne de Bobigny et ancien membre du Comité consultatif, il dirige.")
    assert not any(text.startswith("hôpital Avicenne de Bobigny et") for _, text in found)


def test_a_french_name_stops_before_a_noun_with_its_own_article(find):
    found = find("L’orchestre est financé par le ministère de la Culture et la mairie de Paris qui l’aident.")
    assert ("ORG", "ministère de la Culture") in found


def test_a_listed_name_gives_way_to_the_longer_name_model_and_pattern_read(find):
    found = find("He joins from the European Union of the Deaf, where he was executive director.")
    assert ("ORG", "European Union of the Deaf") in found


def test_two_listed_names_that_model_and_pattern_join_stay_two():
    from extract.recognise.recogniser import _select

    text = "Institut Curie and Institut Pasteur"
    both = [Candidate(0, len(text), "ORG", source, "en") for source in ("model", "pattern")]
    listed = [Candidate(0, 14, "ORG", "gazetteer", "en"), Candidate(19, len(text), "ORG", "gazetteer", "en")]
    assert [(c.start, c.end) for c in _select(both + listed)] == [(0, 14), (19, len(text))]


def test_the_company_a_deal_buys_is_an_organisation(find):
    assert ("ORG", "Vormetric") in find("À l’automne dernier, le groupe Thales s’est offert Vormetric.")


def test_a_capitalised_elided_article_inside_a_sentence_belongs_to_the_name():
    text = "Le groupe L'Oréal a annoncé le rachat."
    assert text[slice(*trim(text, 10, 17, vocabulary("fr"), person=False))] == "L'Oréal"
    generic = "Selon l'Institut Pasteur, tout va bien."
    assert generic[slice(*trim(generic, 6, 24, vocabulary("fr"), person=False))] == "Institut Pasteur"


def test_an_announcing_verb_after_a_longer_name_makes_no_one_word_organisation():
    from extract.recognise.context import context_candidates

    text = "Fortinet and Palo Alto Networks formed the alliance in May 2014."
    found = [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")]
    assert "Networks" not in found


def test_a_name_before_a_role_and_a_person_is_an_organisation(find):
    assert ("ORG", "Quorvex") in find("The club is owned by Quorvex co-founder Joe Tsai since 2019.")


def test_a_name_that_opens_on_a_given_name_before_a_role_and_its_holder_is_an_organisation():
    from extract.recognise.context import context_candidates

    text = "Norton Quorvex chief executive Peter Martyr said so."
    found = [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")]
    assert found == ["Norton Quorvex"]


def test_a_place_before_a_role_and_its_holder_is_no_organisation():
    from extract.recognise.context import context_candidates

    text = "The role went to current Paris managing partner Hervé Ekué."
    assert context_candidates(text, 0, len(text), "en") == []


def test_a_name_before_a_role_over_a_unit_is_an_organisation(find):
    assert ("ORG", "Quorvex") in find("He met former Quorvex head of product Ilya Fushman in 2019.")


def test_a_sentence_s_first_word_before_a_role_over_a_unit_is_no_organisation():
    from extract.recognise.context import context_candidates

    text = "Auparavant directeur du programme A380, il succède à Anne-Marie Idrac."
    assert context_candidates(text, 0, len(text), "fr") == []


def test_a_headline_s_verb_ends_an_organisation_s_name(find):
    text = "Quorvex Foundation Appoints Jane Roe as Chief Executive Officer\nThe foundation said so today."
    assert ("ORG", "Quorvex Foundation") in find(text)


def test_a_headline_s_verb_in_capitals_is_no_acronym(find):
    found = find("TRUE QUORVEX APPOINTS PRESIDENT: Michael Buckley will lead True Quorvex.")
    assert not any("APPOINTS" in text for _, text in found)


def test_a_newswire_in_a_dateline_is_an_organisation(find):
    text = "NEW YORK, March 27, 2013 /QuorvexWire/ -- The board named a new president."
    assert ("ORG", "QuorvexWire") in find(text)


def test_current_opens_no_organisation_s_name(find):
    assert ("ORG", "Quorvex Capital") in find("Current Quorvex Capital chairman Michael Butt will stay on.")


def test_former_opens_no_organisation_s_name(find):
    assert ("ORG", "Quorvex") in find("Former Quorvex chief executive Ilya Fushman joined the firm.")


def test_the_owner_of_a_general_secretary_is_an_organisation(find):
    assert ("ORG", "UnionALL") in find("UnionALL's General Secretary, Valter Sanches, welcomed the decision.")


def test_a_word_that_opens_a_role_is_no_organisation():
    from extract.recognise.context import context_candidates

    text = "Managing director Larry LaRocco said it has just 15 members."
    assert context_candidates(text, 0, len(text), "en") == []


def test_a_headline_in_title_case_is_found_and_a_sentence_is_not():
    from extract.recognise.recogniser import _title_ranges

    text = "Insurance Trade Groups Again Thinking of Merging\nThe two trade groups are Thinking about it."
    paragraphs = segment(text, SETTINGS)
    found = [text[s:e].strip() for s, e in _title_ranges(text, paragraphs)]
    assert found == ["Insurance Trade Groups Again Thinking of Merging"]


def test_a_legal_form_alone_is_no_organisation():
    text = "Renault and Nissan will create Renault-Nissan BV next year."
    assert not is_org_name(text, Candidate(46, 48, "ORG", "model", "en"), vocabulary("en"))


def test_organisations_side_by_side_are_one_name_unless_the_second_opens_on_a_head():
    from extract.recognise.consistency import join_neighbours

    text = "PSA Peugeot Citroën joined the MassBio Board of Directors."
    spans = [(0, 3), (4, 11), (12, 19), (31, 38), (39, 57)]
    joined = join_neighbours(text, [Candidate(s, e, "ORG", "model", "en") for s, e in spans])
    assert [text[c.start : c.end] for c in joined] == ["PSA Peugeot Citroën", "MassBio", "Board of Directors"]


def test_a_year_after_a_preposition_ends_no_name():
    text = "Il rejoint le Cégep de La Pocatière en 2011."
    assert text[slice(*trim_org_words(text, 14, 42, vocabulary("fr")))] == "Cégep de La Pocatière"


def test_a_name_may_open_on_a_possessive(find):
    assert ("ORG", "Zorvaq’s Register Foundation") in find("She joined Zorvaq’s Register Foundation in May.")


def test_an_owner_that_is_a_country_an_acronym_or_a_longer_name_is_no_part_of_the_name():
    vocab = vocabulary("en")
    for text, name in [
        ("Japan’s Zorvex Corporation grew.", "Zorvex Corporation"),
        ("WADA’s Zorvex Committee met.", "Zorvex Committee"),
        ("Hong Kong’s Zorvex Group grew.", "Zorvex Group"),
    ]:
        start = text.index("Kong") if "Kong" in text else 0
        end = text.index(name) + len(name)
        assert text[after_owner(text, start, end, vocab) : end] == name


def test_a_foundation_named_after_a_company_keeps_its_head():
    text = "Elle dirige la fondation Veolia."
    assert text[slice(*trim_org_words(text, 15, 31, vocabulary("fr")))] == "fondation Veolia"


def test_a_kind_noun_before_a_name_is_no_part_of_it():
    text = "Il dirige la société Veolia."
    assert text[slice(*trim_org_words(text, 13, 27, vocabulary("fr")))] == "Veolia"


def test_a_weekday_after_a_preposition_ends_no_name():
    text = "Zorvex Foods on Thursday unveiled a plan."
    assert text[slice(*trim_org_words(text, 0, 24, vocabulary("en")))] == "Zorvex Foods"


def test_a_word_of_a_name_spelt_like_a_day_stays_in_it():
    text = "Le Centre National de la Mer ouvre."
    assert text[slice(*trim_org_words(text, 3, 28, vocabulary("fr")))] == "Centre National de la Mer"


def test_a_place_the_organisation_is_in_ends_its_name():
    text = "He is dean of the Eller College of Management in Tucson."
    assert text[slice(*trim_org_words(text, 18, 55, vocabulary("en")))] == "Eller College of Management"


def test_a_name_joined_by_an_ampersand_to_a_place_s_name_stays_whole():
    text = "He worked at Shea & Gardner."
    assert text[slice(*trim_org_words(text, 13, 27, vocabulary("en")))] == "Shea & Gardner"


def test_a_name_after_a_role_held_on_its_board_is_an_organisation(find):
    assert ("ORG", "Zorvex") in find("Daniel Segonds, président du directoire de Zorvex, a signé.")


def test_a_name_after_a_role_on_its_board_stops_before_the_holder_s_name(find):
    text = "Sous la férule du président du conseil d'administration d'EMZORV Bruno Bonnell, elle avance."
    assert ("ORG", "EMZORV") in find(text)


def test_the_workplace_of_a_role_is_an_organisation():
    from extract.recognise.context import context_candidates

    text = "Mathieu Talbot, vice-président au financement corporatif chez Varnellis, a signé."
    assert [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "fr")] == ["Varnellis"]


def test_a_capitalised_word_before_a_head_noun_is_no_workplace():
    from extract.recognise.context import context_candidates

    text = "He spent 15 years as production director at the Hebridean distillery."
    assert context_candidates(text, 0, len(text), "en") == []


def test_a_name_described_as_a_kind_of_body_is_an_organisation():
    from extract.recognise.context import context_candidates

    text = "Vineyard Wind, an offshore wind developer, has named a new CEO. John Smith, a company director."
    assert [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")] == ["Vineyard Wind"]


def test_a_quoted_name_after_a_kind_noun_is_an_organisation_with_its_article():
    from extract.recognise.context import context_candidates

    text = "Elle a rejoint l’ensemble baroque « Le Poème Varnellique » en 2010."
    found = context_candidates(text, 0, len(text), "fr")
    assert [text[c.start : c.end] for c in found] == ["Le Poème Varnellique"]
    start, end = trim(text, found[0].start, found[0].end, vocabulary("fr"), person=False)
    assert text[start:end] == "Le Poème Varnellique"


def test_an_organisation_ends_before_the_person_who_holds_the_role_before_it():
    from extract.recognise.corrections import before_trailing_person

    text = "selon la directrice générale de SNCF Voyageurs Barbara Dalibard."
    start = text.index("SNCF")
    end = before_trailing_person(text, start, text.index("."), vocabulary("fr"))
    assert text[start:end] == "SNCF Voyageurs"


def test_an_organisation_named_after_a_person_keeps_the_name():
    from extract.recognise.corrections import before_trailing_person

    text = "Patricia Ricard, présidente de l'Institut Océanographique Paul Ricard."
    start = text.index("Institut")
    assert before_trailing_person(text, start, text.index("."), vocabulary("fr")) == text.index(".")


def test_an_organisation_ends_before_a_role_that_the_words_after_it_finish():
    from extract.recognise.corrections import before_trailing_role

    text = "said City National Bank Vice President Roy Martinez."
    start = text.index("City")
    end = before_trailing_role(text, start, text.index(" President"), vocabulary("en"))
    assert text[start:end] == "City National Bank"


def test_a_role_after_a_connector_is_part_of_the_organisation_name():
    from extract.recognise.corrections import before_trailing_role

    text = "The Institute of Directors said."
    start = text.index("Institute")
    assert before_trailing_role(text, start, text.index(" said"), vocabulary("en")) == text.index(" said")


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("Conseil d'administration de Groupama", "Groupama"),
        ("Board of Directors of the Acme Group", "Acme Group"),
        ("PPL board", "PPL"),
        ("Board of Directors", "Board of Directors"),
        ("oneworld Governing Board", "oneworld Governing Board"),
    ],
)
def test_a_governing_body_named_by_its_owner_is_the_owner(name, owner):
    from extract.recognise.spans import board_owner

    start, end = board_owner(name, 0, len(name))
    assert name[start:end] == owner


def test_a_governing_body_whose_owner_follows_is_no_organisation():
    from extract.recognise.spans import owned_board

    text = "Le Conseil d'administration de Groupama a révoqué son directeur."
    assert owned_board(text, 3, 27)
    assert not owned_board("Le Conseil d'administration a révoqué son directeur.", 3, 27)


def test_a_lower_case_head_with_a_complement_and_its_article_opens_the_name(find):
    found = find("La convention a été signée avec l'agence de l'eau Seine-Normandie le 3 mars.")
    assert ("ORG", "agence de l'eau Seine-Normandie") in found


def test_a_lower_case_head_with_a_complement_and_de_opens_the_name(find):
    found = find("Le marché a été cassé par la cour d'appel de Douai en 2019.")
    assert ("ORG", "cour d'appel de Douai") in found


def test_a_kind_noun_before_a_name_stays_out_of_it(find):
    found = find("L'information a été donnée par l'agence Xinhua lundi.")
    assert not any(text.startswith("agence") for _, text in found)


def test_a_name_after_a_kind_noun_and_an_adjective_is_an_organisation():
    from extract.recognise.recogniser import after_kind_noun

    text = "Ces deux filiales du géant chinois Zhongtai sont réunies."
    assert after_kind_noun(text, text.index("Zhongtai"), "Zhongtai", vocabulary("fr"))


def test_a_person_after_a_kind_noun_and_a_verb_stays_a_person():
    from extract.recognise.recogniser import after_kind_noun

    text = "The French group said Sarah Burton would stay."
    assert not after_kind_noun(text, text.index("Sarah"), "Sarah Burton", vocabulary("en"))
    text = "la société fondée par Jean Roux"
    assert not after_kind_noun(text, text.index("Jean"), "Jean Roux", vocabulary("fr"))


def test_a_kind_noun_before_a_persons_surname_names_no_organisation():
    from extract.recognise.corrections import not_surnames

    text = "Ray Ozzie left. Groove Networks, a software firm Ozzie formed in 1997."
    person = Candidate(0, 9, "PERSON", "model", "en")
    start = text.index("firm")
    pattern = Candidate(start, start + len("firm Ozzie"), "ORG", "pattern", "en")
    assert not_surnames(text, [person, pattern]) == [person]


def test_a_camel_case_name_the_model_calls_an_organisation_once_is_no_place():
    import spacy
    from spacy.tokens import Span

    from extract.recognise.votes import model_orgs

    doc = spacy.blank("fr")("mirSense lève . mirSense . mirSense emploie . Lyon .")
    labels = {0: "ORG", 3: "MISC", 5: "MISC", 8: "ORG"}
    doc.ents = [Span(doc, i, i + 1, label) for i, label in labels.items()]
    assert model_orgs([(None, doc)]) == {"mirSense"}


def test_a_person_with_a_possessive_inside_is_an_organisation(find):
    assert ("ORG", "David’s Bridal") in find("David’s Bridal names new CEO. David’s Bridal has 190 stores.")


def test_a_company_raising_money_or_joined_is_an_organisation(find):
    assert ("ORG", "Zorvex") in find("Zorvex lève 20 millions d'euros auprès de Kurma Partners.")
    assert ("ORG", "Zorvex") in find("Marie Keller rejoint Zorvex après dix ans chez Sanofi.")


def test_a_name_described_as_a_subsidiary_is_an_organisation(find):
    assert ("ORG", "Zorvex") in find("Zorvex, filiale du groupe Orano, a inauguré son usine.")


def test_a_name_listed_after_one_that_ends_on_a_place_is_an_organisation(find):
    assert ("ORG", "Zorvex") in find("L'université de Lille et Zorvex ont signé une convention.")


def test_a_name_after_a_person_and_of_is_their_organisation(find):
    found = find("ETSI Members have appointed Mr. Jonas Sundborg of Zortec as the chair of the Board.")
    assert ("ORG", "Zortec") in found


def test_a_place_or_a_longer_name_after_a_person_and_of_is_left_alone(find):
    found = find("Dr Luca Ferrante of Guardia Volontaria del Mare is Treasurer. Anna Roe of Spain spoke.")
    assert ("ORG", "Guardia Volontaria") not in found and ("ORG", "Spain") not in found


def test_an_acronym_the_model_calls_only_a_place_is_an_organisation_unless_the_gazetteer_has_it():
    from collections import Counter

    from extract.recognise.votes import _acronym

    assert _acronym("QRVX", Counter({False: 1}), {"LOC"})
    assert not _acronym("PARIS", Counter({False: 1}), {"GPE"})
    assert not _acronym("UK", Counter({False: 3}), {"GPE"})
    assert not _acronym("QRVX", Counter({False: 1}), {"LOC", "PERSON"})


def test_a_head_noun_before_a_role_of_two_words_is_a_title(find):
    found = find("“It is good,” said Bob Roe, Group Chief Executive of Quorvex.")
    assert not any(text.startswith("Group") for _, text in found)


def test_a_general_director_before_an_organisation_is_no_part_of_its_name(find):
    found = find("Jane Roe, General Director of Quorvex Theatre of Saint Louis, was elected.")
    assert ("ORG", "Quorvex Theatre of Saint Louis") in found


def test_an_aquarium_is_an_organisation_head(find):
    assert ("ORG", "Georgia Aquarium") in find("“We are proud,” said Jane Roe, head of Georgia Aquarium.")


def test_a_co_chair_listed_after_an_organisation_is_no_organisation(find):
    found = find("Jane Roe, Vice Chairman of Quorvex Group and Co-Chair of the Zeta Council, said so.")
    assert not any(text == "Co-Chair" for _, text in found)


def test_the_organisation_of_a_dashed_board_line_is_kept_whole(find):
    text = "The board:\nChair: Jane Roe - Quorvex\nFuture: Rosa Poe - Spanish National Zeta Council"
    found = find(text)
    assert {("ORG", "Quorvex"), ("PERSON", "Rosa Poe"), ("ORG", "Spanish National Zeta Council")} <= found


def test_a_french_board_named_by_its_generic_name_alone_is_no_organisation(find):
    found = find("Le Conseil d'administration a élu Jean Roux à la présidence de Quorvex.")
    assert not any(text.startswith("Conseil") for _, text in found)


def test_the_republic_of_a_french_president_s_title_is_no_organisation(find):
    found = find("Marc Papinutti a été nommé par décret du président de la République en date du 4 mai 2017.")
    assert ("ORG", "République") not in found


def test_a_turnover_abbreviated_ca_is_no_organisation(find):
    found = find("Le groupe Quorvex affichait 54 millions d'euros de CA en 2016.")
    assert ("ORG", "CA") not in found


def test_a_french_name_with_a_capital_on_its_first_word_alone_inside_a_sentence_is_kept(find):
    assert ("ORG", "Assemblée nationale") in find("Il a été élu à l'Assemblée nationale en 2002.")


def test_the_news_agencies_of_a_dateline_are_organisations_whatever_their_case(find):
    found = find("Lyon (qvx/zwp) - Le président du groupe a été nommé.")
    assert {("ORG", "qvx"), ("ORG", "zwp")} <= found


def test_a_place_in_a_dateline_s_brackets_is_no_news_agency(find):
    assert not any(label == "ORG" for label, _ in find("LONDON (UK) - The firm said so."))


def test_a_plural_common_noun_in_sentence_case_is_no_organisation():
    text = "Le centre est l'un des vingt Centres de lutte contre le cancer de France."
    start = text.index("Centres")
    candidate = Candidate(start, text.index(" de France"), "ORG", "model", "fr")
    assert not is_org_name(text, candidate, vocabulary("fr"))


def test_a_name_before_a_role_and_its_holder_may_hold_a_word_the_text_writes_in_lower_case():
    from extract.recognise.context import context_candidates

    text = "The swimming season opens. Quorvex Swimming chief executive Jane Roe said so."
    found = [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")]
    assert "Quorvex Swimming" in found


def test_an_acronym_written_as_a_word_is_defined_by_the_long_form_that_spells_it(find):
    found = find("Il préside le Groupement des industriels quorvexiens de l'énergie (Giqe) depuis 2019.")
    assert ("ORG", "Giqe") in found


def test_a_word_in_brackets_that_its_name_does_not_spell_is_no_acronym(find):
    assert ("ORG", "Paris") not in find("Il a rencontré Marie Roux (Paris) hier.")


def test_the_party_a_deal_is_made_with_is_an_organisation():
    from extract.recognise.context import context_candidates

    text = "Xenova announced a licensing deal with Quorvex for its library."
    assert "Quorvex" in [text[c.start : c.end] for c in context_candidates(text, 0, len(text), "en")]


def test_an_adjective_of_place_after_a_deal_phrase_is_no_organisation():
    from extract.recognise.context import context_candidates

    text = "The firm partnered with Michigan-based growers last year."
    assert context_candidates(text, 0, len(text), "en") == []


def test_a_country_or_a_generic_state_a_deal_is_made_with_is_no_organisation():
    from extract.recognise.context import context_candidates

    text = "They signed a partnership with the Algerian State and a collaboration with Germany."
    assert context_candidates(text, 0, len(text), "en") == []


def test_a_title_opens_a_name_with_particles(find):
    found = find("Ses prédécesseurs étaient le Baron Quentin de Varnelle-Ostrand et d'autres.")
    assert ("PERSON", "Quentin de Varnelle-Ostrand") in found


def test_a_role_word_before_a_name_of_two_words_is_no_part_of_it(find):
    found = find("The board thanked President Jane Quorva and Treasurer Jay Smith for the gift.")
    assert ("PERSON", "Jay Smith") in found


def test_a_person_runs_on_over_particles_and_a_surname():
    from extract.recognise.corrections import with_particle_surnames

    text = "Il a vu Renato Quorv di Varnelle hier, puis Jean Roux de Lyon."
    people = [Candidate(8, 20, "PERSON", "model", "fr"), Candidate(44, 53, "PERSON", "model", "fr")]
    found = [text[c.start : c.end] for c in with_particle_surnames(text, people)]
    assert found == ["Renato Quorv di Varnelle", "Jean Roux"]


def test_a_role_in_capitals_read_as_a_person_is_no_one(recogniser):
    text = "Il exercera la fonction de Directeur Général du groupe."
    start = text.index("Directeur")
    assert recogniser._clean(text, Candidate(start, start + 17, "PERSON", "model", "fr")) is None


def test_a_person_named_in_full_once_and_by_surname_after_is_a_person():
    from extract.recognise.surnames import repeated_surnames

    text = "Quorvex named a chair. Rona Varnell is set to lead the board. Varnell said she was glad."
    found = [text[c.start : c.end] for c in repeated_surnames(text, 0, len(text), "en")]
    assert found == ["Rona Varnell"]


def test_a_place_and_a_common_noun_in_capitals_are_no_given_name_and_surname():
    from extract.recognise.surnames import repeated_surnames

    text = "The Sydney Festival opens. Festival staff and the London Games were there."
    assert repeated_surnames(text, 0, len(text), "en") == []


def test_a_role_after_a_word_that_is_also_a_given_name_is_no_person():
    from extract.recognise.surnames import repeated_surnames

    text = "Chairperson: Rona Varnell, Quorvex\n\nVice Chairperson: Ed Pell, Zeta Farms"
    assert repeated_surnames(text, 0, len(text), "en") == []


def test_a_church_title_is_left_out_of_the_person() -> None:
    text = "Archbishop Michael Rowan met Rabbi Dana Kell and le cardinal Paul Rive."
    assert trim(text, 0, 24, vocabulary("en"), person=True) == (11, 24)
    assert text[slice(*trim(text, 29, 44, vocabulary("en"), person=True))] == "Dana Kell"
    start = text.index("cardinal")
    assert text[slice(*trim(text, start, len(text) - 1, vocabulary("fr"), person=True))] == "Paul Rive"


def test_a_plural_role_in_capitals_is_no_one(recogniser):
    text = "Both were promoted to serve as General Managers of the resorts."
    start = text.index("General")
    for label in ("PERSON", "ORG"):
        assert recogniser._clean(text, Candidate(start, start + 16, label, "model", "en")) is None


def test_a_person_ending_on_farms_is_a_company(recogniser):
    text = "Quorvel Poultry Farms donated the land."
    cleaned = recogniser._clean(text, Candidate(0, 21, "PERSON", "model", "en"))
    assert cleaned is not None and cleaned.label == "ORG"


def test_a_french_name_runs_on_over_the_complements_of_any_of_its_nouns(find):
    # the parser hangs "Offices" on the verb and "de l'Habitat" on "Offices", not on "Fédération"
    text = "Paul Arnaud a été élu président de la Fédération des Offices Régionaux de l'Habitat le 3 mai."
    assert ("ORG", "Fédération des Offices Régionaux de l'Habitat") in find(text)


def test_a_given_name_written_as_a_place_is_that_place(find):
    text = "Sydney Varnell opened the new office. The team will race in Sydney next week."
    found = find(text)
    assert ("PERSON", "Sydney Varnell") in found
    assert ("PERSON", "Sydney") not in found


def test_a_body_named_after_its_country_is_no_person_whose_given_name_the_country_is(find):
    found = find("France Stratégie publie une note sur l'emploi.")
    assert ("ORG", "France Stratégie") in found and ("PERSON", "France Stratégie") not in found


def test_a_lower_case_museum_or_court_head_opens_the_name(find):
    text = "Les fouilles seront exposées au musée Crozatier, puis jugées au tribunal de commerce de Paris."
    found = find(text)
    assert {("ORG", "musée Crozatier"), ("ORG", "tribunal de commerce de Paris")} <= found
