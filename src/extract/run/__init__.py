"""Running the stages: the per-document unit of work, the engines and ``extract run``."""
