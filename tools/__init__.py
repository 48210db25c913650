"""Maintenance tools run from the Makefile (documentation generators)."""
