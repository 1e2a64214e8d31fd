"""Weak vendor paper: the vendor's own terms, "we" and "you", a promptly-only breach notice,
an audit replaced by a report, the vendor's terms winning conflicts. Rendered as PDF."""

from .blocks import h, p, title

NAME = "vendor-paper-brightpath"
FORMAT = "pdf"
HEADER = "Brightpath Labs Student Data Terms"

BLOCKS = [
    title("BRIGHTPATH STUDENT DATA TERMS"),
    p('These Student Data Terms ("Terms") are between Brightpath Labs, Inc. ("Brightpath", "we", "us") and '
      'the school or district that accepts them ("School", "you"). They apply to the Brightpath Quiz service.'),
    h("1. Your Data"),
    p("You own the student data you upload. You grant us a perpetual, irrevocable license to use de-identified "
      "and aggregated data to improve our products."),
    h("2. How We Use Data"),
    p("We use student data to provide and improve the service. We do not sell student data. We may use "
      "information about how students use the service to show personalized ads to teachers and parents."),
    h("3. Sharing"),
    p("We may share student data with our business partners to offer related services."),
    h("4. Security"),
    p("We encrypt data in transit. Data may be processed in any country where we or our service providers "
      "operate."),
    h("5. Security Incidents"),
    p("If we learn of unauthorized access to student data, we will notify you promptly."),
    h("6. Deletion"),
    p("After your account is closed, we will delete student data within sixty days, unless we are required to "
      "keep it."),
    h("7. Audits"),
    p("In lieu of an on-site audit, we will provide a summary of our most recent security assessment on "
      "request."),
    h("8. Conflicts"),
    p("If these Terms conflict with our Terms of Service, our Terms of Service will control."),
    h("9. Law"),
    p("These Terms are governed by the laws of the State of Delaware."),
]

EXPECTED = {
    "title": "BRIGHTPATH STUDENT DATA TERMS",
    "parties.vendor.name": "Brightpath Labs, Inc.",
    "products.name": "Brightpath Quiz",  # "They apply to the Brightpath Quiz service."
    "parties.district.name": None,
    "term.effective": None,
    "term.governing_state": "DE",
    "term.model": "custom",
    "clauses.ownership.district_owns": True,
    "clauses.ownership.vendor_rights_limited_to_service": False,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": False,
    "clauses.data_use.redisclosure": "permitted",
    "clauses.security.encryption_in_transit": True,
    "clauses.security.encryption_at_rest": None,
    "clauses.storage.location": "anywhere",
    "clauses.breach_notification.window": None,
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.trigger": "discovery",  # "If we learn of unauthorized access ..."
    "clauses.disposal.at_termination": {},
    "clauses.audit.district_may_audit": False,
    "clauses.precedence.over_vendor_terms": False,
}

CITATIONS = {
    "audit": "Section 7",
    "breach_notification": "Section 5",
}
