"""Where the graph lives: embedded Oxigraph, the cache, remote endpoints; loading, the guard."""
