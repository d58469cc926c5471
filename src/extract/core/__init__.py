"""The records, schemas, settings, messages and table files every stage shares; imports nothing of ours."""
