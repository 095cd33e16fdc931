"""Sources (provenance): records, the user library, importers (text, GII XML), locators."""
