"""Checking data before it is used: SHACL shapes, verbatim quotes, locators, the OWL profile."""
