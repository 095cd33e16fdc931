"""SPARQL plumbing: the catalogue of named queries, parameter binding, the guard, result formats."""
