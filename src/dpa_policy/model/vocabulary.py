"""Controlled vocabularies of the agreement format.

Data elements follow the SDPC NDPA Exhibit B "Schedule of Data" (category -> elements,
v1 wording), keyed ``category.element`` with the category keys suggested in DOMAIN.md §5.1.
The keys are this checker's, not an official SDPC vocabulary. Exhibit B wording for the
Transcript, Transportation, Other and None rows is unconfirmed ([U] in DOMAIN.md §5.1).

Exhibit B lists everything as "Student Data"; a clearinghouse page separates data *about*
parents from data about students, so each element also names the data subjects it can
describe. Staff elements are not in Exhibit B (they cover NY Education Law 2-d's teacher and
principal data) and are this checker's own.
"""

from __future__ import annotations

from dataclasses import dataclass

STUDENT = "student"
PARENT = "parent_guardian"
STAFF = "staff"
SUBJECTS = (STUDENT, PARENT, STAFF)
SUBJECT_LABELS = {STUDENT: "Student data", PARENT: "Parent/guardian data", STAFF: "Staff data"}


@dataclass(frozen=True)
class Element:
    key: str
    category_label: str
    label: str
    subjects: tuple[str, ...]
    sensitive: bool = False


_ANY_USER = (STUDENT, PARENT, STAFF)

# (category key, category label, subjects, [(element key, element label, sensitive)])
_EXHIBIT_B: list[tuple[str, str, tuple[str, ...], list[tuple[str, str, bool]]]] = [
    ("app_tech_metadata", "Application Technology Meta Data", _ANY_USER, [
        ("ip_addresses", "IP addresses of users", False),
        ("cookies", "Use of cookies", False),
        ("other", "Other application technology meta data", False),
    ]),
    ("app_use_statistics", "Application Use Statistics", _ANY_USER, [
        ("interaction_metadata", "Meta data on user interaction with application", False),
    ]),
    ("assessment", "Assessment", (STUDENT,), [
        ("standardized_test_scores", "Standardized test scores", False),
        ("observation_data", "Observation data", False),
        ("other", "Other assessment data", False),
    ]),
    ("attendance", "Attendance", (STUDENT,), [
        ("school_daily", "Student school (daily) attendance data", False),
        ("class", "Student class attendance data", False),
    ]),
    ("communications", "Communications", _ANY_USER, [
        ("online_communications", "Online communications captured (emails, blog entries)", False),
    ]),
    ("conduct", "Conduct", (STUDENT,), [
        ("behavioral", "Conduct or behavioral data", True),
    ]),
    ("demographics", "Demographics", (STUDENT,), [
        ("date_of_birth", "Date of birth", False),
        ("place_of_birth", "Place of birth", False),
        ("gender", "Gender", False),
        ("ethnicity_race", "Ethnicity or race", True),
        ("language", "Language information (native or primary language spoken by student)", False),
        ("other", "Other demographic information", False),
    ]),
    ("enrollment", "Enrollment", (STUDENT,), [
        ("school_enrollment", "Student school enrollment", False),
        ("grade_level", "Student grade level", False),
        ("homeroom", "Homeroom", False),
        ("guidance_counselor", "Guidance counselor", False),
        ("curriculum_programs", "Specific curriculum programs", False),
        ("graduation_year", "Year of graduation", False),
        ("other", "Other enrollment information", False),
    ]),
    ("parent_contact", "Parent/Guardian Contact Information", (PARENT,), [
        ("address", "Parent/guardian address", False),
        ("email", "Parent/guardian email", False),
        ("phone", "Parent/guardian phone", False),
    ]),
    ("parent_id", "Parent/Guardian ID", (PARENT,), [
        ("parent_id_number", "Parent ID number (created to link parents to students)", False),
    ]),
    ("parent_name", "Parent/Guardian Name", (PARENT,), [
        ("first_last", "Parent/guardian first and/or last name", False),
    ]),
    ("schedule", "Schedule", (STUDENT,), [
        ("scheduled_courses", "Student scheduled courses", False),
        ("teacher_names", "Teacher names", False),
    ]),
    ("special_indicator", "Special Indicator", (STUDENT,), [
        ("english_learner", "English language learner information", True),
        ("low_income", "Low income status", True),
        ("medical_health", "Medical alerts/health data", True),
        ("disability", "Student disability information", True),
        ("iep_504", "Specialized education services (IEP or 504)", True),
        ("living_situation", "Living situations (homeless/foster care)", True),
        ("other", "Other indicator information", True),
    ]),
    ("student_contact", "Student Contact Information", (STUDENT,), [
        ("address", "Student address", False),
        ("email", "Student email", False),
        ("phone", "Student phone", False),
    ]),
    ("student_identifiers", "Student Identifiers", (STUDENT,), [
        ("local_id", "Local (school district) ID number", False),
        ("state_id", "State ID number", False),
        ("provider_id", "Provider/app assigned student ID number", False),
        ("app_username", "Student app username", False),
        ("app_password", "Student app passwords", True),
    ]),
    ("student_name", "Student Name", (STUDENT,), [
        ("first_last", "Student first and/or last name", False),
    ]),
    ("student_in_app_performance", "Student In App Performance", (STUDENT,), [
        ("program_performance", "Program/application performance", False),
    ]),
    ("student_program_membership", "Student Program Membership", (STUDENT,), [
        ("activities", "Academic or extracurricular activities", False),
    ]),
    ("student_survey_responses", "Student Survey Responses", (STUDENT,), [
        ("responses", "Student responses to surveys or questionnaires", True),
    ]),
    ("student_work", "Student Work", (STUDENT,), [
        ("student_generated_content", "Student generated content (writing, pictures, etc.)", False),
        ("other", "Other student work data", False),
    ]),
    ("transcript", "Transcript", (STUDENT,), [
        ("course_grades", "Student course grades", False),
        ("course_data", "Student course data", False),
        ("performance_scores", "Student course grades/performance scores", False),
        ("other", "Other transcript data", False),
    ]),
    ("transportation", "Transportation", (STUDENT,), [
        ("bus_assignment", "Student bus assignment", False),
        ("pickup_dropoff_location", "Student pick up and/or drop off location", False),
        ("bus_card_id", "Student bus card ID number", False),
        ("other", "Other transportation data", False),
    ]),
    ("staff_name", "Staff Name", (STAFF,), [
        ("first_last", "Staff first and/or last name", False),
    ]),
    ("staff_contact", "Staff Contact Information", (STAFF,), [
        ("email", "Staff email", False),
        ("phone", "Staff phone", False),
    ]),
    ("staff_identifiers", "Staff Identifiers", (STAFF,), [
        ("local_id", "Staff district ID number", False),
        ("app_username", "Staff app username", False),
    ]),
    ("staff_evaluation", "Staff Evaluation", (STAFF,), [
        ("appr_data", "Annual professional performance review (APPR) data", True),
    ]),
    ("none", "None", (STUDENT,), [
        ("no_student_data", "No student data collected", False),
    ]),
]

