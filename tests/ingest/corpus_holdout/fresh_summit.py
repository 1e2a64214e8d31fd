"""Fresh set: a Colorado district's agreement as a Times PDF in outline numbering ("II. VENDOR
OBLIGATIONS", "A. Permitted Use."), a named subcontractor list, "within seventy-two hours after
discovering", an exhibit answered "Y"/"N"."""

from .blocks import BREAK, h, lines, p, table, title

NAME = "fresh-summit-peak-lexigo"
FORMAT = "pdf"
STYLE = "table_pdf"
HEADER = "Summit Peak School District RE-3 - Data Privacy and Security Agreement"

BLOCKS = [
    title("DATA PRIVACY AND SECURITY AGREEMENT"),
    p('This Data Privacy and Security Agreement is entered into as of July 15, 2025 by and between Summit Peak School '
      'District RE-3, 1100 Aspen Drive, Frisco, Colorado 80443 (the "District"), and Lexigo Inc., 600 Congress '
      'Avenue, Austin, Texas 78701 ("Vendor").'),
    h("I. DEFINITIONS"),
    p('A. "Student Data" means any information about an identifiable student that the Vendor receives from the '
      'District or collects through the Lexigo platform.'),
    h("II. VENDOR OBLIGATIONS"),
    p("A. Permitted Use. Vendor shall use Student Data only to provide the Lexigo vocabulary platform to the "
      "District."),
    p("B. Prohibited Uses. Vendor shall not (1) sell Student Data; (2) use Student Data for targeted advertising; "
      "or (3) use Student Data to develop commercial products unrelated to the services."),
    p("C. Employees. Vendor shall ensure that employees with access to Student Data are subject to written "
      "confidentiality obligations and receive annual privacy training."),
    p("D. Subcontractors. Vendor shall not disclose Student Data to subcontractors unless they agree in writing to "
      "restrictions at least as stringent as those in this Agreement. The Vendor's current subcontractors are: "
      "Google LLC; Zendesk, Inc."),
    h("III. SECURITY"),
    p("A. Vendor shall maintain a security program consistent with NIST SP 800-171 and encrypt Student Data at rest "
      "and in transit."),
    p("B. Student Data shall be stored only within the United States."),
    h("IV. DATA BREACH"),
    p("A. Vendor shall notify the District in writing within seventy-two hours after discovering a security breach "
      "affecting Student Data."),
    p("B. The notice shall include a description of the breach, the types of Student Data affected, and the name "
      "and contact information of a Vendor representative."),
    h("V. RETENTION AND DESTRUCTION"),
    p("A. Upon the District's request, Vendor shall destroy Student Data within thirty (30) calendar days."),
    p("B. Vendor shall destroy all Student Data no later than ninety (90) calendar days after this Agreement "
      "terminates, and shall certify the destruction in writing."),
    h("VI. PARENTAL RIGHTS"),
    p("A. Vendor shall assist the District, within ten (10) business days of a request, in responding to a parent's "
      "request to inspect and review his or her child's Student Data, and to correct inaccurate Student Data."),
    h("VII. MISCELLANEOUS"),
    p("A. This Agreement is governed by the laws of the State of Colorado."),
    p("B. Vendor shall comply with FERPA and the Colorado Student Data Transparency and Security Act, C.R.S. "
      "\u00a7 22-16-101 et seq."),
    p("C. This Agreement expires on June 30, 2027."),
    p("D. In the event of any inconsistency between this Agreement and Vendor's Terms of Service, this Agreement "
      "shall prevail."),
    lines("DISTRICT: Summit Peak School District RE-3", "Date: 07/15/2025", "VENDOR: Lexigo Inc.",
          "Date: 07/14/2025"),
    BREAK,
    h("EXHIBIT A \u2013 DATA ELEMENTS"),
    table(("Data Element", "Collected (Y/N)"), [
        ("Student name", "Y"),
        ("Student email", "Y"),
        ("Grade level", "Y"),
        ("Student app username", "Y"),
        ("Date of birth", "N"),
    ]),
]

EXPECTED = {
    "title": "DATA PRIVACY AND SECURITY AGREEMENT",
    "parties.district.name": "Summit Peak School District RE-3",
    "parties.district.state": "CO",
    "parties.vendor.name": "Lexigo Inc.",
    "products.name": "Lexigo",
    "term.effective": "2025-07-15",
    "term.expires": "2027-06-30",
    "term.governing_state": "CO",
    "term.model": "custom",
    "data.student.elements": ["student_name.first_last", "student_contact.email", "enrollment.grade_level",
                              "student_identifiers.app_username"],
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.commercial_product_development": True,
    "clauses.confidentiality.employees_bound": True,
    "clauses.confidentiality.training_required": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.subprocessors.named": ["Google LLC", "Zendesk, Inc."],
    "clauses.security.frameworks": ["nist_800_171"],
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.storage.location": "us_only",
    "clauses.breach_notification.window": "72 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["incident_description", "information_types", "reporter_contact"],
    "clauses.disposal.on_request": {"within": "30 calendar days"},
    "clauses.disposal.at_termination": {"within": "90 calendar days"},
    "clauses.disposal.written_certification": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.window": "10 business days",
    "clauses.parent_access.correction": True,
    "clauses.legal_compliance.laws": ["ferpa", "co_student_data_act"],
    "clauses.precedence.over_vendor_terms": True,
}

REQUIRED_NOT_STATED: list[str] = []
