"""Florida pack: Fla. Stat. 1006.1494 (student online personal information), 1002.222
(information schools may not collect) and 501.171 (breach notice by a third-party agent), as
five rules (FLS201, FLS401, FLS402, FLS501, FLS701) and the ``fl`` preset that joins
automatically for agreements governed by Florida law.
"""
