"""Washington pack: the SUPER Act, RCW 28A.604, as two rules (WAS101, WAS401) and the ``wa``
preset that joins automatically for agreements governed by Washington law.
"""
