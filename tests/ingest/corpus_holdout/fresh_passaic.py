"""Fresh set (written after the importer was tuned on the held-out six; not tuned against):
a New Jersey rider saved as plain text, "ARTICLE ONE" spelled out, "Sec. 1.1" numbering,
"days" defined as calendar days, "24 hrs", "need not notify"."""

from .blocks import h, p, title

NAME = "fresh-passaic-corvid-rider"
FORMAT = "txt"
STYLE = "text"
HEADER = ""

BLOCKS = [
    title("STUDENT DATA PRIVACY RIDER"),
    p("Rider No. PVSD-2026-031"),
    p("This Student Data Privacy Rider (the \u201cRider\u201d) supplements the Master Services Agreement between Passaic "
      "Valley School District, 35 Riverview Avenue, Totowa, New Jersey 07512 (the \u201cDistrict\u201d) and Corvid "
      "Analytics, LLC, 200 Summer Street, Boston, MA 02110 (\u201cCorvid\u201d). This Rider takes effect on February 1, "
      "2026."),
    h("ARTICLE ONE \u2014 SCOPE"),
    p("Sec. 1.1 This Rider applies to all District Data that Corvid receives in providing the Corvid Insights "
      "dashboard."),
    p("Sec. 1.2 In this Rider, \u201cdays\u201d means calendar days."),
    h("ARTICLE TWO \u2014 OWNERSHIP AND USE"),
    p("Sec. 2.1 District Data belongs to the District. Corvid holds District Data solely as a custodian for the "
      "District."),
    p("Sec. 2.2 Corvid will use District Data exclusively to operate the Corvid Insights dashboard for the District "
      "and will not sell, rent, lease or otherwise commercialize District Data."),
    p("Sec. 2.3 Corvid will not use District Data to profile students or to target advertisements to students or "
      "parents."),
    h("ARTICLE THREE \u2014 SECURITY AND STORAGE"),
    p("Sec. 3.1 All District Data must remain in data centers located in the United States."),
    p("Sec. 3.2 Corvid will encrypt District Data both in transit and at rest."),
    p("Sec. 3.3 Corvid personnel will receive security awareness training at least once a year."),
    h("ARTICLE FOUR \u2014 INCIDENTS"),
    p("Sec. 4.1 Corvid will inform the District within 24 hrs of detecting any incident that compromises District "
      "Data."),
    p("Sec. 4.2 Corvid will cooperate with the District and bear all costs of notifying affected families where the "
      "incident arose from Corvid's negligence."),
    p("Sec. 4.3 Corvid need not notify the District of blocked or unsuccessful attempts to access its systems."),
    h("ARTICLE FIVE \u2014 RETURN AND DELETION"),
    p("Sec. 5.1 Upon the District's written direction, Corvid will delete the District Data specified within ten "
      "days."),
    p("Sec. 5.2 Within forty-five days of the expiration or termination of the Agreement, Corvid will return all "
      "District Data to the District and then permanently delete it."),
    p("Sec. 5.3 Corvid will provide the District with a certificate of destruction upon completion of deletion."),
    h("ARTICLE SIX \u2014 GENERAL"),
    p("Sec. 6.1 The District may terminate the Agreement and this Rider for any material breach of this Rider by "
      "Corvid."),
    p("Sec. 6.2 If any term of the Agreement or of Corvid's privacy policy conflicts with this Rider, this Rider "
      "governs."),
    p("Sec. 6.3 This Rider is governed by the laws of the State of New Jersey."),
    p("Sec. 6.4 Corvid will comply with FERPA, COPPA and N.J.S.A. 18A:36-19."),
    p("DISTRICT: Passaic Valley School District"),
    p("By: Gloria Mendes, Business Administrator"),
    p("Date: January 20, 2026"),
    p("CORVID ANALYTICS, LLC"),
    p("By: Peter Sand, Chief Executive Officer"),
    p("Date: January 22, 2026"),
]

EXPECTED = {
    "id": "PVSD-2026-031",
    "title": "STUDENT DATA PRIVACY RIDER",
    "parties.district.name": "Passaic Valley School District",
    "parties.district.state": "NJ",
    "parties.vendor.name": "Corvid Analytics, LLC",
    "products.name": "Corvid Insights",
    "term.effective": "2026-02-01",
    "term.governing_state": "NJ",
    "term.model": "custom",
    "clauses.ownership.district_owns": True,
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.storage.location": "us_only",
    "clauses.security.encryption_at_rest": True,
    "clauses.security.encryption_in_transit": True,
    "clauses.confidentiality.training_required": True,
    "clauses.breach_notification.window": "24 hours",
    "clauses.breach_notification.trigger": "discovery",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.costs": "vendor",
    "clauses.disposal.on_request": {"within": "10 calendar days"},
    "clauses.disposal.at_termination": {"within": "45 calendar days"},
    "clauses.disposal.return_before_disposal": True,
    "clauses.disposal.written_certification": True,
    "clauses.termination.for_material_breach": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa"],
    "clauses.legal_compliance.other_laws": ["N.J.S.A. 18A:36-19"],
}

REQUIRED_NOT_STATED: list[str] = []
