"""A Massachusetts alliance form (pre-NDPA state DPA): ten "days" from the incident (no unit
the format accepts), Massachusetts law named by chapter. Rendered as DOCX with Unicode boxes."""

from .blocks import BREAK, h, p, schedule_rows, sig, title

NAME = "ma-alliance-brightbus"
FORMAT = "docx"
MARKS = "unicode"
HEADER = "Massachusetts Student Data Privacy Agreement - Version 1.0"

BLOCKS = [
    title("MASSACHUSETTS STUDENT DATA PRIVACY AGREEMENT"),
    p("Massachusetts Student Privacy Alliance - Version 1.0"),
    p('This Massachusetts Student Data Privacy Agreement ("DPA") is entered into by and between the Dedham '
      'Public Schools, 100 Whiting Avenue, Dedham, Massachusetts 02026 (the "Local Education Agency" or "LEA") '
      'and BrightBus Routing, Inc., 9 Canal Street, Lowell, Massachusetts 01852 (the "Provider") on '
      'March 3, 2023.'),
    h("ARTICLE I: PURPOSE AND SCOPE"),
    p("1. Purpose. The Provider shall use Student Data only for the purpose of planning bus routes and "
      "notifying families of pick-up times."),
    h("ARTICLE II: DATA OWNERSHIP AND AUTHORIZED ACCESS"),
    p("1. Student Data Property of LEA. All Student Data transmitted to the Provider is and will continue to "
      "be the property of and under the control of the LEA."),
    p("2. Third Party Request. The Provider shall not disclose Student Data to any third party without the "
      "express written consent of the LEA, unless required by law."),
    h("ARTICLE IV: DUTIES OF PROVIDER"),
    p("1. Privacy Compliance. The Provider shall comply with all applicable state and federal laws and "
      "regulations pertaining to data privacy and security, including FERPA, COPPA, PPRA, M.G.L. c. 71, "
      "\u00a7 34D, and 603 CMR 23.00."),
    p("2. Employee Obligation. The Provider shall require all employees who have access to Student Data to "
      "sign a confidentiality agreement."),
    p("3. Disposition of Data. The Provider shall dispose of all Student Data when it is no longer needed for "
      "the purpose for which it was obtained. Disposition shall include shredding of any hard copies of "
      "Student Data. The Provider shall provide written notification to the LEA when the Student Data has "
      "been disposed of."),
    p("4. Advertising Prohibition. The Provider is prohibited from using or selling Student Data to market or "
      "advertise to students or families, or for the development of commercial products or services, other "
      "than as necessary to provide the Service."),
    h("ARTICLE V: DATA PROVISIONS"),
    p("1. Data Security. The Provider shall store and process Student Data using encryption in transit."),
    p("2. Data Breach. In the event that Student Data is accessed or obtained by an unauthorized individual, "
      "the Provider shall provide notification to the LEA within ten (10) days of the incident."),
    h("ARTICLE VII: MISCELLANEOUS"),
    p("1. Governing Law. This DPA shall be governed by and construed in accordance with the laws of the "
      "Commonwealth of Massachusetts."),
    p("2. Successors Bound. This DPA is binding upon the successors of the Provider in the event of a merger "
      "or acquisition, and the Provider shall notify the LEA of any such transaction."),
    BREAK,
    sig(("LEA", "Dedham Public Schools"), ("By", "Jane Sullivan"), ("Date", "March 3, 2023")),
    sig(("Provider", "BrightBus Routing, Inc."), ("By", "Omar Haddad"), ("Date", "March 1, 2023")),
    BREAK,
    h("EXHIBIT A - DESCRIPTION OF SERVICES"),
    p("BrightBus is a school transportation routing service that plans bus routes and sends pick-up time "
      "alerts to families."),
    BREAK,
    h("EXHIBIT B - SCHEDULE OF DATA"),
    schedule_rows({
        ("Student Name", "First and/or Last"),
        ("Student Contact Information", "Address"),
        ("Transportation", "Student bus assignment"),
        ("Transportation", "Student pick up and/or drop off location"),
        ("Parent/Guardian Contact Information", "Phone"),
        ("Parent/Guardian Name", "First and/or Last"),
    }),
]

EXPECTED = {
    "title": "MASSACHUSETTS STUDENT DATA PRIVACY AGREEMENT",
    "parties.district.name": "Dedham Public Schools",
    "parties.district.state": "MA",
    "parties.vendor.name": "BrightBus Routing, Inc.",
    "products.name": "BrightBus",
    "term.effective": None,
    "term.governing_state": "MA",
    "term.model": "state_dpa",
    "term.model_version": "1.0",
    "data.student.elements": ["student_name.first_last", "student_contact.address",
                              "transportation.bus_assignment", "transportation.pickup_dropoff_location"],
    "data.parent_guardian.elements": ["parent_contact.phone", "parent_name.first_last"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.data_use.redisclosure": "prohibited_without_consent",
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.marketing": True,
    "clauses.data_use.prohibits.commercial_product_development": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "ppra"],
    "clauses.legal_compliance.other_laws": ["M.G.L. c. 71, \u00a7 34D", "603 CMR 23.00"],
    "clauses.confidentiality.employees_bound": True,
    "clauses.disposal.sanitization": ["paper/shred"],
    "clauses.disposal.written_certification": None,
    "clauses.security.encryption_in_transit": True,
    "clauses.security.encryption_at_rest": None,
    "clauses.breach_notification.window": None,
    "clauses.breach_notification.trigger": "incident",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.sale_or_merger.successor_bound": True,
    "clauses.sale_or_merger.notice_to_district": True,
}

CITATIONS = {
    "breach_notification": "Article V, Section 2",
    "legal_compliance": "Article IV, Section 1",
}
