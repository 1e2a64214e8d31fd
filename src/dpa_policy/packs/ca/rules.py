"""The California rules, in code order: Education Code 49073.1 (:mod:`.ed_code`) and SOPIPA,
Business and Professions Code 22584 (:mod:`.sopipa`). Imported by the ``dpa_policy_rules`` hook.
"""

from __future__ import annotations

from . import ed_code, sopipa

RULES = sorted([*ed_code.RULES, *sopipa.RULES], key=lambda rule: rule.code)

__all__ = ["RULES"]
