"""Pictures of the graph: network projection, layout, HTML, SVG, timeline, browser rendering."""
