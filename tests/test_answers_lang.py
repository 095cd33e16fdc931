"""--lang en switches help and error texts of the answer commands to English."""

from __future__ import annotations


def test_help_in_one_language(govgraph):
    english = govgraph("--lang", "en", "who", "--help").out
    assert "Who is responsible" in english and "Wer ist" not in english
    assert "Stand an diesem Tag" not in english and "As of this day" in english
    german = govgraph("who", "--help").out
    assert "Wer ist zuständig" in german and "Who is responsible" not in german


def test_errors_in_english(govgraph):
    unknown = govgraph("--lang", "en", "who", "Xyzzyq")
    assert unknown.code == 1 and unknown.err.startswith("govgraph: no entity matches")
    generic = govgraph("--lang", "en", "who", "Digitalisier")
    assert generic.code == 1 and generic.err.startswith("govgraph: ambiguous")
    # A day after every shipped deadline: nothing is upcoming (on FIXED_TODAY there is).
    empty = govgraph("--lang", "en", "--today", "2099-01-01", "deadlines", "--status", "upcoming")
    assert empty.code == 1 and empty.err.startswith("govgraph: no results")
