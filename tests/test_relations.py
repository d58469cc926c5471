"""Relation rules on short sentences written for each pattern, in English and French."""

from __future__ import annotations

import pytest

from extract.core.errors import ExtractError
from extract.core.records import Mention
from extract.languages.registry import language_file, read_json
from extract.relations.document import find_relations, main_topic, mention_anchors
from extract.relations.lexicon import (
    MERGED_KEYS,
    PHRASE_KEYS,
    ROLE_KEYS,
    WORD_SET_KEYS,
    load_lexicon,
    merged_words,
    parse_lexicon,
)
from extract.relations.sentences import sentence_lexicon, sentences

pytestmark = pytest.mark.usefixtures("rules_only")


def mention(
    text: str,
    surface: str,
    label: str,
    key: str | None = None,
    *,
    value: str | None = None,
    lang: str = "en",
    after: int = 0,
) -> Mention:
    start = text.index(surface, after)
    return Mention(start, start + len(surface), label, surface, lang, "rule", value=value, key=key)


def triples(relations) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in relations}


@pytest.mark.slow
def test_apposition_role_word_gives_heads_with_role_as_written(en) -> None:
    text = "Prof. Jane Doe, Executive Director of the Acme Institute, opened the meeting."
    mentions = [mention(text, "Jane Doe", "PERSON", "P1"), mention(text, "Acme Institute", "ORG", "O1")]
    (relation,) = find_relations([(0, en(text))], mentions)
    assert (relation.subject, relation.predicate, relation.object, relation.role) == (
        "P1",
        "heads",
        "O1",
        "Executive Director",
    )


@pytest.mark.slow
def test_deputy_role_is_works_for(en) -> None:
    text = "John Roe, Deputy Director of the Acme Institute, opened the meeting."
    mentions = [mention(text, "John Roe", "PERSON", "P1"), mention(text, "Acme Institute", "ORG", "O1")]
    assert [(r.predicate, r.role) for r in find_relations([(0, en(text))], mentions)] == [
        ("works_for", "Deputy Director")
    ]


@pytest.mark.slow
def test_a_director_of_a_field_works_for_the_organisation(en) -> None:
    text = "Jane Doe, Creative Director of Acme Films, opened the meeting."
    mentions = [mention(text, "Jane Doe", "PERSON", "P1"), mention(text, "Acme Films", "ORG", "O1")]
    assert [(r.predicate, r.role) for r in find_relations([(0, en(text))], mentions)] == [
        ("works_for", "Creative Director")
    ]


@pytest.mark.slow
def test_a_finance_director_works_for_the_organisation(en) -> None:
    text = "Jane Doe, Finance Director of Acme Films, opened the meeting."
    mentions = [mention(text, "Jane Doe", "PERSON", "P1"), mention(text, "Acme Films", "ORG", "O1")]
    assert [(r.predicate, r.role) for r in find_relations([(0, en(text))], mentions)] == [
        ("works_for", "Finance Director")
    ]


@pytest.mark.slow
def test_an_honorary_president_works_for_the_organisation(fr) -> None:
    text = "Jean Roux, président d'honneur de la Fédération Alpha, a ouvert la séance."
    mentions = [
        mention(text, "Jean Roux", "PERSON", "P1", lang="fr"),
        mention(text, "Fédération Alpha", "ORG", "O1", lang="fr"),
    ]
    assert [(r.predicate, r.role) for r in find_relations([(0, fr(text))], mentions)] == [
        ("works_for", "président d'honneur")
    ]


@pytest.mark.slow
def test_list_of_subjects_gives_one_membership_each(en) -> None:
    text = "Alpha Lab, Beta Lab and Gamma Lab are members of the Delta Network."
    mentions = [
        mention(text, name, "ORG", key)
        for name, key in (("Alpha Lab", "A"), ("Beta Lab", "B"), ("Gamma Lab", "C"), ("Delta Network", "D"))
    ]
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("A", "member_of", "D"),
        ("B", "member_of", "D"),
        ("C", "member_of", "D"),
    }


@pytest.mark.slow
def test_passive_funded_by_points_at_the_funder(en) -> None:
    text = "The Acme Institute is funded by the Beta Foundation."
    mentions = [mention(text, "Acme Institute", "ORG", "A"), mention(text, "Beta Foundation", "ORG", "B")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("A", "funded_by", "B")}


@pytest.mark.slow
def test_it_stands_for_the_topic_and_since_gives_the_date(en) -> None:
    text = "It has been a member of the Delta Network since 2012."
    mentions = [mention(text, "Delta Network", "ORG", "D"), mention(text, "2012", "DATE", value="2012")]
    relations = find_relations([(0, en(text))], mentions, topic="T")
    expected = [("T", "member_of", "D", "2012")]
    assert [(r.subject, r.predicate, r.object, r.date) for r in relations] == expected


@pytest.mark.slow
def test_joint_partnership_pairs_the_subjects(en) -> None:
    text = "Acme Institute and Beta Foundation launched a partnership."
    mentions = [mention(text, "Acme Institute", "ORG", "A"), mention(text, "Beta Foundation", "ORG", "B")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("A", "partner_of", "B")}


@pytest.mark.slow
def test_co_occurrence_without_trigger_gives_nothing(en) -> None:
    text = "Acme Institute and Beta Foundation opened new offices."
    mentions = [mention(text, "Acme Institute", "ORG", "A"), mention(text, "Beta Foundation", "ORG", "B")]
    assert find_relations([(0, en(text))], mentions) == []


@pytest.mark.slow
def test_evidence_is_the_sentence_in_document_offsets(en) -> None:
    text = "Welcome. The Acme Institute is funded by the Beta Foundation."
    offset = 100
    local = (mention(text, "Acme Institute", "ORG", "A"), mention(text, "Beta Foundation", "ORG", "B"))
    mentions = [
        Mention(m.start + offset, m.end + offset, m.label, m.text, m.lang, m.source, key=m.key) for m in local
    ]
    (relation,) = find_relations([(offset, en(text))], mentions)
    assert (relation.start, relation.end) == (offset + 9, offset + len(text))


@pytest.mark.slow
def test_members_of_a_relative_clause_are_the_name_before_s(en) -> None:
    text = "The Zorvex Alliance, whose members include Brandel Foods and Corvina Labs, was founded in 2010."
    mentions = [
        mention(text, "Zorvex Alliance", "ORG", "Z"),
        mention(text, "Brandel Foods", "ORG", "B"),
        mention(text, "Corvina Labs", "ORG", "C"),
    ]
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("B", "member_of", "Z"),
        ("C", "member_of", "Z"),
    }


@pytest.mark.slow
def test_support_opening_the_sentence_funds_the_name_after_the_comma_and_its_article(en) -> None:
    text = "Supported by the Zorbec Fund, the Quorvex Institute opens a laboratory."
    mentions = [mention(text, "Zorbec Fund", "ORG", "Z"), mention(text, "Quorvex Institute", "ORG", "Q")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("Q", "funded_by", "Z")}


