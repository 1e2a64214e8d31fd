"""DPA5xx: disposal of data on request and at termination, sanitization standard, certification."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Literal

from pydantic import Field

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.duration import parse_duration
from ..model.sanitization import CAPABILITY, LEVEL_RANK, achievable, effective
from ..rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path
from ..model.contract_words import listing
from . import drafting

CLAUSE = "disposal"
#: The sanitization standards a policy may accept on their own (DoD 5220.22-M is allow_dod_alone's).
AcceptedStandard = Literal["nist_800_88_r1", "nist_800_88_r2", "ieee_2883"]

Level = Literal["clear", "purge", "destroy"]


class DisposalWindow(Rule):
    """Data must be disposed of within a set number of days, on request and at termination.

    What it checks
        ``clauses.disposal.on_request`` and ``clauses.disposal.at_termination`` are present,
        and their ``within`` is stated and fits within ``max_on_request`` and
        ``max_at_termination`` (default 60 calendar days each). With ``max_at_termination:
        null`` (the ``ndpa-v1`` preset) disposal at termination must be provided for, but
        no number of days is required. "Promptly" or "within a reasonable time" is not a
        number of days and is reported as not stated where one is required. Business-day
        windows are bounded conservatively (see DPA201). A finding about either window names
        the policy layer that set that window's maximum.

    Why it matters
        Data the vendor still holds after the district asked for it back, or after the
        contract ended, is data the district can no longer protect.

    Legal basis (confidence as in DOMAIN.md §0, §1.3, §1.7)
        - NDPA v1 Art. IV §6: disposal, or a mechanism for the LEA to transfer the data,
          within 60 days of the LEA's written request [V]; v2 §4.6 likewise [S].
        - At termination, NDPA v1 sets no day count (dispose "after providing the LEA with
          reasonable prior notice") [V]; NDPA v2.x: 60 days unless directed otherwise
          [S/U]. So 60 days at termination is a v2 term and, for v1 agreements, a district
          requirement (the ``district-additions`` preset), not an NDPA v1 term.
        - California Ed. Code 49073.1: certification that records are not retained after the
          contract ends [S]; Connecticut 10-234bb(a)(7): no retention after the contract [P].

    Options
        ``max_on_request`` (default "60 calendar days"), ``max_at_termination`` (default
        "60 calendar days"; null: at termination, no day count required).

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days of the LEA's written request...
          on_request: {within: 60 calendar days}
          at_termination: {within: 60 calendar days}

    Failing example (no day count at all)::

        disposal:
          citation: Section 9
          text: Vendor shall promptly return and dispose of all data on request.
          on_request: {citation: Section 9(a)}
    """

    code = "DPA501"
    slug = "disposal-window"
    clause = CLAUSE
    tags = ("disposal", "ndpa")

    class Options(RuleOptions):
        max_on_request: DurationOption = parse_duration("60 calendar days")
        max_at_termination: DurationOption | None = parse_duration("60 calendar days")

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.disposal
        at_end = "at termination" if options.max_at_termination is None else f"{options.max_at_termination} of termination"
        if clause is None:
            absent = clause_absent(CLAUSE, f"disposal within {options.max_on_request} of a request and {at_end}")
            yield replace(absent, option="max_on_request")  # the on-request term is the base requirement
            return
        for term, when, limit, option in (
            ("on_request", "on the district's request", options.max_on_request, "max_on_request"),
            ("at_termination", "at termination", options.max_at_termination, "max_at_termination"),
        ):
            window = getattr(clause, term)
            required = f"disposal {when}" + ("" if limit is None else f" within {limit}")
            if window is None:
                yield Violation(clause_path(CLAUSE, term),
                                f"the disposal clause does not provide for disposal {when} ({term} is absent)",
                                observed="absent", required=required, option=option)
            elif limit is None:
                continue
            elif window.within is None:
                yield Violation(clause_path(CLAUSE, term, "within"),
                                f"the disposal clause sets no number of days for disposal {when} "
                                f"({term}.within is absent; 'promptly' is not a deadline)",
                                observed="not stated", required=required, option=option)
            elif not window.within.within(limit):
                yield Violation(clause_path(CLAUSE, term, "within"),
                                f"disposal {when} within {window.within.describe_bound()} is longer than "
                                f"the policy maximum of {limit}",
                                observed=str(window.within), required=required, option=option)

    def model_clause(self, options: Options) -> str:
        return (drafting.disposal("on_request", options.max_on_request) + " "
                + drafting.disposal("at_termination", options.max_at_termination))


class SanitizationStandard(Rule):
    """Disposal must sanitize media to the policy's NIST SP 800-88 level.

    What it checks
        Every entry of ``clauses.disposal.sanitization`` reaches at least
        ``minimum_level`` (default Purge) on its media. Magnetic media may stop at Clear
        only when ``allow_clear_for_magnetic`` is true. The level an entry reaches is what
        its method can do on its media, capped by the level the contract claims:

        - single- or multi-pass overwrite: Clear at best, and on magnetic media only
          (unreliable on flash because of wear levelling); so on unspecified media it
          proves no level;
        - DoD 5220.22-M: a legacy name for multi-pass overwrite, so Clear on magnetic media
          at best. Naming it as the only standard is its own finding: the manual (the old
          NISPOM) never defined the 3-pass wipe, the DSS matrix that did stopped accepting
          overwrite in 2007, and 32 CFR Part 117 replaced the manual in 2021;
        - cryptographic erase, ATA Secure Erase: Purge; sanitize block erase: Purge on
          flash; degaussing: Purge on magnetic media (Rev. 1);
        - shred, disintegrate, pulverize, incinerate, melt: Destroy;
        - plain delete: no sanitization level.

        Media that is ``unspecified`` may be magnetic or flash, so an entry for it reaches
        only what its method reaches on both (block erase, which works on flash only, proves
        nothing on unspecified media). Naming a standard does not raise the level: the method
        and the media decide it. With ``require_flash_coverage`` (default true), at least one
        entry must cover flash or unspecified media, since hosted services store data on
        flash, unless the contract says the media listed are the only media holding the data
        (``sanitization_covers_all_media: true``): then "Clear on magnetic media" can pass
        with ``allow_clear_for_magnetic``. A level the contract claims but the method cannot
        reach is named in the finding when the entry fails; it is not a finding by itself.

    Why it matters
        "Securely deleted" means nothing without a method and media: a single overwrite pass
        leaves recoverable data on an SSD.

    Legal basis (confidence as in DOMAIN.md §1.7, §4)
        - NIST SP 800-88 defines Clear, Purge and Destroy [P]. Rev. 1 (Dec 2014) was
          withdrawn when Rev. 2 was published (September 2025 [P]; 26 Sept 2025 for both, per
          secondary sources [S]). Rev. 2 replaces technique-level detail with references to
          IEEE 2883, NSA specifications or an organisation's approved standard, except for
          cryptographic erase [P]. The method-to-level table this rule uses is Rev. 1's: a
          single overwrite is Clear for magnetic drives [S; Rev. 1's exact sentence is
          unconfirmed, U]; overwrite is not reliable on flash [S]; degaussing as Purge is
          Rev. 1 (secondary sources say Rev. 2 no longer counts it as Destroy [S]).
        - DoD 5220.22-M (the old NISPOM) never defined the 3-pass wipe; the DSS Clearing and
          Sanitization Matrix did, and stopped accepting overwrite for classified magnetic
          media in June 2007; 32 CFR Part 117 replaced the manual (effective 2021) [S]. It is
          not a current federal requirement [S]. Whether Part 117 points to NIST SP 800-88 is
          unconfirmed [U], so no message says so.
        - The NDPA names no sanitization standard [V]; the Purge minimum is the district's
          policy (the ``district-additions`` preset), not an NDPA term.
        - Standards named: when the agreement names standards other than DoD 5220.22-M and
          none of them is in ``accepted_standards``, the finding needs review. The
          ``district-additions`` preset stops accepting Rev. 1 alone from 2025-09-26, the
          withdrawal date secondary sources give [S] (NIST's own page says September 2025
          [P]). DOMAIN.md suggests a warning when a *new* agreement cites only Rev. 1 and says
          nothing about agreements signed before the withdrawal, so the finding asks a person
          (for example, to amend at renewal) rather than calling the contract broken; the
          method and media still decide the level reached. ``--as-of`` before that date
          judges as the policy did then.

    Options
        ``minimum_level`` (default purge), ``allow_clear_for_magnetic`` (default false),
        ``require_flash_coverage`` (default true), ``allow_dod_alone`` (default false),
        ``accepted_standards`` (default nist_800_88_r1, nist_800_88_r2, ieee_2883; DoD
        5220.22-M is ``allow_dod_alone``'s).

    Passing example::

        sanitization:
          - {media: flash, method: cryptographic_erase, level: purge, standard: nist_800_88_r2}
          - {media: paper, method: shred}

    Failing example (the seeds' "single pass overwrite Secure Erase" clause)::

        sanitization:
          - {media: unspecified, method: single_pass_overwrite}
    """

    code = "DPA502"
    slug = "sanitization-standard"
    clause = CLAUSE
    tags = ("disposal", "nist-800-88")

    class Options(RuleOptions):
        minimum_level: Level = "purge"
        allow_clear_for_magnetic: bool = False
        require_flash_coverage: bool = True
        allow_dod_alone: bool = False
        accepted_standards: list[AcceptedStandard] = Field(
            default_factory=lambda: ["nist_800_88_r1", "nist_800_88_r2", "ieee_2883"], min_length=1)

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.disposal
        if clause is None:
            yield clause_absent(CLAUSE, f"sanitization to NIST SP 800-88 {options.minimum_level.capitalize()}")
            return
        if not clause.sanitization:
            yield Violation(clause_path(CLAUSE, "sanitization"),
                            "the disposal clause names no sanitization method (sanitization is empty or absent)",
                            observed="not stated",
                            required=f"a method reaching NIST SP 800-88 {options.minimum_level.capitalize()}")
            return
        for index, entry in enumerate(clause.sanitization):
            minimum = options.minimum_level
            if entry.media == "magnetic" and options.allow_clear_for_magnetic:
                minimum = "clear"
            reached = effective(entry)
            if LEVEL_RANK[reached] >= LEVEL_RANK[minimum]:
                continue
            reach = achievable(entry)
            method = entry.method.replace("_", " ")
            if entry.media == "unspecified" and CAPABILITY[entry.method]:
                table = CAPABILITY[entry.method]
                best = ", ".join(f"{lvl.capitalize()} on {media} media" for media, lvl in sorted(table.items()))
                weak = [m for m in ("magnetic", "flash") if LEVEL_RANK[table.get(m)] < LEVEL_RANK[minimum]]
                detail = (f"{method} reaches at best {best}; the media is unspecified and may be "
                          f"{' or '.join(weak)}, where it "
                          + (f"reaches {reach.capitalize()}" if reach else "proves no NIST SP 800-88 level"))
            else:
                detail = f"{method} on {entry.media} media reaches "
                detail += f"NIST SP 800-88 {reach.capitalize()} at best" if reach else "no NIST SP 800-88 level"
            if entry.level is not None and LEVEL_RANK[entry.level] > LEVEL_RANK[reach]:
                detail += f", though the contract claims {entry.level.capitalize()}"
            elif entry.level is not None and LEVEL_RANK[entry.level] < LEVEL_RANK[reach]:
                detail += f", and the contract commits only to {entry.level.capitalize()}"
            yield Violation(
                clause_path(CLAUSE, "sanitization", index),
                f"{detail}; the policy requires {minimum.capitalize()}",
                observed=reached.capitalize() if reached else "no level",
                required=f"{minimum.capitalize()} on {entry.media} media",
            )
        standards = {e.standard for e in clause.sanitization if e.standard}
        if not options.allow_dod_alone and standards == {"dod_5220_22_m"}:
            index = next(i for i, e in enumerate(clause.sanitization) if e.standard)
            yield Violation(
                clause_path(CLAUSE, "sanitization", index, "standard"),
                "DoD 5220.22-M is the only standard named; the manual (the NISPOM) never defined the 3-pass "
                "wipe, the DSS matrix that did stopped accepting overwrite in 2007, and 32 CFR Part 117 "
                "replaced the manual in 2021",
                observed="dod_5220_22_m", required=_standards_text(options.accepted_standards),
            )
        named = sorted(standards - {"dod_5220_22_m"})
        if named and not set(named) & set(options.accepted_standards):
            index = next(i for i, e in enumerate(clause.sanitization) if e.standard in named)
            withdrawn = ("; NIST withdrew SP 800-88 Rev. 1 when it published Rev. 2 (September 2025), and whether "
                         "an agreement signed before then must be amended is for a person to decide"
                         if "nist_800_88_r1" in named else "")
            yield Violation(
                clause_path(CLAUSE, "sanitization", index, "standard"),
                f"the sanitization standards named ({', '.join(named)}) are not among those the policy accepts "
                f"on the date judged{withdrawn}",
                observed=", ".join(named), required=_standards_text(options.accepted_standards), review=True,
            )
        if (options.require_flash_coverage and clause.sanitization_covers_all_media is not True
                and not any(e.media in ("flash", "unspecified") for e in clause.sanitization)):
            yield Violation(
                clause_path(CLAUSE, "sanitization"),
                "no sanitization method covers flash or unspecified media, where hosted services keep data",
                observed=", ".join(sorted({e.media for e in clause.sanitization})),
                required="a method for flash (or unspecified) media",
            )

    def model_clause(self, options: Options) -> str:
        level = {
            "clear": "at least the Clear level",
            "purge": "at least the Purge level (for example, by cryptographic erase, the storage device's built-in "
                     "sanitize or secure erase command, or physical destruction)",
            "destroy": "the Destroy level (by shredding, disintegrating, pulverizing, incinerating, or melting the "
                       "media)",
        }[options.minimum_level]
        accepted = set(options.accepted_standards)
        standards = (["NIST Special Publication 800-88 (Guidelines for Media Sanitization)"]
                     if {"nist_800_88_r1", "nist_800_88_r2"} <= accepted else
                     [f"NIST Special Publication 800-88 Rev. {rev} (Guidelines for Media Sanitization)"
                      for rev, key in (("1", "nist_800_88_r1"), ("2", "nist_800_88_r2")) if key in accepted])
        standards += ["IEEE 2883"] if "ieee_2883" in accepted else []
        text = ("When Provider disposes of Student Data, it shall sanitize every medium that holds the data in "
                f"accordance with {listing(standards, 'or')}, to {level}")
        if options.allow_clear_for_magnetic and options.minimum_level != "clear":
            text += ", except that magnetic hard drives and tapes may be sanitized to at least the Clear level"
        text += "."
        if options.require_flash_coverage:
            text += (" This applies to every kind of storage, including solid-state drives, flash storage, and the "
                     "storage of any hosted or cloud service.")
        if options.minimum_level != "clear":
            text += " Deleting files, or overwriting solid-state or flash storage, does not meet this standard."
        if not options.allow_dod_alone:
            text += " A reference to DoD 5220.22-M does not by itself meet this standard."
        return text


def _standards_text(accepted: list[str]) -> str:
    """"NIST SP 800-88 (r1 or r2) or IEEE 2883", for the standards a policy accepts."""
    revisions = [r for r in ("r1", "r2") if f"nist_800_88_{r}" in accepted]
    parts = [f"NIST SP 800-88 ({' or '.join(revisions)})" if len(revisions) > 1 else f"NIST SP 800-88 {revisions[0]}"
             ] if revisions else []
    return " or ".join(parts + (["IEEE 2883"] if "ieee_2883" in accepted else []))


class DisposalCertification(Rule):
    """The vendor must certify disposal in writing.

    What it checks
        ``clauses.disposal.written_certification`` is ``true``.

    Why it matters
        Without a written certification the district cannot show a parent, auditor or
        regulator that the data is gone.

    Legal basis (confidence as in DOMAIN.md §1.3, §1.7, §2.3)
        - Not an NDPA Standard Clause: NDPA v1 Art. IV §6 requires neither a signed
          certificate nor written notice of disposal [V]. The rule is a common district
          requirement (the ``district-additions`` preset).
        - California Ed. Code 49073.1(b)(7): certification that pupil records are not
          retained after the contract [S] (the ``ca`` pack's CAS502).
        - NDPA Exhibit D carries a verification of disposition block [U for its fields];
          district DPAs commonly require the vendor to "certify in writing" [V], as a
          district clearinghouse page's disposal clause does.
        - NIST SP 800-88 Rev. 1 §4.8 describes a certificate of sanitization [S]; Rev. 1 is
          withdrawn (Rev. 2, September 2025 [P]).

    Options
        none.

    Passing example::

        written_certification: true

    Failing example::

        written_certification: false
    """

    code = "DPA503"
    slug = "disposal-certification"
    clause = CLAUSE
    tags = ("disposal",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.disposal
        if clause is None:
            yield clause_absent(CLAUSE, "written certification of disposal")
        elif clause.written_certification is not True:
            stated = clause.written_certification is not None
            yield Violation(
                clause_path(CLAUSE, "written_certification"),
                "the disposal clause "
                + ("does not require" if stated else "does not state")
                + " written certification of disposal",
                observed="false" if stated else "not stated",
                required="written certification of disposal",
            )

    def model_clause(self, options: RuleOptions) -> str:
        return drafting.written_certification(
            "that the Student Data has been disposed of, stating the date and the method of disposal")


RULES = [DisposalWindow, SanitizationStandard, DisposalCertification]
