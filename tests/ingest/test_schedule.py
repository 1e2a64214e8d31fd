"""Data-element schedules in the forms contracts use: boxes, a Yes/No answer, "X" under a Yes and
a No column, an "X" typed in a check column. Only rows marked as shared count."""

from __future__ import annotations

from dpa_policy.ingest.document import Line
from dpa_policy.ingest.layout import Section
from dpa_policy.ingest.terms.schedule import schedule_rows


def _keys(*lines: str) -> list[str]:
    section = Section("Exhibit B", "Data Elements", 4, exhibit="Exhibit B",
                      lines=[Line(4, text) for text in lines])
    rows, _ = schedule_rows([section])
    return [row.key for row in rows]


def test_separate_yes_and_no_columns_marked_x():
    assert _keys("Data Element | Yes | No",
                 "Student email address | X |",
                 "Date of birth | | X",
                 "Parent/guardian email | X |",
                 "Student work (assignments and submissions) | X |") == [
        "student_contact.email", "parent_contact.email", "student_work.student_generated_content"]


def test_one_answer_column_with_dot_leaders_as_a_scan_gives_them():
    assert _keys("Data Element                     Provided (Yes/No)",
                 "Student first and last name ............ Yes",
                 "Date of birth .......................... No",
                 "Student home address ................... No",
                 "Grade level ............................ Yes") == ["student_name.first_last", "enrollment.grade_level"]


def test_x_typed_in_a_check_column_and_an_empty_cell_means_not_shared():
    assert _keys("Category of Data | Elements | Check if Used by Your System",
                 "Student Identifiers | Local (School district) ID number | X",
                 "| State ID number |",
                 "Demographics | Date of Birth |") == ["student_identifiers.local_id"]


def test_a_short_unmarked_list_is_read_as_the_elements_shared():
    assert _keys("\u2022 Student first and last name", "\u2022 Student writing submissions") == [
        "student_name.first_last", "student_work.student_generated_content"]
