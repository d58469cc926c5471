"""The command line shared by ``python -m extract`` and the stage scripts."""
