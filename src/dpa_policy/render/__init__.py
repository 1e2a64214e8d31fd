"""Documents for people, each from a finished run or comparison: the counsel report
(:mod:`.counsel`), the parents' clearinghouse (:mod:`.clearinghouse`), the diff report
(:mod:`.diff`) and the rule and policy listings (:mod:`.explain`).

Renderers only lay out what they are given and escape every text for their format; they read
no files but their own templates and write nothing (the commands write, through
:mod:`dpa_policy.output`).
"""
