"""Each extractor alone, on sentences as contracts write them: the value it reads, and the
wordings it must leave alone (no number, the wrong party, a carve-out, a notice period)."""

from __future__ import annotations

import pytest

from dpa_policy.ingest.layout import Section, Sentence
from dpa_policy.ingest.terms import BY_FIELD
from dpa_policy.ingest.terms.base import Context

BN = "clauses.breach_notification"
CASES = [
    # (field, sentence, section heading, expected values; [] = nothing read)
    (f"{BN}.window", "Provider shall provide notification to LEA within seventy-two (72) hours of confirmation of "
     "the incident.", "Data Breach", ["72 hours"]),
    (f"{BN}.window", "The Vendor shall notify the District within ten (10) calendar days after discovery of a "
     "breach.", "", ["10 calendar days"]),
    (f"{BN}.window", "If we learn of unauthorized access to student data, we will notify you promptly.", "", []),
    (f"{BN}.window", "The Provider shall notify the LEA of a breach not later than sixty days after discovery.", "",
     [None]),  # "days" alone: not a duration the format accepts; a note, no value
    (f"{BN}.window", "The LEA shall notify affected parents within sixty (60) calendar days of the breach.", "", []),
    (f"{BN}.window", "Following unauthorized access, the LEA may audit the Provider on ten (10) business days' "
     "notice.", "Audits", []),
    (f"{BN}.window", "The Vendor shall notify the District of a breach within ten (15) days.", "", [None]),
    (f"{BN}.trigger", "The Vendor shall notify the District within ten (10) calendar days after discovery of a "
     "breach.", "", ["discovery"]),
    (f"{BN}.trigger", "Provider shall notify the LEA within 72 hours of confirmation of the incident.", "Breach",
     ["confirmation"]),
    (f"{BN}.trigger", "The Provider shall notify the LEA no later than thirty (30) calendar days after the "
     "determination that a breach has occurred.", "", ["determination"]),
    (f"{BN}.law_enforcement_delay", "Notice within this time may be delayed if it would impede a law enforcement "
     "investigation of the breach.", "Data Breach", [True]),
    (f"{BN}.costs", "The Vendor shall bear all costs of notifying affected families of a breach.", "", ["vendor"]),
    ("clauses.data_use.prohibits.sale", "The Provider shall not sell, rent or trade Student Data.", "", [True]),
    ("clauses.data_use.prohibits.sale", "Student Data shall not be sold to any third party.", "", [True]),
    ("clauses.data_use.prohibits.sale", "The Provider may sell de-identified data.", "", []),
    ("clauses.data_use.prohibits.sale", "We reserve the right to sell customer data to partners.", "", [False]),
    ("clauses.data_use.prohibits.targeted_advertising", "This section does not prohibit Provider from using "
     "Student Data for adaptive learning or targeted advertising to teachers.", "", []),
    ("clauses.data_use.prohibits.targeted_advertising", "Provider is prohibited from using Student Data to inform, "
     "influence, or enable Targeted Advertising.", "", [True]),
    ("clauses.data_use.carve_outs", "This section does not prohibit Provider from using Student Data for adaptive "
     "learning or to notify account holders about product updates.", "",
     ["adaptive_learning", "product_notices_to_account_holders"]),
    ("clauses.disposal.on_request", "Upon written request from the LEA, Provider shall dispose of Student Data "
     "within sixty (60) days of the request.", "", [{}, None]),
    ("clauses.disposal.on_request", "Within thirty (30) calendar days of the District's written request, the "
     "Vendor shall destroy all District data.", "", [{"within": "30 calendar days"}]),
    ("clauses.disposal.at_termination", "Upon termination, Provider shall dispose of all Student Data after "
     "providing the LEA with thirty (30) calendar days' prior notice.", "", [{}]),
    ("clauses.disposal.sanitization", "Electronic data shall be overwritten with a three-pass overwrite in "
     "accordance with DoD 5220.22-M.", "", [{"media": "unspecified", "method": "multi_pass_overwrite",
                                              "standard": "dod_5220_22_m"}]),
    ("clauses.disposal.sanitization", "Secure erasure means deleting the data using a single pass overwrite.", "",
     [{"media": "unspecified", "method": "single_pass_overwrite"}]),
    ("clauses.disposal.sanitization", "Media shall be sanitized to the NIST SP 800-88 Purge level.", "", [None]),
    ("clauses.disposal.sanitization", "Solid-state drives shall be sanitized by cryptographic erase meeting NIST SP "
     "800-88 Rev. 1 Purge.", "", [{"media": "flash", "method": "cryptographic_erase", "level": "purge",
                                   "standard": "nist_800_88_r1"}]),
    ("clauses.disposal.written_certification", "The vendor shall certify in writing that the data was disposed of.",
     "", [True]),
    ("clauses.audit.per_year", "No more than once a year, the LEA may audit the Provider.", "", [1]),
    ("clauses.audit.notice", "The LEA may audit on at least ten (10) business days' notice.", "", ["10 business days"]),
    ("clauses.audit.district_may_audit", "In lieu of an on-site audit, we will provide a summary report.", "", [False]),
    ("clauses.ownership.district_owns", "All Student Data is and will continue to be the property of the LEA.", "",
     [True]),
    ("clauses.ownership.district_owns", "All data collected is the property of Provider.", "", [False]),
    ("clauses.security.encryption_at_rest", "The Vendor shall encrypt District data at rest and in transit.", "",
     [True]),
    ("clauses.security.frameworks", "The Provider shall maintain a security program aligned with the NIST "
     "Cybersecurity Framework.", "", [None]),
    ("clauses.security.frameworks", "The Provider shall maintain a program certified under ISO/IEC 27001.", "",
     ["iso_27001"]),
    ("clauses.legal_compliance.laws", "The Provider shall comply with FERPA, COPPA and 105 ILCS 85.", "",
     ["ferpa", "coppa", "il_soppa"]),
    ("clauses.legal_compliance.laws", "WHEREAS FERPA was enacted in 1974.", "", []),
    ("term.governing_state", "This DPA is governed by the laws of the Commonwealth of Massachusetts.", "", ["MA"]),
    ("clauses.subprocessors.bound_no_less_stringent", "Subprocessors shall protect Student Data in a manner no less "
     "stringent than this DPA.", "", [True]),
    ("clauses.storage.location", "Student Data shall be stored only in the United States.", "", ["us_only"]),
    ("clauses.precedence.over_vendor_terms", "If these Terms conflict with our Terms of Service, our Terms of "
     "Service will control.", "", [False]),
    ("clauses.termination.by_district_for_convenience", "The District may terminate the Agreement for convenience "
     "on thirty (30) calendar days' notice.", "", [True]),
]


