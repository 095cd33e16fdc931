"""Sources: records, importers (text, GII XML), claims and conflicts between sources."""
