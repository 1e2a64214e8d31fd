"""State law packs shipped with dpa-policy, one subpackage per state.

Each pack has the shape of a third-party pack (plugins/dpa-policy-sdpc-regional):
``plugin.py`` with the hook implementations, ``rules.py`` (or a ``rules`` package), a preset
in ``presets/<state>.yaml`` that declares ``applies_to: {governing_state: [XX]}`` (so the
default policy adds it for agreements governed by that state's law), golden cases in
``rule_cases/`` and a base agreement in ``testdata/``. docs/packs.md lists them all. They are registered by :data:`dpa_policy.plugins.BUILTIN_PACKS` under the
state's lower-case code, so ``--disable-plugin fl`` and ``dpa-policy verify fl`` name them
as they would an installed pack.

Every legal fact comes from the project's domain fact sheet (DOMAIN.md), with its confidence
tag: [P] primary text read, [V] verbatim contract text, [S] secondary source only, [U]
unconfirmed. A rule whose basis is [S] says so in its documentation; nothing marked [U] is
checked.
"""
