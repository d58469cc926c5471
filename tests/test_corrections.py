"""Corrections that read the words right around a candidate: a role's complement, a role in brackets."""

from extract.core.settings import load_settings
from extract.recognise.candidates import Candidate
from extract.recognise.corrections import after_role_complement, employers_in_brackets
from extract.recognise.recogniser import Recogniser


def test_a_name_after_a_role_and_of_is_where_the_role_is_held():
    text = "He was President of Magna Seating."
    assert after_role_complement(text, text.index("Magna"), "en")


def test_a_name_after_a_role_and_a_workplace_preposition_is_where_the_role_is_held():
    text = "Before that, he was chief executive at Eden Futures."
    assert after_role_complement(text, text.index("Eden"), "en")


def test_a_role_that_is_itself_a_complement_is_the_title_of_the_person_after_it():
    text = "Le mandat de PDG de Frédéric Oudéa a été renouvelé."
    assert not after_role_complement(text, text.index("Frédéric"), "fr")


def test_a_name_with_a_middle_initial_after_a_role_is_a_person():
    text = "La nomination en tant que PDG de Federico J. González."
    assert not after_role_complement(text, text.index("Federico"), "fr")


def test_a_model_organisation_after_a_role_keeps_its_label_though_it_opens_on_a_given_name():
    text = "He was President of Magna Seating."
    start = text.index("Magna")
    candidate = Candidate(start, start + len("Magna Seating"), "ORG", "model", "en")
    cleaned = Recogniser(load_settings())._clean(text, candidate)
    assert cleaned is not None and cleaned.label == "ORG"


def _labels_after_brackets(text: str, lang: str, *people: str) -> list[str]:
    """The labels ``employers_in_brackets`` leaves, where the model reads ``people`` as persons."""
    candidates = [Candidate(text.index(p), text.index(p) + len(p), "PERSON", "model", lang) for p in people]
    return [c.label for c in employers_in_brackets(text, candidates)]


def test_a_region_in_brackets_after_a_person_is_no_employer():
    text = "Élus : Simon Roux (Nouveau-Brunswick) et Anne Vidal (Gironde)."
    assert _labels_after_brackets(text, "fr", "Simon Roux", "Anne Vidal") == ["PERSON", "PERSON"]


def test_a_letter_in_brackets_after_a_person_is_no_employer():
    text = "Managing Partner Robert Mankin (L) and Steve Lee (R)."
    assert _labels_after_brackets(text, "en", "Robert Mankin", "Steve Lee") == ["PERSON", "PERSON"]


def test_a_role_in_brackets_after_a_person_is_no_employer():
    text = "Le bureau : Marianne Alphant (Vice-Présidente), Christophe Lamiot Enos (Trésorier)."
    people = ("Marianne Alphant", "Christophe Lamiot Enos")
    assert _labels_after_brackets(text, "fr", *people) == ["PERSON", "PERSON"]


def test_a_name_after_of_and_before_the_place_it_is_in_is_the_employer():
    text = "Jane Roe of Zorvex Cider in London, England, was elected."
    found = employers_in_brackets(text, [Candidate(0, 8, "PERSON", "model", "en")])
    assert [text[c.start : c.end] for c in found if c.label == "ORG"] == ["Zorvex Cider"]


def test_a_name_after_of_going_on_with_in_and_no_place_is_left_alone():
    text = "Jane Roe of Women in Zorvex Science spoke."
    found = employers_in_brackets(text, [Candidate(0, 8, "PERSON", "model", "en")])
    assert [c.label for c in found] == ["PERSON"]


def test_a_generational_suffix_after_a_comma_ends_the_persons_name():
    from extract.recognise.corrections import with_name_suffixes

    text = "said Flozell Daniels, Jr., the board chair."
    person = Candidate(5, 20, "PERSON", "model", "en")
    assert [text[c.start : c.end] for c in with_name_suffixes(text, [person])] == ["Flozell Daniels, Jr."]


def test_a_word_that_only_starts_like_a_suffix_is_left_out():
    from extract.recognise.corrections import with_name_suffixes

    text = "said Anna Berg, IVF pioneer."
    person = Candidate(5, 14, "PERSON", "model", "en")
    assert [text[c.start : c.end] for c in with_name_suffixes(text, [person])] == ["Anna Berg"]


def test_a_model_person_after_a_persons_title_is_where_the_title_is_held():
    from extract.recognise.corrections import owners_of_roles

    text = "Ronan McCabe, Chief Executive Animation Ireland, said so."
    people = [Candidate(0, 12, "PERSON", "model", "en"), Candidate(30, 47, "PERSON", "model", "en")]
    assert [c.label for c in owners_of_roles(text, people)] == ["PERSON", "ORG"]


def test_people_listed_with_their_titles_stay_people():
    from extract.recognise.corrections import owners_of_roles

    text = "from CFO Chris Barton, COO Christine Geissmar and others"
    people = [Candidate(9, 21, "PERSON", "model", "en"), Candidate(27, 45, "PERSON", "model", "en")]
    assert [c.label for c in owners_of_roles(text, people)] == ["PERSON", "PERSON"]


