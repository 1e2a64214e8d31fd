"""Corpora the importer was not written against, in drafting styles and layouts the development
corpus (tests/ingest/corpus/) never used.

- ``CONTRACTS``: the held-out six. Their expected values were written from the text, as a
  lawyer reads it, before the importer ran on them; the importer was then improved until it
  read them (docs/import.md, "Measured", has the scores before and after).
- ``FRESH``: three more, written after those improvements and never tuned against, so their
  score is the estimate for contracts nobody has seen.
"""

from . import (brightwave, cascade_falls, fresh_llano, fresh_passaic, fresh_summit, gulfview, hanover_ridge,
               norwich_falls, ridgeway)

CONTRACTS = [hanover_ridge, ridgeway, cascade_falls, brightwave, norwich_falls, gulfview]
FRESH = [fresh_passaic, fresh_llano, fresh_summit]
