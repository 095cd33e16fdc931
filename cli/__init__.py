"""govgraph's command line: parses arguments, calls govgraph.graph, formats output."""
