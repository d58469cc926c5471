"""Training of the shipped models from the gold texts (``make train-relations``); the pipeline never
runs it."""
