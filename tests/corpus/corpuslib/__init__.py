"""Helpers shared by the corpus endpoints (imported as ``corpuslib.*``; tests/corpus is the import root)."""
