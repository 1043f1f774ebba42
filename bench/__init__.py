"""Benchmarks of the Backspasm Assistant: `make bench` runs bench/run.py."""
