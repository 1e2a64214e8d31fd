"""A Connecticut board of education's own contract, as a PDF set in Times: a key-terms table
on the first page (dates and governing law stated only there), "ARTICLE 5 - BREACH OF
SECURITY" headings with "Section 5.01" clauses, breach windows that differ by class of data,
a contract-breach notice that is not a data-breach window, renewal only by amendment, and an
Exhibit B answered "Yes"/"No" in one column."""

from .blocks import BREAK, h, lines, p, table, title

NAME = "holdout-norwich-falls-pinecrest"
FORMAT = "pdf"
STYLE = "table_pdf"
HEADER = "Norwich Falls Public Schools - Student Data Privacy Contract"

BLOCKS = [
    title("STUDENT DATA PRIVACY CONTRACT"),
    p("Contract Reference: NFBOE-IT-2025-09"),
    table(("Key Term", "Detail"), [
        ("Board", "Norwich Falls Board of Education"),
        ("Contractor", "Pinecrest Assessment Systems, Inc."),
        ("Effective Date", "July 1, 2025"),
        ("Initial Term Ends", "June 30, 2028"),
        ("Renewal", "Not automatic; see Section 7.03"),
        ("Governing Law", "State of Connecticut"),
        ("Services", "Pinecrest Benchmark (Exhibit A)"),
    ]),
    p('This Student Data Privacy Contract (the "Contract") is entered into between the Norwich Falls Board of '
      'Education, 90 Mill Street, Norwich Falls, CT 06360 (the "Board"), and Pinecrest Assessment Systems, Inc., '
      'One Tower Plaza, Hartford, CT 06103 (the "Contractor"), as of the Effective Date shown above.'),
    h("ARTICLE 1 \u2013 PURPOSE"),
    p("Section 1.01 Purpose. This Contract sets out the Contractor's obligations for student information, "
      "student records and student-generated content it receives from the Board, as required by Conn. Gen. "
      "Stat. \u00a7 10-234bb."),
    h("ARTICLE 2 \u2013 OWNERSHIP AND ACCESS"),
    p("Section 2.01 Ownership. Student information, student records and student-generated content are not the "
      "property of the Contractor and remain under the control of the Board."),
    p("Section 2.02 Review and Correction. A student, parent or legal guardian may review personally "
      "identifiable information contained in student records and correct erroneous information by following the "
      "Board's procedure for amending education records."),
    p("Section 2.03 Use. The Contractor shall use student data solely for the purpose of providing the screening "
      "services described in Exhibit A."),
    h("ARTICLE 3 \u2013 PROHIBITED USES"),
    p("Section 3.01 The Contractor shall not: (i) use student data for targeted advertising; (ii) sell, rent or "
      "trade student data; or (iii) use student data to build a profile of a student for any purpose other than "
      "the school purposes set out in this Contract."),
    h("ARTICLE 4 \u2013 SECURITY"),
    p("Section 4.01 The Contractor shall implement and maintain security procedures and practices that meet or "
      "exceed industry standards, including encryption of student data at rest and in transit."),
    p("Section 4.02 The Contractor shall store student data only on servers located in the United States."),
    p("Section 4.03 Contractor personnel with access to student data shall be bound by written confidentiality "
      "obligations and shall receive annual training on the protection of student data."),
    h("ARTICLE 5 \u2013 BREACH OF SECURITY"),
    p("Section 5.01 Notice to the Board. Upon discovery of a breach of security that results in the "
      "unauthorized release, disclosure or acquisition of student information, the Contractor shall notify the "
      "Board without unreasonable delay, but not later than thirty (30) calendar days after such discovery where "
      "the breach involves student information other than directory information, and not later than sixty (60) "
      "calendar days after such discovery where the breach involves directory information, student records or "
      "student-generated content."),
    p("Section 5.02 Contents. The notice shall include, to the extent known, a description of the incident, the "
      "date of the breach, the number of students affected and the remedial steps the Contractor has taken."),
    p("Section 5.03 Costs. The Contractor shall reimburse the Board for the reasonable costs of notifying "
      "students and parents of a breach caused by the Contractor."),
    p("Section 5.04 Law Enforcement. Notice may be delayed if a law enforcement agency advises the Contractor "
      "that notice would impede a criminal investigation."),
    h("ARTICLE 6 \u2013 RETENTION AND DELETION"),
    p("Section 6.01 On Request. The Contractor shall delete student data within thirty (30) calendar days of "
      "receiving a written request from the Board."),
    p("Section 6.02 On Completion. Upon completion of the Contract, the Contractor shall delete all student data "
      "within sixty (60) calendar days, except that a student may keep content he or she created in a personal "
      "account."),
    p("Section 6.03 Method. The Contractor shall delete student data by cryptographic erase of the encrypted "
      "solid-state drives on which it is held, consistent with the Purge level of NIST SP 800-88 Rev. 1. Student "
      "data is held on no other media."),
    p("Section 6.04 Certification. The Contractor shall certify each deletion to the Board in writing."),
    h("ARTICLE 7 \u2013 TERM, RENEWAL AND TERMINATION"),
    p("Section 7.01 Termination for Breach. The Board may terminate this Contract immediately if the Contractor "
      "materially breaches Article 3, 4, 5 or 6, and the Contractor shall notify the Board within five (5) "
      "business days if it becomes aware that it has materially breached any of those Articles."),
    p("Section 7.02 No Penalty. No early-termination fee or penalty applies if the Board terminates under "
      "Section 7.01."),
    p("Section 7.03 Renewal. This Contract does not renew automatically. The parties may renew it for one "
      "additional twelve (12) month term by written amendment."),
    h("ARTICLE 8 \u2013 GENERAL"),
    p("Section 8.01 Subcontractors. The Contractor shall ensure that each subcontractor with access to student "
      "data is bound by written data protections no less stringent than those in this Contract and is "
      "prohibited from selling student data."),
    p("Section 8.02 Change of Control. If the Contractor merges with or is acquired by another entity, the "
      "Contractor shall give the Board written notice at least thirty (30) calendar days before the transaction "
      "closes, and the successor entity shall be bound by this Contract."),
    p("Section 8.03 Compliance. The Contractor shall comply with Conn. Gen. Stat. \u00a7\u00a7 10-234aa through "
      "10-234dd and with FERPA."),
    p("Section 8.04 Precedence. This Contract takes precedence over any terms of use, click-through agreement or "
      "privacy policy of the Contractor."),
    lines("For the Board: Dr. Ellen Marsh, Superintendent", "Date: June 12, 2025", "",
          "For the Contractor: Victor Hale, President", "Date: June 9, 2025"),
    BREAK,
    h("EXHIBIT A \u2013 DESCRIPTION OF SERVICES"),
    p("Pinecrest Benchmark \u2013 an adaptive reading and mathematics screener for students in kindergarten "
      "through grade 8."),
    h("EXHIBIT B \u2013 STUDENT DATA"),
    table(("Data Element", "Collected (Yes/No)"), [
        ("Student first and last name", "Yes"),
        ("Student ID number", "Yes"),
        ("Grade level", "Yes"),
        ("Date of birth", "No"),
        ("Standardized test scores", "Yes"),
        ("Parent email address", "No"),
        ("Student email", "No"),
    ]),
]

