"""An NDPA-structured agreement for a Florida district, as DOCX with "ARTICLE V. DATA PROVISIONS"
headings and run-in "Section 3. Data Breach." clauses; Exhibit B ticked with a plain "X" typed
in the cell; an Exhibit G for Florida citing "section 1006.1494, Florida Statutes"; an Exhibit H
that modifies the breach clause ("no later than 48 hours after discovery"); "within five
business days" for parent access; effective on the date of the last signature."""

from .blocks import BREAK, h, p, runin, table, title

NAME = "holdout-gulfview-tidepool"
FORMAT = "docx"
STYLE = "docx"
HEADER = "Gulfview County School Board - National Data Privacy Agreement"

BLOCKS = [
    title("STUDENT DATA PRIVACY AGREEMENT"),
    p("National Data Privacy Agreement, Version 1.0"),
    p('This Student Data Privacy Agreement ("DPA") is entered into by and between the Gulfview County School '
      'Board, 1400 Bayshore Boulevard, Gulfview, Florida 33950 (the "LEA") and Tidepool Reading Company, 3100 '
      'Peachtree Road, Atlanta, Georgia 30305 (the "Provider"), and is effective as of the date of the last '
      'signature below.'),
    h("ARTICLE I. PURPOSE AND SCOPE"),
    runin("Section 1. Purpose.", "The purpose of this DPA is to describe the duties of the Provider to protect "
          "Student Data in accordance with FERPA, COPPA, PPRA and applicable Florida law."),
    runin("Section 2. Services.", "The Provider will provide the services described in Exhibit A."),
    h("ARTICLE II. DATA OWNERSHIP AND AUTHORIZED ACCESS"),
    runin("Section 1. Ownership.", "All Student Data remains the property of the LEA and under its control."),
    runin("Section 2. Parent Access.", "The Provider shall, within five business days of a request from the LEA, "
          "provide the LEA with the Student Data a parent has asked to review, and shall assist the LEA in "
          "correcting any inaccurate Student Data."),
    runin("Section 3. Subprocessors.", "The Provider shall enter into written agreements with all Subprocessors "
          "under which the Subprocessors agree to protect Student Data in a manner no less stringent than this "
          "DPA."),
    h("ARTICLE III. DUTIES OF THE LEA"),
    runin("Section 1. Data in Compliance.", "The LEA shall provide Student Data to the Provider in compliance with "
          "FERPA."),
    h("ARTICLE IV. DUTIES OF THE PROVIDER"),
    runin("Section 1. Authorized Use.", "The Provider shall use Student Data only for the purposes of providing "
          "the Services."),
    runin("Section 2. Employee Obligations.", "The Provider shall require all employees who have access to "
          "Student Data to comply with all applicable provisions of this DPA."),
    runin("Section 3. No Disclosure.", "The Provider shall not redisclose Student Data to any third party without "
          "the prior written consent of the LEA, except as required by law or to Subprocessors performing "
          "services for the Provider."),
    runin("Section 4. De-Identified Data.", "The Provider may use De-Identified Data for the development of its "
          "products and for research, and shall not attempt to re-identify De-Identified Data."),
    runin("Section 5. Advertising.", "The Provider is prohibited from using, disclosing or selling Student Data to "
          "(a) inform, influence or enable targeted advertising, or (b) develop a profile of a student for any "
          "purpose other than providing the Services. This Section does not prohibit the Provider from using "
          "Student Data for adaptive learning or customized student learning."),
    runin("Section 6. Storage.", "Student Data shall be stored within the United States."),
    h("ARTICLE V. DATA PROVISIONS"),
    runin("Section 1. Data Security.", "The Provider shall maintain a security program aligned with NIST SP 800-53 "
          "and shall encrypt Student Data in transit."),
    runin("Section 2. Audits.", "No more than once a year, or following unauthorized access, the LEA may audit the "
          "Provider's security and privacy measures upon ten (10) business days' notice, subject to a mutually "
          "agreed confidentiality agreement."),
    runin("Section 3. Data Breach.", "In the event of an unauthorized release, disclosure or acquisition of "
          "Student Data, the Provider shall notify the LEA within seventy-two (72) hours of confirmation of the "
          "incident, unless notification within this time limit would disrupt a law enforcement investigation. "
          "The Provider shall not be required to notify the LEA of unsuccessful attempts to access Student Data. "
          "The Provider shall maintain an incident response plan."),
    h("ARTICLE VII. MISCELLANEOUS"),
    runin("Section 1. Termination.", "Either party may terminate this DPA if the other party materially breaches "
          "it."),
    runin("Section 2. Priority.", "In the event of a conflict between this DPA and the Provider's terms of service "
          "or privacy policy, this DPA shall apply and take precedence."),
    runin("Section 3. Governing Law.", "This DPA shall be governed by and construed in accordance with the laws of "
          "the State of Florida."),
    runin("Section 4. Successors.", "In the event the Provider sells, merges or otherwise disposes of its business "
          "to a successor, the Provider shall give written notice to the LEA no later than sixty (60) calendar "
          "days after the closing date, and the successor shall assume the obligations of this DPA."),
    p("Gulfview County School Board"),
    p("By: Maria Santos, Superintendent"),
    p("Date: August 4, 2025"),
    p("Tidepool Reading Company"),
    p("By: Alan Cho, President"),
    p("Date: July 30, 2025"),
    BREAK,
    h("EXHIBIT A \u2013 DESCRIPTION OF SERVICES"),
    p("Tidepool Reader \u2013 a digital library and reading-comprehension program for grades K through 5."),
    h("EXHIBIT B \u2013 SCHEDULE OF DATA"),
    table(("Category of Data", "Elements", "Check if Used by Your System"), [
        ("Student Name", "First and/or Last", "X"),
        ("Student Identifiers", "Local (School district) ID number", "X"),
        ("", "State ID number", ""),
        ("Enrollment", "Student grade level", "X"),
        ("Demographics", "Date of Birth", ""),
        ("Student In App Performance", "Program/application performance", "X"),
        ("Parent/Guardian Contact Information", "Email", "X"),
    ]),
    BREAK,
    h("EXHIBIT G \u2013 SUPPLEMENTAL STATE TERMS FOR FLORIDA"),
    runin("1. Compliance.", "The Provider shall comply with section 1006.1494, Florida Statutes."),
    runin("2. Prohibited Uses.", "The Provider shall not sell Student Data or use it for targeted advertising."),
    h("EXHIBIT H \u2013 ADDITIONAL TERMS OR MODIFICATIONS"),
    p("Article V, Section 3 is modified so that the Provider shall notify the LEA no later than 48 hours after "
      "discovery of any unauthorized release, disclosure or acquisition of Student Data."),
]

