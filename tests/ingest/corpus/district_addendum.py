"""A district's own addendum: "Section N" numbering, data elements as a plain list, DoD and
NIST sanitization wording, explicit dates and an agreement number. Rendered as PDF."""

from .blocks import BREAK, h, p, sig, title

NAME = "district-addendum-harbor"
FORMAT = "pdf"
HEADER = "Harbor City Public Schools - Data Privacy Addendum HCPS-DPA-2025-044"

BLOCKS = [
    title("DATA PRIVACY ADDENDUM"),
    p("Agreement No. HCPS-DPA-2025-044"),
    p('This Data Privacy Addendum ("Addendum") is made between Harbor City Public Schools, 1 Civic Plaza, '
      'Harbor City, Florida 33101 (the "District") and Tidewater Analytics Corp., 40 Bay Street, Tampa, Florida '
      '33602 (the "Vendor"). This Addendum is effective as of January 15, 2025 and shall remain in effect until '
      'January 14, 2027.'),
    h("Section 1. Products"),
    p("Tidewater Insight - a dashboard that shows attendance and course data to school leaders."),
    h("Section 2. Data Elements"),
    p("The District will share the following data elements with the Vendor:"),
    p("Student first and last name"),
    p("Local (school district) ID number"),
    p("Student school (daily) attendance data"),
    p("Student scheduled courses"),
    p("Student course data"),
    h("Section 3. Use of Data"),
    p("The Vendor shall use District data only to provide the dashboard services to the District. The Vendor "
      "shall not sell, rent or trade District data, shall not use it for targeted advertising, and shall not "
      "build a personal profile of any student."),
    h("Section 4. Ownership"),
    p("District data remains the exclusive property of the District."),
    h("Section 5. Security"),
    p("The Vendor shall encrypt District data at rest using AES-256 and in transit using TLS 1.2 or higher. "
      "The Vendor shall maintain a security program certified under ISO/IEC 27001."),
    h("Section 6. Subcontractors"),
    p("The Vendor shall not disclose District data to any subcontractor unless the subcontractor is bound by "
      "written terms at least as protective as this Addendum."),
    h("Section 7. Data Breach"),
    p("7.1 The Vendor shall report any breach of District data to the District within forty-eight (48) hours "
      "after discovery. The notice shall include a description of the breach, the types of data involved, the "
      "number of students affected and the steps taken to mitigate it. The Vendor shall bear all costs of "
      "notifying affected families."),
    h("Section 8. Return and Destruction"),
    p("Within thirty (30) calendar days of the District's written request, and within thirty (30) calendar "
      "days after termination or expiration of the Agreement, the Vendor shall return all District data and "
      "then destroy it. Electronic data on magnetic media shall be overwritten with a three-pass overwrite "
      "in accordance with DoD 5220.22-M; solid-state drives shall be sanitized by cryptographic erase meeting "
      "NIST SP 800-88 Rev. 1 Purge; paper records shall be shredded. The Vendor shall provide a certificate of "
      "destruction to the District."),
    h("Section 9. Audit"),
    p("The District may audit the Vendor's compliance with this Addendum twice per year, and after any data "
      "breach, on ten (10) business days' notice."),
    h("Section 10. Compliance with Law"),
    p("The Vendor shall comply with FERPA, COPPA and Florida Statutes section 1002.222."),
    h("Section 11. Governing Law; Order of Precedence"),
    p("This Addendum is governed by the laws of the State of Florida. In the event of a conflict between this "
      "Addendum and the Vendor's terms of service or privacy policy, this Addendum shall control."),
    h("Section 12. Termination"),
    p("The District may terminate the Agreement for convenience on thirty (30) calendar days' notice."),
    BREAK,
    sig(("District", "Harbor City Public Schools"), ("By", "L. Alvarez"), ("Date", "January 10, 2025")),
    sig(("Vendor", "Tidewater Analytics Corp."), ("By", "P. Nguyen"), ("Date", "January 9, 2025")),
]

EXPECTED = {
    "id": "HCPS-DPA-2025-044",
    "title": "DATA PRIVACY ADDENDUM",
    "parties.district.name": "Harbor City Public Schools",
    "parties.district.state": "FL",
    "parties.vendor.name": "Tidewater Analytics Corp.",
    "term.effective": "2025-01-15",
    "term.expires": "2027-01-14",
    "term.governing_state": "FL",
    "term.model": "custom",
    "products.name": "Tidewater Insight",
    "data.student.elements": ["student_name.first_last", "student_identifiers.local_id",
                              "attendance.school_daily", "schedule.scheduled_courses", "transcript.course_data"],
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.ownership.district_owns": True,
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.security.frameworks": ["iso_27001"],
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.breach_notification.window": "48 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["incident_description", "information_types", "affected_count",
                                             "remediation_steps"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.disposal.on_request": {"within": "30 calendar days"},
    "clauses.disposal.at_termination": {"within": "30 calendar days"},
    "clauses.disposal.return_before_disposal": True,
    "clauses.disposal.sanitization": ["magnetic/multi_pass_overwrite/dod_5220_22_m",
                                      "flash/cryptographic_erase/purge/nist_800_88_r1", "paper/shred"],
    "clauses.disposal.written_certification": True,
    "clauses.audit.district_may_audit": True,
    "clauses.audit.per_year": 2,
    "clauses.audit.after_unauthorized_access": True,
    "clauses.audit.notice": "10 business days",
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "fl_1002_222"],
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.termination.by_district_for_convenience": True,
}

CITATIONS = {
    "breach_notification": "Section 7",
    "disposal": "Section 8",
    "audit": "Section 9",
}
