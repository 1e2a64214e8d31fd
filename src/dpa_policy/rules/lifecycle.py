"""DPA11x: the agreement's life, judged as of the run's date (``--as-of``, default today).

An agreement that has expired, was terminated or has not yet taken effect covers no data
sharing, whatever its clauses say; one about to expire needs renewing; and once it has ended,
the data must be destroyed and the district should hold the vendor's certificate. Each rule
reads only the agreement's own dates and records (``term``, ``records``) and the run's
``as_of``: never today's date, so the same run on another day gives the same findings.

Dates are calendar dates and every bound is inclusive: an agreement that "expires 2025-01-31"
is in effect on 31 January 2025 and expired on 1 February. A window in business days is
counted at its longest (weekends added, public holidays not), so a deadline is called passed
only when it certainly has.
"""

from __future__ import annotations

import datetime
from typing import Iterator

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.duration import parse_duration
from ..model.lifecycle import days_spanned, ended, renews_automatically
from ..rule import DurationOption, Rule, RuleOptions, RunContext, Severity
from . import drafting


def _renews(agreement: Agreement) -> str:
    """" for 12-month periods" when stated, else ""."""
    renewal = agreement.term.renewal
    months = renewal.period_months if renewal is not None else None
    return f" for {months}-month periods" if months else ""


class AgreementInEffect(Rule):
    """The agreement must be in effect on the date the run judges as of.

    What it checks
        As of ``--as-of`` (default: today), ``term.effective`` is on or before that date,
        ``term.expires`` (when stated) is on or after it, and ``term.terminated`` (when
        recorded) is after it. An agreement that has expired, was terminated or has not yet
        taken effect is an error. When the stated term has ended but ``term.renewal.automatic``
        is ``true`` (and no termination is recorded), the agreement is in effect only if
        neither party stopped the renewal, which the record cannot tell: that finding needs
        review, and recording the renewal (a new ``term.expires``) settles it.

    Why it matters
        A district may share student data with a vendor only under an agreement in effect. An
        expired agreement that still passes every clause check, and is still published to
        parents as in effect, is a pass that is silently wrong.

    Legal basis (the agreement's own dates)
        - The agreement's term is a contract term (NDPA cover page and Art. VII; the CA-NDPA
          sets 3 years, known from a secondary source only [S]); the rule reads the dates the
          agreement records, not a legal number of its own.

    Options
        none.

    Passing example::

        term: {effective: 2024-07-01, expires: 2027-06-30}   # checked as of 2026-11-30

    Failing example::

        term: {effective: 2022-02-01, expires: 2025-01-31}   # expired 2025-01-31
    """

    code = "DPA111"
    slug = "agreement-in-effect"
    tags = ("lifecycle",)

    def check(self, agreement: Agreement, options: RuleOptions, context: RunContext) -> Iterator[Violation]:
        term, as_of = agreement.term, context.as_of
        if term.effective > as_of:
            yield Violation(
                ("term", "effective"),
                f"the agreement is not yet in effect on {as_of}: it takes effect on {term.effective}",
                observed=f"takes effect {term.effective}", required=f"in effect on {as_of}",
            )
            return
        end = ended(term, as_of)
        if end is None:
            return
        day, field = end
        if field == "terminated":
            yield Violation(
                ("term", "terminated"),
                f"the agreement was terminated on {day}; it is not in effect on {as_of}",
                observed=f"terminated {day}", required=f"in effect on {as_of}",
            )
        elif renews_automatically(term):
            yield Violation(
                ("term", "expires"),
                f"the stated term ended on {day} and the agreement renews automatically{_renews(agreement)}: "
                f"it is in effect on {as_of} only if no party stopped the renewal; record the renewal "
                "(the new term.expires) or the end",
                observed=f"term ended {day}, renews automatically", required=f"in effect on {as_of}",
                review=True,
            )
        else:
            yield Violation(
                ("term", "expires"),
                f"the agreement expired on {day}; it is not in effect on {as_of}",
                observed=f"expired {day}", required=f"in effect on {as_of}",
            )

    def model_clause(self, options: RuleOptions) -> str:
        # The fix is a term that covers the date: the parties choose the date, so it is left blank.
        return ("The term of this Agreement is extended through [end date]. Every other term of this Agreement "
                "continues to apply during the extended term.")


class ExpiringOptions(RuleOptions):
    #: Warn when the agreement ends within this long after the as-of date.
    window: DurationOption = parse_duration("90 calendar days")


