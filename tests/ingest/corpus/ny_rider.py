"""A New York agreement: NDPA-style body plus a New York rider (Exhibit G) that overrides the
breach clock, a Parents' Bill of Rights and the supplemental information. Rendered as PDF."""

from .blocks import BREAK, h, p, sig, title

NAME = "ny-rider-quill"
FORMAT = "pdf"
HEADER = "Hudson Valley Union Free School District - Data Privacy Agreement"

BLOCKS = [
    title("DATA PRIVACY AGREEMENT"),
    p("MA-ME-NH-RI-VT-NY-NDPA Standard Version 1.0"),
    p('This Data Privacy Agreement ("DPA") is entered into by and between Hudson Valley Union Free School '
      'District, 12 Ridge Road, Beacon, New York 12508 (the "Educational Agency" or "LEA") and Quill Writing '
      'Co., 500 Grand Avenue, Oakland, California 94610 (the "Provider"). Agreement No. HV-2025-0193. This DPA '
      'takes effect on July 1, 2025 and shall expire on June 30, 2026.'),
    h("ARTICLE II: DATA OWNERSHIP"),
    p("1. Student Data Property of LEA. All Student Data is and remains the property of the LEA."),
    h("ARTICLE IV: DUTIES OF PROVIDER"),
    p("1. Privacy Compliance. The Provider shall comply with FERPA, COPPA and New York Education Law Section "
      "2-d and its regulations at 8 NYCRR Part 121."),
    p("2. Authorized Use. The Provider shall use Student Data only to provide the writing feedback services "
      "described in Exhibit A."),
    p("3. Disposition of Data. Upon the LEA's written request, the Provider shall return and then securely "
      "delete all Student Data within thirty (30) calendar days of the request."),
    p("4. Advertising Limitations. Student Data shall not be sold, and the Provider shall not use Student Data "
      "for any commercial or marketing purpose."),
    h("ARTICLE V: DATA PROVISIONS"),
    p("1. Data Security. The Provider shall encrypt personally identifiable information while in motion and at "
      "rest, and shall align its safeguards with the NIST Cybersecurity Framework."),
    p("2. Data Breach. The Provider shall notify the LEA within seventy-two (72) hours of confirmation of a "
      "breach of Student Data."),
    h("ARTICLE VII: MISCELLANEOUS"),
    p("1. Governing Law. This DPA shall be governed by and construed in accordance with the laws of the State "
      "of New York."),
    p("2. Termination. Either party may terminate this DPA upon a material breach by the other party."),
    BREAK,
    sig(("LEA", "Hudson Valley Union Free School District"), ("By", "R. Okafor"), ("Date", "06/20/2025")),
    sig(("Provider", "Quill Writing Co."), ("By", "S. Patel"), ("Date", "06/24/2025")),
    BREAK,
    h("EXHIBIT A - DESCRIPTION OF SERVICES"),
    p("Quill Feedback is a writing platform that gives students in grades 6-12 feedback on their essays."),
    BREAK,
    h("EXHIBIT G - SUPPLEMENTAL STATE TERMS FOR NEW YORK"),
    p("1. Breach Notification. Notwithstanding Article V, Section 2, the Provider shall notify the Educational "
      "Agency of any breach of Student Data in the most expedient way possible and without unreasonable delay "
      "but no more than seven (7) calendar days after the discovery of the breach."),
    p("2. Costs. Where a breach is attributable to the Provider, the Provider shall pay for or promptly "
      "reimburse the Educational Agency for the full cost of notification."),
    p("3. No Sale. The Provider shall not sell personally identifiable information or use or disclose it for "
      "any marketing or commercial purpose."),
    p("4. Parents' Bill of Rights. The Parents' Bill of Rights for Data Privacy and Security is attached and "
      "incorporated into this DPA."),
    BREAK,
    h("PARENTS' BILL OF RIGHTS FOR DATA PRIVACY AND SECURITY"),
    p("A student's personally identifiable information cannot be sold or released for any commercial purpose. "
      "Parents have the right to inspect and review the complete contents of their child's education record."),
    BREAK,
    h("SUPPLEMENTAL INFORMATION"),
    p("Exclusive purposes: the Provider will use the data only to give writing feedback. Data is stored in "
      "the United States and protected using encryption while in motion and at rest."),
]

EXPECTED = {
    "id": "HV-2025-0193",
    "title": "DATA PRIVACY AGREEMENT",
    "parties.district.name": "Hudson Valley Union Free School District",
    "parties.district.state": "NY",
    "parties.vendor.name": "Quill Writing Co.",
    "products.name": "Quill Feedback",
    "term.effective": "2025-07-01",
    "term.expires": "2026-06-30",
    "term.governing_state": "NY",
    "term.model": "ndpa",
    "term.model_version": "1.0",
    "clauses.ownership.district_owns": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "ny_ed_law_2d"],
    "clauses.disposal.on_request": {"within": "30 calendar days"},
    "clauses.disposal.return_before_disposal": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.marketing": True,
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.breach_notification.window": "7 calendar days",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.termination.for_material_breach": True,
    "attachments": ["exhibit_g_state_terms", "parents_bill_of_rights", "supplemental_information"],
    "state_terms": ["NY"],
    "state_terms.NY.statute": None,
    "state_terms.NY.terms.breach_window": "7 calendar days",
    "state_terms.NY.terms.breach_trigger": "discovery",
    "state_terms.NY.terms.no_sale": True,
    "state_terms.NY.terms.parents_bill_of_rights": True,
}

CITATIONS = {
    "breach_notification": "Exhibit G, Section 1",
    "disposal": "Article IV, Section 3",
}
