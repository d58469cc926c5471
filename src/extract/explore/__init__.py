"""The analyst's view of the tables: facts across documents and a browsable explorer."""
