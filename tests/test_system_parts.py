"""The one rule for missing system parts: fail in CI (CI=true), skip with a hint elsewhere."""

from __future__ import annotations

import pytest
from system_parts import in_ci, need


@pytest.mark.parametrize(
    ("value", "ci"), [("true", True), ("TRUE", True), ("false", False), ("", False), (None, False)]
)
def test_ci_means_ci_true(monkeypatch, value, ci):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is ci


def test_a_missing_part_fails_in_ci_and_is_skipped_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="rsvg-convert is missing: .ci/run installs"):
        need(None, "rsvg-convert", "apt-get install librsvg2-bin")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match=r"not installed \(apt-get install librsvg2"):
        need(None, "rsvg-convert", "apt-get install librsvg2-bin")
    need("/usr/bin/rsvg-convert", "rsvg-convert", "apt-get install librsvg2-bin")  # found: on
