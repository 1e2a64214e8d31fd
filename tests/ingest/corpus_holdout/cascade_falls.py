"""A Washington district's agreement with an Oregon vendor, as DOCX: "SECTION IV" with run-in
lettered paragraphs ("(b) Breach Notification."), cited "Section IV(b)"; parties named with
"by ... and ..." rather than "between"; governed by Oregon law although the district is in
Washington; an Exhibit B table with separate "Yes" and "No" columns marked "X"; negations
("shall not be required to").
"""

from .blocks import BREAK, h, p, runin, table, title

NAME = "holdout-cascade-falls-lumen"
FORMAT = "docx"
STYLE = "docx"
HEADER = "CFSD / Lumen Loop - Data Sharing and Privacy Agreement"

BLOCKS = [
    title("DATA SHARING AND PRIVACY AGREEMENT"),
    p("Contract Number: 25-0117"),
    p("THIS AGREEMENT is entered into this 15th day of August, 2025, by Cascade Falls School District No. 7, a "
      "Washington school district located at 2200 Fort Vancouver Way, Vancouver, Washington 98661 (\u201cCFSD\u201d), "
      "and Lumen Loop, Inc., an Oregon corporation located at 815 SW Alder Street, Portland, Oregon 97205 "
      "(\u201cCompany\u201d)."),
    h("SECTION I. PURPOSE"),
    runin("(a) Purpose.", "This Agreement governs Company's handling of CFSD Data in connection with the services "
          "described in Exhibit A."),
    h("SECTION II. TERM"),
    runin("(a) Term.", "This Agreement takes effect on the date it is signed by both parties and remains in force "
          "until June 30, 2026."),
    runin("(b) Extension.", "The parties may extend this Agreement for up to two additional one-year terms by "
          "mutual written agreement."),
    h("SECTION III. DATA OWNERSHIP AND ACCESS"),
    runin("(a) Ownership.", "All CFSD Data is and shall remain the property of CFSD."),
    runin("(b) Parent Requests.", "If a parent or guardian asks CFSD to review the parent's student's records held "
          "by Company, Company shall make the records available to CFSD within ten (10) business days of CFSD's "
          "request."),
    h("SECTION IV. DATA SECURITY"),
    runin("(a) Safeguards.", "Company shall maintain administrative, physical and technical safeguards for CFSD "
          "Data consistent with the Center for Internet Security Critical Security Controls."),
    runin("(b) Breach Notification.", "In the event of a Breach, Company shall notify CFSD no later than 48 hours "
          "after Company becomes aware of the Breach. Company shall not be required to notify CFSD of "
          "unsuccessful attempts to access CFSD Data, such as pings, port scans or denial-of-service attacks."),
    runin("(c) Encryption.", "Company shall encrypt CFSD Data at rest using AES-256 and in transit using TLS 1.2 "
          "or higher."),
    runin("(d) Location.", "Company may store and process CFSD Data in any country in which Company or its "
          "subprocessors maintain facilities."),
    h("SECTION V. USE AND DISCLOSURE"),
    runin("(a) Permitted Use.", "Company shall use CFSD Data only to provide the services described in Exhibit A."),
    runin("(b) Prohibited Uses.", "Company shall not use CFSD Data for targeted advertising or to market products "
          "to students or families, and shall not sell CFSD Data."),
    runin("(c) Disclosure.", "Company shall not disclose CFSD Data to any third party except (i) to subprocessors "
          "bound by this Agreement, or (ii) as required by law."),
    runin("(d) De-identified Data.", "Company may use de-identified data to improve its services, provided that "
          "Company shall not attempt to re-identify any individual and shall not transfer de-identified data to "
          "any third party without CFSD's prior written consent."),
    h("SECTION VI. RETURN AND DESTRUCTION"),
    runin("(a) On Request.", "Within thirty (30) calendar days of CFSD's written request, Company shall destroy "
          "CFSD Data as directed."),
    runin("(b) End of Agreement.", "When this Agreement ends, Company shall return CFSD Data in CSV format and then "
          "securely destroy all copies within forty-five (45) calendar days."),
    runin("(c) Method.", "Company shall destroy electronic CFSD Data using a method consistent with NIST SP 800-88 "
          "and shall shred any paper records."),
    runin("(d) Certification.", "Company shall not be required to certify destruction unless CFSD requests "
          "certification in writing."),
    h("SECTION VII. GENERAL"),
    runin("(a) Governing Law; Venue.", "This Agreement shall be governed by and construed under the laws of the "
          "State of Oregon, and venue shall lie in Multnomah County."),
    runin("(b) Conflicts.", "This Agreement supersedes any conflicting provision of Company's Terms of Use or "
          "Privacy Policy."),
    runin("(c) Termination.", "CFSD may terminate this Agreement at any time, for any reason, upon thirty (30) "
          "days' written notice."),
    runin("(d) Compliance.", "Company shall comply with FERPA, COPPA and RCW 28A.604."),
    runin("(e) Assignment.", "This Agreement binds the parties' successors and permitted assigns."),
    p("CASCADE FALLS SCHOOL DISTRICT NO. 7"),
    p("By: Janet Ruiz, Chief Technology Officer"),
    p("Date: August 12, 2025"),
    p("LUMEN LOOP, INC."),
    p("By: Owen Fairley, Chief Executive Officer"),
    p("Date: August 15, 2025"),
    BREAK,
    h("EXHIBIT A \u2013 SERVICES"),
    p("Lumen Loop Classroom: a learning management app for teachers and students in grades 3 through 12."),
    h("EXHIBIT B \u2013 DATA ELEMENTS"),
    table(("Data Element", "Yes", "No"), [
        ("Student first and last name", "X", ""),
        ("Student email address", "X", ""),
        ("Student ID number", "X", ""),
        ("Grade level", "X", ""),
        ("Date of birth", "", "X"),
        ("Parent/guardian name", "", "X"),
        ("Parent/guardian email", "X", ""),
        ("Student work (assignments and submissions)", "X", ""),
        ("Assessment scores", "", "X"),
    ]),
]

