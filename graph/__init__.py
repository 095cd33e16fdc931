"""govgraph's knowledge-graph engine: loading, validation, queries; knows nothing of terminals."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govgraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
