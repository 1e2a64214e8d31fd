"""Data-element names as schedules and clearinghouse pages write them -> Exhibit B vocabulary.

Two tables, both data: category headings (NDPA Exhibit B's left column) and element phrases.
A phrase is either *global* (names its subject: "Parent Email") or *local* to a category
("Email" under "Parent/Guardian Contact Information"). A line that names no known element
maps to nothing: an unknown element is reported, never forced onto the nearest key.
"""

from __future__ import annotations

import re

from ..model.vocabulary import ELEMENTS, PARENT, STAFF, STUDENT

CATEGORIES = [
    ("app_tech_metadata", r"application\s+technology\s+meta\s*data"),
    ("app_use_statistics", r"application\s+use\s+statistics"),
    ("assessment", r"assessment\b"),
    ("attendance", r"attendance\b"),
    ("communications", r"communications?\b"),
    ("conduct", r"conduct\b"),
    ("demographics", r"demographics?\b"),
    ("enrollment", r"enrol(?:l)?ment\b"),
    ("parent_contact", r"parent\s*/?\s*(?:or\s+)?guardian\s+contact\s+information"),
    ("parent_id", r"parent\s*/?\s*(?:or\s+)?guardian\s+id\b"),
    ("parent_name", r"parent\s*/?\s*(?:or\s+)?guardian\s+name"),
    ("schedule", r"schedule\b"),
    ("special_indicator", r"special\s+indicator"),
    ("student_contact", r"student\s+contact\s+information"),
    ("student_identifiers", r"student\s+identifiers"),
    ("student_name", r"student\s+name\b"),
    ("student_in_app_performance", r"student\s+in[- ]app\s+performance"),
    ("student_program_membership", r"student\s+program\s+membership"),
    ("student_survey_responses", r"student\s+survey\s+responses"),
    ("student_work", r"student\s+work\b"),
    ("transcript", r"transcript\b"),
    ("transportation", r"transportation\b"),
    ("none", r"none\b"),
]