@pytest.mark.slow
def test_support_opening_the_sentence_funds_the_name_after_the_comma(fr) -> None:
    text = "Avec le soutien de Bpifrance, Brandel Foods ouvre un laboratoire."
    mentions = [
        mention(text, "Bpifrance", "ORG", "B", lang="fr"),
        mention(text, "Brandel Foods", "ORG", "F", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("F", "funded_by", "B")}


@pytest.mark.slow
def test_french_apposition_gives_two_heads_with_roles(fr) -> None:
    text = "Le Pr Jean Dupont, directeur général de l'Institut Alpha et président de Beta Santé, a parlé."
    mentions = [
        mention(text, "Jean Dupont", "PERSON", "P", lang="fr"),
        mention(text, "Institut Alpha", "ORG", "A", lang="fr"),
        mention(text, "Beta Santé", "ORG", "B", lang="fr"),
    ]
    relations = find_relations([(0, fr(text))], mentions)
    assert {(r.object, r.predicate, r.role) for r in relations} == {
        ("A", "heads", "directeur général"),
        ("B", "heads", "président"),
    }


@pytest.mark.slow
def test_french_il_is_the_topic_and_depuis_gives_the_date(fr) -> None:
    text = "Il est membre du Réseau Gamma depuis 2012."
    mentions = [
        mention(text, "Réseau Gamma", "ORG", "G", lang="fr"),
        mention(text, "2012", "DATE", value="2012", lang="fr"),
    ]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    expected = [("T", "member_of", "G", "2012")]
    assert [(r.subject, r.predicate, r.object, r.date) for r in relations] == expected


@pytest.mark.slow
def test_french_passive_soutenu_par(fr) -> None:
    text = "L'Institut Alpha est soutenu par la Fondation Beta."
    mentions = [
        mention(text, "Institut Alpha", "ORG", "A", lang="fr"),
        mention(text, "Fondation Beta", "ORG", "B", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("A", "funded_by", "B")}


@pytest.mark.slow
def test_press_contact_blocks_give_works_for_with_header_as_role(fr) -> None:
    lines = ["CONTACT PRESSE", "ALPHA SANTÉ :", "Marie Durand – Tél. 01 02 03 04 05"]
    text = "\n\n".join(lines)
    starts = [text.index(line) for line in lines]
    mentions = [
        mention(text, "ALPHA SANTÉ", "ORG", "A", lang="fr"),
        mention(text, "Marie Durand", "PERSON", "P", lang="fr"),
    ]
    relations = find_relations([(s, fr(line)) for s, line in zip(starts, lines, strict=True)], mentions)
    assert [(r.subject, r.predicate, r.object, r.role) for r in relations] == [
        ("P", "works_for", "A", "CONTACT PRESSE")
    ]


@pytest.mark.slow
def test_same_triple_twice_is_kept_once(en) -> None:
    text = "The Acme Institute is funded by the Beta Foundation. " * 2
    second = text.index("The Acme", 5)
    mentions = [
        mention(text, "Acme Institute", "ORG", "A"),
        mention(text, "Beta Foundation", "ORG", "B"),
        mention(text, "Acme Institute", "ORG", "A", after=second),
        mention(text, "Beta Foundation", "ORG", "B", after=second),
    ]
    assert len(find_relations([(0, en(text))], mentions)) == 1


def test_topic_is_the_most_mentioned_org_first_seen_on_ties() -> None:
    def org(start: int, key: str) -> Mention:
        return Mention(start, start + 1, "ORG", "x", "en", "model", key=key)

    # B and A have two mentions each; B appears first, so B wins the tie; C has one.
    assert main_topic([org(5, "A"), org(0, "B"), org(9, "A"), org(3, "B"), org(1, "C")]) == "B"


def test_lexicon_with_unknown_predicate_names_file_and_problem() -> None:
    data = {key: [] for key in ("joint_triggers", "pre_fillers", "post_fillers", "enumerators")}
    data["triggers"] = [{"words": ["member"], "predicate": "likes", "direction": "forward"}]
    with pytest.raises(ExtractError, match=r"rel\.json.*'likes'") as caught:
        parse_lexicon({**data, **_complete()}, path="rel.json")
    assert caught.value.key == "data.invalid"


def test_lexicon_missing_keys_is_reported() -> None:
    with pytest.raises(ExtractError, match=r"rel\.json.*missing keys"):
        parse_lexicon({"triggers": []}, path="rel.json")


@pytest.mark.parametrize("key", ["agent_markers", "and_words", "of_words", "acronym_articles"])
def test_lexicon_missing_a_word_class_moved_out_of_the_code_is_refused_naming_it(key) -> None:
    data = read_json(language_file("en", "relations"))
    del data[key]
    with pytest.raises(ExtractError, match=rf"en/relations\.json.*missing keys \['{key}'\]"):
        parse_lexicon(data, path="en/relations.json")


def test_lexicon_with_an_unknown_key_is_refused_naming_it() -> None:
    data = {**read_json(language_file("fr", "relations")), "agents_markers": ["par"]}
    with pytest.raises(ExtractError, match=r"fr/relations\.json.*unknown keys \['agents_markers'\]"):
        parse_lexicon(data, path="fr/relations.json")
    data = read_json(language_file("fr", "relations"))
    data["roles"]["chiefs"] = ["chef"]
    with pytest.raises(ExtractError, match=r"fr/relations\.json.*'roles'.*exactly the keys"):
        parse_lexicon(data, path="fr/relations.json")


def test_merged_words_are_every_languages_words() -> None:
    """The small word classes some rules read whatever the sentence's language: the union over languages."""
    merged = merged_words()
    assert merged.agent_markers == {"by", "par"}
    assert merged.and_words | merged.or_words == {"and", "et", "or", "ou"}
    assert merged.of_words == {"of", "de", "du", "d'"}
    assert merged.funding_trigger_ends == {"by", "par", "from", "de", "des", "du"}
    assert {key for key in MERGED_KEYS if getattr(merged, key)} == set(MERGED_KEYS)


def _complete() -> dict:
    """The keys a lexicon needs besides 'triggers', each with one plausible word."""
    roles = {key: ["x"] for key in ROLE_KEYS}
    return {**{k: ["x"] for k in WORD_SET_KEYS}, **{k: [["x"]] for k in PHRASE_KEYS}, "roles": roles}


# --- sentences, lines and lexicons ---------------------------------------------------------------


def orgs(text: str, *names: str, lang: str = "en") -> list[Mention]:
    """One ORG mention for each occurrence of each name, keyed by the name itself."""
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), "ORG", name, lang, "rule", key=name))
            start = text.find(name, start + 1)
    return found


@pytest.mark.slow
def test_sentences_are_cut_at_line_ends_and_bullets_left_out(en) -> None:
    text = "A TITLE WITHOUT A STOP\n\n• First sentence here. Second sentence here."
    assert [s.text for s in sentences(en(text))] == [
        "A TITLE WITHOUT A STOP",
        "First sentence here.",
        "Second sentence here.",
    ]


@pytest.mark.slow
def test_sentence_in_english_parsed_as_french_is_read_with_the_english_lexicon(fr) -> None:
    (sent,) = sentences(fr("Acme Lab is a member of the Beta Network and of the Gamma Group."))
    assert sentence_lexicon(sent) is load_lexicon("en")


# --- appositions, lists and groups ---------------------------------------------------------------


@pytest.mark.slow
def test_french_apposition_with_au_sein_du_groupe_gives_each_subject_a_membership(fr) -> None:
    text = (
        "Alpha Santé et le Centre Beta, deux des plus grands centres du pays au sein du groupe Gamma, "
        "initient un partenariat stratégique."
    )
    relations = find_relations([(0, fr(text))], orgs(text, "Alpha Santé", "Centre Beta", "Gamma", lang="fr"))
    assert {r.subject for r in relations if r.predicate == "member_of"} == {"Alpha Santé", "Centre Beta"}


@pytest.mark.slow
def test_subjects_before_an_apposition_are_partners(fr) -> None:
    text = (
        "Alpha Santé et le Centre Beta, deux des plus grands centres du pays au sein du groupe Gamma, "
        "initient un partenariat stratégique."
    )
    relations = find_relations([(0, fr(text))], orgs(text, "Alpha Santé", "Centre Beta", "Gamma", lang="fr"))
    assert {frozenset((r.subject, r.object)) for r in relations if r.predicate == "partner_of"} == {
        frozenset(("Alpha Santé", "Centre Beta"))
    }


@pytest.mark.slow
def test_long_announcement_before_a_colon_list_gives_one_membership_per_item(en) -> None:
    text = (
        "The Acme Institute as an institution and its doctors take part in several international "
        "cooperative groups, in particular for clinical research: the Alpha Group; Beta Consortium (BC), "
        "a European network; and, in haematology, the Gamma Society."
    )
    names = ("Acme Institute", "Alpha Group", "Beta Consortium", "Gamma Society")
    relations = find_relations([(0, en(text))], orgs(text, *names))
    assert {r.object for r in relations if r.predicate == "member_of"} == {
        "Alpha Group",
        "Beta Consortium",
        "Gamma Society",
    }


@pytest.mark.slow
def test_a_list_of_a_groups_members_is_no_list_of_memberships(en) -> None:
    text = (
        "As a new partner, the Acme Institute joins a distinguished group of American institutions "
        "driving one of the largest partnerships in science, which includes the Alpha University, "
        "the Beta Observatory and the Gamma Society."
    )
    names = ("Acme Institute", "Alpha University", "Beta Observatory", "Gamma Society")
    relations = find_relations([(0, en(text))], orgs(text, *names))
    assert not [r for r in relations if r.predicate == "member_of" and r.subject == "Acme Institute"]