class AgreementExpiring(Rule):
    """An agreement that ends soon is a warning, so it is renewed or replaced in time.

    What it checks
        As of ``--as-of``, the agreement is in effect and ends (``term.expires``, or a
        recorded future ``term.terminated``) within ``window`` (default 90 calendar days).
        When ``term.renewal.automatic`` is ``true`` the message says it renews by itself, and
        when ``term.renewal.notice`` is stated, the last day to give notice to stop it.

    Why it matters
        Renewing a DPA takes counsel review and often a vendor negotiation; an agreement that
        lapses unnoticed leaves data shared without one. An automatic renewal that nobody
        stops renews terms the district may no longer accept.

    Legal basis (the agreement's own dates)
        - Contract terms (term, renewal and notice) the agreement records; the 90-day window
          is this project's default, not a legal number.

    Options
        ``window`` (a duration, default ``90 calendar days``): how long before the end to warn.

    Passing example::

        term: {effective: 2024-07-01, expires: 2027-06-30}   # checked as of 2026-11-30

    Failing example::

        term: {effective: 2024-01-01, expires: 2026-12-31}   # ends in 31 days as of 2026-11-30
    """

    code = "DPA112"
    slug = "agreement-expiring"
    default_severity = Severity.WARNING
    tags = ("lifecycle",)
    Options = ExpiringOptions

    def check(self, agreement: Agreement, options: ExpiringOptions, context: RunContext) -> Iterator[Violation]:
        term, as_of = agreement.term, context.as_of
        if term.effective > as_of or ended(term, as_of) is not None:
            return  # DPA111's finding
        ends = [(term.expires, "expires", "expires")] if term.expires is not None else []
        if term.terminated is not None:
            ends.append((term.terminated, "terminated", "is terminated"))
        if not ends:
            return
        day, field, verb = min(ends)
        days = (day - as_of).days
        if days > days_spanned(options.window):
            return
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        message = f"the agreement {verb} on {day}, {when} (within {options.window})"
        renewal = term.renewal
        if field == "expires" and renewal is not None and renewal.automatic is True:
            message += f"; it renews automatically{_renews(agreement)} unless a party gives notice"
            if renewal.notice is not None:
                deadline = day - datetime.timedelta(days=days_spanned(renewal.notice))
                message += (f" ({renewal.notice} before the end: by {deadline})" if deadline >= as_of
                            else f" ({renewal.notice} before the end: the last day, {deadline}, has passed)")
        elif field == "expires" and renewal is not None and renewal.automatic is False:
            message += "; it renews only if the parties act"
        yield Violation(("term", field), message, observed=f"ends {day}",
                        required=f"in effect beyond {options.window} from {as_of}", option="window")

    def model_clause(self, options: ExpiringOptions) -> str:
        return ("This Agreement renews automatically for successive terms of [number] months unless either party "
                "gives the other written notice of non-renewal at least [number] calendar days before the end of "
                "the current term. Every other term of this Agreement continues to apply during each renewal term.")


class DisposalCertificateDue(Rule):
    """Once the agreement has ended and its disposal window has passed, the district must hold the vendor's certificate of disposal.

    What it checks
        As of ``--as-of``, when the agreement has ended (``term.expires`` passed or
        ``term.terminated`` recorded, with no automatic renewal pending) and
        ``clauses.disposal.at_termination.within`` has run from the end date, the date the
        district received the vendor's written certification of disposal is recorded in
        ``records.disposal_certificate_received``. A certificate due and not recorded is an
        error. When the contract sets no window for disposal at termination (the clause or
        the window is absent, or says only "promptly"), when the certificate is due cannot be
        told: a review finding, until the certificate is recorded.

    Why it matters
        After an agreement ends, the vendor must destroy the district's data; the certificate
        is the district's only evidence that it did. Without this check an ended agreement
        drops out of view while the data may still be held.

    Legal basis (confidence as in DOMAIN.md §1.3, §1.7, §2.3)
        - Disposal at termination: NDPA v1 Art. IV §6 "after reasonable prior notice", no day
          count [V]; NDPA v2.x 60 days, from secondary sources and unconfirmed [S/U]; the window
          the rule uses is the agreement's own.
        - Written certification is a common district term, not an NDPA Standard Clause [V];
          California Ed. Code 49073.1(b)(7), from a secondary source [S]. The rule asks whether
          the district recorded receiving one, whatever the contract says about it (DPA503
          judges the clause).

    Options
        none.

    Passing example::

        records: {disposal_certificate_received: 2025-03-14}

    Failing example::

        term: {expires: 2025-01-31}
        clauses: {disposal: {at_termination: {within: 60 calendar days}}}
        # as of 2026-11-30, and no records.disposal_certificate_received
    """

    code = "DPA113"
    slug = "disposal-certificate-due"
    clause = "disposal"
    tags = ("lifecycle", "disposal")

    def check(self, agreement: Agreement, options: RuleOptions, context: RunContext) -> Iterator[Violation]:
        as_of, term = context.as_of, agreement.term
        end = ended(term, as_of)
        if end is None:
            return
        day, field = end
        if field == "expires" and renews_automatically(term):
            return  # it may have renewed: DPA111 asks for review
        records = agreement.records
        if records is not None and records.disposal_certificate_received is not None:
            return
        ended_text = "was terminated" if field == "terminated" else "expired"
        disposal = agreement.clauses.disposal
        window = disposal.at_termination if disposal is not None else None
        if window is None or window.within is None:
            where = ("clauses", "disposal", "at_termination") if disposal is not None else ("clauses", "disposal")
            yield Violation(
                where,
                f"the agreement {ended_text} on {day} and the contract sets no window for disposal at "
                "termination, so when the certificate of disposal is due cannot be told; confirm with the "
                "vendor that the data was destroyed and record the certificate "
                "(records.disposal_certificate_received)",
                observed="no disposal window at termination", required="a certificate of disposal recorded",
                review=True,
            )
            return
        due = day + datetime.timedelta(days=days_spanned(window.within))
        if due > as_of:
            return
        yield Violation(
            ("term", field),
            f"the agreement {ended_text} on {day} and disposal was due within {window.within}, by {due}; "
            "no certificate of disposal is recorded as received (records.disposal_certificate_received is absent)",
            observed="not recorded", required=f"a certificate of disposal received by {due}",
        )

    def model_clause(self, options: RuleOptions) -> str:
        return (f"Within {drafting.BLANK_PERIOD} after this Agreement terminates or expires, Provider shall dispose "
                "of all Student Data obtained under it and deliver to the LEA a written certification of the "
                "disposal, signed by an authorized officer, stating the date and the method of disposal.")


RULES = [AgreementInEffect, AgreementExpiring, DisposalCertificateDue]
