"""Source documents shipped with govgraph, byte-identical, each with its bibliographic record."""