EXPECTED = {
    "id": "NFBOE-IT-2025-09",
    "title": "STUDENT DATA PRIVACY CONTRACT",
    "parties.district.name": "Norwich Falls Board of Education",
    "parties.district.state": "CT",
    "parties.vendor.name": "Pinecrest Assessment Systems, Inc.",
    "products.name": "Pinecrest Benchmark",
    "term.effective": "2025-07-01",
    "term.expires": "2028-06-30",
    "term.governing_state": "CT",
    "term.model": "custom",
    "term.renewal.automatic": False,
    "term.renewal.period_months": 12,
    "data.student.elements": ["student_name.first_last", "student_identifiers.local_id", "enrollment.grade_level",
                              "assessment.standardized_test_scores"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.correction": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.storage.location": "us_only",
    "clauses.confidentiality.employees_bound": True,
    "clauses.confidentiality.training_required": True,
    "clauses.breach_notification.window": None,  # two windows by class of data; 5 business days is contract breach
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.by_category": [
        "student_information/30 calendar days",
        "directory_information,student_generated_content,student_records/60 calendar days",
    ],
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["incident_description", "breach_date", "affected_count",
                                             "remediation_steps"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.breach_notification.law_enforcement_delay": True,
    "clauses.disposal.on_request": {"within": "30 calendar days"},
    "clauses.disposal.at_termination": {"within": "60 calendar days"},
    "clauses.disposal.sanitization": ["flash/cryptographic_erase/purge/nist_800_88_r1"],
    "clauses.disposal.sanitization_covers_all_media": True,
    "clauses.disposal.written_certification": True,
    "clauses.termination.for_material_breach": True,
    "clauses.termination.no_termination_fee": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.subprocessors.no_sale": True,
    "clauses.sale_or_merger.notice_to_district": True,
    "clauses.sale_or_merger.notice": "30 calendar days",
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.legal_compliance.laws": ["ct_student_data_law", "ferpa"],
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
}

REQUIRED_NOT_STATED: list[str] = []
