"""model.words.Words searches ASCII text with ASCII case folding (twice as fast): it must find
exactly what a Unicode IGNORECASE search finds, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from dpa_policy.model.words import Words
from dpa_policy.rules.minimisation import NEEDS, TOPICS

PATTERNS = sorted({t.words.pattern for t in TOPICS.values()} | {t.stated_by.pattern for t in TOPICS.values() if t.stated_by}
                  | {n.description.pattern for n in NEEDS.values()} | {n.other.pattern for n in NEEDS.values()})
PIECES = ["IEP", "ieps", "504 plan", "Sign-in", "log on", "SSO", "Rosters", "bus route", "K", "\u212a", "\u017f",
          "\u0130", "é", " ", "-", ".", "\n", "\t", "_", "Ell", "ESOL", "home language", "GPS", "finger scan"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12))
def test_words_find_what_a_unicode_ignorecase_search_finds(pattern, pieces):
    text = "".join(pieces)
    ours, reference = Words(pattern).search(text), re.compile(pattern, re.IGNORECASE).search(text)
    assert (ours and (ours.span(), ours.group())) == (reference and (reference.span(), reference.group()))


@pytest.mark.parametrize("pattern", [r"a\s+b", r"\Sx", "caf\u00e9"])
def test_a_pattern_where_ascii_and_unicode_rules_differ_is_refused(pattern):
    with pytest.raises(ValueError, match="ASCII without"):
        Words(pattern)
