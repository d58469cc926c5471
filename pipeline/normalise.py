"""Stage 4, normalise: one canonical entity per organisation and person across documents,
the tables and the facts, into WORK/tables/.

Options and checks: extract.cli.stages, shared with ``extract run``; of them it reads only
--settings (the user's aliases, setting linking.aliases), and does nothing when neither its
inputs nor those aliases changed.
"""

from extract.cli.stages import normalise

if __name__ == "__main__":
    raise SystemExit(normalise())
