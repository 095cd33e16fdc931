"""Where the graph lives: embedded Oxigraph, the cache, remote endpoints; load, validate, push."""
