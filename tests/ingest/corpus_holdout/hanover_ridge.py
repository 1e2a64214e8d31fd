"""A Virginia school division's own agreement, typeset in two columns. The PDF writes each row
of the page left column then right column, so a text extractor that follows the content
stream reads the two columns interleaved, line by line. Headings read "Article 5 - Data
Breach" (an en dash); clauses are run-in "5.1" paragraphs. Renewal is automatic; "forthwith"
sets no deadline."""

from .blocks import h, lines, p, title

NAME = "holdout-hanover-ridge-quillstone"
FORMAT = "pdf"
STYLE = "two_column_pdf"
HEADER = "Hanover Ridge County Public Schools | Student Data Protection Agreement"

BLOCKS = [
    title("STUDENT DATA PROTECTION AGREEMENT"),
    p('This Student Data Protection Agreement (this "Agreement") is made and entered into as of September 1, '
      '2025 (the "Effective Date") by and between the School Board of Hanover Ridge County, 1200 Courthouse '
      'Lane, Hanover Ridge, Virginia 23005 (the "Division"), and Quillstone Education LLC, a Texas limited '
      'liability company with offices at 500 Congress Avenue, Austin, TX 78701 ("Quillstone").'),
    h("Article 1 \u2013 Definitions"),
    p('1.1 "Division Data" means all information, including personally identifiable information from '
      'education records, that the Division or its students provide to Quillstone or that Quillstone '
      'collects through the Services.'),
    p('1.2 "Security Breach" means the unauthorized acquisition of, access to, or use of Division Data.'),
    p('1.3 "Services" means the products and services described in Schedule 1.'),
    h("Article 2 \u2013 Term and Renewal"),
    p("2.1 Term. This Agreement begins on the Effective Date and continues through August 31, 2027, unless "
      "terminated earlier under Article 10."),
    p("2.2 Renewal. At the end of the initial term, this Agreement renews automatically for successive twelve "
      "(12) month periods unless either party gives written notice of non-renewal at least ninety (90) calendar "
      "days before the end of the then-current term."),
    h("Article 3 \u2013 Ownership"),
    p("3.1 As between the parties, all Division Data remains the sole property of the Division."),
    p("3.2 Quillstone acquires no right, title or interest in Division Data other than a limited license to use "
      "it to perform the Services during the term."),
    h("Article 4 \u2013 Use of Division Data"),
    p("4.1 Quillstone shall use Division Data solely to provide the Services to the Division."),
    p("4.2 Quillstone shall not sell Division Data, and shall not use Division Data to direct targeted "
      "advertising to students or their families."),
    p("4.3 Quillstone shall not disclose Division Data to any third party, except as required by law or with "
      "the prior written consent of the Division."),
    h("Article 5 \u2013 Data Breach"),
    p("5.1 Quillstone shall notify the Division of any Security Breach without unreasonable delay, and in no "
      "event later than forty-eight (48) hours after discovery of the Security Breach."),
    p("5.2 The notice shall describe the nature of the Security Breach, the categories of Division Data "
      "involved, and the steps Quillstone has taken to contain it."),
    p("5.3 Quillstone may delay the notice for as long as a law enforcement agency determines that notice "
      "would impede a criminal investigation."),
    p("5.4 Quillstone shall bear the cost of any notice to parents that the Division reasonably determines is "
      "required because of a Security Breach caused by Quillstone."),
    h("Article 6 \u2013 Safeguards"),
    p("6.1 Quillstone shall encrypt Division Data in transit and at rest using industry-standard encryption."),
    p("6.2 Division Data shall be stored and processed within the continental United States."),
    p("6.3 Quillstone shall limit access to Division Data to those employees who need such access to perform "
      "the Services, and each such employee shall complete annual training in data privacy and security."),
    p("6.4 Quillstone shall maintain an information security program that conforms to ISO/IEC 27001."),
    h("Article 7 \u2013 Subcontractors"),
    p("7.1 Quillstone shall not permit any subcontractor to access Division Data unless the subcontractor is "
      "bound by written obligations at least as protective as those in this Agreement, including a prohibition "
      "on the sale of Division Data."),
    h("Article 8 \u2013 Return and Destruction"),
    p("8.1 Within thirty (30) calendar days after this Agreement terminates or expires, Quillstone shall return "
      "all Division Data to the Division and thereafter destroy all remaining copies."),
    p("8.2 If the Division requests the destruction of specified Division Data during the term, Quillstone "
      "shall destroy that data forthwith and confirm the destruction to the Division in writing."),
    h("Article 9 \u2013 Audit"),
    p("9.1 Upon thirty (30) calendar days' written notice, the Division may audit Quillstone's compliance with "
      "this Agreement, not more than once in any twelve-month period."),
    h("Article 10 \u2013 Termination"),
    p("10.1 Either party may terminate this Agreement by written notice if the other party materially breaches "
      "this Agreement and does not cure the breach within thirty (30) calendar days after receiving notice of "
      "it."),
    p("10.2 The Division may terminate this Agreement for convenience upon sixty (60) calendar days' written "
      "notice to Quillstone."),
    h("Article 11 \u2013 General Provisions"),
    p("11.1 Governing Law. This Agreement is governed by the laws of the Commonwealth of Virginia."),
    p("11.2 Order of Precedence. If this Agreement conflicts with Quillstone's terms of service or privacy "
      "policy, this Agreement controls."),
    p("11.3 Assignment. Quillstone may not assign this Agreement without the Division's written consent, "
      "except to a successor in connection with a merger or a sale of substantially all of its assets, "
      "provided that the successor agrees in writing to be bound by this Agreement and Quillstone notifies the "
      "Division within ten (10) business days after the transaction closes."),
    p("11.4 Compliance with Law. Quillstone shall comply with FERPA, COPPA and Va. Code \u00a7 22.1-289.01."),
    h("Schedule 1 \u2013 Services"),
    p("Quillstone Writing Studio: an online writing-feedback tool for students in grades 6 through 12."),
    h("Schedule 2 \u2013 Data Elements"),
    lines("\u2022 Student first and last name", "\u2022 Student email address", "\u2022 Grade level",
          "\u2022 Student writing submissions"),
    lines("THE SCHOOL BOARD OF HANOVER RIDGE COUNTY", "By: Dana Whitfield, Division Superintendent",
          "Date: August 28, 2025", "", "QUILLSTONE EDUCATION LLC", "By: Marcus Oyelaran, Chief Executive Officer",
          "Date: August 26, 2025"),
]

