"""WASxxx: Washington's Student User Privacy in Education Rights (SUPER) Act, RCW 28A.604.

Checked: access and correction (28A.604.020) and the provider prohibitions (28A.604.030),
both read in the statute [P]. Not checked: prominent notice before material privacy-policy
changes (.020) and consent for materially inconsistent uses (.030), which have no term in the
agreement format, and security and deletion (.040), which was not retrieved [U]. Facts and
confidence come from DOMAIN.md §2.10.
"""

from __future__ import annotations

from .._common import ProhibitionsRule, Term, TermsRequiredRule, prohibitions_options

STATE = "WA"

_REVIEW = Term("parents_may_review", "that students and parents may access the student's data",
               "students and parents may not access the student's data",
               "students and parents may access the student's data")
_CORRECT = Term("correction", "that inaccurate data may be corrected", "inaccurate data may not be corrected",
                "inaccurate data may be corrected")


class WaAccessAndCorrection(TermsRequiredRule):
    """Washington: students and parents can access and correct the student's data.

    What it checks
        ``clauses.parent_access`` is present and states ``parents_may_review: true`` and
        ``correction: true``. Each term that is not stated or false is its own finding; an
        absent clause is one finding. Access through the school (as the NDPA arranges it)
        counts; the time allowed (``window``) is not judged, since the statute sets no
        number in DOMAIN.md.

    Why it matters
        The SUPER Act gives students and parents a way to see and fix what a provider holds
        about a student; the contract is where the provider commits to support it.

    Legal basis (confidence as in DOMAIN.md §2.10)
        - RCW 28A.604.020: providers give clear information about their practices, prominent
          notice before material privacy-policy changes, and access to and correction of
          student personal information [P].

    Options
        none.

    Passing example::

        parent_access:
          citation: Article II, Section 2
          text: Students and parents may review the student's data and have errors corrected
            through the LEA.
          parents_may_review: true
          correction: true

    Failing example (access without correction)::

        parent_access:
          citation: Section 6
          text: Parents may ask the school for a copy of their child's data.
          parents_may_review: true
    """

    code = "WAS101"
    slug = "wa-access-and-correction"
    clause = "parent_access"
    tags = ("wa",)
    TERMS = (_REVIEW, _CORRECT)
    BASIS = "RCW 28A.604.020"
    ABSENT_REQUIRED = "access to and correction of student personal information"


class WaProviderProhibitions(ProhibitionsRule):
    """Washington: no sale, no targeted advertising, no non-school student profiles.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: sale, targeted_advertising,
        non_educational_profiling). A Washington state-terms entry with ``no_sale: true`` or
        ``no_targeted_advertising: true`` makes that prohibition as well. Each prohibition
        not made is its own finding; an absent ``data_use`` clause is one finding.
        Contextual advertising and adaptive learning are not targeted advertising under the
        Act, so those carve-outs are no finding.

    Why it matters
        The Act forbids these uses of student personal information; a contract that repeats
        them gives the district its own remedy.

    Legal basis (confidence as in DOMAIN.md §2.10)
        - RCW 28A.604.030: use only for authorized purposes; no sale (mergers excepted), no
          targeted advertising to students, no profiles except for authorized purposes [P].
        - RCW 28A.604.010: contextual advertising and adaptive learning are not "targeted
          advertising" [P].

    Options
        ``required_prohibitions`` (default: sale, targeted_advertising,
        non_educational_profiling).

    Passing example::

        data_use:
          citation: Article IV, Section 7
          text: Provider shall not sell student data, use it for targeted advertising, or
            build a profile of a student except for school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (sale allowed)::

        data_use:
          citation: Section 4
          text: Vendor may sell aggregate student data.
          prohibits: {sale: false, targeted_advertising: true, non_educational_profiling: true}
    """

    code = "WAS401"
    slug = "wa-provider-prohibitions"
    tags = ("wa",)
    STATE = STATE
    BASIS = "RCW 28A.604.030"

    Options = prohibitions_options("sale", "targeted_advertising", "non_educational_profiling")


RULES = [WaAccessAndCorrection, WaProviderProhibitions]
