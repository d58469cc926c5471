"""Speed and memory of ``extract run`` against bare spaCy, on a generated corpus of N press releases.

Usage: PYTHONPATH=src python bench/bench.py [--n 2000] [--out reports/bench.json] [--raw raw]

Why a generated corpus: the pipeline reuses work per document (sha256 + pipeline version), so timing
it on copies of the same texts would measure the cache. Each document here is made from one text of
``raw/`` (languages in the proportions of ``raw/``) with its paragraphs sampled and shuffled, the
sentences of some paragraphs reordered, capitalised words (names) and numbers (days, years) swapped,
all from a fixed seed: the same N gives the same corpus, and no two documents are alike.

Each measurement runs in a fresh process, so its peak memory is its own (the whole process tree is
polled, since ``--processes 2`` puts the work in grandchildren):

- bare spaCy: ``nlp.pipe`` over the whole documents, each with its language's model: the ceiling;
- ``extract run`` end to end, in one process and with ``--processes 2``;
- a re-run with nothing changed, and a run after adding one document, timed as a user would;
- the peak memory of one very long document alone: a 1.5 MB text on a single line (no paragraph break
  to cut it at) and a 3.9-million-character page of long paragraphs, both made of the corpus's English
  documents (``--long-only`` measures these two alone, e.g. to compare two versions with ``--src``).

The figures go to ``reports/bench.json`` and a short Markdown table to ``reports/bench.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
#: Share of a source's body paragraphs a generated document keeps: press releases are mostly shorter
#: than the long web pages of raw/, and it keeps the default N=2000 well within 20 minutes on 2 cores.
KEEP = (0.35, 0.65)
POLL_SECONDS = 0.05
#: Loop length of the parallelism control: about a second of one core.
CONTROL_LOOP = 15_000_000
CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}(?![\w'’-])")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DAY = re.compile(r"(?<![\d.,:/])(?:[1-9]|[12]\d|3[01])(?![\d.,:/%])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ])")
#: The two long documents measured alone: (name, characters, one line?). The sizes are those that took
#: 4.2 GB and 9 GB before long texts were read in bounded batches (issue 16, item 8).
LONG_TEXTS = (("1.5 MB single line", 1_500_000, True), ("3.9 M-character page", 3_900_000, False))


# --- the corpus ------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A text of raw/ that generated documents are made from."""

    name: str
    lang: str  # en | fr
    title: str
    body: tuple[str, ...]  # non-empty lines after the first


def load_sources(raw: Path) -> list[Source]:
    """The English and French texts of ``raw`` (decoded as the pipeline does), with their language."""
    from extract.core.settings import load_settings
    from extract.ingest.files import discover, ingest
    from extract.ingest.segment import detect_language

    settings = load_settings()
    sources = []
    for path in discover(raw):
        found = ingest(path, raw)
        lines = [line for line in found.text.split("\n") if line.strip()]
        if found.status != "ok" or len(lines) < 2:
            continue
        lang, _ = detect_language(found.text, settings)
        if lang in ("en", "fr"):
            sources.append(Source(found.path, lang, lines[0], tuple(lines[1:])))
    if not sources:
        sys.exit(f"bench: no English or French text in {raw} to build a corpus from")
    return sources


def languages(sources: Sequence[Source], n: int) -> list[str]:
    """The language of each of ``n`` documents, French spread evenly at the share it has in raw/."""
    share = sum(s.lang == "fr" for s in sources) / len(sources)
    return ["fr" if int((i + 1) * share) > int(i * share) else "en" for i in range(n)]


