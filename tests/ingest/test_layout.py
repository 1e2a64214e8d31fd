"""How the layout reads numbering, wrapped lines and tables, on lines as documents give them."""

from __future__ import annotations

from dpa_policy.ingest.document import Document
from dpa_policy.ingest.layout import sections, sentences


def _document(*pages: list[str]) -> Document:
    document = Document("text", len(pages))
    for number, lines in enumerate(pages, start=1):
        document.add(number, "\n".join(lines))
    return document


def _by_citation(document: Document) -> dict:
    return {section.citation: section for section in sections(document)}


def test_roman_sections_with_lettered_run_in_paragraphs_cite_section_iv_b():
    found = _by_citation(_document([
        "SECTION IV. DATA SECURITY",
        "(a) Safeguards. Company shall maintain safeguards.",
        "(b) Breach Notification. Company shall notify the District no later than 48 hours after it becomes aware.",
        "(i) the name of the reporter; (ii) the date.",
    ]))
    breach = found["Section IV(b)"]
    assert breach.title == "Breach Notification"
    assert "DATA SECURITY" in breach.heading  # the parent heading gives the paragraph its context
    assert "Section IV(c)" not in found and not any("(i)" in c for c in found)


def test_section_sign_numbering_is_cited_as_written_and_a_wrapped_cross_reference_is_no_heading():
    found = _by_citation(_document([
        "\u00a7 1  TERM",
        "\u00a7 1.1 This Addendum is effective July 1, 2024. The terms in",
        "\u00a7 3 and \u00a7 4 of this Addendum apply to all District Data.",
        "\u00a7 2  SECURITY BREACH",
        "\u00a7 2.1 Contractor shall forthwith notify the District of any Breach.",
    ]))
    assert {"\u00a7 1", "\u00a7 1.1", "\u00a7 2", "\u00a7 2.1"} <= set(found)
    assert "\u00a7 3" not in found
    assert "apply to all District Data" in " ".join(s.text for s in sentences(found["\u00a7 1.1"]))


def test_decimal_clause_numbers_count_in_sequence_without_a_title_and_inherit_the_article():
    found = _by_citation(_document([
        "Article 5 \u2013 Data Breach",
        "5.1 Quillstone shall notify the Division of any Security Breach within",
        "48 hours after discovery.",
        "5.2 The notice shall describe the breach.",
        "12.5 Percent of the fee is due on signing.",  # out of sequence: text, not a clause number
    ]))
    assert set(found) >= {"Article 5", "Article 5, Section 5.1", "Article 5, Section 5.2"}
    assert not any("12.5" in citation for citation in found)
    assert "Data Breach" in found["Article 5, Section 5.1"].heading


def test_words_hyphenated_across_lines_are_joined_unless_spelt_with_a_hyphen():
    [section] = [s for s in sections(_document([
        "Contractor's employees shall sign a confiden-",
        "tiality agreement and a non-",
        "disclosure agreement; student-",
        "generated content is covered, as is all student-generated content.",
    ])) if s.lines]
    text = " ".join(s.text for s in sentences(section))
    assert "confidentiality agreement" in text
    assert "non-disclosure" in text  # a prefix keeps its hyphen
    assert text.count("student-generated content") == 2  # the document spells it with one


def test_each_table_row_is_a_sentence_of_its_own():
    [section] = [s for s in sections(_document([
        "Effective Date | July 1, 2025",
        "Governing Law | State of Connecticut",
        "This Contract is entered into between the Board and the Contractor.",
    ])) if s.lines]
    assert [s.text for s in sentences(section)] == [
        "Effective Date | July 1, 2025", "Governing Law | State of Connecticut",
        "This Contract is entered into between the Board and the Contractor."]


def test_a_two_page_documents_running_header_is_dropped():
    document = _document(
        ["ACME Learning | Student Data Agreement", "1. Scope. The Provider shall protect Student Data.", "Page 1"],
        ["ACME Learning | Student Data Agreement", "2. Breach. The Provider shall notify the LEA.", "Page 2"],
    )
    text = " ".join(line.text for section in sections(document) for line in section.lines)
    assert "ACME Learning" not in text
    assert "The Provider shall notify the LEA." in text


def test_a_statute_citation_does_not_end_a_sentence():
    [section] = [s for s in sections(_document([
        "Vendor shall comply with the Colorado Act, C.R.S. \u00a7 22-16-101 et seq., and with Conn. Gen. Stat. "
        "\u00a7 10-234bb."])) if s.lines]
    assert len(sentences(section)) == 1
