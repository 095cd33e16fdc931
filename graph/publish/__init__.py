"""Publishing the graph: export files, VoID, ontology docs, push to a server, the local server."""
