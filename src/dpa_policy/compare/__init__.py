"""Agreement against agreement: what changed between two versions, and what it means.

The comparison is semantic: the two agreements are loaded into the models and compared term
by term, never as text. Every change is classified from the district's point of view:

- ``WEAKENED``: an obligation the vendor owed is weaker or gone (a longer breach window, a
  later trigger, a prohibition or certification lost, a clause removed...);
- ``EXPANDED``: more data is shared or used (a data element, purpose or subprocessor added;
  sensitive elements say so);
- ``CHANGED``: neutral (a party's contact, the expiry date, a clause's wording alone);
- ``STRENGTHENED``: an obligation is stronger or new;
- ``NARROWED``: less data is shared or used.

Durations compare conservatively, as everywhere in this checker: a new window is weakened
unless it provably fits in the old one (``Duration.within``), so "72 hours" to "3 business
days" is weakened (3 business days can span 5 calendar days).

Both versions are also checked with the same policy (each resolved for its own governing
state), and every rule whose verdict flipped between pass and fail is listed with its
findings.

:mod:`.changes` compares the terms (with :mod:`.classify`, how each kind of term is judged),
:mod:`.flips` checks both versions and builds the whole :class:`~.flips.DiffReport`, and
:mod:`.sources` loads the two versions (files, or a file at a git revision).
:mod:`dpa_policy.render.diff` lays a report out as text or Markdown.
"""
