"""Hook implementations of the Utah pack, registered as the built-in plugin ``ut``.

Its hooks are the ones every shipped pack provides (``.._hooks``): the rules, imported only when
the registry is built; presets/ut.yaml, which declares applies_to: {governing_state: [UT]},
so a policy with `state_packs: auto` (the default policy) adds it for agreements governed by
Utah law; and the golden cases in rule_cases/.
"""

from __future__ import annotations

from .._hooks import pack_hooks

dpa_policy_rules, dpa_policy_presets, dpa_policy_rule_cases = pack_hooks(__package__, "ut")