EXPECTED = {
    "title": "STUDENT DATA PRIVACY AGREEMENT",
    "parties.district.name": "Gulfview County School Board",
    "parties.district.state": "FL",
    "parties.vendor.name": "Tidepool Reading Company",
    "products.name": "Tidepool Reader",
    "term.effective": "2025-08-04",
    "term.governing_state": "FL",
    "term.model": "ndpa",
    "term.model_version": "1.0",
    "data.student.elements": ["student_name.first_last", "student_identifiers.local_id", "enrollment.grade_level",
                              "student_in_app_performance.program_performance"],
    "data.parent_guardian.elements": ["parent_contact.email"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.window": "5 business days",
    "clauses.parent_access.correction": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.confidentiality.employees_bound": True,
    "clauses.data_use.redisclosure": "prohibited_without_consent",
    "clauses.deidentified_data.permitted": True,
    "clauses.deidentified_data.reidentification_prohibited": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.carve_outs": ["adaptive_learning"],
    "clauses.storage.location": "us_only",
    "clauses.security.frameworks": ["nist_800_53"],
    "clauses.security.encryption_in_transit": True,
    "clauses.audit.district_may_audit": True,
    "clauses.audit.per_year": 1,
    "clauses.audit.after_unauthorized_access": True,
    "clauses.audit.notice": "10 business days",
    "clauses.audit.confidentiality_agreement_required": True,
    "clauses.breach_notification.window": "48 hours",  # Exhibit H modifies Article V, Section 3
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.law_enforcement_delay": True,
    "clauses.breach_notification.incident_response_plan": True,
    "clauses.breach_notification.recipients": ["district"],
    "clauses.termination.for_material_breach": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.sale_or_merger.notice_to_district": True,
    "clauses.sale_or_merger.notice": "60 calendar days",
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "ppra"],
    "clauses.legal_compliance.other_laws": ["section 1006.1494, Florida Statutes"],
    "attachments": ["exhibit_g_state_terms", "exhibit_h_modifications"],
    "state_terms": ["FL"],
    "state_terms.FL.statute": "section 1006.1494, Florida Statutes",
    "state_terms.FL.terms.no_sale": True,
    "state_terms.FL.terms.no_targeted_advertising": True,
    "clauses.security.encryption_at_rest": None,
}

REQUIRED_NOT_STATED: list[str] = []
