"""NDPA v2 style: decimal section numbers, "days" defined as calendar days, an Exhibit H that
amends the breach window, check boxes as Word symbol-font glyphs. Rendered as DOCX."""

from .blocks import BREAK, frameworks_table, h, p, schedule_rows, sig, title

NAME = "ndpa-v2-northwind"
FORMAT = "docx"
MARKS = "sym"  # ticks as w:sym Wingdings glyphs, as Word writes them
HEADER = "Student Data Privacy Agreement (NDPA v2.1) - Standard"

BLOCKS = [
    title("STUDENT DATA PRIVACY AGREEMENT"),
    p("NDPA Standard Version 2.1"),
    p('This Student Data Privacy Agreement ("DPA") is made by and between Maple Grove Public Schools, '
      '2250 Lakeshore Drive, Maple Grove, Minnesota 55369 (the "LEA") and Northwind Math Labs LLC, '
      '17 Pine Street, Portland, Oregon 97204 (the "Provider"). This DPA is effective as of September 1, 2025 '
      'and remains in effect until June 30, 2028.'),
    h("1.1 School Official Designation"),
    p("The Provider acts as a school official with a legitimate educational interest and is under the direct "
      "control of the LEA with respect to the use and maintenance of Student Data."),
    h("1.2 Definitions"),
    p('Unless the context requires otherwise, all references to "days" in this DPA mean calendar days.'),
    h("2.1 Student Data Property of LEA"),
    p("All Student Data remains the property of and under the control of the LEA. The Provider receives no "
      "right, title or interest in Student Data other than the limited right to use it to provide the "
      "Services."),
    h("2.2 Parent Access"),
    p("The Provider shall respond to the LEA's request to let a parent or eligible student inspect Student "
      "Data within forty-five (45) days of the request, and shall help the LEA correct inaccurate data."),
    h("2.3 Subprocessors"),
    p("The Provider shall bind each Subprocessor by written agreement to protect Student Data in a manner no "
      "less stringent than this DPA. Subprocessors shall not sell Student Data. The Provider's current "
      "Subprocessors are: Amazon Web Services, Inc.; Twilio Inc."),
    h("4.1 Privacy Compliance"),
    p("The Provider shall comply with FERPA, COPPA and the Protection of Pupil Rights Amendment, and with all "
      "other applicable state privacy laws."),
    h("4.2 Authorized Use"),
    p("The Provider shall use Student Data solely to provide the Services described in Exhibit A."),
    h("4.3 Employee Obligation"),
    p("The Provider shall limit access to Student Data to employees who need it to provide the Services, "
      "shall have them sign confidentiality agreements, and shall train them annually on data privacy and "
      "security."),
    h("4.5 De-Identified Data"),
    p("The Provider may use de-identified Student Data for product development and research. The Provider "
      "shall not attempt to re-identify de-identified Student Data."),
    h("4.6 Disposition of Data"),
    p("Upon the LEA's written request, the Provider shall dispose of Student Data within sixty (60) days of "
      "the request. Upon termination or expiration of this DPA, the Provider shall dispose of all Student Data "
      "within sixty (60) days unless the LEA directs otherwise. Disposal of electronic media shall be by "
      "cryptographic erase or block erase of flash media, meeting the Purge level of NIST SP 800-88 Rev. 1; "
      "paper records shall be destroyed by cross-cut shredding. The Provider shall certify the disposal in "
      "writing to the LEA."),
    h("4.7 Advertising Limitations"),
    p("The Provider shall not sell, rent or trade Student Data, and shall not use Student Data to inform, "
      "influence or enable targeted advertising, or to develop a profile of a student for any purpose other "
      "than providing the Services."),
    h("5.1 Data Storage"),
    p("Student Data shall be stored only in the United States."),
    h("5.2 Audits"),
    p("The LEA may audit the Provider's privacy and security measures once per year on thirty (30) days' "
      "written notice."),
    h("5.3 Data Security"),
    p("The Provider shall encrypt Student Data in transit and at rest and shall maintain a security program "
      "aligned with the NIST Cybersecurity Framework Version 2.0."),
    h("5.4 Data Breach"),
    p("The Provider shall notify the LEA within seventy-two (72) hours of confirmation of a breach of Student "
      "Data. The Provider shall maintain an incident response plan."),
    h("7.3 Governing Law"),
    p("This DPA is governed by the laws of the State of Minnesota."),
    h("7.4 Termination"),
    p("The LEA may terminate this DPA if the Provider materially breaches it."),
    BREAK,
    sig(("LEA", "Maple Grove Public Schools"), ("By", "Alicia Moreno"), ("Date", "August 20, 2025")),
    sig(("Provider", "Northwind Math Labs LLC"), ("By", "Tom Becker"), ("Date", "August 22, 2025")),
    BREAK,
    h("EXHIBIT A - DESCRIPTION OF SERVICES"),
    p("Northwind Math is an adaptive mathematics practice platform for grades 3-8 that gives teachers reports "
      "on each student's progress."),
    BREAK,
    h("EXHIBIT B - SCHEDULE OF DATA"),
    schedule_rows({
        ("Student Name", "First and/or Last"),
        ("Student Contact Information", "Email"),
        ("Enrollment", "Student grade level"),
        ("Assessment", "Standardized test scores"),
        ("Student In App Performance", "Program/application performance"),
        ("Parent/Guardian Contact Information", "Email"),
    }),
    BREAK,
    h("EXHIBIT F - DATA SECURITY REQUIREMENTS"),
    frameworks_table({"NIST Cybersecurity Framework Version 2.0"}),
    BREAK,
    h("EXHIBIT H - ADDITIONAL TERMS OR MODIFICATIONS"),
    p("Section 5.4 is amended as follows: the Provider shall notify the LEA within forty-eight (48) hours of "
      "discovery of a breach of Student Data."),
]

