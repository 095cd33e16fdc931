"""Curation: drafting facts from a user's source, reviewing them, and what a source changed."""
