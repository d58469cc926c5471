"""The score reports: a compact terminal table, score.json, score.md, score.html and the error listing.

Everything here only formats a :class:`extract.evaluate.score.ScoreRun`; no figure is
computed here except the lift (pipeline minus baseline), so every report shows
the same numbers. The HTML report is for reading one document at a time: the
gold and predicted mentions side by side (highlighted by displaCy, with ✗ on
every span the other side lacks) and the relations with their evidence.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extract.core.schema import ENTITY_TYPES, LABELS
from extract.core.tables import write_atomic
from extract.evaluate.annotations import Annotations
from extract.evaluate.matching import ScoredDoc, ScoreError
from extract.evaluate.score import ScoreRun, Summary

#: The rows of the compact table: (key in Summary.counts or Summary.ratios, name shown).
HEADLINE: tuple[tuple[str, str], ...] = (
    *((f"mentions.strict.{label}", f"{label} strict") for label in LABELS),
    ("mentions.strict.all", "mentions strict"),
    ("mentions.partial.all", "mentions partial"),
    ("dates.span_value", "DATE span+value"),
    ("dates.value", "DATE value acc."),
    *((f"entities.{kind}", f"{kind} entities") for kind in ENTITY_TYPES),
    ("entities.all", "entities"),
    ("relations.all", "relations"),
    ("relations.date", "relation date acc."),
)
#: Ratio rows: an accuracy, shown in the F1 column.
RATIOS = frozenset({"dates.value", "relations.date"})
#: The kinds of error in the order the listing shows them.
ERROR_ORDER = (
    "missed",
    "spurious",
    "wrong boundary",
    "wrong label",
    "wrong date value",
    "split (gold entity already matched)",
    "wrong predicate",
    "wrong direction",
    "wrong date",
)
_COLOURS = {"ORG": "#7aecec", "PERSON": "#aa9cfc", "DATE": "#bfe1d9", "WRONG": "#ffb3b3"}
_CSS = """
body { font-family: system-ui, sans-serif; max-width: 90rem; margin: 1rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.text { text-align: left; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side > div { border: 1px solid #ddd; padding: .5rem; overflow-wrap: anywhere; }
.ok { color: #080; } .bad { color: #b00; }
section { border-top: 2px solid #888; margin-top: 2rem; }
nav li { margin: .1rem 0; }
"""


# --- figures --------------------------------------------------------------------------------------


def figure(summary: Summary | None, key: str) -> float | None:
    """The main figure of a row: F1, or the accuracy of a ratio row (None when undefined)."""
    if summary is None:
        return None
    return summary.ratio(key).value if key in RATIOS else summary.count(key).f1


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _lift(pipeline: float | None, baseline: float | None) -> str:
    return "–" if pipeline is None or baseline is None else f"{pipeline - baseline:+.3f}"


def _row(summary: Summary, key: str) -> list[str]:
    """Gold count, P, R and F1 (or accuracy) of one row."""
    if key in RATIOS:
        ratio = summary.ratio(key)
        return [str(ratio.total), "", "", _fmt(ratio.value)]
    counts = summary.count(key)
    return [str(counts.tp + counts.fn), _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1)]


def _rows(summary: Summary) -> list[tuple[str, str]]:
    """All rows of a full table: the headline, partial per label, and each predicate seen."""
    partial = [(f"mentions.partial.{label}", f"{label} partial") for label in LABELS]
    predicates = sorted(k for k in summary.counts if k.startswith("relations.") and k != "relations.all")
    per_predicate = [
        (key, f"relations: {key.split('.', 1)[1]}") for key in predicates if not summary.count(key).empty
    ]
    return [*HEADLINE[:5], *partial, *HEADLINE[5:], *per_predicate]


# --- JSON -----------------------------------------------------------------------------------------


def summary_json(summary: Summary) -> dict[str, Any]:
    """A summary as nested JSON: mentions, dates, entities, relations."""
    predicates = sorted(k.split(".", 1)[1] for k in summary.counts if k.startswith("relations."))
    return {
        "n_docs": summary.n_docs,
        "mentions": {
            mode: {label: summary.count(f"mentions.{mode}.{label}").as_dict() for label in (*LABELS, "all")}
            for mode in ("strict", "partial")
        },
        "dates": {
            "value_accuracy": summary.ratio("dates.value").as_dict(),
            "span_value": summary.count("dates.span_value").as_dict(),
        },
        "entities": {kind: summary.count(f"entities.{kind}").as_dict() for kind in (*ENTITY_TYPES, "all")},
        "relations": {
            "all": summary.count("relations.all").as_dict(),
            "date_accuracy": summary.ratio("relations.date").as_dict(),
            "by_predicate": {p: summary.count(f"relations.{p}").as_dict() for p in predicates if p != "all"},
        },
    }


def run_json(run: ScoreRun) -> dict[str, Any]:
    """Every figure of one system, overall, per language and per document, and its errors."""
    return {
        "tables": str(run.tables_dir),
        "documents": [
            {
                "doc": d.pair.doc,
                "gold_file": d.pair.gold_file,
                "lang": d.pair.lang,
                "matched": d.pair.text is not None,
            }
            for d in run.docs
        ],
        "unmatched_gold": list(run.unmatched_gold),
        "overall": summary_json(run.overall),
        "by_lang": {lang: summary_json(s) for lang, s in run.by_lang.items()},
        "by_doc": {doc: summary_json(s) for doc, s in run.by_doc.items()},
        "errors": [error.as_dict() for error in run.errors],
    }


def score_json(run: ScoreRun, *, gold_dir: Path, baseline: ScoreRun | None = None) -> dict[str, Any]:
    """The content of score.json; ``lift`` is pipeline minus baseline for each headline figure."""
    lift = None
    if baseline is not None:
        lift = {}
        for key, _ in HEADLINE:
            ours, theirs = figure(run.overall, key), figure(baseline.overall, key)
            lift[key] = None if ours is None or theirs is None else ours - theirs
    return {
        "gold": str(gold_dir),
        "pipeline": run_json(run),
        "baseline": run_json(baseline) if baseline is not None else None,
        "lift": lift,
    }


# --- terminal -------------------------------------------------------------------------------------


def print_summary(run: ScoreRun, *, baseline: ScoreRun | None = None, console: Any = None) -> None:
    """The compact table: headline rows, overall P/R/F1, F1 per language, baseline F1 and lift."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    langs = list(run.by_lang)
    table = Table(title=f"extract score: {run.overall.n_docs} documents", title_justify="left")
    for name in ("figure", "gold", "P", "R", "F1", *(f"F1 {lang}" for lang in langs)):
        table.add_column(name, justify="left" if name == "figure" else "right")
    if baseline is not None:
        table.add_column("base F1", justify="right")
        table.add_column("lift", justify="right")
    for key, name in HEADLINE:
        cells = [name, *_row(run.overall, key), *(_fmt(figure(run.by_lang[lang], key)) for lang in langs)]
        if baseline is not None:
            theirs = figure(baseline.overall, key)
            cells += [_fmt(theirs), _lift(figure(run.overall, key), theirs)]
        table.add_row(*cells)
    console.print(table)
    if run.unmatched_gold:
        console.print(f"gold files with no document (all missed): {', '.join(run.unmatched_gold)}")


def print_errors(run: ScoreRun, *, console: Any = None) -> None:
    """Every false positive and false negative, grouped by layer and kind of error."""
    from rich.console import Console

    console = console or Console()
    console.print(errors_markdown(run.errors), markup=False, highlight=False, soft_wrap=True)


# --- Markdown -------------------------------------------------------------------------------------


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _figures_table(summary: Summary, baseline: Summary | None) -> str:
    header = ["figure", "gold", "P", "R", "F1"]
    if baseline is not None:
        header += ["baseline P", "baseline R", "baseline F1", "lift"]
    rows = []
    for key, name in _rows(summary):
        row = [name, *_row(summary, key)]
        if baseline is not None:
            row += [*_row(baseline, key)[1:], _lift(figure(summary, key), figure(baseline, key))]
        rows.append(row)
    return _md_table(header, rows)


def errors_markdown(errors: Sequence[ScoreError]) -> str:
    """The error listing: a section per layer, a subsection per kind, one line per error."""
    groups: dict[tuple[str, str], list[ScoreError]] = defaultdict(list)
    for error in errors:
        groups[error.layer, error.kind].append(error)
    order = {kind: i for i, kind in enumerate(ERROR_ORDER)}
    parts = ["## Errors"]
    for layer in ("mentions", "entities", "relations"):
        kinds = sorted((k for lay, k in groups if lay == layer), key=lambda k: (order.get(k, len(order)), k))
        if not kinds:
            continue
        parts.append(f"### {layer.capitalize()}")
        for kind in kinds:
            items = sorted(groups[layer, kind], key=lambda e: (e.doc, e.start, e.label))
            lines = [f"#### {kind} ({len(items)})\n"]
            for e in items:
                sides = [f"gold {e.gold}"] if e.gold else []
                sides += [f"predicted {e.predicted}"] if e.predicted else []
                shown = " → ".join(sides)
                context = f" — “{e.context}”" if e.context else ""
                lines.append(f"- `{e.doc}` {e.label}: {shown}{context}")
            parts.append("\n".join(lines))
    if len(parts) == 1:
        parts.append("No errors.")
    return "\n\n".join(parts) + "\n"


def score_markdown(
    run: ScoreRun, *, gold_dir: Path, baseline: ScoreRun | None = None, errors: bool = False
) -> str:
    """The content of score.md: overall, per language, per document, and optionally the errors."""
    base = baseline.overall if baseline is not None else None
    parts = [
        "# Scores",
        f"Gold: `{gold_dir}` · tables: `{run.tables_dir}`"
        + (f" · baseline: `{baseline.tables_dir}`" if baseline is not None else "")
        + f" · {run.overall.n_docs} documents, micro-averaged.",
    ]
    if run.unmatched_gold:
        parts.append(
            "Gold files with no document (every item counted missed): "
            + ", ".join(f"`{g}`" for g in run.unmatched_gold)
        )
    parts += ["## Overall", _figures_table(run.overall, base)]
    for lang, summary in run.by_lang.items():
        theirs = baseline.by_lang.get(lang) if baseline is not None else None
        parts += [f"## Language: {lang} ({summary.n_docs} documents)", _figures_table(summary, theirs)]
    doc_rows = [
        [d.pair.doc, d.pair.lang, *(_fmt(figure(run.by_doc[d.pair.doc], key)) for key in _DOC_KEYS)]
        for d in run.docs
    ]
    parts += ["## Per document (F1)", _md_table(["document", "lang", *_DOC_NAMES], doc_rows)]
    text = "\n\n".join(parts) + "\n"
    return text + "\n" + errors_markdown(run.errors) if errors else text


_DOC_KEYS = (
    "mentions.strict.all",
    "mentions.partial.all",
    "dates.span_value",
    "entities.all",
    "relations.all",
)
_DOC_NAMES = ("mentions strict", "mentions partial", "DATE span+value", "entities", "relations")


# --- HTML -----------------------------------------------------------------------------------------


def _displacy(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with ``spans`` highlighted; a span overlapping an earlier one is skipped (displaCy cannot)."""
    from spacy import displacy

    ents, last_end, hidden = [], -1, 0
    for start, end, label in sorted(spans):
        if start < last_end:
            hidden += 1
            continue
        ents.append({"start": start, "end": end, "label": label})
        last_end = end
    colours = {
        e["label"]: _COLOURS["WRONG" if e["label"].endswith("✗") else e["label"].split()[0]] for e in ents
    }
    drawn = displacy.render(
        {"text": text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"colors": colours},
    )
    note = f"<p class='bad'>{hidden} overlapping mentions not drawn</p>" if hidden else ""
    return note + drawn


def _mention_spans(mine: Annotations, other: Annotations) -> list[tuple[int, int, str]]:
    """Spans labelled for display: DATE with its value, ✗ when the other side has no such span and label."""
    theirs = {(m.start, m.end, m.label) for m in other.mentions}
    spans = []
    for m in mine.mentions:
        label = f"{m.label} {m.value}" if m.label == "DATE" and m.value else m.label
        spans.append((m.start, m.end, label if (m.start, m.end, m.label) in theirs else f"{label} ✗"))
    return spans


def _relations_html(title: str, annotations: Annotations, matched: frozenset[int]) -> str:
    names = {e.id: e.name for e in annotations.entities}
    rows = []
    for index, triple in enumerate(annotations.relations):
        mark = "<span class='ok'>✓</span>" if index in matched else "<span class='bad'>✗</span>"
        cells = [
            mark,
            html.escape(names.get(triple.subject, triple.subject)),
            html.escape(triple.predicate),
            html.escape(names.get(triple.object, triple.object)),
            html.escape(triple.role or ""),
            html.escape(triple.date or ""),
            f"<td class='text'>{html.escape(triple.evidence)}</td>",
        ]
        rows.append(
            "<tr>"
            + "".join(c if c.startswith("<td") else f"<td class='text'>{c}</td>" for c in cells)
            + "</tr>"
        )
    header = "".join(
        f"<th>{h}</th>" for h in ("", "subject", "predicate", "object", "role", "date", "evidence")
    )
    body = "".join(rows) or "<tr><td colspan='7'>none</td></tr>"
    return f"<h4>{title} ({len(annotations.relations)})</h4><table><tr>{header}</tr>{body}</table>"


def _html_table(summary: Summary, baseline: Summary | None) -> str:
    header = ["figure", "gold", "P", "R", "F1"] + (["baseline F1", "lift"] if baseline is not None else [])
    rows = []
    for key, name in _rows(summary):
        cells = [name, *_row(summary, key)]
        if baseline is not None:
            cells += [_fmt(figure(baseline, key)), _lift(figure(summary, key), figure(baseline, key))]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return "<table><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>" + "".join(rows) + "</table>"


def _doc_html(index: int, doc: ScoredDoc, summary: Summary) -> str:
    pair = doc.pair
    figures = " · ".join(
        f"{name} {_fmt(figure(summary, key))}" for key, name in zip(_DOC_KEYS, _DOC_NAMES, strict=True)
    )
    parts = [
        f"<section id='doc-{index}'><h2>{html.escape(pair.doc)} <small>({pair.lang})</small></h2>",
        f"<p>F1: {figures} · <a href='#top'>top</a></p>",
    ]
    if pair.text is None:
        parts.append("<p class='bad'>No document matched this gold file: every gold item is missed.</p>")
    else:
        parts.append(
            "<div class='side'>"
            f"<div><h3>Gold</h3>{_displacy(pair.text, _mention_spans(pair.gold, pair.predicted))}</div>"
            f"<div><h3>Predicted</h3>{_displacy(pair.text, _mention_spans(pair.predicted, pair.gold))}</div>"
            "</div>"
        )
    parts.append("<h3>Relations</h3>")
    parts.append(_relations_html("Gold", pair.gold, doc.matched_gold_relations))
    parts.append(_relations_html("Predicted", pair.predicted, doc.matched_pred_relations))
    parts.append("</section>")
    return "\n".join(parts)


def score_html(run: ScoreRun, *, gold_dir: Path, baseline: ScoreRun | None = None) -> str:
    """The content of score.html: figures, a table of contents, then every document."""
    toc = "".join(
        f"<li><a href='#doc-{i}'>{html.escape(d.pair.doc)}</a> ({d.pair.lang}) — mentions F1 "
        f"{_fmt(figure(run.by_doc[d.pair.doc], 'mentions.strict.all'))}</li>"
        for i, d in enumerate(run.docs)
    )
    docs = "\n".join(_doc_html(i, d, run.by_doc[d.pair.doc]) for i, d in enumerate(run.docs))
    base = baseline.overall if baseline is not None else None
    gold, tables = html.escape(str(gold_dir)), html.escape(str(run.tables_dir))
    source = f"gold <code>{gold}</code>, tables <code>{tables}</code>"
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>extract: scores</title>"
        f"<style>{_CSS}</style></head><body id='top'>\n<h1>Scores</h1><p>{source}; "
        f"{run.overall.n_docs} documents, micro-averaged. Spans marked ✗ have no strict match on the other "
        f"side; relations marked ✓ matched.</p>\n<h2>Figures</h2>{_html_table(run.overall, base)}\n"
        f"<h2>Documents</h2><nav><ol>{toc}</ol></nav>\n{docs}\n</body></html>\n"
    )


# --- files ----------------------------------------------------------------------------------------


def write_reports(
    run: ScoreRun,
    reports_dir: Path,
    *,
    gold_dir: Path,
    baseline: ScoreRun | None = None,
    errors: bool = False,
    html: bool = True,
) -> list[Path]:
    """Write score.json, score.md and (with ``html``) score.html; return the paths written."""
    contents = {
        "score.json": json.dumps(
            score_json(run, gold_dir=gold_dir, baseline=baseline), indent=2, ensure_ascii=False
        )
        + "\n",
        "score.md": score_markdown(run, gold_dir=gold_dir, baseline=baseline, errors=errors),
    }
    if html:
        contents["score.html"] = score_html(run, gold_dir=gold_dir, baseline=baseline)
    paths = []
    for name, text in contents.items():
        path = reports_dir / name
        write_atomic(path, text.encode("utf-8"))
        paths.append(path)
    return paths