@pytest.mark.slow
def test_french_colon_list_after_notamment(fr) -> None:
    text = (
        "L'Institut Acme participe à plusieurs réseaux internationaux, notamment : "
        "le Réseau Alpha ; le Groupe Beta."
    )
    relations = find_relations(
        [(0, fr(text))], orgs(text, "Institut Acme", "Réseau Alpha", "Groupe Beta", lang="fr")
    )
    assert triples(relations) == {
        ("Institut Acme", "member_of", "Réseau Alpha"),
        ("Institut Acme", "member_of", "Groupe Beta"),
    }


@pytest.mark.slow
def test_the_listed_members_of_a_group_a_body_joins_are_its_peers(fr) -> None:
    text = (
        "Egalement membre de la Conférence Zeta, l'Institut Acme rejoint ainsi la quinzaine d'établissements "
        "membres des deux Conférences: le Réseau Alpha, le Groupe Beta."
    )
    names = ("Institut Acme", "Conférence Zeta", "Réseau Alpha", "Groupe Beta")
    relations = find_relations([(0, fr(text))], orgs(text, *names, lang="fr"))
    assert ("Institut Acme", "member_of", "Réseau Alpha") not in triples(relations)


@pytest.mark.slow
def test_a_possessor_is_not_the_member(en) -> None:
    text = (
        "The Acme Institute's doctors are members of several societies: the Alpha Society; the Beta Society."
    )
    relations = find_relations([(0, en(text))], orgs(text, "Acme Institute", "Alpha Society", "Beta Society"))
    assert relations == []


@pytest.mark.slow
def test_a_clause_after_a_list_ends_it(en) -> None:
    text = "Acme Lab takes part in three networks: Alpha Net, Beta Net and Gamma Net, which Delta Bank funds."
    names = ("Acme Lab", "Alpha Net", "Beta Net", "Gamma Net", "Delta Bank")
    relations = find_relations([(0, en(text))], orgs(text, *names))
    assert {r.object for r in relations if r.subject == "Acme Lab"} == {"Alpha Net", "Beta Net", "Gamma Net"}


@pytest.mark.slow
def test_a_name_after_a_dash_in_a_list_renames_the_one_before(en) -> None:
    text = (
        "The Delta Alliance was launched in 2018. Acme Lab is a member, alongside three centres: "
        "Alpha Centre, Beta Institute – Beta Hospital and Gamma Centre."
    )
    names = ("Delta Alliance", "Acme Lab", "Alpha Centre", "Beta Institute", "Beta Hospital", "Gamma Centre")
    relations = find_relations([(0, en(text))], orgs(text, *names))
    # four members of the alliance: Acme Lab and the three centres, "Beta Hospital" being Beta Institute
    assert {r.subject for r in relations if r.predicate == "member_of"} == {
        "Acme Lab",
        "Alpha Centre",
        "Beta Institute",
        "Gamma Centre",
    }


@pytest.mark.slow
def test_alongside_does_not_join_a_list(en) -> None:
    text = "Acme Lab is also a partner of Beta Corp, alongside the Gamma Trust."
    relations = find_relations([(0, en(text))], orgs(text, "Acme Lab", "Beta Corp", "Gamma Trust"))
    assert {frozenset((r.subject, r.object)) for r in relations} == {
        frozenset(("Acme Lab", "Beta Corp")),
        frozenset(("Gamma Trust", "Beta Corp")),
    }


@pytest.mark.slow
def test_a_comma_before_the_subject_does_not_make_a_list(en) -> None:
    text = "Pursuant to the charter on Health, Acme Institute has signed a partnership with Beta Corp."
    relations = find_relations([(0, en(text))], orgs(text, "Health", "Acme Institute", "Beta Corp"))
    assert {frozenset((r.subject, r.object)) for r in relations} == {
        frozenset(("Acme Institute", "Beta Corp"))
    }


@pytest.mark.slow
def test_negated_membership_gives_nothing(en) -> None:
    text = "Acme Lab is not a member of the Beta Network."
    assert find_relations([(0, en(text))], orgs(text, "Acme Lab", "Beta Network")) == []


@pytest.mark.slow
def test_organisations_that_joined_the_federation_are_its_members(en) -> None:
    text = "Three associations have joined the federation: Alpha Aid, Beta Care and the Gamma League."
    names = ("Alpha Aid", "Beta Care", "Gamma League")
    relations = find_relations([(0, en(text))], orgs(text, *names), topic="T")
    assert triples(relations) == {(name, "member_of", "T") for name in names}


@pytest.mark.slow
def test_french_organisations_that_joined_the_network_are_its_members(fr) -> None:
    text = "Le Réseau Delta annonce que deux associations ont rejoint le réseau : Vie Verte et Eau Claire."
    relations = find_relations(
        [(0, fr(text))], orgs(text, "Réseau Delta", "Vie Verte", "Eau Claire", lang="fr")
    )
    assert triples(relations) == {
        ("Vie Verte", "member_of", "Réseau Delta"),
        ("Eau Claire", "member_of", "Réseau Delta"),
    }


# --- labels, teams, projects, footnotes ----------------------------------------------------------


@pytest.mark.slow
def test_awarded_label_by_gives_accredited_by(en) -> None:
    text = "In 2021, Alpha University was awarded the Research Quality label by the Beta Agency."
    relations = find_relations([(0, en(text))], orgs(text, "Alpha University", "Beta Agency"))
    assert triples(relations) == {("Alpha University", "accredited_by", "Beta Agency")}


@pytest.mark.slow
def test_french_label_obtained_from_gives_accredited_by(fr) -> None:
    text = "L'Institut Alpha a obtenu le label Qualité Recherche de la part de l'Agence Beta."
    relations = find_relations([(0, fr(text))], orgs(text, "Institut Alpha", "Agence Beta", lang="fr"))
    assert triples(relations) == {("Institut Alpha", "accredited_by", "Agence Beta")}


@pytest.mark.slow
def test_a_board_is_a_member_of_the_organisation_it_governs(en) -> None:
    text = "Jane Doe joins Alpha Corp's Board of Directors."
    relations = find_relations([(0, en(text))], orgs(text, "Alpha Corp", "Board of Directors"))
    assert ("Board of Directors", "member_of", "Alpha Corp") in triples(relations)


@pytest.mark.slow
def test_a_french_board_named_with_its_owner_after_it(fr) -> None:
    text = "Elle siège au Conseil d'administration de l'Institut Alpha."
    mentions = orgs(text, "Conseil d'administration", "Institut Alpha", lang="fr")
    assert triples(find_relations([(0, fr(text))], mentions)) == {
        ("Conseil d'administration", "member_of", "Institut Alpha")
    }


@pytest.mark.slow
def test_body_named_before_the_accreditation_it_granted(en) -> None:
    text = "Alpha University and Gamma College have received ABET accreditation."
    relations = find_relations([(0, en(text))], orgs(text, "Alpha University", "Gamma College", "ABET"))
    assert triples(relations) == {
        ("Alpha University", "accredited_by", "ABET"),
        ("Gamma College", "accredited_by", "ABET"),
    }


@pytest.mark.slow
def test_accreditation_of_x_within_y_carries_the_date(en) -> None:
    text = "The accreditation of Alpha Lab within the Beta Organisation was made official on May 3, 2019."
    mentions = [
        *orgs(text, "Alpha Lab", "Beta Organisation"),
        mention(text, "May 3, 2019", "DATE", value="2019-05-03"),
    ]
    assert [
        (r.subject, r.predicate, r.object, r.date) for r in find_relations([(0, en(text))], mentions)
    ] == [("Alpha Lab", "accredited_by", "Beta Organisation", "2019-05-03")]


@pytest.mark.slow
def test_footnote_marker_stands_for_the_organisations_of_its_footnote(en) -> None:
    lines = ["Two centres(1) were certified by the Beta Agency.", "(1) Alpha Centre and Gamma Institute"]
    text = "\n".join(lines)
    relations = find_relations([(0, en(text))], orgs(text, "Beta Agency", "Alpha Centre", "Gamma Institute"))
    assert triples(relations) == {
        ("Alpha Centre", "accredited_by", "Beta Agency"),
        ("Gamma Institute", "accredited_by", "Beta Agency"),
    }