# (element key, phrase, local-to-category?) -- local phrases count only under their category.
PHRASES: list[tuple[str, str, bool]] = [
    ("app_tech_metadata.ip_addresses", r"ip\s+addresses", False),
    ("app_tech_metadata.cookies", r"(?:use\s+of\s+)?cookies", False),
    ("app_tech_metadata.other", r"other\s+application\s+technology\s+meta\s*data", False),
    ("app_use_statistics.interaction_metadata", r"meta\s*data\s+on\s+user\s+interaction", False),
    ("assessment.standardized_test_scores", r"standardi[sz]ed\s+test\s+scores", False),
    ("assessment.observation_data", r"observation\s+data", False),
    ("assessment.other", r"other\s+assessment\s+data|(?:student\s+)?assessment\s+(?:responses|results)", False),
    ("attendance.school_daily", r"school\s+\(?daily\)?\s+attendance", False),
    ("attendance.class", r"class\s+attendance", False),
    ("communications.online_communications", r"online\s+communications", False),
    ("conduct.behavioral", r"conduct\s+or\s+behavio(?:u)?ral\s+data|behavio(?:u)?ral\s+data", False),
    ("demographics.date_of_birth", r"date\s+of\s+birth|birth\s*date", False),
    ("demographics.place_of_birth", r"place\s+of\s+birth", False),
    ("demographics.gender", r"gender\b|student\s+gender", False),
    ("demographics.ethnicity_race", r"ethnicity\s+or\s+race|race\s+(?:or|and)\s+ethnicity|^ethnicity", False),
    ("demographics.language", r"language\s+information", False),
    ("demographics.other", r"other\s+demographic", False),
    ("enrollment.school_enrollment", r"(?:student\s+)?school\s+enrol(?:l)?ment", False),
    ("enrollment.grade_level", r"grade\s+level", False),
    ("enrollment.homeroom", r"homeroom\b", False),
    ("enrollment.guidance_counselor", r"guidance\s+counse(?:l)?or", False),
    ("enrollment.curriculum_programs", r"specific\s+curriculum\s+programs", False),
    ("enrollment.graduation_year", r"year\s+of\s+graduation|graduation\s+year", False),
    ("enrollment.other", r"other\s+enrol(?:l)?ment", False),
    ("parent_contact.address", r"parent\s*(?:/\s*guardian)?\s+(?:home\s+|mailing\s+)?address", False),
    ("parent_contact.email", r"parent\s*(?:/\s*guardian)?\s+e-?mail", False),
    ("parent_contact.phone", r"parent\s*(?:/\s*guardian)?\s+(?:mobile\s+|cell\s+|home\s+)?(?:phone|telephone)",
     False),
    ("parent_id.parent_id_number", r"parent\s+id(?:\s+number)?|parent\s*/\s*student\s+association", False),
    ("parent_name.first_last", r"parent\s*(?:/\s*guardian)?\s+(?:first\s+and(?:/or)?\s+last\s+)?name", False),
    ("schedule.scheduled_courses", r"scheduled\s+courses|student\s+schedules?", False),
    ("schedule.teacher_names", r"teacher\s+names?", False),
    ("special_indicator.english_learner", r"english\s+language\s+learner|\bELL\b", False),
    ("special_indicator.low_income", r"low[- ]income", False),
    ("special_indicator.medical_health", r"medical\s+alerts?|health\s+data", False),
    ("special_indicator.disability", r"disability\s+information", False),
    ("special_indicator.iep_504", r"specialized\s+education\s+services|\bIEP\b", False),
    ("special_indicator.living_situation", r"living\s+situations?", False),
    ("special_indicator.other", r"other\s+indicator", False),
    ("student_contact.address", r"student\s+(?:home\s+)?address", False),
    ("student_contact.email", r"student\s+e-?mail", False),
    ("student_contact.phone", r"student\s+(?:phone|telephone)", False),
    ("student_identifiers.local_id", r"local\s+\(?school\s+district\)?\s+id|district\s+(?:student\s+)?id\s+number|"
                                     r"student\s+id(?:entification)?\s+numbers?|^student\s+id$", False),
    ("student_identifiers.state_id", r"state\s+id(?:\s+number)?", False),
    ("student_identifiers.provider_id", r"provider\s*/\s*app\s+assigned|app\s+assigned\s+student\s+id", False),
    ("student_identifiers.app_username", r"student\s+app\s+user\s*names?", False),
    ("student_identifiers.app_password", r"student\s+app\s+passwords?", False),
    ("student_name.first_last", r"student\s+(?:first\s+and(?:/or)?\s+last\s+|full\s+)?names?", False),
    ("student_in_app_performance.program_performance", r"program\s*/\s*application\s+performance", False),
    ("student_program_membership.activities", r"academic\s+or\s+extracurricular\s+activities", False),
    ("student_survey_responses.responses", r"responses\s+to\s+surveys", False),
    ("student_work.student_generated_content", r"student\s+generated\s+content", False),
    ("student_work.other", r"other\s+student\s+work", False),
    # Student work named by what students make ("Student work (essays)", "Student writing
    # submissions"): Exhibit B's "Student generated content; writing, pictures, etc.".
    ("student_work.student_generated_content", r"student\s+(?:work|writing|assignments?|submissions?|projects?)\b",
     False),
    ("transcript.course_grades", r"student\s+course\s+grades$|^student\s+course\s+grades\s*[|\u2610\u2612\[]",
     False),
    ("transcript.course_data", r"student\s+course\s+data", False),
    ("transcript.performance_scores", r"course\s+grades\s*/\s*performance\s+scores", False),
    ("transcript.other", r"other\s+transcript", False),
    ("transportation.bus_assignment", r"bus\s+assignment", False),
    ("transportation.pickup_dropoff_location", r"pick\s*up\s+and/or\s+drop\s*off|pick-?up\s+(?:and|or)\s+drop-?off",
     False),
    ("transportation.bus_card_id", r"bus\s+card", False),
    ("transportation.other", r"other\s+transportation", False),
    ("none.no_student_data", r"no\s+student\s+data\s+collected", False),
    # Exhibit B's short labels, meaningful only under their category heading.
    ("parent_contact.address", r"address\b", True),
    ("parent_contact.email", r"e-?mail\b", True),
    ("parent_contact.phone", r"phone\b", True),
    ("student_contact.address", r"address\b", True),
    ("student_contact.email", r"e-?mail\b", True),
    ("student_contact.phone", r"phone\b", True),
    ("parent_name.first_last", r"first\s+and/or\s+last", True),
    ("student_name.first_last", r"first\s+and/or\s+last", True),
]
_COMPILED = [(key, re.compile(p, re.IGNORECASE), local) for key, p, local in PHRASES]
_CATEGORIES = [(key, re.compile(p, re.IGNORECASE)) for key, p in CATEGORIES]


def category_of(text: str) -> tuple[str, int] | None:
    """(category key, where its name ends) when ``text`` opens with a category name."""
    text = text.lstrip()
    for key, pattern in _CATEGORIES:
        if match := pattern.search(text):
            if match.start() == 0:
                return key, match.end()
    return None


def element_of(label: str, category: str | None) -> str | None:
    """The element a label names, under ``category`` when the label only makes sense there."""
    label = label.strip(" -\u2013\u2022*:;,.")
    for key, pattern, local in _COMPILED:
        if local and not key.startswith(f"{category}."):
            continue
        if pattern.search(label):
            return key
    return None


def subject_of(key: str) -> str:
    """Whom an element describes when a schedule lists it: students unless only parents (staff)."""
    subjects = ELEMENTS[key].subjects
    if STUDENT in subjects:
        return STUDENT
    return PARENT if PARENT in subjects else STAFF
