"""Tiny tables for the explorer's tests: two releases about three entities, with markup and an emoji."""

from __future__ import annotations

from pathlib import Path

from extract.core.table_set import write_tables
from extract.core.tables import to_table

# A release whose text holds markup (it must show as text) and an emoji before the partnership sentence
# (two UTF-16 units in the browser, one character in Python: the evidence must still be marked exactly).
HEADS = "The Institut Curie is headed by Alain Puidupin."
MARKUP = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
PARTNERS = "In 2019 the Institut Curie signed a partnership with the Hôpital Gustave Roussy."
TEXT_1 = f"{HEADS}\n{MARKUP} 🎉\n{PARTNERS}\n"
TEXT_2 = "L’Institut Curie, dirigé par Alain Puidupin depuis 2020, et Gustave Roussy.\n"
CURIE, PUIDUPIN, ROUSSY = "Ocurie000000000", "Ppuidupin000000", "Oroussy00000000"


def _mention(doc: str, text: str, form: str, label: str, entity: str | None, n: int, after: int = 0) -> dict:
    start = text.index(form, after)
    return {
        "mention_id": f"m{doc}{n:02d}",
        "doc_id": doc,
        "start": start,
        "end": start + len(form),
        "text": form,
        "label": label,
        "entity_id": entity,
        "value": "2019" if label == "DATE" else None,
        "lang": "en",
        "source": "rule",
    }


def _relation(rid: str, doc: str, text: str, sentence: str, s: str, p: str, o: str, date: str | None) -> dict:
    start = text.index(sentence)
    return {
        "relation_id": rid,
        "doc_id": doc,
        "subject_id": s,
        "predicate": p,
        "object_id": o,
        "role": None,
        "date": date,
        "start": start,
        "end": start + len(sentence),
        "evidence": sentence,
    }


def _document(doc: str, path: str, text: str, lang: str) -> dict:
    return {
        "doc_id": doc,
        "path": path,
        "sha256": "0" * 64,
        "format": "txt",
        "lang": lang,
        "title": None,
        "text": text,
        "n_chars": len(text),
        "status": "ok",
        "message": None,
    }


def write_fixture(folder: Path) -> None:
    """Two releases about three entities: Curie headed by Puidupin (twice), Curie partner of Roussy."""
    partners_at = TEXT_1.index(PARTNERS)
    mentions = [
        _mention("d1", TEXT_1, "Institut Curie", "ORG", CURIE, 1),
        _mention("d1", TEXT_1, "Alain Puidupin", "PERSON", PUIDUPIN, 2),
        _mention("d1", TEXT_1, "2019", "DATE", None, 3, partners_at),
        _mention("d1", TEXT_1, "Institut Curie", "ORG", CURIE, 4, partners_at),
        _mention("d1", TEXT_1, "Hôpital Gustave Roussy", "ORG", ROUSSY, 5),
        _mention("d2", TEXT_2, "Institut Curie", "ORG", CURIE, 1),
        _mention("d2", TEXT_2, "Alain Puidupin", "PERSON", PUIDUPIN, 2),
        _mention("d2", TEXT_2, "Gustave Roussy", "ORG", ROUSSY, 3),
    ]
    entities = [
        {
            "entity_id": CURIE,
            "type": "ORG",
            "name": "Institut Curie",
            "aliases": ["Institut Curie"],
            "n_docs": 2,
            "n_mentions": 3,
        },
        {
            "entity_id": PUIDUPIN,
            "type": "PERSON",
            "name": "Alain Puidupin",
            "aliases": ["Alain Puidupin"],
            "n_docs": 2,
            "n_mentions": 2,
        },
        {
            "entity_id": ROUSSY,
            "type": "ORG",
            "name": "Gustave Roussy",
            "aliases": ["Gustave Roussy", "Hôpital Gustave Roussy"],
            "n_docs": 2,
            "n_mentions": 2,
        },
    ]
    relations = [
        _relation("r1", "d1", TEXT_1, HEADS, PUIDUPIN, "heads", CURIE, None),
        _relation("r2", "d1", TEXT_1, PARTNERS, ROUSSY, "partner_of", CURIE, "2019"),
        _relation("r3", "d2", TEXT_2, TEXT_2.strip(), PUIDUPIN, "heads", CURIE, "2020"),
    ]
    documents = [
        _document("d1", "release-en.txt", TEXT_1, "en"),
        _document("d2", "release-fr.txt", TEXT_2, "fr"),
    ]
    write_tables(
        folder,
        {
            "documents": to_table("documents", documents),
            "mentions": to_table("mentions", mentions),
            "entities": to_table("entities", entities),
            "relations": to_table("relations", relations),
        },
    )