@pytest.mark.parametrize("field, text, heading, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_one_term_reads_what_the_sentence_states(field, text, heading, expected):
    sentence = Sentence(text, 3, Section("Section 9", heading, 3))
    got = [value for value, _ in BY_FIELD[field].find(sentence, Context())]
    assert got == expected


def test_every_term_field_is_a_path_in_the_agreement_format():
    from pydantic import BaseModel

    from dpa_policy.ingest.yamlout import submodel
    from dpa_policy.model.agreement import Agreement

    for field in BY_FIELD:
        model: type[BaseModel] | None = Agreement
        for part in field.split("."):
            assert model is not None and part in model.model_fields, field
            model = submodel(model.model_fields[part].annotation)


def test_words_are_quoted_exactly_as_written():
    sentence = Sentence("The Provider shall notify the LEA within forty-eight (48) hours after discovery.", 1,
                        Section("Section 7", "Breach", 1))
    [(value, words)] = list(BY_FIELD[f"{BN}.window"].find(sentence, Context()))
    assert (value, words) == ("48 hours", "forty-eight (48) hours")
    assert words in sentence.text


def test_days_defined_as_calendar_days_convert():
    ctx = Context(days_mean="calendar")
    sentence = Sentence("Provider shall notify the LEA of a breach within ten (10) days.", 1, Section("S", "Breach", 1))
    assert [v for v, _ in BY_FIELD[f"{BN}.window"].find(sentence, ctx)] == ["10 calendar days"]
