"""govgraph's knowledge-graph engine: loading, validation, queries; knows nothing of terminals."""

# The single source of the version (pyproject.toml reads it); a literal, because looking it up
# with importlib.metadata costs ~20 ms at every start.
__version__ = "0.1.0"