def _read_as(text: str, model: str, other: str, lang: str, source: str = "pattern") -> str:
    """What ``with_model_openings`` makes of ``other`` (a pattern's name, or another source's) where the
    model reads ``model`` around it."""
    from extract.recognise.corrections import with_model_openings

    at, other_at = text.index(model), text.index(other)
    candidates = [
        Candidate(at, at + len(model), "ORG", "model", lang),
        Candidate(other_at, other_at + len(other), "ORG", source, lang),
    ]
    read = with_model_openings(text, candidates)[1]
    return text[read.start : read.end]


def test_a_patterns_organisation_opens_where_the_models_does_before_its_head():
    text = "La Haute Autorité de Santé a publié un avis."
    assert _read_as(text, "Haute Autorité de Santé", "Autorité de Santé", "fr") == "Haute Autorité de Santé"


def test_a_lower_case_word_before_the_head_opens_no_name():
    text = "Selon la Autorité de Santé, rien."
    assert _read_as(text, "la Autorité de Santé", "Autorité de Santé", "fr") == "Autorité de Santé"


def test_a_patterns_organisation_closes_where_the_models_does_after_it():
    text = "Funding came from Arts Council England last year."
    assert _read_as(text, "Arts Council England", "Arts Council", "en") == "Arts Council England"


def test_a_listed_names_organisation_closes_where_the_models_does_after_it():
    text = "He ran Arriva Rail North until May."
    assert _read_as(text, "Arriva Rail North", "Arriva", "en", source="gazetteer") == "Arriva Rail North"


def test_a_board_named_for_its_members_is_no_board_of_an_owner():
    from extract.recognise.spans import board_owner

    text = "The Board of Commissioners approved the lease."
    assert board_owner(text, 4, 26) == (4, 26)


def test_a_name_the_text_also_writes_bare_does_not_own_its_s():
    from extract.recognise.corrections import with_name_s

    text = "Microsoft said so. Shares rose at Microsoft's."
    first, second = text.index("Microsoft"), text.rindex("Microsoft")
    orgs = [Candidate(at, at + 9, "ORG", "model", "en") for at in (first, second)]
    assert [text[c.start : c.end] for c in with_name_s(text, orgs)] == ["Microsoft", "Microsoft"]


def test_a_name_written_only_with_its_s_owns_it():
    from extract.recognise.corrections import with_name_s

    text = "He joined Sotheby's. Sotheby's chairman spoke."
    first = text.index("Sotheby")
    orgs = [Candidate(first, first + 7, "ORG", "model", "en")]
    assert [text[c.start : c.end] for c in with_name_s(text, orgs)] == ["Sotheby's"]


def test_a_capital_and_a_stop_after_a_given_name_is_an_initial_not_a_title():
    import spacy

    from extract.recognise.recogniser import _middle_initial

    nlp = spacy.blank("en")
    assert _middle_initial(nlp("Steven M. Paul chairs it."), 1)
    assert not _middle_initial(nlp("Selon M. Dupont, tout va bien."), 1)


def test_a_suffix_the_model_reads_without_its_stop_takes_it():
    from extract.recognise.corrections import with_name_suffixes

    text = "The award went to Robert C. Mankin Jr. He said so."
    person = Candidate(18, 37, "PERSON", "model", "en")
    assert text[18:37] == "Robert C. Mankin Jr"
    assert [text[c.start : c.end] for c in with_name_suffixes(text, [person])] == ["Robert C. Mankin Jr."]


def test_a_military_or_clerical_title_is_left_out_of_a_persons_span():
    text = "Colonel Artem Gromov attended, as did Fr Vincent Wambugu."
    recogniser = Recogniser(load_settings())
    colonel = recogniser._clean(text, Candidate(0, 20, "PERSON", "model", "en"))
    father = recogniser._clean(text, Candidate(38, 56, "PERSON", "model", "en"))
    assert [text[c.start : c.end] for c in (colonel, father)] == ["Artem Gromov", "Vincent Wambugu"]


def test_a_name_does_not_run_on_over_a_particle_and_a_title():
    from extract.recognise.corrections import with_particle_surnames

    text = "a indiqué Bertrand Diard le Pdg de la société."
    person = Candidate(10, 24, "PERSON", "model", "fr")
    assert text[10:24] == "Bertrand Diard"
    assert [text[c.start : c.end] for c in with_particle_surnames(text, [person])] == ["Bertrand Diard"]


def test_a_patterns_organisation_closes_over_the_complement_the_model_reads():
    text, full = "He led Potash Corp. of Saskatchewan for years.", "Potash Corp. of Saskatchewan"
    assert _read_as(text, full, "Potash Corp.", "en") == full


def test_two_names_the_model_joins_with_and_stay_two():
    text = "Institut Alpha and Institut Beta signed."
    assert _read_as(text, "Institut Alpha and Institut Beta", "Institut Alpha", "en") == "Institut Alpha"
