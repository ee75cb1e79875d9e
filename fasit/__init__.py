"""Fasit: a listening-first customer relationship system for Nordic B2B sales teams."""

__version__ = "0.1.0"