EXPECTED = {
    "id": "25-0117",
    "title": "DATA SHARING AND PRIVACY AGREEMENT",
    "parties.district.name": "Cascade Falls School District No. 7",
    "parties.district.state": "WA",
    "parties.vendor.name": "Lumen Loop, Inc.",
    "products.name": "Lumen Loop Classroom",
    "term.effective": "2025-08-15",
    "term.expires": "2026-06-30",
    "term.governing_state": "OR",  # not the district's state: the clause names Oregon
    "term.model": "custom",
    "term.renewal.automatic": False,
    "term.renewal.period_months": 12,
    "data.student.elements": ["student_name.first_last", "student_contact.email", "student_identifiers.local_id",
                              "enrollment.grade_level", "student_work.student_generated_content"],
    "data.parent_guardian.elements": ["parent_contact.email"],
    "clauses.ownership.district_owns": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.window": "10 business days",
    "clauses.security.frameworks": ["cis_csc"],
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.breach_notification.window": "48 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.storage.location": "anywhere",
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.marketing": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.redisclosure": "to_subprocessors_only",
    "clauses.deidentified_data.permitted": True,
    "clauses.deidentified_data.reidentification_prohibited": True,
    "clauses.deidentified_data.transfer_prohibited": True,
    "clauses.disposal.on_request": {"within": "30 calendar days"},
    "clauses.disposal.at_termination": {"within": "45 calendar days"},
    "clauses.disposal.return_before_disposal": True,
    "clauses.disposal.sanitization": ["paper/shred"],  # NIST 800-88 for electronic data names no method
    "clauses.disposal.written_certification": True,  # on request: the district can always ask
    "clauses.termination.by_district_for_convenience": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "wa_super_act"],
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.audit.district_may_audit": None,
    "clauses.termination.for_material_breach": None,
}

REQUIRED_NOT_STATED: list[str] = []
