"""dpa-policy-ct: the Connecticut rule pack for dpa-policy.

Connecticut's student data privacy law, C.G.S. 10-234aa to 10-234dd, as CTSxxx rules, a
``ct`` preset that joins automatically for agreements governed by Connecticut law
(``state_packs: auto``), and golden cases for ``dpa-policy verify ct``. dpa-policy loads
the pack through the ``ct`` entry point of the ``dpa_policy`` group (``dpa_policy_ct.plugin``).
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str):
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dpa-policy-ct")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'dpa_policy_ct' has no attribute {name!r}")