def vary(source: Source, pool: Sequence[str], rng: random.Random) -> str:
    """One new document from ``source``: paragraphs sampled and shuffled, names and numbers swapped."""
    keep = max(1, round(len(source.body) * rng.uniform(*KEEP)))
    body = rng.sample(list(source.body), min(keep, len(source.body)))
    for i, paragraph in enumerate(body):
        sentences = SENTENCE_END.split(paragraph)
        if len(sentences) > 2 and rng.random() < 0.5:
            rng.shuffle(sentences)
            body[i] = " ".join(sentences)
    text = "\n".join([source.title, *body]) + "\n"
    names = sorted(set(CAPITALISED.findall(text)))
    swapped = {name: rng.choice(pool) for name in rng.sample(names, len(names) // 3)}
    years = {year: str(rng.randint(1990, 2030)) for year in sorted(set(YEAR.findall(text)))}
    text = CAPITALISED.sub(lambda m: swapped.get(m.group(), m.group()), text)
    text = YEAR.sub(lambda m: years[m.group()], text)
    return DAY.sub(lambda m: str(rng.randint(1, 28)) if rng.random() < 0.5 else m.group(), text)


def build_corpus(sources: Sequence[Source], n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``n`` distinct (text, lang) documents, the same for the same sources, ``n`` and ``seed``."""
    rng = random.Random(seed)
    by_lang = {lang: [s for s in sources if s.lang == lang] for lang in ("en", "fr")}
    pools = {
        lang: sorted({w for s in group for line in s.body for w in CAPITALISED.findall(line)})
        for lang, group in by_lang.items()
    }
    seen: set[str] = set()
    corpus = []
    for lang in languages(sources, n):
        group = by_lang[lang] or sources  # a raw/ with one language only: use it for both
        while True:
            source = rng.choice(group)
            text = vary(source, pools[source.lang] or ["Alpha"], rng)
            if text not in seen:
                break
        seen.add(text)
        corpus.append((text, source.lang))
    return corpus


def long_text(corpus: Sequence[tuple[str, str]], n_chars: int, *, single_line: bool) -> str:
    """One document of exactly ``n_chars`` characters made of the English documents of ``corpus`` (taken
    again from the first when they run out), each on one line: a page of long paragraphs, or with
    ``single_line`` a text without a single line break."""
    english = [" ".join(text.split()) for text, lang in corpus if lang == "en"] or ["Alpha."]
    parts: list[str] = []
    size = 0
    while size < n_chars:
        parts.append(english[len(parts) % len(english)])
        size += len(parts[-1]) + 1
    return (" " if single_line else "\n").join(parts)[:n_chars]


def write_corpus(corpus: Sequence[tuple[str, str]], folder: Path, *, first: int = 0) -> list[Path]:
    """Write the documents as ``folder/NNNNNN_LANG.txt``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (text, lang) in enumerate(corpus, start=first):
        path = folder / f"{i:06d}_{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def words(text: str) -> int:
    """Words as a reader counts them (white-space separated), the unit of every rate here."""
    return len(text.split())


# --- measuring in a fresh process ------------------------------------------------------


@dataclass
class Measurement:
    """One timed command: wall seconds and the peak memory of its process tree."""

    name: str
    seconds: float
    peak_rss_mb: float  # the largest sum of RSS over the process and its descendants
    largest_process_mb: float  # the largest RSS of any one of them
    returncode: int
    detail: dict[str, Any]


def measure(name: str, command: Sequence[str], *, env: dict[str, str] | None = None) -> Measurement:
    """Run ``command``, polling its process tree's memory; its last stdout line, if JSON, is ``detail``."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        peak = largest = 0
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                sizes = [p.memory_info().rss for p in tree if p.is_running()]
            except psutil.Error:  # a process ended between listing and reading
                sizes = []
            peak, largest = max(peak, sum(sizes)), max([largest, *sizes])
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        print(f"bench: {name} failed ({process.returncode}):\n{stderr[-3000:]}", file=sys.stderr)
    lines = stdout.strip().splitlines()
    try:
        detail = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        detail = {}
    summary = [line for line in stderr.splitlines() if " documents (" in line]
    if summary:
        detail["summary"] = summary[-1]
    mb = 1024 * 1024
    return Measurement(name, seconds, peak / mb, largest / mb, process.returncode, detail)


def bare_spacy(manifest: Path) -> dict[str, Any]:
    """``nlp.pipe`` over the documents of ``manifest`` (JSON [[path, lang], ...]), streamed per language.

    Runs in its own process (``bench.py --bare MANIFEST``). The models are those of the pipeline's
    settings, with the same batch size; no Doc is kept, so memory stays that of the models.
    """
    import spacy

    from extract.core.settings import load_settings

    settings = load_settings()
    items = json.loads(manifest.read_text(encoding="utf-8"))
    load = pipe = 0.0
    for lang in ("en", "fr"):
        paths = [path for path, doc_lang in items if doc_lang == lang]
        if not paths:
            continue
        started = time.perf_counter()
        nlp = spacy.load(settings.model_for(lang))
        load += time.perf_counter() - started
        started = time.perf_counter()
        texts = (Path(path).read_text(encoding="utf-8") for path in paths)
        for _ in nlp.pipe(texts, batch_size=settings.recognise_batch_size):
            pass
        pipe += time.perf_counter() - started
    return {"load_seconds": load, "pipe_seconds": pipe}


def same_tables(one: Path, two: Path) -> bool:
    """Whether two output folders hold byte-identical tables (1 and 2 processes must agree)."""
    names = ("documents", "mentions", "entities", "relations")
    paths = [(one / f"{name}.parquet", two / f"{name}.parquet") for name in names]
    return all(a.exists() and b.exists() and a.read_bytes() == b.read_bytes() for a, b in paths)


def _burn(n: int) -> int:
    """Pure-Python work that holds one core (the control of :func:`parallel_capacity`)."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_capacity(n: int = CONTROL_LOOP) -> float:
    """How much faster two processes do two units of pure-Python work than one process: at most 2.

    A shared or throttled machine gives less than its core count says; the pipeline's own
    2-process speed-up is to be read against this figure, not against 2.
    """
    import multiprocessing

    started = time.perf_counter()
    for _ in range(2):
        _burn(n)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [1, 1])  # start both workers before timing
        started = time.perf_counter()
        pool.map(_burn, [n, n], chunksize=1)
        parallel = time.perf_counter() - started
    return serial / parallel


# --- the report ------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    return {
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def rates(m: Measurement, docs: int, n_words: int) -> dict[str, Any]:
    row = asdict(m)
    row["docs_per_second"] = docs / m.seconds
    row["words_per_second"] = n_words / m.seconds
    return row


TARGETS = {
    "pipeline_vs_bare": (">=", 0.85),
    "two_vs_one_process": (">=", 1.7),
    "noop_rerun_seconds": ("<", 2.0),
    "one_new_document_seconds": ("<", 10.0),
    "long_line_peak_mb": ("<", 2500),
    "long_page_peak_mb": ("<", 2500),
}
#: The figure of each of :data:`LONG_TEXTS`: its run's peak memory (MB).
LONG_FIGURES = ("long_line_peak_mb", "long_page_peak_mb")
#: The corpus runs whose throughput the ratios compare.
CORPUS_RUNS = ("bare spaCy", "pipeline, 1 process", "pipeline, 2 processes")


def markdown(report: dict[str, Any]) -> str:
    """The short table of reports/bench.md."""
    m = report["machine"]
    c = report["corpus"]
    lines = [
        "# Benchmark: extract run against bare spaCy",
        "",
        f"Machine: {m['cores']} cores, {m['ram_gb']} GB RAM, {m['cpu']}, Python {m['python']}, "
        f"spaCy {m['spacy']} (load average at start {m['load_average_at_start']}, "
        f"at end {m['load_average_at_end']}: other work on the machine slows every figure).",
        f"Corpus: {c['documents']} documents ({c['en']} English, {c['fr']} French), {c['words']:,} words, "
        f"generated from {c['raw']} with seed {c['seed']}; code measured: {c['code']}.",
        "",
        "| measurement | seconds | docs/s | words/s | peak RSS (MB) | largest process (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in report["measurements"].values():
        lines.append(
            f"| {row['name']} | {row['seconds']:.1f} | {row['docs_per_second']:.1f} | "
            f"{row['words_per_second']:,.0f} | {row['peak_rss_mb']:.0f} | {row['largest_process_mb']:.0f} |"
        )
    lines += ["", "| figure | value | target | met |", "|---|---:|---:|:---:|"]
    for name, value in report["ratios"].items():
        op, target = TARGETS[name]
        shown = f"{value:.0f}" if name in LONG_FIGURES else f"{value:.2f}"
        lines.append(f"| {name} | {shown} | {op} {target} | {'yes' if report['met'][name] else 'no'} |")
    lines += [
        "",
        "The long documents (one 1.5 MB line, one 3.9-million-character page) are each measured alone, "
        "in one process: their peak is bounded by `recognise.max_batch_chars` and the document's length "
        "(`recognise.max_document_chars`), not by the batching of many documents.",
        "",
    ]
    if "same_tables" in report:
        lines += [
            f"Parallel capacity of the machine (pure-Python control, 2 processes over 1): "
            f"{m['parallel_capacity']:.2f}; read the 2-process figure against it, not against 2.",
            "",
            f"Model load (bare spaCy, en + fr): {report['model_load_seconds']:.1f}s. "
            f"Tables of 1 and 2 processes identical: {'yes' if report['same_tables'] else 'NO'}.",
            "",
        ]
    return "\n".join(lines)


# --- the run ---------------------------------------------------------------------------


def measure_long(corpus: Sequence[tuple[str, str]], tmp: Path, env: dict[str, str]) -> dict[str, Any]:
    """The runs of :data:`LONG_TEXTS`, each alone in a raw folder of its own, in one process."""
    results = {}
    for name, n_chars, single_line in LONG_TEXTS:
        text = long_text(corpus, n_chars, single_line=single_line)
        folder = tmp / f"long-{n_chars}"
        (folder / "raw").mkdir(parents=True)
        (folder / "raw" / "long.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "extract", "run", "--raw", str(folder / "raw")]
        command += ["--out", str(folder / "out"), "--processes", "1", "--no-progress"]
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        results[name] = rates(measure(name, command, env=env), 1, words(text))
        print(f"bench: {name}: {results[name]['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
    return results


def benchmark(
    n: int, raw: Path, out: Path, *, src: Path = ROOT / "src", long_only: bool = False
) -> dict[str, Any]:
    """Build the corpus, take every measurement of the package under ``src``, write the two reports.

    ``long_only`` measures the long documents of :data:`LONG_TEXTS` only."""
    report: dict[str, Any] = {"machine": machine()}
    sources = load_sources(raw)
    corpus = build_corpus(sources, n + 1)  # the last one is the "new document" of the last run
    corpus, extra = corpus[:n], corpus[n:]
    n_words = sum(words(text) for text, _ in corpus)
    report["corpus"] = {
        "documents": n,
        "en": sum(lang == "en" for _, lang in corpus),
        "fr": sum(lang == "fr" for _, lang in corpus),
        "words": n_words,
        "chars": sum(len(text) for text, _ in corpus),
        "seed": SEED,
        "raw": str(raw),
        "code": str(src),
    }
    results = {}
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        # A snapshot of the code: an edit made while the bench runs would change the pipeline version
        # and turn the "nothing changed" re-run into a full one.
        code = Path(tmp) / "src"
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(src / "extract", code / "extract", ignore=ignore)
        env = {**os.environ, "PYTHONPATH": str(code) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        if not long_only:
            results, same = measure_corpus(corpus, extra, Path(tmp), env, n, n_words)
            report["same_tables"] = same
        results.update(measure_long(corpus, Path(tmp), env))
    report["measurements"] = results
    report["ratios"] = {} if long_only else corpus_ratios(results, n_words)
    for (name, _, _), figure in zip(LONG_TEXTS, LONG_FIGURES, strict=True):
        report["ratios"][figure] = results[name]["peak_rss_mb"]
    report["met"] = {
        name: (value >= TARGETS[name][1]) if TARGETS[name][0] == ">=" else (value < TARGETS[name][1])
        for name, value in report["ratios"].items()
    }
    if not long_only:
        report["model_load_seconds"] = results["bare spaCy"]["detail"].get("load_seconds", 0.0)
        pipe = max(results["bare spaCy"]["detail"].get("pipe_seconds", 0.0), 1e-9)
        report["bare_pipe_only_words_per_second"] = n_words / pipe
        report["machine"]["parallel_capacity"] = parallel_capacity()
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(markdown(report), encoding="utf-8")
    return report


def measure_corpus(
    corpus: Sequence[tuple[str, str]],
    extra: Sequence[tuple[str, str]],
    tmp: Path,
    env: dict[str, str],
    n: int,
    n_words: int,
) -> tuple[dict[str, Any], bool]:
    """The runs over the corpus (bare spaCy, 1 and 2 processes, re-run, one new document), and whether the
    tables of 1 and 2 processes are identical."""
    python = sys.executable
    folder = tmp / "raw"
    paths = write_corpus(corpus, folder)
    manifest = tmp / "manifest.json"
    manifest.write_text(json.dumps([[str(p), lang] for p, (_, lang) in zip(paths, corpus, strict=True)]))
    run = [python, "-m", "extract", "run", "--raw", str(folder), "--no-progress"]
    one, two = tmp / "out1", tmp / "out2"
    steps = [
        ("bare spaCy", [python, str(Path(__file__).resolve()), "--bare", str(manifest)], n, n_words),
        ("pipeline, 1 process", [*run, "--out", str(one), "--processes", "1"], n, n_words),
        ("pipeline, 2 processes", [*run, "--out", str(two), "--processes", "2"], n, n_words),
        ("re-run, nothing changed", [*run, "--out", str(one), "--processes", "1"], n, n_words),
    ]
    results = {}
    for name, command, docs, n_words_step in steps:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        results[name] = rates(measure(name, command, env=env), docs, n_words_step)
        print(f"bench: {name}: {results[name]['seconds']:.1f}s", file=sys.stderr, flush=True)
    same = same_tables(one, two)
    write_corpus(extra, folder, first=n)
    name = "one new document"
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    new = measure(name, [*run, "--out", str(one), "--processes", "1"], env=env)
    results[name] = rates(new, 1, words(extra[0][0]))
    return results, same


def corpus_ratios(results: dict[str, Any], n_words: int) -> dict[str, float]:
    """The figures of the corpus runs that have a target in :data:`TARGETS`."""
    bare, single, double = (results[name] for name in CORPUS_RUNS)
    return {
        "pipeline_vs_bare": single["words_per_second"] / bare["words_per_second"],
        "two_vs_one_process": double["words_per_second"] / single["words_per_second"],
        "noop_rerun_seconds": results["re-run, nothing changed"]["seconds"],
        "one_new_document_seconds": results["one new document"]["seconds"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="documents in the corpus (default: 2000)")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="texts the corpus is made from")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json", help="JSON report")
    parser.add_argument("--corpus", type=Path, help="only write the corpus to this folder, measure nothing")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src", help="folder holding the extract package to measure (A/B)"
    )
    parser.add_argument(
        "--long-only", action="store_true", help="measure the peak memory of the long documents only"
    )
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # the bare spaCy measurement itself
    args = parser.parse_args(argv)
    if args.bare:
        print(json.dumps(bare_spacy(args.bare)))
        return 0
    if args.n < 1:
        parser.error("--n must be at least 1")
    if args.corpus:
        write_corpus(build_corpus(load_sources(args.raw), args.n), args.corpus)
        return 0
    report = benchmark(args.n, args.raw, args.out, src=args.src, long_only=args.long_only)
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
