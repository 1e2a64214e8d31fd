"""Plain words for parents: what each term of an agreement means, in sentences a family reads
without a lawyer, and the small formatters the clearinghouse page uses (dates in the one style
every dpa-policy page uses, links only for http(s) URLs and plain email addresses)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import datetime

LINK_LABELS = {"privacy_policy": "Privacy policy", "terms_of_service": "Terms of service", "website": "Website"}


# (prohibited, allowed, not stated) for each data-use prohibition, in the page's order.
PROHIBITIONS: dict[str, tuple[str, str, str]] = {
    "sale": ("Never sold.", "May be sold: the agreement allows it.",
             "The agreement does not say whether the data may be sold."),
    "targeted_advertising": ("Not used for targeted advertising.",
                             "May be used for targeted advertising: the agreement allows it.",
                             "The agreement does not say whether the data may be used for targeted advertising."),
    "marketing": ("Not used to market products to students or families.",
                  "May be used to market products to students or families: the agreement allows it.",
                  "The agreement does not say whether the data may be used to market products to students "
                  "or families."),
    "non_educational_profiling": ("Not used to build a profile of a student for anything but school purposes.",
                                  "May be used to build profiles for purposes other than school: the agreement "
                                  "allows it.",
                                  "The agreement does not say whether the data may be used to build profiles "
                                  "for purposes other than school."),
    "commercial_product_development": ("Not used to develop commercial products.",
                                       "May be used to develop commercial products: the agreement allows it.",
                                       "The agreement does not say whether the data may be used to develop "
                                       "commercial products."),
}

REDISCLOSURE = {
    "prohibited_without_consent": "Not passed on to anyone else without consent.",
    "to_subprocessors_only": "Passed on only to the company's own service providers, who are bound by the same terms.",
    "permitted": "May be passed on to others: the agreement allows it.",
    None: "The agreement does not say whether the data may be passed on to others.",
}

CARVE_OUTS = {
    "adaptive_learning": "Adjusting lessons and practice to each student's answers (adaptive learning).",
    "contextual_advertising": "Advertising based only on what is on the screen, not on who the student is "
                              "(contextual advertising).",
    "product_notices_to_account_holders": "Notices about the product to the people who hold an account.",
    "recommendations_to_staff": "Recommendations to the student's teachers and school staff.",
}

MEDIA = {
    "magnetic": "Hard drives and tapes (magnetic media)",
    "flash": "Solid-state drives and flash storage",
    "optical": "CDs and DVDs (optical media)",
    "paper": "Paper records",
    "unspecified": "Any storage (the agreement does not say which)",
}

METHODS = {
    "delete": "Deleting the files",
    "factory_reset": "Resetting the device to factory settings",
    "single_pass_overwrite": "Overwriting the data once",
    "multi_pass_overwrite": "Overwriting the data several times",
    "ata_secure_erase": "The drive's built-in Secure Erase command",
    "block_erase": "The drive's built-in sanitize (block erase) command",
    "cryptographic_erase": "Cryptographic erase: destroying the keys the data is encrypted with",
    "degauss": "Degaussing: erasing the media with a strong magnet",
    "shred": "Shredding",
    "disintegrate": "Disintegrating the media",
    "pulverize": "Pulverizing the media",
    "incinerate": "Burning the media",
    "melt": "Melting the media",
}

LEVELS = {
    "destroy": "NIST Destroy: the storage itself is destroyed, so nothing can be recovered.",
    "purge": "NIST Purge: the data cannot be recovered, even with laboratory tools.",
    "clear": "NIST Clear: safe from ordinary recovery tools, but not from laboratory recovery.",
    None: "No NIST SP 800-88 level: the data may still be recoverable.",
}

STANDARDS = {
    "nist_800_88_r1": "NIST SP 800-88 Rev. 1",
    "nist_800_88_r2": "NIST SP 800-88 Rev. 2",
    "ieee_2883": "IEEE 2883",
    "dod_5220_22_m": "DoD 5220.22-M (a retired standard)",
}

MODELS = {
    "ndpa": "the Student Data Privacy Consortium's National Data Privacy Agreement",
    "state_dpa": "a state data privacy agreement",
    "custom": "the district's or the company's own contract",
}


def plain_date(value: "datetime.date") -> str:
    """``2026-02-01`` -> "February 1, 2026": the counsel report's style too (render.dates)."""
    from ..dates import long_date

    return long_date(value)


def safe_mailto(value: str | None) -> str | None:
    """A ``mailto:`` link for a plain email address, else None: only the characters an
    ordinary address uses, so no "?cc=" or "&body=" can ride along into the parent's mail."""
    import re

    if not value or not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", value):
        return None
    return f"mailto:{value}"


def safe_url(value: str | None) -> str | None:
    """The URL when it may become a link (http or https with a host), else None."""
    import urllib.parse

    if not value:
        return None
    try:
        parsed = urllib.parse.urlsplit(value.strip())
    except ValueError:
        return None
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in value.strip()):
        return None
    return value.strip()


def slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