ELEMENTS: dict[str, Element] = {
    f"{cat}.{key}": Element(f"{cat}.{key}", cat_label, label, subjects, sensitive)
    for cat, cat_label, subjects, items in _EXHIBIT_B
    for key, label, sensitive in items
}


def elements_for(subject: str) -> list[str]:
    """Element keys that can describe ``subject``, sorted (they become a schema enum)."""
    return sorted(k for k, e in ELEMENTS.items() if subject in e.subjects)


# Laws an agreement can name in its legal-compliance clause. State laws are keyed by the
# state's postal code so a state rule pack can look for its own.
LAWS: dict[str, str] = {
    "ferpa": "FERPA (20 U.S.C. 1232g; 34 CFR Part 99)",
    "coppa": "COPPA (15 U.S.C. 6501-6506; 16 CFR Part 312)",
    "ppra": "PPRA (20 U.S.C. 1232h; 34 CFR Part 98)",
    "cipa": "CIPA (47 U.S.C. 254(h), (l))",
    "ca_sopipa": "California SOPIPA/KOPIPA (Bus. & Prof. Code 22584)",
    "ca_ed_code_49073_1": "California Education Code 49073.1 (AB 1584)",
    "co_student_data_act": "Colorado Student Data Transparency and Security Act (C.R.S. 22-16)",
    "ct_student_data_law": "Connecticut student data privacy law (C.G.S. 10-234aa to 10-234dd)",
    "fl_1002_222": "Florida Statutes 1002.222",
    "il_soppa": "Illinois SOPPA (105 ILCS 85)",
    "ny_ed_law_2d": "New York Education Law 2-d and 8 NYCRR Part 121",
    "tx_educ_code_32": "Texas Education Code 32.151-32.157",
    "ut_student_data_protection_act": "Utah Student Data Protection Act (53E-9)",
    "va_22_1_289_01": "Virginia Code 22.1-289.01",
    "wa_super_act": "Washington SUPER Act (RCW 28A.604)",
}

# NDPA Exhibit F's accepted frameworks (DOMAIN.md §1.5), plus CSF 2.0 (NY Part 121, 2026).
SECURITY_FRAMEWORKS: dict[str, str] = {
    "nist_csf_1_1": "NIST Cybersecurity Framework 1.1",
    "nist_csf_2_0": "NIST Cybersecurity Framework 2.0",
    "nist_800_53": "NIST SP 800-53",
    "nist_800_171": "NIST SP 800-171",
    "iso_27001": "ISO/IEC 27000 series (27001)",
    "scf": "Secure Controls Framework (SCF)",
    "cis_csc": "CIS Critical Security Controls",
    "cmmc": "Cybersecurity Maturity Model Certification (CMMC)",
}

# Classes of student data whose breach-notice windows differ (breach_notification.by_category).
# Connecticut (C.G.S. 10-234dd, DOMAIN.md §2.4, [S]) gives 30 days for student information other
# than directory information and 60 days for directory information, student records and
# student-generated content. Kept small on purpose: add a class only when a law or contract
# needs it.
BREACH_DATA_CATEGORIES: dict[str, str] = {
    "student_information": "Student information other than directory information",
    "directory_information": "Directory information",
    "student_records": "Student records",
    "student_generated_content": "Student-generated content",
    "other": "Other data the clause names",
}

US_STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
)

#: Each postal code of US_STATES -> the state's or territory's name, for messages ("Maryland law").
US_STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "the U.S. Virgin Islands", "AS": "American Samoa", "MP": "the Northern Mariana Islands",
}
