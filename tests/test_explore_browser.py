"""The explorer in a real headless browser (Chromium driven by Selenium): it opens under file://, search
finds an entity by an alias, and clicks lead from the entity to the document where the evidence is marked.

Skipped, with how to install it, when Chromium or its driver is missing; CI's ``.ci/run`` installs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from browser import chromium, missing
from explore_tables import CURIE, MARKUP, PARTNERS, PUIDUPIN, ROUSSY, write_fixture
from extract.explore.site.build import build_site

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with chromium() as browser:
        browser.implicitly_wait(5)
        yield browser


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    tables = tmp_path_factory.mktemp("tables")
    write_fixture(tables)
    return build_site(tables=tables, out=tmp_path_factory.mktemp("site")).resolve().as_uri()


def _open(driver: Any, url: str) -> None:
    driver.get("about:blank")  # a new page each time, not only a new hash
    driver.get(url)


def _search(driver: Any, query: str) -> list[Any]:
    box = driver.find_element("id", "search")
    box.clear()
    box.send_keys(query)
    return driver.find_elements("css selector", "#results li.hit")


def test_search_finds_an_entity_by_an_alias_without_accents_or_case(driver: Any, fixture_page: str) -> None:
    _open(driver, fixture_page)
    hits = _search(driver, "HOPITAL gustave")
    assert [hit.get_attribute("data-id") for hit in hits] == [ROUSSY]
    assert "Hôpital Gustave Roussy" in hits[0].text  # the alias it was found by


def test_a_click_reaches_the_document_with_the_evidence_marked(driver: Any, fixture_page: str) -> None:
    _open(driver, fixture_page)
    _search(driver, "hopital gustave")[0].find_element("css selector", "a.hit-name").click()
    fact = driver.find_element("css selector", "table.facts tr.fact")
    assert "partner of" in fact.text and "Institut Curie" in fact.text and "2019" in fact.text
    fact.find_element("css selector", "a.doc-link").click()
    marked = driver.find_elements("css selector", ".doc-text .evidence.focus")
    assert "".join(span.text for span in marked) == PARTNERS
    inside = marked[0].find_elements("css selector", ".mention")
    assert [m.get_attribute("data-entity") for m in inside if m.get_attribute("data-entity")] == [
        CURIE,
        ROUSSY,
    ]
    assert driver.find_element("css selector", ".doc-relations li.focus").get_attribute("data-rel") == "r2"


def test_an_entity_page_shows_facts_both_ways_and_its_neighbours(driver: Any, fixture_page: str) -> None:
    _open(driver, f"{fixture_page}#entity/{CURIE}")
    rows = [row.text for row in driver.find_elements("css selector", "table.facts tr.fact")]
    assert rows[0].startswith("headed by Alain Puidupin 2020 2")  # two documents, the dated one's date
    assert rows[1].startswith("partner of Gustave Roussy")
    nodes = driver.find_elements("css selector", "svg.neighbours a.node:not(.centre)")
    assert sorted(node.get_attribute("data-id") for node in nodes) == sorted([PUIDUPIN, ROUSSY])


def test_markup_in_a_document_shows_as_text_and_never_runs(driver: Any, fixture_page: str) -> None:
    _open(driver, f"{fixture_page}#doc/d1")
    text = driver.find_element("css selector", ".doc-text")
    assert MARKUP in text.text
    assert text.find_elements("css selector", "img, script") == []
    assert driver.execute_script("return window.__xss === undefined")


def test_the_committed_tables_open_and_search_finds_an_alias(driver: Any, tmp_path: Path) -> None:
    tables = REPO / "extracted"
    entities = pq.read_table(tables / "entities.parquet").to_pylist()
    entity = next(e for e in entities if any(a.lower() != e["name"].lower() for a in e["aliases"]))
    alias = next(a for a in entity["aliases"] if a.lower() != entity["name"].lower())
    _open(driver, build_site(tables=tables, out=tmp_path).resolve().as_uri())
    assert len(driver.find_elements("css selector", "ul.hits li.hit")) == len(entities)
    assert entity["entity_id"] in [hit.get_attribute("data-id") for hit in _search(driver, alias)]
