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

CT_BREACH = ("Upon discovery of a breach of security that results in the unauthorized release of student information, "
             "the Contractor shall notify the Board without unreasonable delay, but not later than thirty (30) calendar "
             "days after such discovery where the breach involves student information other than directory "
             "information, and not later than sixty (60) calendar days after such discovery where the breach involves "
             "directory information, student records or student-generated content.")
RENEWAL = ("At the end of the initial term, this Agreement renews automatically for successive twelve (12) month "
           "periods unless either party gives written notice of non-renewal at least ninety (90) calendar days before "
           "the end of the then-current term.")
# Terms the format gained for the law issue and the wordings the held-out corpus taught the
# importer; each row is one sentence as some contract writes it.
NEWER_TERMS = [
    # term.renewal
    ("term.renewal.automatic", RENEWAL, "Renewal", [True]),
    ("term.renewal.period_months", RENEWAL, "Renewal", [12]),
    ("term.renewal.notice", RENEWAL, "Renewal", ["90 calendar days"]),
    ("term.renewal.automatic", "This Contract does not renew automatically.", "Renewal", [False]),
    ("term.renewal.automatic", "The parties may extend this Agreement for up to two additional one-year terms by "
     "mutual written agreement.", "", [False]),
    ("term.renewal.period_months", "The parties may extend this Agreement for up to two additional one-year terms by "
     "mutual written agreement.", "", [12]),
    ("term.renewal.automatic", "The Provider shall renew its security certifications every year.", "", []),
    ("term.renewal.notice", "This Agreement renews automatically each year unless a party gives at least sixty days' "
     "notice of non-renewal.", "", [None]),  # "days" alone: a note, no value
    # clauses.breach_notification: by_category, law_enforcement_delay, costs, and what is no window
    (f"{BN}.by_category", CT_BREACH, "Breach of Security",
     [{"categories": ["student_information"], "window": "30 calendar days"},
      {"categories": ["directory_information", "student_records", "student_generated_content"],
       "window": "60 calendar days"}]),
    (f"{BN}.window", CT_BREACH, "Breach of Security", []),  # two windows: no general one
    (f"{BN}.trigger", CT_BREACH, "Breach of Security", ["discovery"]),
    (f"{BN}.by_category", "The Provider shall notify the LEA of a breach within 72 hours and shall notify parents "
     "within thirty (30) calendar days.", "", []),  # two windows, but not by class of data
    (f"{BN}.law_enforcement_delay", "Quillstone may delay the notice for as long as a law enforcement agency "
     "determines that notice would impede a criminal investigation.", "Data Breach", [True]),
    (f"{BN}.law_enforcement_delay", "The Vendor may postpone a notice under paragraph 8 at the written request of a "
     "law enforcement agency.", "Law Enforcement", [True]),
    (f"{BN}.law_enforcement_delay", "The Provider shall cooperate with law enforcement in any investigation of a "
     "breach.", "Data Breach", []),
    (f"{BN}.costs", "The Contractor shall reimburse the Board for the reasonable costs of notifying students and "
     "parents of a breach caused by the Contractor.", "Costs", ["vendor"]),
    (f"{BN}.window", "The Contractor shall notify the Board within five (5) business days if it becomes aware that it "
     "has materially breached any of those Articles.", "Termination for Breach", []),  # a breach of the contract
    (f"{BN}.window", "We will notify you within five business days after we confirm a Security Incident affecting "
     "your Student Data.", "Security Incidents", ["5 business days"]),
    (f"{BN}.trigger", "We will notify you within five business days after we confirm a Security Incident affecting "
     "your Student Data.", "Security Incidents", ["confirmation"]),
    (f"{BN}.window", "The Provider will inform the District within 24 hrs of detecting any incident that compromises "
     "District Data.", "Incidents", ["24 hours"]),
    (f"{BN}.trigger", "Contractor shall forthwith notify the District of any Breach of which Contractor becomes aware.",
     "Security Breach", ["discovery"]),
    (f"{BN}.window", "Contractor shall forthwith notify the District of any Breach of which Contractor becomes aware.",
     "Security Breach", []),
    (f"{BN}.recipients", "The Provider shall not be required to notify parents or students directly.", "Data Breach",
     []),
    (f"{BN}.recipients", "The Provider shall bear the cost of any notice to parents that the District reasonably "
     "determines is required because of a breach.", "Data Breach", []),
    # clauses.storage
    ("clauses.storage.location", "Division Data shall be stored and processed within the continental United States.",
     "", ["us_only"]),
    ("clauses.storage.location", "All District Data must remain in data centers located in the United States.", "",
     ["us_only"]),
    ("clauses.storage.location", "Student Data is hosted in the United States or Canada.", "", ["named_countries"]),
    ("clauses.storage.countries", "Student Data is hosted in the United States or Canada.", "", ["US", "CA"]),
    ("clauses.storage.location", "Where required by applicable law, Student Data shall be stored within the United "
     "States.", "", []),
    ("clauses.storage.location", "Data is stored in the United States.", "", []),  # describes; says no "only"
    ("clauses.storage.location", "Student Data shall be stored only in the United States or the European Union.", "",
     []),
    ("clauses.storage.location", "Company may store and process District Data in any country in which Company or its "
     "subprocessors maintain facilities.", "", ["anywhere"]),
    # clauses.precedence
    ("clauses.precedence.over_vendor_terms", "If this Agreement conflicts with the Vendor's terms of service or privacy "
     "policy, this Agreement controls.", "", [True]),
    ("clauses.precedence.over_privacy_policy", "This Agreement supersedes any conflicting provision of Company's Terms "
     "of Use or Privacy Policy.", "", [True]),
    ("clauses.precedence.over_vendor_terms", "This Contract takes precedence over any terms of use, click-through "
     "agreement or privacy policy of the Contractor.", "", [True]),
    ("clauses.precedence.over_vendor_terms", "If any term of the Agreement or of the Vendor's privacy policy conflicts "
     "with this Rider, this Rider governs.", "", [True]),
    # clauses.parent_access
    ("clauses.parent_access.window", "The Provider shall, within five business days of a request from the LEA, "
     "provide the LEA with the Student Data a parent has asked to review.", "", ["5 business days"]),
    ("clauses.parent_access.parents_may_review", "A student, parent or legal guardian may review personally "
     "identifiable information contained in student records and correct erroneous information.", "", [True]),
    ("clauses.parent_access.correction", "A student, parent or legal guardian may review personally identifiable "
     "information contained in student records and correct erroneous information.", "", [True]),
    # clauses.sale_or_merger
    ("clauses.sale_or_merger.notice_to_district", "The Vendor may assign this Agreement to a successor in a merger, "
     "provided that the successor agrees in writing to be bound by this Agreement and the Vendor notifies the "
     "District within ten (10) business days after the transaction closes.", "Assignment", [True]),
    ("clauses.sale_or_merger.notice", "The Vendor may assign this Agreement to a successor in a merger, provided that "
     "the Vendor notifies the District within ten (10) business days after the transaction closes.", "",
     ["10 business days"]),
    ("clauses.sale_or_merger.successor_bound", "If the Vendor is acquired, Student Data may be transferred to the "
     "acquirer, which will be bound by these Terms.", "", [True]),
    ("clauses.sale_or_merger.data_may_transfer", "If the Vendor is acquired, Student Data may be transferred to the "
     "acquirer, which will be bound by these Terms.", "", [True]),
    ("clauses.sale_or_merger.data_may_transfer", "If the Provider merges with another company, Student Data may not be "
     "transferred to the successor without the District's consent.", "", [False]),
    ("clauses.sale_or_merger.notice_to_district", "Upon a merger, the Provider shall not be required to notify the "
     "District.", "", []),
    # clauses.termination
    ("clauses.termination.no_termination_fee", "No early-termination fee or penalty applies if the Board terminates "
     "under Section 7.01.", "", [True]),
    ("clauses.termination.for_material_breach", "The Board may terminate this Contract immediately if the Contractor "
     "materially breaches Article 3.", "", [True]),
    ("clauses.termination.by_district_for_convenience", "The District may terminate this Agreement at any time, for "
     "any reason, upon thirty (30) days' written notice.", "", [True]),
    # clauses.confidentiality
    ("clauses.confidentiality.employees_bound", "Contractor's employees who access District Data shall sign a "
     "confidentiality agreement before receiving access.", "", [True]),
    ("clauses.confidentiality.training_required", "Contractor personnel with access to student data shall receive "
     "annual training on the protection of student data.", "", [True]),
    ("clauses.confidentiality.access_limited_to_need", "Access to Student Data is limited to Vendor personnel who need "
     "it to support the Service.", "", [True]),
    # clauses.subprocessors.no_sale
    ("clauses.subprocessors.no_sale", "Each subcontractor with access to student data is prohibited from selling "
     "student data.", "", [True]),
    ("clauses.subprocessors.no_sale", "The Provider shall not permit any subcontractor to access the data unless it is "
     "bound by written obligations, including a prohibition on the sale of the data.", "", [True]),
    ("clauses.subprocessors.no_sale", "Subprocessors may process Student Data to provide the services.", "", []),
    # clauses.disposal
    ("clauses.disposal.sanitization_covers_all_media", "Student data is held on no other media.", "", [True]),
    ("clauses.disposal.sanitization_covers_all_media", "The Provider keeps data on many kinds of media.", "", []),
    ("clauses.disposal.written_certification", "The Provider shall not be required to provide a certificate of "
     "deletion.", "", [False]),
    ("clauses.disposal.written_certification", "Company shall not be required to certify destruction unless the "
     "District requests certification in writing.", "Certification", [True]),  # a duty on request
    ("clauses.disposal.written_certification", "The Provider shall destroy that data forthwith and confirm the "
     "destruction to the District in writing.", "", [True]),
    ("clauses.disposal.sanitization", "Paper records containing District Data shall be destroyed by cross-cut "
     "shredding, and electronic media shall be overwritten using a single-pass overwrite.", "",
     [{"media": "paper", "method": "shred"}, {"media": "unspecified", "method": "single_pass_overwrite"}]),
    ("clauses.disposal.sanitization", "Electronic records shall be destroyed by cryptographic erasure and paper "
     "records by cross-cut shredding.", "",
     [{"media": "unspecified", "method": "cryptographic_erase"}, {"media": "paper", "method": "shred"}]),
    # clauses.data_use: consent, advertising, redisclosure
    ("clauses.data_use.prohibits.sale", "The Vendor may sell or license Student Data to a third party only with the "
     "prior written consent of the District.", "", [None]),  # allowed with consent: not prohibited
    ("clauses.data_use.prohibits.sale", "The Provider shall not sell Student Data without the prior written consent of "
     "the District.", "", [None]),
    ("clauses.data_use.prohibits.sale", "The Provider shall not sell, rent or trade Student Data, and shall not "
     "disclose it without the District's consent.", "", [True]),
    ("clauses.data_use.prohibits.targeted_advertising", "Contractor will not use District Data for marketing or "
     "advertising.", "", [True]),
    ("clauses.data_use.prohibits.marketing", "The Provider shall not use Student Data to direct targeted advertising "
     "to students or their families.", "", []),
    ("clauses.data_use.redisclosure", "Company shall not disclose District Data to any third party except (i) to "
     "subprocessors bound by this Agreement, or (ii) as required by law.", "", ["to_subprocessors_only"]),
    ("clauses.data_use.redisclosure", "The Provider shall not redisclose Student Data to any third party without the "
     "prior written consent of the LEA, except as required by law or to Subprocessors.", "",
     ["prohibited_without_consent"]),
    # clauses.ownership
    ("clauses.ownership.district_owns", "All District Data is and shall remain the property of the District.", "",
     [True]),
    ("clauses.ownership.district_owns", "Student records are not the property of the Contractor and remain under the "
     "control of the Board.", "", [True]),
    ("clauses.ownership.district_owns", "District Data belongs to the District.", "", [True]),
    ("clauses.ownership.district_controls", "All Student Data remains the property of the LEA and under its control.",
     "", [True]),
    # clauses.audit
    ("clauses.audit.district_may_audit", "You may not conduct on-site audits of the Provider.", "", [False]),
    ("clauses.audit.per_year", "The District may audit the Provider not more than once in any twelve-month period.",
     "", [1]),
    ("clauses.audit.district_may_audit", "The District may, upon fifteen (15) business days' written notice, review "
     "the Provider's security controls once per school year.", "Audit", [True]),
    ("clauses.audit.notice", "The District may, upon fifteen (15) business days' written notice, review the "
     "Provider's security controls once per school year.", "Audit", ["15 business days"]),
    ("clauses.audit.per_year", "On request, once per year, we will provide you with a summary of our most recent "
     "security assessment.", "Audits and Assessments", []),  # a report once a year is no audit
    # term.governing_state, laws, encryption
    ("term.governing_state", "This Addendum is governed by Oregon law.", "", ["OR"]),
    ("clauses.legal_compliance.other_laws", "Contractor shall comply with FERPA and ORS 336.184.", "",
     ["ORS 336.184"]),
    ("clauses.legal_compliance.other_laws", "Company shall comply with FERPA, COPPA and RCW 28A.604.", "", []),
    ("clauses.legal_compliance.laws", "The Vendor shall comply with FERPA, COPPA, and Texas Education Code Chapter 32, "
     "Subchapter D.", "", ["ferpa", "coppa", "tx_educ_code_32"]),
    ("clauses.security.encryption_at_rest", "Contractor shall store District Data in encrypted form.", "", [True]),
    ("clauses.security.encryption_in_transit", "The Contractor shall use TLS for all transmissions of District Data.",
     "", [True]),
]
CASES += NEWER_TERMS


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