@pytest.mark.slow
def test_footnote_marker_glued_to_a_name_is_a_note_on_it(en) -> None:
    lines = ["Acme Lab is funded by the Beta Agency(1).", "(1) Gamma Institute"]
    text = "\n".join(lines)
    relations = find_relations([(0, en(text))], orgs(text, "Acme Lab", "Beta Agency", "Gamma Institute"))
    assert triples(relations) == {("Acme Lab", "funded_by", "Beta Agency")}


@pytest.mark.slow
def test_team_leader_works_for_the_team_owner(en) -> None:
    text = "The Acme Institute's imaging team, led by Dr. Jane Doe, won a prize."
    mentions = [*orgs(text, "Acme Institute"), mention(text, "Jane Doe", "PERSON", "P")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("P", "works_for", "Acme Institute")}


@pytest.mark.slow
def test_french_team_of_x_led_by_y(fr) -> None:
    text = "L'équipe de l'Institut Alpha, dirigée par Marie Durand, a remporté le prix."
    mentions = [
        *orgs(text, "Institut Alpha", lang="fr"),
        mention(text, "Marie Durand", "PERSON", "P", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("P", "works_for", "Institut Alpha")}


@pytest.mark.slow
def test_supported_call_won_by_an_organisations_team_is_its_funding(en) -> None:
    text = "In 2020, the Acme Institute's team won a call for proposals, supported by the Beta Foundation."
    relations = find_relations([(0, en(text))], orgs(text, "Acme Institute", "Beta Foundation"))
    assert triples(relations) == {("Acme Institute", "funded_by", "Beta Foundation")}


@pytest.mark.slow
def test_funded_study_of_no_named_organisation_gives_nothing(en) -> None:
    text = "This study, funded by the Beta Foundation, sets out to identify the best practices."
    assert find_relations([(0, en(text))], orgs(text, "Beta Foundation"), topic="T") == []


@pytest.mark.slow
def test_leader_of_a_supported_project_is_funded_by_the_supporter(en) -> None:
    text = "The Beta Foundation supports the development of a registry, coordinated by the Acme Institute."
    relations = find_relations([(0, en(text))], orgs(text, "Beta Foundation", "Acme Institute"))
    assert triples(relations) == {("Acme Institute", "funded_by", "Beta Foundation")}


# --- press contacts ------------------------------------------------------------------------------


@pytest.mark.slow
def test_press_contact_lines_inside_one_block(fr) -> None:
    text = "CONTACT PRESSE\n\nALPHA SANTÉ :\n\nMarie Durand – Tél. 01 02 03 04 05"
    mentions = [
        *orgs(text, "ALPHA SANTÉ", lang="fr"),
        mention(text, "Marie Durand", "PERSON", "P", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("P", "works_for", "ALPHA SANTÉ")}


@pytest.mark.slow
def test_press_contact_under_an_unrecognised_header_is_not_given_to_the_topic(fr) -> None:
    text = "CONTACT PRESSE\n\nBETA ÉNERGIE :\n\nMarie Durand – Tél. 01 02 03 04 05"
    mentions = [mention(text, "Marie Durand", "PERSON", "P", lang="fr")]
    assert find_relations([(0, fr(text))], mentions, topic="T") == []


@pytest.mark.slow
def test_functional_director_works_for_the_company(fr) -> None:
    text = "Julien Petit, directeur technique d'Alpha Solaire, a présenté la ligne pilote."
    mentions = [
        *orgs(text, "Alpha Solaire", lang="fr"),
        mention(text, "Julien Petit", "PERSON", "P", lang="fr"),
    ]
    assert [(r.predicate, r.role) for r in find_relations([(0, fr(text))], mentions)] == [
        ("works_for", "directeur technique")
    ]


@pytest.mark.slow
def test_apposition_with_an_adjectival_participle_keeps_the_partners(en) -> None:
    text = (
        "Alpha University and the Beta Institute, two of the leading technical universities of the region, "
        "have signed a partnership agreement."
    )
    relations = find_relations([(0, en(text))], orgs(text, "Alpha University", "Beta Institute"))
    assert triples(relations) == {("Alpha University", "partner_of", "Beta Institute")}


def test_a_board_named_at_every_step_is_not_the_topic() -> None:
    text = "Le Conseil d'administration de FNE a élu X. Le Conseil d'administration a voté. FNE a 30 ans."
    mentions = [
        mention(text, "Conseil d'administration", "ORG", "C", lang="fr"),
        mention(text, "FNE", "ORG", "F", lang="fr"),
        mention(text, "Conseil d'administration", "ORG", "C", lang="fr", after=20),
    ]
    assert main_topic(mentions) == "F"


@pytest.mark.slow
def test_partners_said_to_have_signed_by_a_plural_pronoun(en) -> None:
    text = "Alpha Group and Beta Optics said Wednesday they have signed an agreement for eyewear."
    relations = find_relations([(0, en(text))], orgs(text, "Alpha Group", "Beta Optics"))
    assert triples(relations) == {("Alpha Group", "partner_of", "Beta Optics")}


@pytest.mark.slow
def test_a_role_after_a_name_does_not_start_inside_it(en) -> None:
    text = "Robert Altman, Quorvex Media CEO, welcomed the appointment."
    mentions = [person(text, "Robert Altman"), *orgs(text, "Quorvex Media")]
    relations = find_relations([(0, en(text))], mentions)
    assert [(r.predicate, r.object, r.role) for r in relations] == [("heads", "Quorvex Media", "CEO")]


def person(text: str, name: str, *, lang: str = "en") -> Mention:
    """A PERSON mention keyed by the name itself."""
    return mention(text, name, "PERSON", name, lang=lang)


@pytest.mark.slow
def test_every_investor_of_a_round_funds_the_company(en) -> None:
    text = (
        "Acme Robotics announced a $5 million financing round led by Beta Capital, "
        "with participation from Gamma Fund and Delta Bank."
    )
    mentions = orgs(text, "Acme Robotics", "Beta Capital", "Gamma Fund", "Delta Bank")
    # the leader and the two participants: three funders of the one company
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Acme Robotics", "funded_by", "Beta Capital"),
        ("Acme Robotics", "funded_by", "Gamma Fund"),
        ("Acme Robotics", "funded_by", "Delta Bank"),
    }


@pytest.mark.slow
def test_investors_of_a_french_round_fund_the_company(fr) -> None:
    text = (
        "Acme annonce une levée de fonds de 5 millions d'euros menée par Beta Capital, "
        "aux côtés de Gamma Invest."
    )
    mentions = orgs(text, "Acme", "Beta Capital", "Gamma Invest", lang="fr")
    assert triples(find_relations([(0, fr(text))], mentions)) == {
        ("Acme", "funded_by", "Beta Capital"),
        ("Acme", "funded_by", "Gamma Invest"),
    }


@pytest.mark.slow
def test_approved_membership_list_joins_the_topic(en) -> None:
    text = "The assembly approved the membership of Alpha Rescue, Beta Rescue and Gamma Rescue."
    mentions = orgs(text, "Alpha Rescue", "Beta Rescue", "Gamma Rescue")
    relations = find_relations([(0, en(text))], mentions, topic="Delta Alliance")
    assert triples(relations) == {
        ("Alpha Rescue", "member_of", "Delta Alliance"),
        ("Beta Rescue", "member_of", "Delta Alliance"),
        ("Gamma Rescue", "member_of", "Delta Alliance"),
    }


@pytest.mark.slow
def test_predicate_after_and_belongs_to_the_opening_subject(en) -> None:
    text = "Acme Lab will work with Beta Lab, and is a member of the Delta Network since 2022."
    mentions = [
        *orgs(text, "Acme Lab", "Beta Lab", "Delta Network"),
        mention(text, "2022", "DATE", value="2022"),
    ]
    # Acme is the member (since 2022), not Beta Lab, the last name before "and is"
    members = {(r.subject, r.object, r.date) for r in find_relations([(0, en(text))], mentions)}
    assert ("Acme Lab", "Delta Network", "2022") in members
    assert ("Beta Lab", "Delta Network", "2022") not in members


@pytest.mark.slow
def test_french_second_predicate_after_et_belongs_to_the_subject(fr) -> None:
    # "France Chimie" is not a mention: the membership names no known object and is not guessed
    text = "Acme est membre de France Chimie, l'association de la filière, et travaille avec Beta Industrie."
    relations = find_relations([(0, fr(text))], orgs(text, "Acme", "Beta Industrie", lang="fr"))
    assert triples(relations) == {("Acme", "partner_of", "Beta Industrie")}


@pytest.mark.slow
def test_generic_possessive_role_before_a_titled_name_is_the_role(en) -> None:
    text = "The Acme Centre for Optics opened in 2023. The Centre's director, Professor Jane Doe, spoke."
    mentions = [*orgs(text, "Acme Centre for Optics"), person(text, "Jane Doe")]
    # "the Centre" is the Acme Centre (its name has "Centre"), even though the topic is another organisation
    relations = find_relations([(0, en(text))], mentions, topic="Beta University")
    assert [(r.subject, r.predicate, r.object, r.role) for r in relations] == [
        ("Jane Doe", "heads", "Acme Centre for Optics", "director")
    ]


@pytest.mark.slow
def test_a_generic_name_in_lower_case_stands_for_the_organisation_whose_name_carries_it(en) -> None:
    text = "The Quorvex Alliance was formed in 2019. Jane Roe is the president of the alliance."
    mentions = [*orgs(text, "Quorvex Alliance"), person(text, "Jane Roe")]
    relations = find_relations([(0, en(text))], mentions)
    assert triples(relations) == {("Jane Roe", "heads", "Quorvex Alliance")}


@pytest.mark.slow
def test_a_generic_name_in_lower_case_right_after_the_topic_was_named_stands_for_it(en) -> None:
    text = "Quorvex was formed in 2019. Jane Roe is the president of the company."
    mentions = [*orgs(text, "Quorvex"), person(text, "Jane Roe")]
    assert triples(find_relations([(0, en(text))], mentions, topic="Quorvex")) == {
        ("Jane Roe", "heads", "Quorvex")
    }


@pytest.mark.slow
def test_the_lender_stands_for_the_topic_bank(en) -> None:
    text = "Quorvex reported its results. Jane Roe is the chairman of the lender."
    mentions = [*orgs(text, "Quorvex"), person(text, "Jane Roe")]
    assert triples(find_relations([(0, en(text))], mentions, topic="Quorvex")) == {
        ("Jane Roe", "heads", "Quorvex")
    }


@pytest.mark.slow
def test_investors_a_round_is_led_by_fund_the_topic_the_sentence_leaves_out(fr) -> None:
    text = "L'opération a été menée par Zorvane Capital et Quorlin Ventures."
    mentions = orgs(text, "Zorvane Capital", "Quorlin Ventures", lang="fr")
    assert triples(find_relations([(0, fr(text))], mentions, topic="Varnelle")) == {
        ("Varnelle", "funded_by", "Zorvane Capital"),
        ("Varnelle", "funded_by", "Quorlin Ventures"),
    }


@pytest.mark.slow
def test_investors_who_took_part_in_the_round_fund_the_topic(fr) -> None:
    text = "Zorvane Capital et Quorlin Ventures ont également participé à cette levée de fonds."
    mentions = orgs(text, "Zorvane Capital", "Quorlin Ventures", lang="fr")
    assert triples(find_relations([(0, fr(text))], mentions, topic="Varnelle")) == {
        ("Varnelle", "funded_by", "Zorvane Capital"),
        ("Varnelle", "funded_by", "Quorlin Ventures"),
    }


@pytest.mark.slow
def test_a_round_of_a_named_company_funds_no_topic(en) -> None:
    text = "In June, Quorlin announced its funding round, led by Zorvane Capital."
    mentions = [*orgs(text, "Quorlin", "Zorvane Capital")]
    assert ("Varnelle", "funded_by", "Zorvane Capital") not in triples(
        find_relations([(0, en(text))], mentions, topic="Varnelle")
    )


@pytest.mark.slow
def test_a_generic_name_after_a_contracted_article_stands_for_the_topic(fr) -> None:
    text = "Quorvex gère le stade. Jeanne Roux, la présidente du club, a salué l'accord."
    mentions = [*orgs(text, "Quorvex"), person(text, "Jeanne Roux")]
    assert triples(find_relations([(0, fr(text))], mentions, topic="Quorvex")) == {
        ("Jeanne Roux", "heads", "Quorvex")
    }


@pytest.mark.slow
def test_a_board_after_a_contracted_article_is_no_generic_name(fr) -> None:
    text = "Quorvex gère le stade. Jeanne Roux, la présidente du conseil, a salué l'accord."
    mentions = [*orgs(text, "Quorvex"), person(text, "Jeanne Roux")]
    assert triples(find_relations([(0, fr(text))], mentions, topic="Quorvex")) == set()


@pytest.mark.slow
def test_a_generic_name_in_lower_case_after_another_organisation_is_not_the_topic(en) -> None:
    text = "Quorvex met Beta Labs in 2019. Jane Roe is the president of the company."
    mentions = [*orgs(text, "Quorvex", "Beta Labs"), person(text, "Jane Roe")]
    assert triples(find_relations([(0, en(text))], mentions, topic="Quorvex")) == set()


@pytest.mark.slow
def test_possessive_role_after_the_person(en) -> None:
    text = "The work is led at Acme Institute by Dr John Roe, the Institute's Director."
    mentions = [*orgs(text, "Acme Institute"), person(text, "John Roe")]
    assert [
        (r.subject, r.predicate, r.object, r.role) for r in find_relations([(0, en(text))], mentions)
    ] == [("John Roe", "heads", "Acme Institute", "Director")]


@pytest.mark.slow
def test_founded_by_two_people_before_the_company(en) -> None:
    text = "Founded in 2020 by Maya Stone and Dan Ode, Acme now monitors two million acres."
    mentions = [*orgs(text, "Acme"), person(text, "Maya Stone"), person(text, "Dan Ode")]
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Maya Stone", "founded", "Acme"),
        ("Dan Ode", "founded", "Acme"),
    }


