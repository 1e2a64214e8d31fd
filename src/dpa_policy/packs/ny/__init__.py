"""New York pack: Education Law section 2-d and the Commissioner's regulations, 8 NYCRR Part
121, as six rules (NYS201, NYS301, NYS302, NYS401, NYS601, NYS602) and the ``ny`` preset that
joins automatically for agreements governed by New York law.
"""
