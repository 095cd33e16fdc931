"""govgraph's web face: read-only pages over the same backend and named queries as the CLI."""
