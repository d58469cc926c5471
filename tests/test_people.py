"""People and bodies in relations: whom a pronoun stands for, who followed whom, who works where, what
body a unit belongs to."""

from __future__ import annotations

import pytest

from test_paths import found, undated

pytestmark = pytest.mark.usefixtures("rules_only")


def _roux_and(nlp, text: str, org: str, lang: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) found between Jeanne Roux ("P") and ``org`` ("A")."""
    relations = found(nlp, text, ("Jeanne Roux", "PERSON", "P"), (org, "ORG", "A"), lang=lang)
    return undated(relations)


@pytest.mark.slow
def test_a_pronoun_continues_the_subject_not_the_last_name(en) -> None:
    text = "Anna Berg thanked John Miller, and she later became director of the Gamma Trust."
    names = (("Anna Berg", "PERSON", "A"), ("John Miller", "PERSON", "J"), ("Gamma Trust", "ORG", "G"))
    relations = undated(found(en, text, *names))
    assert ("A", "heads", "G") in relations and ("J", "heads", "G") not in relations


@pytest.mark.slow
def test_a_person_in_brackets_is_not_the_next_sentences_she(fr) -> None:
    text = (
        "Le conseil a élu Anna Berg à la présidence (l'autre candidat, Jean Martin, a obtenu 12 voix).\n"
        "Elle est aussi directrice de l'Institut Gamma."
    )
    names = (("Anna Berg", "PERSON", "A"), ("Jean Martin", "PERSON", "J"), ("Institut Gamma", "ORG", "G"))
    relations = undated(found(fr, text, *names, lang="fr"))
    assert ("A", "heads", "G") in relations and ("J", "heads", "G") not in relations


@pytest.mark.slow
def test_his_predecessor_held_the_post(en) -> None:
    text = "Andrew Haines is the chief executive of Network Rail.\nHis predecessor Mark Carne left in May."
    names = (("Andrew Haines", "PERSON", "A"), ("Network Rail", "ORG", "N"), ("Mark Carne", "PERSON", "M"))
    assert ("M", "heads", "N") in undated(found(en, text, *names))


@pytest.mark.slow
def test_the_latter_who_succeeds_is_the_person_named_before(fr) -> None:
    text = "Bruno Cavagné a été élu président de la Fédération Alpha.\nCe dernier succède à Paul Bernard."
    names = (
        ("Bruno Cavagné", "PERSON", "B"),
        ("Fédération Alpha", "ORG", "F"),
        ("Paul Bernard", "PERSON", "P"),
    )
    assert ("P", "heads", "F") in undated(found(fr, text, *names, lang="fr"))


@pytest.mark.slow
def test_the_one_whose_suite_is_taken_held_the_post(fr) -> None:
    text = "Anne Roux a été élue présidente de l'Union Beta.\nElle prend la suite de Pierre Cohen."
    names = (("Anne Roux", "PERSON", "A"), ("Union Beta", "ORG", "U"), ("Pierre Cohen", "PERSON", "P"))
    assert ("P", "heads", "U") in undated(found(fr, text, *names, lang="fr"))


@pytest.mark.slow
def test_the_one_replaced_held_the_post(fr) -> None:
    text = "Anne Roux a été élue présidente de l'Union Beta, en remplacement de Pierre Cohen."
    names = (("Anne Roux", "PERSON", "A"), ("Union Beta", "ORG", "U"), ("Pierre Cohen", "PERSON", "P"))
    assert ("P", "heads", "U") in undated(found(fr, text, *names, lang="fr"))


@pytest.mark.slow
def test_each_of_the_predecessors_held_the_post(en) -> None:
    text = "Jane Doe is the chief executive of the Acme Agency.\nHer predecessors were John Roe and Mary Poe."
    names = (
        ("Jane Doe", "PERSON", "J"),
        ("Acme Agency", "ORG", "A"),
        ("John Roe", "PERSON", "R"),
        ("Mary Poe", "PERSON", "M"),
    )
    relations = undated(found(en, text, *names))
    assert {("R", "heads", "A"), ("M", "heads", "A")} <= relations


@pytest.mark.slow
def test_the_one_a_successor_is_named_to_held_the_post(en) -> None:
    text = "John Smith is the chief executive of Acme Golf.\nHe was chosen as successor to George Fellows."
    names = (("John Smith", "PERSON", "J"), ("Acme Golf", "ORG", "A"), ("George Fellows", "PERSON", "G"))
    assert ("G", "heads", "A") in undated(found(en, text, *names))


@pytest.mark.slow
def test_a_person_who_works_at_an_organisation_works_for_it(fr) -> None:
    text = "Jean Martin, 62 ans, travaille à la Régie Alpha depuis 1981."
    names = (("Jean Martin", "PERSON", "J"), ("Régie Alpha", "ORG", "R"))
    assert undated(found(fr, text, *names, lang="fr")) == {("J", "works_for", "R")}


@pytest.mark.slow
def test_two_organisations_that_work_together_are_not_employees(en) -> None:
    text = "The Acme Institute works with the Beta Foundation."
    names = (("Acme Institute", "ORG", "A"), ("Beta Foundation", "ORG", "B"))
    assert not {p for _, p, _, _ in found(en, text, *names)} & {"works_for", "heads"}


@pytest.mark.slow
def test_parent_bodies_in_brackets_joined_by_slashes(fr) -> None:
    text = "L'Institut Alpha (CNRS/Université Beta) participe."
    names = (("Institut Alpha", "ORG", "A"), ("CNRS", "ORG", "C"), ("Université Beta", "ORG", "B"))
    relations = undated(found(fr, text, *names, lang="fr"))
    assert {("A", "member_of", "C"), ("A", "member_of", "B")} <= relations


@pytest.mark.slow
def test_one_name_in_brackets_is_no_parent(fr) -> None:
    text = "L'Institut Alpha (CNRS) participe."
    names = (("Institut Alpha", "ORG", "A"), ("CNRS", "ORG", "C"))
    assert ("A", "member_of", "C") not in undated(found(fr, text, *names, lang="fr"))


@pytest.mark.slow
def test_the_schools_of_a_group_listed_are_its_members(en) -> None:
    text = "The members of the Alpha Network are Beta University and Gamma College."
    names = (("Alpha Network", "ORG", "G"), ("Beta University", "ORG", "A"), ("Gamma College", "ORG", "B"))
    relations = undated(found(en, text, *names))
    assert {("A", "member_of", "G"), ("B", "member_of", "G")} <= relations


@pytest.mark.slow
def test_a_pronoun_agrees_with_the_first_names_gender(en) -> None:
    text = "Anna Berg thanked John Miller on Monday.\nHe is the director of the Gamma Trust."
    names = (("Anna Berg", "PERSON", "PERSON|anna berg"), ("John Miller", "PERSON", "PERSON|john miller"))
    relations = undated(found(en, text, *names, ("Gamma Trust", "ORG", "G")))
    assert ("PERSON|john miller", "heads", "G") in relations
    assert ("PERSON|anna berg", "heads", "G") not in relations


@pytest.mark.slow
def test_a_protocol_signed_by_a_list_of_subjects_makes_them_partners(fr) -> None:
    text = "Le CNRS et le groupe pharmaceutique Valmont ont signé un protocole d'accord."
    names = (("CNRS", "ORG", "C"), ("Valmont", "ORG", "A"))
    assert ("C", "partner_of", "A") in undated(found(fr, text, *names, lang="fr"))


@pytest.mark.slow
def test_two_bodies_associated_to_a_third_are_not_partners(fr) -> None:
    text = "La Fédération Alpha et la Confédération Beta seront associées au comité de suivi."
    names = (("Fédération Alpha", "ORG", "A"), ("Confédération Beta", "ORG", "B"))
    assert not found(fr, text, *names, lang="fr")


@pytest.mark.slow
def test_the_members_listed_after_their_owner_are_its_members(fr) -> None:
    text = (
        "Les autres membres de la Conférence Alpha sont : "
        "l'École Beta (Canada), HEC Gamma (Canada) ; l'Université Delta."
    )
    names = (
        ("Conférence Alpha", "ORG", "A"),
        ("École Beta", "ORG", "B"),
        ("HEC Gamma", "ORG", "C"),
        ("Université Delta", "ORG", "D"),
    )
    relations = undated(found(fr, text, *names, lang="fr"))
    assert {("B", "member_of", "A"), ("C", "member_of", "A"), ("D", "member_of", "A")} <= relations


@pytest.mark.slow
def test_the_members_listed_after_their_owner_and_its_kind_noun(en) -> None:
    text = "The schools from the ZQAT group are Alpha School, Beta School, and Gamma School."
    names = (
        ("ZQAT", "ORG", "Z"),
        ("Alpha School", "ORG", "A"),
        ("Beta School", "ORG", "B"),
        ("Gamma School", "ORG", "C"),
    )
    relations = undated(found(en, text, *names))
    assert {("A", "member_of", "Z"), ("B", "member_of", "Z"), ("C", "member_of", "Z")} <= relations


@pytest.mark.slow
def test_where_a_person_was_appointed_is_not_what_they_head(fr) -> None:
    text = "Jean Martin a été nommé, mercredi en Conseil des ministres, patron de la Régie Alpha."
    names = (
        ("Jean Martin", "PERSON", "J"),
        ("Conseil des ministres", "ORG", "C"),
        ("Régie Alpha", "ORG", "R"),
    )
    relations = undated(found(fr, text, *names, lang="fr"))
    assert ("J", "heads", "C") not in relations


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("fr", "Jeanne Roux, qui était co-directrice générale de l'Institut Valmont.", "Institut Valmont"),
        ("en", "Jeanne Roux, who was also co-chief executive of Acme Corporation, left.", "Acme Corporation"),
    ],
)
@pytest.mark.slow
def test_a_co_head_heads(en, fr, lang, text, org) -> None:
    assert _roux_and(en if lang == "en" else fr, text, org, lang) == {("P", "heads", "A")}


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("fr", "Présidente de l'Institut Valmont, Jeanne Roux a ouvert la séance.", "Institut Valmont"),
        ("en", "As chair of Acme Corporation, Jeanne Roux opened the meeting.", "Acme Corporation"),
    ],
)
@pytest.mark.slow
def test_a_role_that_opens_the_sentence_is_its_subjects(en, fr, lang, text, org) -> None:
    assert _roux_and(en if lang == "en" else fr, text, org, lang) == {("P", "heads", "A")}


@pytest.mark.slow
def test_joining_an_organisations_teams_is_working_for_it(fr) -> None:
    text = "Jeanne Roux a rejoint les équipes de l'Institut Valmont."
    relations = found(fr, text, ("Jeanne Roux", "PERSON", "P"), ("Institut Valmont", "ORG", "A"), lang="fr")
    assert undated(relations) == {("P", "works_for", "A")}


@pytest.mark.slow
def test_a_chief_scientist_works_for_the_organisation(en) -> None:
    text = "Jeanne Roux, PhD, is the chief scientist of Acme Corporation."
    assert _roux_and(en, text, "Acme Corporation", "en") == {("P", "works_for", "A")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Anna Berg a rejoint Gamma.\nSon président Jean Martin dit qu'il rejoindra l'Institut Delta."),
        ("en", "Anna Berg joined Gamma.\nIts chairman John Martin said he would join the Delta Institute."),
    ],
)
def test_a_pronoun_continues_a_subject_named_in_apposition(en, fr, lang, text) -> None:
    nlp = {"en": en, "fr": fr}[lang]
    martin = "Jean Martin" if lang == "fr" else "John Martin"
    delta = "Institut Delta" if lang == "fr" else "Delta Institute"
    names = (("Anna Berg", "PERSON", "A"), (martin, "PERSON", "M"))
    names += (("Gamma", "ORG", "G"), (delta, "ORG", "D"))
    relations = {(s, o) for s, _, o, _ in found(nlp, text, *names, lang=lang)}
    assert ("M", "D") in relations and ("A", "D") not in relations


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He spent 15 years at Talking Rain, the parent company of Sparkling Ice."),
        ("fr", "La licence intéresse Talking Rain, la société mère de Sparkling Ice."),
    ],
)
def test_a_parent_company_is_no_member_of_what_it_owns(en, fr, lang, text) -> None:
    names = (("Talking Rain", "ORG", "T"), ("Sparkling Ice", "ORG", "S"))
    relations = undated(found({"en": en, "fr": fr}[lang], text, *names, lang=lang))
    assert ("T", "member_of", "S") not in relations


@pytest.mark.slow
def test_the_one_taken_over_from_is_named_beside_the_post(en) -> None:
    text = "Jane Doe is chief executive of Acme.\nShe takes over from current Chief Executive, Mary Poe."
    names = (("Jane Doe", "PERSON", "J"), ("Acme", "ORG", "A"), ("Mary Poe", "PERSON", "M"))
    assert ("M", "heads", "A") in undated(found(en, text, *names))


@pytest.mark.slow
def test_a_person_an_organisation_s_possessive_names_works_for_it(en) -> None:
    text = "Acme's Jane Doe said the merger was good."
    names = (("Acme", "ORG", "A"), ("Jane Doe", "PERSON", "J"))
    assert undated(found(en, text, *names)) == {("J", "works_for", "A")}


@pytest.mark.slow
def test_the_brands_an_owner_s_possessive_names_are_its_members(en) -> None:
    text = "Alpha and Beta, two of Gamma's flagship brands, grew fast."
    names = (("Alpha", "ORG", "A"), ("Beta", "ORG", "B"), ("Gamma", "ORG", "G"))
    assert {("A", "member_of", "G"), ("B", "member_of", "G")} <= undated(found(en, text, *names))


def test_the_one_taken_over_from_may_be_parsed_as_a_conjunct_of_the_post() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extract.relations.succession import _person_at
    from extract.relations.view import Anchor

    # "from current Chief Executive, Mary Poe": the parser may hang the name on the post as a conjunct
    words = ["from", "current", "Chief", "Executive", ",", "Mary", "Poe"]
    heads = [0, 3, 3, 0, 3, 6, 3]
    deps = ["ROOT", "amod", "compound", "pobj", "punct", "compound", "conj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    poe = Anchor(5, 7, "M", "PERSON")
    assert _person_at(doc[3], {6: poe}) == poe