@pytest.mark.slow
def test_opening_participle_describes_the_name_after_it_not_the_topic(en) -> None:
    text = "Founded in 1887, Acme University is a member of the Delta Group."
    relations = find_relations(
        [(0, en(text))], orgs(text, "Acme University", "Delta Group"), topic="Beta Lab"
    )
    assert triples(relations) == {("Acme University", "member_of", "Delta Group")}


@pytest.mark.slow
def test_company_founder_before_the_name_founded_it(en) -> None:
    text = "Tillo founder Grace Wan joins the board."
    mentions = [*orgs(text, "Tillo"), person(text, "Grace Wan")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("Grace Wan", "founded", "Tillo")}


@pytest.mark.slow
def test_a_person_who_is_partner_at_a_firm_works_for_it(en) -> None:
    text = "Laura Chan, Partner at Northway Ventures, will join the board."
    mentions = [*orgs(text, "Northway Ventures"), person(text, "Laura Chan")]
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Laura Chan", "works_for", "Northway Ventures")
    }


@pytest.mark.slow
def test_managing_partner_named_after_a_copula_heads_the_firm(en) -> None:
    text = "Northway Ventures manages $1 billion. Its managing partner is Sam Ortez."
    mentions = [*orgs(text, "Northway Ventures"), person(text, "Sam Ortez")]
    assert [(r.subject, r.predicate, r.role) for r in find_relations([(0, en(text))], mentions)] == [
        ("Sam Ortez", "heads", "managing partner")
    ]


@pytest.mark.slow
def test_of_which_member_is_a_member_of_the_organisation_before(en) -> None:
    text = (
        "Beta Trust gave money. Acme will sign an agreement with the Delta Federation, "
        "of which Gamma Rescue is already a member."
    )
    mentions = orgs(text, "Beta Trust", "Acme", "Delta Federation", "Gamma Rescue")
    members = {
        (r.subject, r.object) for r in find_relations([(0, en(text))], mentions) if r.predicate == "member_of"
    }
    assert members == {("Gamma Rescue", "Delta Federation")}


