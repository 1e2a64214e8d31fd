"""What each sanitization method achieves on which media, in NIST SP 800-88 levels.

Shared knowledge, not a rule: DPA502 judges a disposal clause by it, the clearinghouse tells
parents in plain words how far their child's data is really erased, and ``dpa-policy diff``
says whether a new method weakens the old one. All three read it from here.
"""

from __future__ import annotations

from .disposal import Sanitization

#: Levels from none to the strongest; a higher rank is a stronger commitment.
LEVEL_RANK = {None: 0, "clear": 1, "purge": 2, "destroy": 3}

_DESTROY = {"shred", "disintegrate", "pulverize", "incinerate", "melt"}

# The best NIST SP 800-88 level each method can reach on each kind of media (DOMAIN.md §4):
# overwriting is Clear on magnetic media only and unreliable on flash (wear levelling);
# degaussing is Purge for magnetic media (Rev. 1) and useless on flash; cryptographic erase
# and ATA Secure Erase are Purge; sanitize block erase is Purge for flash; physical
# destruction is Destroy. A plain delete reaches no level at all.
CAPABILITY: dict[str, dict[str, str | None]] = {
    "delete": {},
    "factory_reset": {"flash": "clear"},
    "single_pass_overwrite": {"magnetic": "clear"},
    "multi_pass_overwrite": {"magnetic": "clear"},
    "ata_secure_erase": {"magnetic": "purge", "flash": "purge"},
    "block_erase": {"flash": "purge"},
    "cryptographic_erase": {"magnetic": "purge", "flash": "purge"},
    "degauss": {"magnetic": "purge"},
    **{m: {"magnetic": "destroy", "flash": "destroy", "optical": "destroy", "paper": "destroy"} for m in _DESTROY},
}


def achievable(entry: Sanitization) -> str | None:
    """The level a method reaches on its media. Unspecified media may be magnetic or flash,
    so it gets the weaker of the two results."""
    table = CAPABILITY[entry.method]
    if entry.media == "unspecified":
        levels = [table.get("magnetic"), table.get("flash")]
        return min(levels, key=lambda level: LEVEL_RANK[level])
    return table.get(entry.media)


def effective(entry: Sanitization) -> str | None:
    """What the contract commits to: the method's reach, capped by the level it claims."""
    reach = achievable(entry)
    if entry.level is not None and LEVEL_RANK[entry.level] < LEVEL_RANK[reach]:
        return entry.level
    return reach