EXPECTED = {
    "title": "STUDENT DATA PROTECTION AGREEMENT",
    "parties.district.name": "School Board of Hanover Ridge County",
    "parties.district.state": "VA",
    "parties.vendor.name": "Quillstone Education LLC",
    "products.name": "Quillstone Writing Studio",
    "term.effective": "2025-09-01",
    "term.expires": "2027-08-31",
    "term.governing_state": "VA",
    "term.model": "custom",
    "term.renewal.automatic": True,
    "term.renewal.period_months": 12,
    "term.renewal.notice": "90 calendar days",
    "data.student.elements": ["student_name.first_last", "student_contact.email", "enrollment.grade_level",
                              "student_work.student_generated_content"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.vendor_rights_limited_to_service": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.redisclosure": "prohibited_without_consent",
    "clauses.breach_notification.window": "48 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["incident_description", "information_types", "remediation_steps"],
    "clauses.breach_notification.law_enforcement_delay": True,
    "clauses.breach_notification.costs": "vendor",
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.security.frameworks": ["iso_27001"],
    "clauses.storage.location": "us_only",
    "clauses.confidentiality.access_limited_to_need": True,
    "clauses.confidentiality.training_required": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.subprocessors.no_sale": True,
    "clauses.disposal.at_termination": {"within": "30 calendar days"},
    "clauses.disposal.on_request": {},  # "forthwith": a duty with no deadline the format can hold
    "clauses.disposal.return_before_disposal": True,
    "clauses.disposal.written_certification": True,
    "clauses.audit.district_may_audit": True,
    "clauses.audit.notice": "30 calendar days",
    "clauses.audit.per_year": 1,
    "clauses.termination.for_material_breach": True,
    "clauses.termination.by_district_for_convenience": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.sale_or_merger.notice_to_district": True,
    "clauses.sale_or_merger.notice": "10 business days",
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "va_22_1_289_01"],
    # traps: no data elements for parents, no per-category windows
    "clauses.data_use.prohibits.marketing": None,
    "clauses.breach_notification.by_category": None,
}

REQUIRED_NOT_STATED: list[str] = []
