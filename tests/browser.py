"""A real headless browser for the explorer's tests and screenshot: the distribution's Chromium, driven by
Selenium through the distribution's chromedriver.

Selenium is given the driver's path, so Selenium Manager never downloads a browser or a driver; Chromium is
started with a fresh profile and without any of its background network traffic.

Run as a script, it writes the README's screenshot of the explorer:
``python tests/browser.py --tables extracted --out docs/explorer.png`` (``make screenshot``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("EXTRACT_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("EXTRACT_CHROMEDRIVER", "/usr/bin/chromedriver"))
INSTALL = "apt-get install chromium chromium-driver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def missing() -> str | None:
    """Why no browser can be started here (with how to install it), or None when one can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: run 'make setup' (it is pinned in requirements.lock)"
    absent = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if absent:
        return f"{' and '.join(absent)} not found: '{INSTALL}' installs Chromium and its driver for this test"
    return None


@contextmanager
def chromium(*, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium with a fresh profile, closed (and its profile removed) on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="extract-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(*, tables: Path, out: Path, width: int = 1280, height: int = 1000) -> list[Path]:
    """Build the explorer of ``tables`` and save PNGs of two of its pages: the entity with the most facts
    (``out``), and the document of its best-supported fact's evidence, marked (``out``'s name + -document)."""
    from extract.explore.site.build import build_site
    from extract.explore.site.facts import facts_of

    facts = facts_of(tables)
    counts: dict[str, int] = {}
    for fact in facts:
        for side in (fact["subject_id"], fact["object_id"]):
            counts[side] = counts.get(side, 0) + 1
    entity = min(counts, key=lambda key: (-counts[key], key))
    mine = [f for f in facts if entity in (f["subject_id"], f["object_id"])]
    best = min(mine, key=lambda f: (-f["n_docs"], f["fact_id"]))
    pages = {
        out: f"#entity/{entity}",
        out.with_name(f"{out.stem}-document{out.suffix}"): (
            f"#doc/{best['evidence_doc_id']}/rel/{best['evidence_relation_id']}"
        ),
    }
    with tempfile.TemporaryDirectory(prefix="extract-explore-") as folder:
        page = build_site(tables=tables, out=Path(folder)).resolve().as_uri()
        with chromium(width=width, height=height) as driver:
            for path, where in pages.items():
                driver.get("about:blank")
                driver.get(page + where)
                driver.find_element("css selector", "main section")
                path.parent.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(path))
                _shrink(path)
    return list(pages)


def _shrink(path: Path) -> None:
    """Re-save the PNG with a palette of 128 colours: a third of the size, no visible change."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.FASTOCTREE, dither=0)
    small.save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot of the explorer for the README.")
    parser.add_argument("--tables", type=Path, default=Path("extracted"))
    parser.add_argument("--out", type=Path, default=Path("docs/explorer.png"))
    args = parser.parse_args(argv)
    reason = missing()
    if reason:
        print(f"browser.py: {reason}", file=sys.stderr)
        return 2
    for path in screenshot(tables=args.tables, out=args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
