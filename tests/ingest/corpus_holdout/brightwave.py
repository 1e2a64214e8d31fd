"""Vendor paper saved as plain text: a vendor's privacy terms for schools, numbered "4.1" with
no "Section" word, written as "we" and "you". Sale is allowed with the school's consent (not
a prohibition), "shall not be required to" negations, storage in two named countries, a
breach window in words alone ("five business days"), "days" without calendar or business."""

from .blocks import h, p, title

NAME = "holdout-brightwave-terms"
FORMAT = "txt"
STYLE = "text"
HEADER = ""

BLOCKS = [
    title("BRIGHTWAVE EDUCATION PRIVACY TERMS FOR SCHOOLS"),
    p("Last updated: March 3, 2025"),
    p('These Privacy Terms for Schools ("Terms") form part of the agreement between Brightwave Learning, Inc. '
      '("Brightwave", "we", "us" or "our") and the school or school district that subscribes to our services '
      '("Customer" or "you").'),
    h("1. SCOPE"),
    p('1.1 Services. These Terms apply to Brightwave Tutor, our online tutoring service, and to any related '
      'mobile apps (together, the "Service").'),
    h("2. STUDENT DATA"),
    p("2.1 Ownership. As between you and us, you own all Student Data."),
    p("2.2 Our use. We use Student Data only to provide, maintain and support the Service for you."),
    p("2.3 No sale without consent. Brightwave may sell or license Student Data to a third party only with the "
      "prior written consent of the Customer."),
    p("2.4 Advertising. We do not use Student Data to target advertising to students. We may show contextual "
      "advertisements that are not based on Student Data."),
    p("2.5 Sharing. Except as required by law, we do not disclose Student Data to third parties other than our "
      "service providers, who process it on our behalf under written obligations at least as protective as "
      "these Terms."),
    p("2.6 De-identified data. We may use de-identified and aggregated data to improve our products, and we will "
      "not attempt to re-identify it."),
    h("3. SECURITY"),
    p("3.1 Encryption. We encrypt Student Data in transit using TLS 1.2 or higher and at rest using AES-256."),
    p("3.2 Location. Student Data is hosted in the United States or Canada."),
    p("3.3 Staff. Access to Student Data is limited to Brightwave personnel who need it to support the Service."),
    h("4. SECURITY INCIDENTS"),
    p("4.1 Notice. We will notify you within five business days after we confirm a Security Incident affecting "
      "your Student Data."),
    p("4.2 Families. Brightwave shall not be required to notify parents or students directly. You are "
      "responsible for any notice to families that applicable law requires."),
    h("5. DELETION"),
    p("5.1 When your subscription ends, we will delete Student Data within ninety (90) days, except where we "
      "must keep it to comply with law."),
    p("5.2 You may ask us to delete specific Student Data at any time by writing to privacy@brightwave.example; "
      "we will do so within thirty (30) days."),
    p("5.3 Certificates. Brightwave shall not be required to provide a certificate of deletion."),
    h("6. AUDITS AND ASSESSMENTS"),
    p("6.1 You may not conduct on-site audits of Brightwave. On request, once per year, we will provide you with "
      "a summary of our most recent independent security assessment."),
    h("7. CHANGES OF CONTROL"),
    p("7.1 If Brightwave is acquired or merges with another company, Student Data may be transferred to the "
      "acquirer, which will be bound by these Terms. We will notify you of the transaction by email."),
    h("8. GENERAL"),
    p("8.1 Governing law. These Terms are governed by the laws of the State of California."),
    p("8.2 Conflicts. If these Terms conflict with a data privacy agreement that you and Brightwave have both "
      "signed, the signed data privacy agreement controls."),
    p("8.3 Laws. We comply with FERPA and COPPA as they apply to the Service."),
]

EXPECTED = {
    "title": "BRIGHTWAVE EDUCATION PRIVACY TERMS FOR SCHOOLS",
    "parties.vendor.name": "Brightwave Learning, Inc.",
    "parties.district.name": None,
    "products.name": "Brightwave Tutor",
    "term.effective": None,  # "Last updated" is no effective date
    "term.governing_state": "CA",
    "term.model": "custom",
    "clauses.ownership.district_owns": True,
    "clauses.data_use.prohibits.sale": None,  # allowed with consent: neither prohibited nor freely allowed
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.redisclosure": "to_subprocessors_only",
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.deidentified_data.permitted": True,
    "clauses.deidentified_data.reidentification_prohibited": True,
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.storage.location": "named_countries",
    "clauses.storage.countries": ["US", "CA"],
    "clauses.confidentiality.access_limited_to_need": True,
    "clauses.breach_notification.window": "5 business days",
    "clauses.breach_notification.trigger": "confirmation",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.disposal.at_termination": {},  # "ninety (90) days": calendar or business is not said
    "clauses.disposal.on_request": {},
    "clauses.disposal.written_certification": False,
    "clauses.audit.district_may_audit": False,
    "clauses.audit.per_year": None,  # "once per year" is for the assessment summary, not audits
    "clauses.sale_or_merger.data_may_transfer": True,
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.sale_or_merger.notice_to_district": True,
    "clauses.precedence.over_vendor_terms": None,
    "clauses.legal_compliance.laws": ["ferpa", "coppa"],
}

REQUIRED_NOT_STATED = ["parties.district", "term.effective"]
