"""Virginia pack: Virginia Code 22.1-289.01 (school service providers), as two rules
(VAS401, VAS501) and the ``va`` preset that joins automatically for agreements governed by
Virginia law. Both rest on a secondary source [S].
"""