@pytest.mark.slow
def test_partnership_with_an_unnamed_party_is_the_topics(fr) -> None:
    text = "Une convention de partenariat a été signée avec Emmaüs Nord pour la récupération d'outils."
    relations = find_relations(
        [(0, fr(text))], orgs(text, "Emmaüs Nord", lang="fr"), topic="Jardins de Loire"
    )
    assert triples(relations) == {("Jardins de Loire", "partner_of", "Emmaüs Nord")}


@pytest.mark.slow
def test_research_partnership_announced_today_joins_both_subjects(en) -> None:
    text = "Alpha University and the Beta Institute today announced a five-year research partnership."
    relations = find_relations([(0, en(text))], orgs(text, "Alpha University", "Beta Institute"))
    assert triples(relations) == {("Alpha University", "partner_of", "Beta Institute")}


@pytest.mark.slow
def test_who_has_led_the_authority_heads_the_topic(en) -> None:
    text = "She replaces Dr Martin Dole, who has led the Authority since 2016."
    mentions = [person(text, "Martin Dole"), mention(text, "2016", "DATE", value="2016")]
    relations = find_relations([(0, en(text))], mentions, topic="Energy Authority of Erin")
    assert [(r.subject, r.predicate, r.object, r.date) for r in relations] == [
        ("Martin Dole", "heads", "Energy Authority of Erin", "2016")
    ]


@pytest.mark.slow
def test_a_role_alone_between_commas_is_held_at_the_topic(fr) -> None:
    text = "Louise Vernet, secrétaire générale, a ensuite présenté le rapport d'activité."
    mentions = [mention(text, "Louise Vernet", "PERSON", "P", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    assert [(r.subject, r.predicate, r.object, r.role) for r in relations] == [
        ("P", "works_for", "T", "secrétaire générale")
    ]


@pytest.mark.slow
def test_a_role_closed_by_a_comma_before_the_name_is_held_at_the_topic(en) -> None:
    text = "It follows the former director, Adrian Jones, deciding to leave."
    mentions = [mention(text, "Adrian Jones", "PERSON", "P")]
    relations = find_relations([(0, en(text))], mentions, topic="T")
    assert [(r.subject, r.predicate, r.object, r.role) for r in relations] == [
        ("P", "heads", "T", "former director")
    ]


@pytest.mark.slow
def test_a_role_after_a_possessive_is_not_held_at_the_topic(fr) -> None:
    text = "Leur président, Paul Morin, a salué l'annonce."
    mentions = [mention(text, "Paul Morin", "PERSON", "P", lang="fr")]
    assert find_relations([(0, fr(text))], mentions, topic="T") == []


@pytest.mark.slow
def test_a_role_with_a_complement_of_its_own_is_not_held_at_the_topic(en) -> None:
    text = "Jane Roe, director of research programmes, opened the meeting."
    mentions = [mention(text, "Jane Roe", "PERSON", "P")]
    assert find_relations([(0, en(text))], mentions, topic="T") == []


@pytest.mark.slow
def test_a_person_from_an_organisation_works_for_it(en) -> None:
    text = "The panel included Anna Smith and John Doe from Acme Corporation."
    mentions = [person(text, "Anna Smith"), person(text, "John Doe"), *orgs(text, "Acme Corporation")]
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Anna Smith", "works_for", "Acme Corporation"),
        ("John Doe", "works_for", "Acme Corporation"),
    }


@pytest.mark.slow
def test_an_employer_in_brackets_before_a_place(fr) -> None:
    text = "Ce commerçant succède à Pierre Marol (Alstef, Boigny-sur-Bionne) qui la présidait depuis 2019."
    mentions = [person(text, "Pierre Marol", lang="fr"), *orgs(text, "Alstef", lang="fr")]
    assert ("Pierre Marol", "works_for", "Alstef") in triples(find_relations([(0, fr(text))], mentions))


@pytest.mark.slow
def test_an_organisation_formed_by_another_was_founded_by_it(en) -> None:
    text = "Last year the Alpha Association formed a new trade group, the Beta Insurance Association."
    mentions = orgs(text, "Alpha Association", "Beta Insurance Association")
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Alpha Association", "founded", "Beta Insurance Association")
    }


@pytest.mark.slow
def test_a_round_funds_the_company_a_first_name_only_describes(en) -> None:
    text = "Alpha spinout Beta Therapeutics came out of stealth with a series A round led by Gamma Capital."
    mentions = orgs(text, "Alpha", "Beta Therapeutics", "Gamma Capital")
    assert triples(find_relations([(0, en(text))], mentions)) == {
        ("Beta Therapeutics", "funded_by", "Gamma Capital")
    }


@pytest.mark.slow
def test_an_owner_or_backer_joined_by_a_hyphen(en) -> None:
    text = "Comcast-owned Universal and SoftBank-backed Acme Robotics signed nothing."
    mentions = orgs(text, "Comcast", "Universal", "SoftBank", "Acme Robotics")
    relations = triples(find_relations([(0, en(text))], mentions))
    assert {("Universal", "member_of", "Comcast"), ("Acme Robotics", "funded_by", "SoftBank")} <= relations


@pytest.mark.slow
def test_founders_in_an_opening_participle_clause(fr) -> None:
    text = "Créé en 2017 par Benoit Alpha et Céline Beta, le studio Gamma Victories a levé 5 millions."
    mentions = [person(text, "Benoit Alpha", lang="fr"), person(text, "Céline Beta", lang="fr")]
    mentions += orgs(text, "Gamma Victories", lang="fr")
    mentions.sort(key=lambda m: m.start)
    assert triples(find_relations([(0, fr(text))], mentions)) == {
        ("Benoit Alpha", "founded", "Gamma Victories"),
        ("Céline Beta", "founded", "Gamma Victories"),
    }


@pytest.mark.slow
def test_a_role_narrowed_by_capitalised_words_before_the_name_is_works_for(en) -> None:
    text = "The loan was signed by ADB Country Director Ann Lee in Dhaka."
    mentions = [*orgs(text, "ADB"), person(text, "Ann Lee")]
    relations = find_relations([(0, en(text))], mentions)
    assert [(r.subject, r.predicate, r.object, r.role) for r in relations] == [
        ("Ann Lee", "works_for", "ADB", "Country Director")
    ]


