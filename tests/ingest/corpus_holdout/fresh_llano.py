"""Fresh set: a Texas district's memorandum of understanding as DOCX, seventeen flat numbered
paragraphs with run-in titles, a data inventory ticked with check marks, "as soon as
practicable, and not later than three (3) business days after confirming"."""

from .blocks import h, p, table, title

NAME = "fresh-llano-quizbit-mou"
FORMAT = "docx"
STYLE = "docx"
HEADER = "LRISD - QuizBit MOU"

BLOCKS = [
    title("MEMORANDUM OF UNDERSTANDING REGARDING STUDENT DATA"),
    p('This Memorandum of Understanding ("MOU") is made this 3rd day of March, 2026 between Llano Ridge Independent '
      'School District, 900 Ranch Road 12, Llano, Texas 78643 ("LRISD") and QuizBit Learning Inc., 44 Commerce '
      'Street, Dallas, Texas 75202 ("QuizBit").'),
    p("1. Term. This MOU is effective from March 3, 2026 to August 31, 2027."),
    p("2. Services. QuizBit provides QuizBit Classroom, a formative assessment platform, to LRISD teachers and "
      "students."),
    p("3. Ownership. LRISD retains all right, title and interest in and to LRISD student data."),
    p("4. Use. QuizBit shall not use LRISD student data for any purpose other than providing QuizBit Classroom to "
      "LRISD."),
    p("5. No Sale. QuizBit shall not sell or rent LRISD student data, in whole or in part, to any person."),
    p("6. Advertising. QuizBit shall not display targeted advertising to students based on LRISD student data."),
    p("7. Subcontractors. QuizBit may use subcontractors to host and support QuizBit Classroom, provided each is "
      "bound by confidentiality and security obligations no less protective than this MOU. A current list of "
      "subcontractors is maintained at QuizBit's website."),
    p("8. Breach. QuizBit shall report any breach of security involving LRISD student data to LRISD's Chief "
      "Technology Officer as soon as practicable, and not later than three (3) business days after confirming the "
      "breach."),
    p("9. Law Enforcement. QuizBit may postpone a notice under paragraph 8 at the written request of a law "
      "enforcement agency."),
    p("10. Deletion. At the end of the MOU, QuizBit shall, at LRISD's option, return or destroy all LRISD student "
      "data within sixty (60) calendar days."),
    p("11. Destruction Standard. Electronic records shall be destroyed by cryptographic erasure and paper records "
      "by cross-cut shredding."),
    p("12. Audit. LRISD may, upon fifteen (15) business days' written notice, review QuizBit's security controls "
      "once per school year."),
    p("13. Location. QuizBit shall keep LRISD student data within the continental United States at all times."),
    p("14. Governing Law. This MOU shall be construed under the laws of the State of Texas."),
    p("15. Compliance. QuizBit shall comply with FERPA, COPPA, and Texas Education Code Chapter 32, Subchapter D."),
    p("16. Termination. LRISD may terminate this MOU without cause upon thirty (30) calendar days' written notice."),
    p("17. Acquisition. If QuizBit is acquired, it shall notify LRISD within thirty (30) calendar days, and LRISD "
      "may terminate this MOU."),
    p("LRISD: Llano Ridge Independent School District"),
    p("Date: March 3, 2026"),
    p("QuizBit Learning Inc."),
    p("Date: March 2, 2026"),
    h("Exhibit 1 \u2013 Data Inventory"),
    table(("Data Element", "Shared"), [
        ("Student full name", "\u2713"),
        ("Student ID", "\u2713"),
        ("Grade level", "\u2713"),
        ("Teacher name", "\u2713"),
        ("Student assessment responses", "\u2713"),
        ("Parent contact information", ""),
    ]),
]

EXPECTED = {
    "title": "MEMORANDUM OF UNDERSTANDING REGARDING STUDENT DATA",
    "parties.district.name": "Llano Ridge Independent School District",
    "parties.district.state": "TX",
    "parties.vendor.name": "QuizBit Learning Inc.",
    "products.name": "QuizBit Classroom",
    "term.effective": "2026-03-03",
    "term.expires": "2027-08-31",
    "term.governing_state": "TX",
    "term.model": "custom",
    "data.student.elements": ["student_name.first_last", "student_identifiers.local_id", "enrollment.grade_level",
                              "schedule.teacher_names", "assessment.other"],
    "clauses.ownership.district_owns": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.breach_notification.window": "3 business days",
    "clauses.breach_notification.trigger": "confirmation",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.law_enforcement_delay": True,
    "clauses.disposal.at_termination": {"within": "60 calendar days"},
    "clauses.disposal.return_before_disposal": None,  # "return or destroy": not return first
    "clauses.disposal.sanitization": ["unspecified/cryptographic_erase", "paper/shred"],
    "clauses.audit.district_may_audit": True,
    "clauses.audit.notice": "15 business days",
    "clauses.audit.per_year": 1,
    "clauses.storage.location": "us_only",
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "tx_educ_code_32"],
    "clauses.termination.by_district_for_convenience": True,
    "clauses.sale_or_merger.notice_to_district": True,
    "clauses.sale_or_merger.notice": "30 calendar days",
}

REQUIRED_NOT_STATED: list[str] = []
