"""Maryland pack: Education Article 4-131 (student data privacy), as two rules (MDS401,
MDS402) and the ``md`` preset that joins automatically for agreements governed by Maryland
law. DOMAIN.md marks Maryland's deletion and breach duties unconfirmed, so they are not
checked (see :mod:`dpa_policy.packs.md.rules`).
"""
