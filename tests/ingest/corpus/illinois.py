"""An Illinois NDPA (v1 numbering) with Exhibit G for SOPPA: the state term's 30-day breach
window stays in state_terms while the body's 72 hours is the clause; breach costs come from
Exhibit G. Rendered as DOCX with legacy Word form-field check boxes."""

from .blocks import BREAK, h, p, schedule_rows, sig, title

NAME = "illinois-soppa-redfox"
FORMAT = "docx"
MARKS = "formfield"
HEADER = "Illinois NDPA Standard Version 1.0"

BLOCKS = [
    title("ILLINOIS STUDENT DATA PRIVACY AGREEMENT"),
    p("Illinois National Data Privacy Agreement (IL-NDPA) Standard Version 1.0"),
    p('This Student Data Privacy Agreement ("DPA") is entered into by and between Prairie Ridge Community Unit '
      'School District 210, 300 Oak Lane, Champaign, Illinois 61820 (the "Local Education Agency" or "LEA") and '
      'RedFox Reading, Inc., 120 Wacker Drive, Chicago, Illinois 60606 (the "Provider"). The Effective Date of '
      'this DPA is August 1, 2024.'),
    h("ARTICLE II: DATA OWNERSHIP AND AUTHORIZED ACCESS"),
    p("1. Student Data Property of LEA. All Student Data transmitted to the Provider is and will continue to "
      "be the property of and under the control of the LEA."),
    p("2. Subprocessors. Provider shall enter into written agreements with all Subprocessors whereby the "
      "Subprocessors agree to protect Student Data in a manner no less stringent than the terms of this DPA."),
    h("ARTICLE IV: DUTIES OF PROVIDER"),
    p("1. Privacy Compliance. The Provider shall comply with all applicable laws, including FERPA, COPPA and "
      "the Illinois Student Online Personal Protection Act (105 ILCS 85)."),
    p("2. Disposition of Data. Upon written request from the LEA, Provider shall dispose of Student Data "
      "within sixty (60) days of the request."),
    h("ARTICLE V: DATA PROVISIONS"),
    p("1. Audits. No more than once a year, upon receipt of a written request from the LEA with at least ten "
      "(10) business days' notice, the Provider will allow the LEA to audit its security and privacy "
      "measures."),
    p("2. Data Breach. The Provider shall provide notification to LEA within seventy-two (72) hours of "
      "confirmation of the incident."),
    h("ARTICLE VII: MISCELLANEOUS"),
    p("1. Governing Law. This DPA will be governed by and construed in accordance with the laws of the State "
      "of Illinois."),
    BREAK,
    sig(("LEA", "Prairie Ridge Community Unit School District 210"), ("By", "K. Brandt"),
        ("Date", "July 25, 2024")),
    sig(("Provider", "RedFox Reading, Inc."), ("By", "J. Osei"), ("Date", "July 29, 2024")),
    BREAK,
    h("EXHIBIT A - DESCRIPTION OF SERVICES"),
    p("RedFox Reader is a phonics and reading fluency program for students in kindergarten through grade 3."),
    BREAK,
    h("EXHIBIT B - SCHEDULE OF DATA"),
    schedule_rows({
        ("Student Name", "First and/or Last"),
        ("Enrollment", "Student grade level"),
        ("Special Indicator", "English language learner information"),
        ("Student In App Performance", "Program/application performance"),
        ("Student Identifiers", "Student app username"),
    }),
    BREAK,
    h("EXHIBIT E - GENERAL OFFER OF PRIVACY TERMS"),
    p("The Provider offers the same privacy protections found in this DPA to any other LEA in Illinois who "
      "signs this General Offer."),
    BREAK,
    h("EXHIBIT G - SUPPLEMENTAL SDPC STATE TERMS FOR ILLINOIS"),
    p("1. Compliance with Illinois Law. The Provider shall comply with the Student Online Personal Protection "
      "Act, 105 ILCS 85."),
    p("2. Breach. The Provider shall notify the LEA of a breach no later than thirty (30) calendar days after "
      "the determination that a breach has occurred."),
    p("3. Reimbursement of Expenses Associated with Security Breach. In the event of a breach attributable to "
      "the Provider, the Provider shall reimburse the LEA for the costs of breach notification and credit "
      "monitoring."),
    p("4. Sale and Advertising. The Provider shall not sell or rent Student Data and shall not use Student "
      "Data for targeted advertising."),
]

EXPECTED = {
    "title": "ILLINOIS STUDENT DATA PRIVACY AGREEMENT",
    "parties.district.name": "Prairie Ridge Community Unit School District 210",
    "parties.district.state": "IL",
    "parties.vendor.name": "RedFox Reading, Inc.",
    "products.name": "RedFox Reader",
    "term.effective": "2024-08-01",
    "term.governing_state": "IL",
    "term.model": "ndpa",
    "term.model_version": "1.0",
    "data.student.elements": ["student_name.first_last", "enrollment.grade_level",
                              "special_indicator.english_learner", "student_in_app_performance.program_performance",
                              "student_identifiers.app_username"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "il_soppa"],
    "clauses.disposal.on_request": {},
    "clauses.audit.district_may_audit": True,
    "clauses.audit.per_year": 1,
    "clauses.audit.notice": "10 business days",
    "clauses.breach_notification.window": "72 hours",
    "clauses.breach_notification.trigger": "confirmation",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "attachments": ["exhibit_e_general_offer", "exhibit_g_state_terms"],
    "state_terms": ["IL"],
    "state_terms.IL.statute": "105 ILCS 85",
    "state_terms.IL.terms.breach_window": "30 calendar days",
    "state_terms.IL.terms.breach_trigger": "determination",
    "state_terms.IL.terms.no_sale": True,
    "state_terms.IL.terms.no_targeted_advertising": True,
}

CITATIONS = {
    "breach_notification": "Article V, Section 2",
    "audit": "Article V, Section 1",
}
