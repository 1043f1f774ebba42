"""The pain scale every score reader and the diary share, in a module light enough for any process to import."""

PAIN_SCALE_MAX = 10  # scores run from 0 (no pain) to this (the worst imaginable)