EXPECTED = {
    "title": "STUDENT DATA PRIVACY AGREEMENT",
    "parties.district.name": "Maple Grove Public Schools",
    "parties.district.state": "MN",
    "parties.vendor.name": "Northwind Math Labs LLC",
    "products.name": "Northwind Math",
    "term.effective": "2025-09-01",
    "term.expires": "2028-06-30",
    "term.governing_state": "MN",
    "term.model": "ndpa",
    "term.model_version": "2.1",
    "data.student.elements": ["student_name.first_last", "student_contact.email", "enrollment.grade_level",
                              "assessment.standardized_test_scores",
                              "student_in_app_performance.program_performance"],
    "data.parent_guardian.elements": ["parent_contact.email"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.ownership.vendor_rights_limited_to_service": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.window": "45 calendar days",
    "clauses.parent_access.correction": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.subprocessors.no_sale": True,
    "clauses.subprocessors.named": ["Amazon Web Services, Inc.", "Twilio Inc."],
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "ppra"],
    "clauses.confidentiality.employees_bound": True,
    "clauses.confidentiality.training_required": True,
    "clauses.confidentiality.access_limited_to_need": True,
    "clauses.deidentified_data.permitted": True,
    "clauses.deidentified_data.reidentification_prohibited": True,
    "clauses.disposal.on_request": {"within": "60 calendar days"},
    "clauses.disposal.at_termination": {"within": "60 calendar days"},
    "clauses.disposal.sanitization": ["flash/cryptographic_erase/purge/nist_800_88_r1",
                                      "flash/block_erase/purge/nist_800_88_r1", "paper/shred"],
    "clauses.disposal.written_certification": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.storage.location": "us_only",
    "clauses.audit.district_may_audit": True,
    "clauses.audit.per_year": 1,
    "clauses.audit.notice": "30 calendar days",
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.security.frameworks": ["nist_csf_2_0"],
    "clauses.breach_notification.window": "48 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.incident_response_plan": True,
    "clauses.termination.for_material_breach": True,
    "attachments": ["exhibit_h_modifications"],
}

CITATIONS = {
    "breach_notification": "Exhibit H",
    "audit": "Section 5.2",
    "ownership": "Section 2.1",
    "storage": "Section 5.1",
}