@pytest.mark.slow
def test_a_role_of_an_organisation_then_its_holder_after_a_comma(fr) -> None:
    text = "L'accord a été signé en présence du directeur général de l'Agence du climat, Rémi Roux."
    mentions = [*orgs(text, "Agence du climat", lang="fr"), person(text, "Rémi Roux", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions)
    assert [(r.subject, r.predicate, r.object) for r in relations] == [
        ("Rémi Roux", "heads", "Agence du climat")
    ]


def test_a_bare_works_for_gives_way_to_heads_in_the_same_sentence() -> None:
    from extract.relations.document import deduplicate
    from extract.relations.view import Evidence, Found

    said = Evidence(0, 40, "the director of the Centre, Ann Lee")
    found = [
        (Found("P", "heads", "C", "director", None), said),
        (Found("P", "works_for", "C", None, None), said),
    ]
    assert [(r.predicate, r.role) for r in deduplicate(found)] == [("heads", "director")]


@pytest.mark.slow
def test_a_role_between_a_comma_and_its_date_is_held_at_the_topic_since_that_date(fr) -> None:
    text = "Paul Morin, directeur général depuis juin 2000 a été remplacé."
    mentions = [person(text, "Paul Morin", lang="fr"), mention(text, "juin 2000", "DATE", value="2000-06")]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    assert [(r.subject, r.predicate, r.object, r.date) for r in relations] == [
        ("Paul Morin", "heads", "T", "2000-06")
    ]


@pytest.mark.slow
def test_a_board_is_not_the_organisation_of_a_role_it_acts_on(fr) -> None:
    text = "Le Conseil d'administration a révoqué Paul Morin, directeur général, hier."
    mentions = [*orgs(text, "Conseil d'administration", lang="fr"), person(text, "Paul Morin", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    assert ("Paul Morin", "heads", "T") in triples(relations)
    assert ("Paul Morin", "heads", "Conseil d'administration") not in triples(relations)


@pytest.mark.slow
def test_a_regional_director_works_for_the_organisation(fr) -> None:
    text = "Pierre Durand, directeur régional de Bpifrance, a présenté l'outil."
    mentions = [person(text, "Pierre Durand", lang="fr"), *orgs(text, "Bpifrance", lang="fr")]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("Pierre Durand", "works_for", "Bpifrance")}


@pytest.mark.slow
def test_the_chair_of_the_board_before_a_comma_heads_the_organisation(fr) -> None:
    text = "Le président du Conseil d'administration, Paul Morin, le dit : c'est une priorité pour Acme."
    mentions = [person(text, "Paul Morin", lang="fr"), *orgs(text, "Acme", lang="fr")]
    assert ("Paul Morin", "heads", "Acme") in triples(find_relations([(0, fr(text))], mentions))


@pytest.mark.slow
def test_a_subsidiary_of_the_next_name_is_its_member_and_no_one_elses(en) -> None:
    text = "Scottish Power is a subsidiary of Iberdrola, the utility that also owns Avangrid."
    mentions = orgs(text, "Scottish Power", "Iberdrola", "Avangrid")
    found = triples(find_relations([(0, en(text))], mentions, topic="Vineyard Wind"))
    assert ("Scottish Power", "member_of", "Iberdrola") in found
    assert ("Scottish Power", "member_of", "Vineyard Wind") not in found


@pytest.mark.slow
def test_a_filiale_named_in_apposition_is_a_member(fr) -> None:
    text = "Orange Cyberdefense, la filiale d'Orange Business Services, a racheté Lexsi."
    mentions = orgs(text, "Orange Cyberdefense", "Orange Business Services", "Lexsi", lang="fr")
    assert ("Orange Cyberdefense", "member_of", "Orange Business Services") in triples(
        find_relations([(0, fr(text))], mentions)
    )


@pytest.mark.slow
def test_a_role_the_persons_verb_gives_is_held_at_the_topic(fr) -> None:
    text = "Paul Morin devient directeur général et Anne Roux directrice générale déléguée."
    mentions = [person(text, "Paul Morin", lang="fr"), person(text, "Anne Roux", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    assert ("Paul Morin", "heads", "T") in triples(relations)


@pytest.mark.slow
def test_the_subject_of_an_appointing_verb_is_who_appoints(en) -> None:
    text = "Acme Bridal names new CEO."
    mentions = [person(text, "Acme Bridal")]
    assert find_relations([(0, en(text))], mentions, topic="T") == []


@pytest.mark.slow
def test_a_plural_role_after_a_list_of_people_is_each_ones(fr) -> None:
    text = "Me Anne Roux et Me Paul Morin, Co-Présidents du barreau de Nice, étaient présents."
    mentions = [
        person(text, "Anne Roux", lang="fr"),
        person(text, "Paul Morin", lang="fr"),
        *orgs(text, "barreau de Nice", lang="fr"),
    ]
    found = triples(find_relations([(0, fr(text))], mentions))
    assert {("Anne Roux", "heads", "barreau de Nice"), ("Paul Morin", "heads", "barreau de Nice")} <= found


@pytest.mark.slow
def test_a_former_role_of_an_organisation_before_the_name(fr) -> None:
    text = "Ils remplaceront l'ex-patron de Acme Paul Morin au conseil."
    mentions = [*orgs(text, "Acme", lang="fr"), person(text, "Paul Morin", lang="fr")]
    assert ("Paul Morin", "heads", "Acme") in triples(find_relations([(0, fr(text))], mentions))


@pytest.mark.slow
def test_a_role_of_an_organisation_then_its_holder_right_after_it(fr) -> None:
    text = "Le directeur général de Zorvex Antoine de Saint-Aubin a présenté les résultats."
    mentions = [*orgs(text, "Zorvex", lang="fr"), person(text, "Antoine de Saint-Aubin", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions)
    assert [(r.subject, r.predicate, r.object) for r in relations] == [
        ("Antoine de Saint-Aubin", "heads", "Zorvex")
    ]


@pytest.mark.slow
def test_an_organisation_before_the_possessive_of_another_is_its_whole(en) -> None:
    text = "The grant went to Alpha University's College of Beta last year."
    mentions = [mention(text, "Alpha University", "ORG", "A"), mention(text, "College of Beta", "ORG", "B")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("B", "member_of", "A")}


@pytest.mark.slow
def test_an_organisation_named_after_of_another_and_its_acronym_is_its_whole(en) -> None:
    text = "The Alpha Commission (AC) of Beta Board met in May."
    mentions = [
        mention(text, "Alpha Commission", "ORG", "A"),
        mention(text, "AC", "ORG", "A", after=text.index("(")),
        mention(text, "Beta Board", "ORG", "B"),
    ]
    assert triples(find_relations([(0, en(text))], mentions)) == {("A", "member_of", "B")}


@pytest.mark.slow
def test_a_division_of_a_group_named_with_its_kind_noun_is_part_of_it(fr) -> None:
    text = "Elle dirige la division Alpha Active du groupe Zorvex depuis dix ans."
    mentions = [
        mention(text, "Alpha Active", "ORG", "A", lang="fr"),
        mention(text, "Zorvex", "ORG", "Z", lang="fr"),
    ]
    assert ("A", "member_of", "Z") in triples(find_relations([(0, fr(text))], mentions))


@pytest.mark.slow
def test_a_kind_noun_made_on_a_longer_word_describes_the_object(en) -> None:
    text = "Alpha Holdings, parent of planemaker Zorvex, said on Monday."
    mentions = [mention(text, "Alpha Holdings", "ORG", "A"), mention(text, "Zorvex", "ORG", "Z")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("Z", "member_of", "A")}


@pytest.mark.slow
def test_two_organisations_joined_by_a_slash_after_an_agreement_noun_are_partners(fr) -> None:
    text = "Signé en juin, ce protocole Alpha/Zorvex renforce les liens."
    mentions = [mention(text, "Alpha", "ORG", "A", lang="fr"), mention(text, "Zorvex", "ORG", "Z", lang="fr")]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("A", "partner_of", "Z")}


@pytest.mark.slow
def test_a_role_of_a_described_owner_before_its_holder(fr) -> None:
    text = "Le directeur général du groupe de médias Nord France Le Matin, Michel Roux, a confirmé."
    mentions = [
        mention(text, "Nord France Le Matin", "ORG", "Z", lang="fr"),
        mention(text, "Michel Roux", "PERSON", "P", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("P", "heads", "Z")}


@pytest.mark.slow
def test_the_word_that_ends_a_board_s_name_is_no_role(en) -> None:
    text = "Jane Roe, a member of the Board of Directors of Acme Corp, said."
    mentions = [mention(text, "Jane Roe", "PERSON", "P"), mention(text, "Acme Corp", "ORG", "A")]
    assert triples(find_relations([(0, en(text))], mentions)) == {("P", "works_for", "A")}


@pytest.mark.slow
def test_the_exchange_of_a_share_symbol_takes_no_relation(en) -> None:
    text = "The group appointed Zorvamed (NSDQ:ZRVM) president and CEO Michael Roe as chairman."
    mentions = [
        mention(text, "Zorvamed", "ORG", "Z"),
        mention(text, "NSDQ", "ORG", "N"),
        mention(text, "Michael Roe", "PERSON", "P"),
    ]
    related = {key for r in find_relations([(0, en(text))], mentions) for key in (r.subject, r.object)}
    assert "N" not in related


@pytest.mark.slow
def test_a_role_with_its_article_between_commas_is_held_at_the_topic(fr) -> None:
    text = "Aurélien Roe, le directeur général, a présenté le plan."
    mentions = [mention(text, "Aurélien Roe", "PERSON", "P", lang="fr")]
    relations = find_relations([(0, fr(text))], mentions, topic="ORG|zorvex")
    assert {(r.subject, r.predicate, r.object) for r in relations} == {("P", "heads", "ORG|zorvex")}


@pytest.mark.slow
def test_the_role_a_verb_gives_after_an_apposition_is_the_news(en) -> None:
    text = "Bob Walker, currently COO, is being promoted to president and COO."
    mentions = [mention(text, "Bob Walker", "PERSON", "P")]
    relations = find_relations([(0, en(text))], mentions, topic="ORG|zorvex")
    assert {(r.predicate, r.role) for r in relations} == {("heads", "president")}


@pytest.mark.slow
def test_a_division_described_with_adjectives_after_its_kind_noun(fr) -> None:
    text = "Zorvex Marine, division de chantiers navals du groupe français Acme, a signé."
    mentions = [
        mention(text, "Zorvex Marine", "ORG", "Z", lang="fr"),
        mention(text, "Acme", "ORG", "A", lang="fr"),
    ]
    assert triples(find_relations([(0, fr(text))], mentions)) == {("Z", "member_of", "A")}


@pytest.mark.slow
def test_each_of_a_list_before_a_reverse_trigger_is_a_party(fr) -> None:
    text = "Zorvex et Acme Sports sont les sponsors de la Fédération Alpha."
    mentions = [
        mention(text, "Zorvex", "ORG", "Z", lang="fr"),
        mention(text, "Acme Sports", "ORG", "A", lang="fr"),
        mention(text, "Fédération Alpha", "ORG", "F", lang="fr"),
    ]
    expected = {("F", "funded_by", "Z"), ("F", "funded_by", "A")}
    assert triples(find_relations([(0, fr(text))], mentions)) == expected


@pytest.mark.slow
def test_members_listed_at_a_sentence_start_are_the_topic_s(en) -> None:
    text = "Members include Alpha Telecom, Beta Networks and Gamma Mobile."
    names = (("Alpha Telecom", "A"), ("Beta Networks", "B"), ("Gamma Mobile", "G"))
    mentions = [mention(text, name, "ORG", key) for name, key in names]
    relations = triples(find_relations([(0, en(text))], mentions, topic="T"))
    assert relations == {("A", "member_of", "T"), ("B", "member_of", "T"), ("G", "member_of", "T")}


@pytest.mark.slow
def test_new_members_listed_after_a_colon_are_the_topic_s(en) -> None:
    text = "The new member companies are: Alpha Telecom, Beta Networks and Gamma Mobile."
    names = (("Alpha Telecom", "A"), ("Beta Networks", "B"), ("Gamma Mobile", "G"))
    mentions = [mention(text, name, "ORG", key) for name, key in names]
    relations = triples(find_relations([(0, en(text))], mentions, topic="T"))
    assert relations == {("A", "member_of", "T"), ("B", "member_of", "T"), ("G", "member_of", "T")}


@pytest.mark.slow
def test_no_member_listed_when_the_topic_is_one_of_them(en) -> None:
    text = "Members include Alpha Telecom, Beta Networks and Gamma Mobile."
    names = (("Alpha Telecom", "A"), ("Beta Networks", "B"), ("Gamma Mobile", "G"))
    mentions = [mention(text, name, "ORG", key) for name, key in names]
    assert not triples(find_relations([(0, en(text))], mentions, topic="B"))


def test_a_word_after_a_name_preposition_is_no_head_a_generic_name_refers_by() -> None:
    from extract.relations.document import name_words

    text = "la Conférence des présidents d’Université et l'Université Paris-Dauphine"
    mentions = [
        mention(text, "Conférence des présidents d’Université", "ORG", "CPU", lang="fr"),
        mention(text, "Université Paris-Dauphine", "ORG", "UPD", lang="fr"),
    ]
    words = name_words(mentions)
    assert "université" not in words["CPU"] and "université" in words["UPD"]


@pytest.mark.slow
def test_a_post_in_a_named_part_of_an_organisation_is_a_post_in_it(en) -> None:
    text = "Jane Roe, Professor in the Department of Physics at the University of Quorvex, was elected."
    mentions = [*orgs(text, "Department of Physics", "University of Quorvex"), person(text, "Jane Roe")]
    relations = triples(find_relations([(0, en(text))], mentions))
    assert ("Jane Roe", "works_for", "University of Quorvex") in relations


@pytest.mark.slow
def test_a_title_on_a_dashed_board_line_is_not_held_at_the_person_s_own_organisation(en) -> None:
    text = "Chair: Jane Roe - Quorvex"
    mentions = [*orgs(text, "Quorvex"), person(text, "Jane Roe")]
    relations = find_relations([(0, en(text))], mentions, topic="Zeta Platform")
    assert ("Jane Roe", "heads", "Quorvex") not in triples(relations)


@pytest.mark.slow
def test_a_role_opening_a_sentence_that_names_a_person_is_not_the_topic_s(en) -> None:
    text = "President of the Zeta Federation since 1981, Jan Poe was elected to the board."
    mentions = [*orgs(text, "Zeta Federation"), person(text, "Jan Poe")]
    relations = find_relations([(0, en(text))], mentions, topic="Quorvex Union")
    assert not any(r.subject == "Quorvex Union" for r in relations)


def test_a_relation_whose_subject_has_a_type_its_predicate_does_not_take_is_dropped() -> None:
    from extract.relations.document import Evidence, well_typed
    from extract.relations.view import Found

    evidence = Evidence(0, 10, "APCO, whose clients include Zeta Corp")
    post = (Found("APCO", "works_for", "Zeta Corp", None, None), evidence)
    founding = (Found("APCO", "founded", "Zeta Corp", None, None), evidence)
    assert well_typed([post, founding], {"APCO": "ORG", "Zeta Corp": "ORG"}) == [founding]


@pytest.mark.slow
def test_a_title_after_a_proper_noun_that_is_no_mention_is_not_given_to_another_organisation(en) -> None:
    text = "Quorvex Park Managing Director Jane Roe said that Zeta Group would sponsor the race."
    mentions = [*orgs(text, "Zeta Group"), person(text, "Jane Roe")]
    assert ("Jane Roe", "heads", "Zeta Group") not in triples(find_relations([(0, en(text))], mentions))


@pytest.mark.slow
def test_a_title_after_a_name_read_as_a_person_is_not_given_to_another_organisation(en) -> None:
    text = "Zeta Group will sponsor the race, said Quorvex Park board member Jane Roe."
    mentions = [*orgs(text, "Zeta Group"), person(text, "Quorvex Park"), person(text, "Jane Roe")]
    assert ("Jane Roe", "works_for", "Zeta Group") not in triples(find_relations([(0, en(text))], mentions))


@pytest.mark.slow
def test_an_organisation_given_a_post_holds_nothing(en) -> None:
    text = "Quorvex Union, president of the Zeta Council, signed."
    mentions = orgs(text, "Quorvex Union", "Zeta Council")
    assert not triples(find_relations([(0, en(text))], mentions))


@pytest.mark.slow
def test_a_pronoun_that_leads_an_organisation_is_the_person_not_the_topic(fr) -> None:
    text = "Quorvex a nommé Jean Dupont. Il a dirigé le Zeta Institut."
    mentions = [*orgs(text, "Quorvex", "Zeta Institut", lang="fr"), person(text, "Jean Dupont", lang="fr")]
    relations = triples(find_relations([(0, fr(text))], mentions, topic="Quorvex"))
    assert ("Jean Dupont", "heads", "Zeta Institut") in relations
    assert ("Quorvex", "coordinates", "Zeta Institut") not in relations


@pytest.mark.slow
def test_a_name_in_a_photo_credit_is_no_anchor(fr) -> None:
    text = "Jean Roux, président du festival Zorvex © Quorvex Presse / Marc Dupuis"
    mentions = [
        mention(text, "Jean Roux", "PERSON", "J", lang="fr"),
        mention(text, "Zorvex", "ORG", "Z", lang="fr"),
        mention(text, "Quorvex Presse", "ORG", "Q", lang="fr"),
        mention(text, "Marc Dupuis", "PERSON", "M", lang="fr"),
    ]
    anchors = mention_anchors(fr(text), 0, mentions, merged_words())
    assert [a.key for a in anchors] == ["J", "Z"]


@pytest.mark.slow
def test_a_copyright_sign_inside_a_mangled_word_opens_no_credit(fr) -> None:
    text = "Tout a commencĂ© Jean Roux, président de Zorvex"
    mentions = [
        mention(text, "Jean Roux", "PERSON", "J", lang="fr"),
        mention(text, "Zorvex", "ORG", "Z", lang="fr"),
    ]
    assert [a.key for a in mention_anchors(fr(text), 0, mentions, merged_words())] == ["J", "Z"]
