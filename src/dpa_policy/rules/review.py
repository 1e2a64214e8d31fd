"""DPA12x: what the tool cannot decide, sent to a person instead of passed.

Each finding here has the outcome "review" (needs legal review): the agreement is not shown to
break a rule, but a check it needs could not be made, so it is never a pass. By default a
review finding is an error and fails the run like any other; a policy may lower every review
finding's severity (``review: {severity: warning}``), and the verdict still says "needs
review".
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.ndpa_version import ndpa_edition
from ..model.vocabulary import US_STATE_NAMES
from ..rule import Rule, RuleOptions, RunContext


class GoverningStateStated(Rule):
    """The agreement must name the state whose law governs it, or state law goes unchecked.

    What it checks
        ``term.governing_state`` is present. When it is absent every other rule still runs,
        but no state pack can join, so this finding says that state law was not checked.

    Why it matters
        Most of a DPA's hard numbers come from state law (New York's 7 days, Illinois's 30,
        Florida's 10). An agreement that names no governing state would otherwise pass
        without any of them being checked.

    Legal basis (confidence as in DOMAIN.md §1.8, §2)
        - NDPA Art. VII: the agreement is governed by the law of the LEA's state (unconfirmed:
          the article's text was not read [U]); the state laws of DOMAIN.md §2 bind agreements
          with districts in their state, with the confidence each pack gives.

    Options
        none.

    Passing example::

        term: {governing_state: FL}

    Failing example::

        term: {effective: 2024-07-01, model: custom}   # no governing_state
    """

    code = "DPA121"
    slug = "governing-state-stated"
    outcome = "review"
    tags = ("review",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        if agreement.term.governing_state is None:
            district_state = agreement.parties.district.state
            hint = f" (the district is in {district_state})" if district_state else ""
            yield Violation(
                ("term", "governing_state"),
                "the agreement names no governing state (term.governing_state is absent): state law was not "
                f"checked{hint}; a person must decide which state's law applies",
                observed="not stated", required="a governing state",
            )

    def model_clause(self, options: RuleOptions) -> str:
        return "This Agreement is governed by and construed in accordance with the laws of the State of [state]."


class StatePackAvailable(Rule):
    """The governing state's law must be checked by an installed rule pack.

    What it checks
        ``term.governing_state`` is a state whose law a pack checks in this run: a pack that
        ships with dpa-policy or is installed (``dpa-policy plugins`` lists them), joined by
        ``state_packs: auto`` or named under ``by_state``. A state with no pack, or whose pack
        is turned off (``--disable-plugin``), is a review finding naming the state.

    Why it matters
        Passing the NDPA baseline says nothing about the governing state's own statute. An
        agreement under Maryland or Ohio law, with no pack for it, would otherwise pass as if
        its state law had been checked.

    Legal basis (confidence as in DOMAIN.md §2)
        - State student-privacy laws differ (DOMAIN.md §2.1-§2.14); which ones a run checks
          is the installed packs' business, and this rule says when none does.

    Options
        none.

    Passing example::

        term: {governing_state: FL}   # the fl pack ships with dpa-policy

    Failing example::

        term: {governing_state: OH}   # no pack checks Ohio law
    """

    code = "DPA122"
    slug = "state-pack-available"
    outcome = "review"
    tags = ("review",)

    def check(self, agreement: Agreement, options: RuleOptions, context: RunContext) -> Iterator[Violation]:
        state = agreement.term.governing_state
        if state is None or state in context.states_with_packs:
            return  # no state at all is DPA121's finding
        name = US_STATE_NAMES.get(state, state)
        yield Violation(
            ("term", "governing_state"),
            f"no rule pack for {state}: {name} law was not checked; a person must review the agreement "
            f"against it (or install a pack for {state})",
            observed=state, required="a rule pack for the governing state",
        )

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider shall comply with the student data privacy laws of the State of [state] that apply to "
                "Student Data, and the Supplemental State Terms for that state (Exhibit G) are part of this "
                "Agreement.")


class DraftConfirmed(Rule):
    """An imported agreement must be confirmed by a person before it can pass.

    What it checks
        ``review.status`` is not ``draft``, and an agreement that records the document it was
        imported from (``source``) has ``review: {status: confirmed}`` (with ``reviewer`` and
        ``reviewed_on``). A draft, or an import nobody confirmed, is a review finding.

    Why it matters
        An importer reads terms out of a PDF or a web page, and can misread them. Until a
        person has checked every term against the pages cited, a pass would rest on the
        importer's reading, not on the contract.

    Legal basis (the agreement's own record)
        - None in law: a rule of evidence. The verdict must rest on terms a person confirmed.

    Options
        none.

    Passing example::

        review: {status: confirmed, reviewer: "J. Ruiz, General Counsel", reviewed_on: 2026-10-02}

    Failing example::

        review: {status: draft}
    """

    code = "DPA123"
    slug = "draft-confirmed"
    outcome = "review"
    tags = ("review",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        review, source = agreement.review, agreement.source
        if review is not None and review.status == "draft":
            origin = f" from {source.file}" if source is not None else ""
            yield Violation(
                ("review", "status"),
                f"the agreement is an imported draft{origin} that no person has confirmed against the contract "
                "(review.status is draft)",
                observed="draft", required="confirmed by a person (review.status: confirmed)",
            )
        elif source is not None and review is None:
            yield Violation(
                ("source",),
                f"the agreement was imported from {source.file} and no person has confirmed it against the "
                "contract (review is absent)",
                observed="not reviewed", required="confirmed by a person (review.status: confirmed)",
            )

    def model_clause(self, options: RuleOptions) -> None:
        # No contract language fixes this: a person confirms the record against the signed contract.
        return None


class NdpaVersionKnown(Rule):
    """An NDPA agreement must name an NDPA version the checker knows (1.x or 2.x).

    What it checks
        When ``term.model`` is ``ndpa``, ``term.model_version`` is present and reads as a 1.x
        or 2.x version ("1.0", "v1r6", "Standard Version 1.0", "2.2"). Otherwise the ``ndpa``
        preset cannot tell which edition's Standard Clauses apply, and held the agreement to
        v2, the stricter one: a review finding.

    Why it matters
        NDPA v1 and v2 differ in disposal at termination and number their sections
        differently; judging a v1 agreement by v2 (or the reverse) can fail or pass the wrong
        terms.

    Legal basis (confidence as in DOMAIN.md §1.1, §1.7)
        - NDPA v1 and v2.x Standard Clauses differ at least in disposal at termination
          (v1 "reasonable prior notice" [V]; v2.x 60 days, from secondary sources and
          unconfirmed [S/U]) and in section numbers.

    Options
        none.

    Passing example::

        term: {model: ndpa, model_version: "2.2"}

    Failing example::

        term: {model: ndpa, model_version: "3.0"}
    """

    code = "DPA124"
    slug = "ndpa-version-known"
    outcome = "review"
    tags = ("review",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        term = agreement.term
        if term.model != "ndpa" or ndpa_edition(term.model, term.model_version) != "unknown":
            return
        if term.model_version is None:
            message = "the agreement follows the NDPA but states no version (term.model_version is absent)"
            observed = "not stated"
        else:
            message = f"NDPA version {term.model_version!r} is neither 1.x nor 2.x"
            observed = term.model_version
        yield Violation(
            ("term", "model_version"),
            message + ": which edition's Standard Clauses apply cannot be told, and it was held to v2",
            observed=observed, required="an NDPA version 1.x or 2.x",
        )

    def model_clause(self, options: RuleOptions) -> str:
        return ("This Agreement is the Student Data Privacy Consortium's National Data Privacy Agreement, "
                "[Standard Version number], as its cover page states.")


RULES = [GoverningStateStated, StatePackAvailable, DraftConfirmed, NdpaVersionKnown]
