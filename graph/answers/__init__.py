"""Answers to users' questions: who/what/deadlines records, entity cards, resolution, dates."""
