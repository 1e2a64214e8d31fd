"""An Oregon district's addendum to a vendor's subscription agreement, as the text layer of a
scanned copy: Courier lines broken where the typewriter broke them, words hyphenated across
lines, a running header and a "Page N of M" footer on every page, "\u00a7 4.2" numbering, a
dot-leader data table answered "Yes"/"No", a cross-reference that starts a line, "forthwith",
and a master agreement "dated" before the addendum takes effect."""

from .blocks import BREAK, h, lines, p, title

NAME = "holdout-ridgeway-tallow-scan"
FORMAT = "pdf"
STYLE = "scan_pdf"
HEADER = "RIDGEWAY SCHOOL DISTRICT 14J                        DATA PROTECTION ADDENDUM"
FOOTER = "Tallow Data Systems, Inc. / RSD 14J - Page {page} of {pages}"

BLOCKS = [
    title("DATA PROTECTION ADDENDUM"),
    p("WHEREAS Tallow Data Systems, Inc. provides the Tallow Roster Sync service (the \"Services\") to the "
      "District under the Software Subscription Agreement dated March 3, 2024 (the \"Agreement\"); and"),
    p('WHEREAS the parties wish to protect the confidentiality of student records; NOW THEREFORE this Data '
      'Protection Addendum ("Addendum") is made between Ridgeway School District 14J, 450 NE Cedar Street, '
      'Ridgeway, Oregon 97080 ("District") and Tallow Data Systems, Inc., 77 Harbor Way, Suite 12, Seattle, '
      'WA 98104 ("Contractor").'),
    h("\u00a7 1  TERM"),
    p("\u00a7 1.1 This Addendum is effective July 1, 2024 and expires June 30, 2025, and will renew for "
      "successive one (1) year terms unless the District gives notice of non-renewal. This Addendum amends the "
      "Agreement; the terms in {br} \u00a7 3 and \u00a7 4 of this Addendum apply to all District Data the Contractor "
      "holds."),
    h("\u00a7 2  DATA USE"),
    p("\u00a7 2.1 Contractor shall use District Data only for the purpose of providing the Services under the "
      "Agreement."),
    p("\u00a7 2.2 Contractor will not sell, lease, or otherwise transfer District Data to any third party for "
      "commercial purposes, and will not use District Data for marketing or advertising."),
    p("\u00a7 2.3 Contractor shall not disclose District Data except to its employees and subcontractors who "
      "need it to perform the Services, or as required by law."),
    h("\u00a7 3  SECURITY"),
    p("\u00a7 3.1 Contractor shall store District Data in encrypted form and shall use TLS for all "
      "transmissions of District Data."),
    p("\u00a7 3.2 District Data shall not be stored or processed outside the United States."),
    p("\u00a7 3.3 Contractor's employees who access District Data shall sign a confidentiality agreement before "
      "receiving access."),
    h("\u00a7 4  SECURITY BREACH"),
    p("\u00a7 4.1 Contractor shall forthwith notify the District of any Breach of which Contractor becomes "
      "aware."),
    p("\u00a7 4.2 The notification shall include the date of the Breach, the types of District Data affected, and "
      "a contact person at Contractor."),
    p("\u00a7 4.3 Contractor shall not be required to notify affected students or parents directly; the District "
      "will provide any such notice, and Contractor shall reimburse the District for the reasonable cost of "
      "doing so if the Breach resulted from Contractor's failure to comply with this Addendum."),
    h("\u00a7 5  RETURN AND DELETION"),
    p("\u00a7 5.1 Within thirty (30) calendar days after the Agreement ends, Contractor shall delete all District "
      "Data from its systems, including backups, and shall certify the deletion in writing upon request."),
    p("\u00a7 5.2 Paper records containing District Data shall be destroyed by cross-cut shredding, and electronic "
      "media shall be overwritten using a single-pass overwrite or physically destroyed."),
    p("\u00a7 5.3 Upon the District's written request, Contractor shall delete specified District Data within ten "
      "(10) business days."),
    h("\u00a7 6  GENERAL"),
    p("\u00a7 6.1 The District may terminate the Agreement and this Addendum if Contractor materially breaches "
      "this Addendum."),
    p("\u00a7 6.2 This Addendum prevails over any conflicting term of the Agreement or of Contractor's online "
      "terms of use."),
    p("\u00a7 6.3 This Addendum is governed by Oregon law."),
    p("\u00a7 6.4 Contractor shall comply with FERPA and ORS 336.184."),
    BREAK,
    h("ATTACHMENT A - DATA ELEMENTS"),
    lines("Data Element                              Provided (Yes/No)",
          "Student first and last name ....................... Yes",
          "Student ID number ................................. Yes",
          "Grade level ....................................... Yes",
          "School enrollment ................................. Yes",
          "Date of birth ..................................... No",
          "Student home address .............................. No",
          "Parent/guardian phone ............................. No"),
    lines("", "RIDGEWAY SCHOOL DISTRICT 14J", "By: /s/ Helen Park, Superintendent", "Date: 6/14/2024", "",
          "TALLOW DATA SYSTEMS, INC.", "By: /s/ R. Iyer, Chief Operating Officer", "Date: 6/10/2024"),
]

EXPECTED = {
    "title": "DATA PROTECTION ADDENDUM",
    "parties.district.name": "Ridgeway School District 14J",
    "parties.district.state": "OR",
    "parties.vendor.name": "Tallow Data Systems, Inc.",
    "products.name": "Tallow Roster Sync",
    "term.effective": "2024-07-01",  # not March 3, 2024: that is the master agreement's date
    "term.expires": "2025-06-30",
    "term.governing_state": "OR",
    "term.model": "custom",
    "term.renewal.automatic": True,
    "term.renewal.period_months": 12,
    "data.student.elements": ["student_name.first_last", "student_identifiers.local_id", "enrollment.grade_level",
                              "enrollment.school_enrollment"],
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.marketing": True,
    "clauses.data_use.prohibits.targeted_advertising": True,  # all advertising use is barred
    "clauses.data_use.redisclosure": "to_subprocessors_only",
    "clauses.confidentiality.access_limited_to_need": True,
    "clauses.confidentiality.employees_bound": True,
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.storage.location": "us_only",
    "clauses.breach_notification.window": None,  # "forthwith": no number
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["breach_date", "information_types", "reporter_contact"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.disposal.at_termination": {"within": "30 calendar days"},
    "clauses.disposal.on_request": {"within": "10 business days"},
    "clauses.disposal.written_certification": True,
    "clauses.disposal.sanitization": ["paper/shred", "unspecified/single_pass_overwrite"],
    "clauses.termination.for_material_breach": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.legal_compliance.laws": ["ferpa"],
    "clauses.legal_compliance.other_laws": ["ORS 336.184"],
    "clauses.audit.district_may_audit": None,
    "term.renewal.notice": None,
}

REQUIRED_NOT_STATED: list[str] = []
