"""extract: organisations, people, dates and their relations from press releases."""

__version__ = "0.1.0"
