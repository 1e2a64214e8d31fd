"""Illinois pack: the Student Online Personal Protection Act (SOPPA), 105 ILCS 85, as seven
rules (ILS101-ILS601) on what the written agreement must contain, the breach notice and its
costs, deletion and security, and the ``il`` preset that joins automatically for agreements
governed by Illinois law.
"""
