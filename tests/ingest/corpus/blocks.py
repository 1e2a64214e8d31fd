"""Document blocks the corpus is written in; make_corpus.py renders them to PDF and DOCX.

("title", text) centred bold line; ("h", text) bold heading; ("p", text) paragraph;
("table", header, rows) a table whose cells may hold check marks written as "[X]" or "[ ]"
(DOCX renders them as check-box glyphs); ("sig", [(label, value), ...]) a signature block;
("break",) a page break.
"""

from __future__ import annotations


def title(text):
    return ("title", text)


def h(text):
    return ("h", text)


def p(text):
    return ("p", " ".join(text.split()))


def table(header, rows):
    return ("table", header, rows)


def sig(*pairs):
    return ("sig", list(pairs))


BREAK = ("break",)


def schedule_b(checked: set[str]):
    """An NDPA-style Exhibit B table; ``checked`` holds the element labels ticked."""
    rows = []
    for category, elements in EXHIBIT_B:
        for index, element in enumerate(elements):
            rows.append((category if index == 0 else "", element, "[X]" if element in checked else "[ ]"))
    return table(("Category of Data", "Elements", "Check if Used by Your System"), rows)


EXHIBIT_B = [
    ("Application Technology Meta Data", ["IP Addresses of users, Use of cookies, etc.",
                                          "Other application technology meta data - Please specify:"]),
    ("Application Use Statistics", ["Meta data on user interaction with application"]),
    ("Assessment", ["Standardized test scores", "Observation data", "Other assessment data - Please specify:"]),
    ("Attendance", ["Student school (daily) attendance data", "Student class attendance data"]),
    ("Communications", ["Online communications captured (emails, blog entries)"]),
    ("Conduct", ["Conduct or behavioral data"]),
    ("Demographics", ["Date of Birth", "Place of Birth", "Gender", "Ethnicity or race",
                      "Language information (native or primary language spoken by student)",
                      "Other demographic information - Please specify:"]),
    ("Enrollment", ["Student school enrollment", "Student grade level", "Homeroom", "Guidance counselor",
                    "Specific curriculum programs", "Year of graduation"]),
    ("Parent/Guardian Contact Information", ["Address", "Email", "Phone"]),
    ("Parent/Guardian ID", ["Parent ID number (created to link parents to students)"]),
    ("Parent/Guardian Name", ["First and/or Last"]),
    ("Schedule", ["Student scheduled courses", "Teacher names"]),
    ("Special Indicator", ["English language learner information", "Low income status",
                           "Medical alerts/health data", "Student disability information",
                           "Specialized education services (IEP or 504)",
                           "Living situations (homeless/foster care)"]),
    ("Student Contact Information", ["Address", "Email", "Phone"]),
    ("Student Identifiers", ["Local (School district) ID number", "State ID number",
                             "Provider/App assigned student ID number", "Student app username",
                             "Student app passwords"]),
    ("Student Name", ["First and/or Last"]),
    ("Student In App Performance", ["Program/application performance"]),
    ("Student Program Membership", ["Academic or extracurricular activities"]),
    ("Student Survey Responses", ["Student responses to surveys or questionnaires"]),
    ("Student work", ["Student generated content; writing, pictures, etc."]),
    ("Transportation", ["Student bus assignment", "Student pick up and/or drop off location"]),
]


def schedule_rows(checked: set[tuple[str, str]]):
    """Exhibit B with ticks given as (category, element) pairs, for labels repeated across categories."""
    rows = []
    for category, elements in EXHIBIT_B:
        for index, element in enumerate(elements):
            mark = "[X]" if (category, element) in checked else "[ ]"
            rows.append((category if index == 0 else "", element, mark))
    return table(("Category of Data", "Elements", "Check if Used by Your System"), rows)


FRAMEWORKS = [
    "NIST Cybersecurity Framework Version 1.1",
    "NIST Cybersecurity Framework Version 2.0",
    "NIST SP 800-53 Security and Privacy Controls",
    "NIST SP 800-171 Protecting Controlled Unclassified Information",
    "ISO/IEC 27001 Information Security Management",
    "Secure Controls Framework (SCF)",
    "CIS Critical Security Controls",
    "Cybersecurity Maturity Model Certification (CMMC)",
]


def frameworks_table(checked: set[str]):
    return table(("Framework", "Check if Used"), [(name, "[X]" if name in checked else "[ ]") for name in FRAMEWORKS])
