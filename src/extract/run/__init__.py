"""Running the stages: the per-document unit of work, the engines and a whole run (runner)."""
