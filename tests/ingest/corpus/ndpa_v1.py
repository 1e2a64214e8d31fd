"""NDPA v1 style (Articles I-VII, v1 section numbering, Exhibits A-H), as a PDF.

Wording is this project's paraphrase of the kind of terms such agreements hold.
"""

from .blocks import BREAK, FRAMEWORKS, h, p, schedule_rows, sig, table, title, frameworks_table

NAME = "ndpa-v1-cedar"
FORMAT = "pdf"
HEADER = "Standard Student Data Privacy Agreement - National DPA Standard Version 1.0"

BLOCKS = [
    title("STANDARD STUDENT DATA PRIVACY AGREEMENT"),
    p("National Data Privacy Agreement (NDPA) Standard Version 1.0"),
    p("Lakeview City School District"),
    p("and"),
    p("Cedar Learning, Inc."),
    p('This Student Data Privacy Agreement ("DPA") is entered into on the date of full execution (the '
      '"Effective Date") and is entered into by and between: Lakeview City School District, located at '
      '400 Harbor Road, Lakeview, Ohio 44107 (the "Local Education Agency" or "LEA") and Cedar Learning, Inc., '
      'located at 88 Market Street, Suite 300, Denver, Colorado 80202 (the "Provider").'),
    p("WHEREAS, the Provider is providing educational or digital services to LEA. WHEREAS, the Provider and "
      "LEA recognize the need to protect personally identifiable student information and other regulated data "
      "exchanged between them as required by applicable laws and regulations."),
    p("NOW THEREFORE, for good and valuable consideration, LEA and Provider agree as follows."),
    h("ARTICLE I: PURPOSE AND SCOPE"),
    p("1. Purpose of DPA. The purpose of this DPA is to describe the duties and responsibilities to protect "
      "Student Data, including compliance with all applicable federal, state, and local privacy laws, rules, "
      "and regulations, all as may be amended from time to time. In performing these services, the Provider "
      "shall be considered a School Official with a legitimate educational interest, and performing services "
      "otherwise provided by the LEA."),
    p("2. Student Data to Be Provided. The Parties shall indicate the categories of Student Data to be "
      "provided in the Schedule of Data, attached hereto as Exhibit \"B\"."),
    p("3. DPA Definitions. The definition of terms used in this DPA is found in Exhibit \"C\"."),
    BREAK,
    h("ARTICLE II: DATA OWNERSHIP AND AUTHORIZED ACCESS"),
    p("1. Student Data Property of LEA. All Student Data transmitted to the Provider pursuant to the Service "
      "Agreement is and will continue to be the property of and under the control of the LEA. The Provider "
      "further acknowledges and agrees that all copies of such Student Data transmitted to the Provider, "
      "including any modifications or additions, are subject to the provisions of this DPA in the same manner "
      "as the original Student Data."),
    p("2. Parent Access. To the extent required by law the LEA shall establish reasonable procedures by which "
      "a parent, legal guardian, or eligible student may review Student Data in the pupil's records, correct "
      "erroneous information, and procedures for the transfer of pupil-generated content to a personal "
      "account. Provider shall respond in a reasonably timely manner (and no later than forty five (45) days "
      "from the date of the request) to the LEA's request for Student Data held by the Provider to view or "
      "correct as necessary."),
    p("3. Law Enforcement Requests. Should law enforcement or other government entities contact Provider with "
      "a request for data held by the Provider pursuant to the Services, the Provider shall notify the LEA in "
      "advance of a compelled disclosure to the requesting party, unless lawfully directed by the requesting "
      "party not to inform the LEA of the request."),
    p("4. Subprocessors. Provider shall enter into written agreements with all Subprocessors performing "
      "functions for the Provider in order for the Provider to provide the Services pursuant to the Service "
      "Agreement, whereby the Subprocessors agree to protect Student Data in a manner no less stringent than "
      "the terms of this DPA."),
    BREAK,
    h("ARTICLE III: DUTIES OF LEA"),
    p("1. Provide Data in Compliance with Applicable Laws. LEA shall provide Student Data for the purposes of "
      "obtaining the Services in compliance with all applicable federal, state, and local privacy laws."),
    p("2. Reasonable Precautions. LEA shall take reasonable precautions to secure usernames, passwords, and "
      "any other means of gaining access to the services and hosted Student Data."),
    p("3. Unauthorized Access Notification. LEA shall notify Provider promptly of any known unauthorized "
      "access. LEA will assist Provider in any efforts by Provider to investigate and respond to any "
      "unauthorized access."),
    h("ARTICLE IV: DUTIES OF PROVIDER"),
    p("1. Privacy Compliance. The Provider shall comply with all applicable federal, state, and local laws, "
      "rules, and regulations pertaining to Student Data privacy and security, including FERPA, COPPA, PPRA, "
      "and all other applicable privacy statutes."),
    p("2. Authorized Use. The Student Data shared pursuant to the Service Agreement, including persistent "
      "unique identifiers, shall be used for no purpose other than the Services outlined in Exhibit \"A\" or "
      "stated in the Service Agreement and/or otherwise authorized under the statutes referred to herein this "
      "DPA."),
    p("3. Provider Employee Obligation. Provider shall require all of Provider's employees and agents who have "
      "access to Student Data to comply with all applicable provisions of this DPA with respect to the Student "
      "Data shared under the Service Agreement."),
    p("4. No Disclosure. Provider acknowledges and agrees that it shall not make any re-disclosure of any "
      "Student Data or any portion thereof, including without limitation, user content or other non-public "
      "information and/or personally identifiable information contained in the Student Data other than as "
      "directed or permitted by the LEA or this DPA."),
    p("5. De-Identified Data. Provider agrees not to attempt to re-identify de-identified Student Data. "
      "Provider shall not transfer de-identified Student Data to any party unless that party agrees in writing "
      "not to attempt re-identification, and prior written notice has been given to the LEA who has provided "
      "prior written consent for such transfer."),
    p("6. Disposition of Data. Upon written request from the LEA, Provider shall dispose of or provide a "
      "mechanism for the LEA to transfer Student Data obtained under the Service Agreement, within sixty (60) "
      "days of the date of said request and according to a schedule and procedure as the Parties may "
      "reasonably agree. Upon termination of this DPA, if no written request from the LEA is received, "
      "Provider shall dispose of all Student Data after providing the LEA with reasonable prior notice."),
    p("7. Advertising Limitations. Provider is prohibited from using, disclosing, or selling Student Data to "
      "(a) inform, influence, or enable Targeted Advertising; or (b) develop a profile of a student, family "
      "member/guardian or group, for any purpose other than providing the Service to LEA. This section does "
      "not prohibit Provider from using Student Data (i) for adaptive learning or customized student learning "
      "(including generating personalized learning recommendations); or (ii) to make product recommendations "
      "to teachers or LEA employees; or (iii) to notify account holders about new education product updates, "
      "features, or services."),
    BREAK,
    h("ARTICLE V: DATA PROVISIONS"),
    p("1. Data Storage. Where required by applicable law, Student Data shall be stored within the United "
      "States. Upon request of the LEA, Provider will provide a list of the locations where Student Data is "
      "stored."),
    p("2. Audits. No more than once a year, or following unauthorized access, upon receipt of a written "
      "request from the LEA with at least ten (10) business days' notice and upon the execution of an "
      "appropriate confidentiality agreement, the Provider will allow the LEA to audit the security and "
      "privacy measures that are in place to ensure protection of Student Data or any portion thereof as it "
      "pertains to the delivery of services to the LEA."),
    p("3. Data Security. The Provider agrees to utilize administrative, physical, and technical safeguards "
      "designed to protect Student Data from unauthorized access, disclosure, acquisition, destruction, use, "
      "or modification. The Provider shall adhere to any applicable law relating to data security. The "
      "provider shall implement an adequate Cybersecurity Framework based on one of the nationally recognized "
      "standards set forth in Exhibit \"F\"."),
    p("4. Data Breach. In the event of an unauthorized release, disclosure or acquisition of Student Data that "
      "compromises the security, confidentiality or integrity of the Student Data maintained by the Provider, "
      "the Provider shall provide notification to LEA within seventy-two (72) hours of confirmation of the "
      "incident, unless notification within this time limit would disrupt investigation of the incident by "
      "law enforcement. In such an event, notification shall be made within a reasonable time after the "
      "incident. The security breach notification described shall include, at a minimum, the following "
      "information to the extent known by the Provider and as it becomes available: (i) the name and contact "
      "information of the reporting LEA subject to this section; (ii) a list of the types of personal "
      "information that were or are reasonably believed to have been the subject of a breach; (iii) if the "
      "information is possible to determine at the time the notice is provided, then either the date of the "
      "breach, the estimated date of the breach, or the date range within which the breach occurred, and the "
      "date of the notice; (iv) whether the notification was delayed as a result of a law enforcement "
      "investigation; and (v) a general description of the breach incident, if that information is possible "
      "to determine at the time the notice is provided. Provider agrees to adhere to all federal and state "
      "requirements with respect to a data breach related to the Student Data. Provider further acknowledges "
      "and agrees to have a written incident response plan that reflects best practices and is consistent "
      "with industry standards and federal and state law for responding to a data breach."),
    BREAK,
    h("ARTICLE VI: GENERAL OFFER OF TERMS"),
    p("Provider may, by signing the attached form of General Offer of Privacy Terms, Exhibit \"E\", be bound by "
      "the terms of Exhibit \"E\" to any other LEA who signs the acceptance on said Exhibit."),
    h("ARTICLE VII: MISCELLANEOUS"),
    p("1. Termination. In the event that either Party seeks to terminate this DPA, they may do so by mutual "
      "written consent so long as the Service Agreement has lapsed or has been terminated. Either party may "
      "terminate this DPA and any service agreement or contract if the other party breaches any terms of this "
      "DPA."),
    p("2. Priority of Agreements. This DPA shall govern the treatment of Student Data in order to comply with "
      "the privacy protections. In the event there is conflict between the terms of the DPA and the Service "
      "Agreement, Terms of Service or Privacy Policies, the terms of this DPA shall control."),
    p("3. Governing Law. This DPA will be governed by and construed in accordance with the laws of the state "
      "in which the LEA is located, without regard to conflicts of law principles."),
    p("4. Successors Bound. This DPA is and shall be binding upon the respective successors in interest to "
      "Provider in the event of a merger, acquisition, consolidation or other business reorganization or sale "
      "of all or substantially all of the assets of such business."),
    BREAK,
    p("IN WITNESS WHEREOF, LEA and Provider execute this Student Data Privacy Agreement as of the last day "
      "noted below."),
    sig(("LEA", "Lakeview City School District"), ("By", "Dana Whitfield"), ("Date", "08/12/2024"),
        ("Printed Name", "Dana Whitfield"), ("Title/Position", "Superintendent")),
    sig(("Provider", "Cedar Learning, Inc."), ("By", "Marcus Lee"), ("Date", "08/19/2024"),
        ("Printed Name", "Marcus Lee"), ("Title/Position", "Chief Executive Officer")),
    BREAK,
    h('EXHIBIT "A" - DESCRIPTION OF SERVICES'),
    p("Cedar Reader is an online reading program that assigns leveled texts to students in grades K-8 and "
      "reports their reading progress to teachers."),
    BREAK,
    h('EXHIBIT "B" - SCHEDULE OF DATA'),
    schedule_rows({
        ("Application Technology Meta Data", "IP Addresses of users, Use of cookies, etc."),
        ("Application Use Statistics", "Meta data on user interaction with application"),
        ("Enrollment", "Student grade level"),
        ("Schedule", "Teacher names"),
        ("Student Identifiers", "Local (School district) ID number"),
        ("Student Identifiers", "Student app username"),
        ("Student Name", "First and/or Last"),
        ("Student In App Performance", "Program/application performance"),
    }),
    BREAK,
    h('EXHIBIT "C" - DEFINITIONS'),
    p("Targeted Advertising: means presenting an advertisement to a student where the selection of the "
      "advertisement is based on Student Data or inferred over time from the usage of the operator's website. "
      "Subprocessor: a party other than LEA or Provider, who Provider uses for data collection, analytics, "
      "storage, or other service to operate and/or improve its service, and who has access to Student Data."),
    BREAK,
    h('EXHIBIT "D" - DIRECTIVE FOR DISPOSITION OF DATA'),
    p("Lakeview City School District directs Cedar Learning, Inc. to dispose of data obtained by Provider "
      "pursuant to the terms of the Service Agreement between LEA and Provider. Disposition shall be by "
      "destruction or deletion of data. Timing of disposition: as soon as commercially practicable, or by "
      "the date written here: ____________."),
    BREAK,
    h('EXHIBIT "E" - GENERAL OFFER OF PRIVACY TERMS'),
    p("The Provider offers the same privacy protections found in this DPA between it and Lakeview City School "
      "District to any other LEA who accepts this General Offer of Privacy Terms through its signature below."),
    BREAK,
    h('EXHIBIT "F" - DATA SECURITY REQUIREMENTS'),
    p("Adequate Cybersecurity Frameworks. The Provider will utilize one of the following known and credible "
      "cybersecurity frameworks which can protect digital learning ecosystems. Please select one or more by "
      "checking the box."),
    frameworks_table({"NIST Cybersecurity Framework Version 1.1", "ISO/IEC 27001 Information Security Management"}),
]

EXPECTED = {
    "title": "STANDARD STUDENT DATA PRIVACY AGREEMENT",
    "parties.district.name": "Lakeview City School District",
    "parties.district.state": "OH",
    "parties.vendor.name": "Cedar Learning, Inc.",
    "products.name": "Cedar Reader",
    "term.effective": "2024-08-19",
    "term.governing_state": "OH",
    "term.model": "ndpa",
    "term.model_version": "1.0",
    "data.student.elements": ["app_tech_metadata.ip_addresses", "app_use_statistics.interaction_metadata",
                              "enrollment.grade_level", "schedule.teacher_names", "student_identifiers.local_id",
                              "student_identifiers.app_username", "student_name.first_last",
                              "student_in_app_performance.program_performance"],
    "clauses.ownership.district_owns": True,
    "clauses.ownership.district_controls": True,
    "clauses.parent_access.parents_may_review": True,
    "clauses.parent_access.correction": True,
    "clauses.subprocessors.bound_no_less_stringent": True,
    "clauses.legal_compliance.laws": ["ferpa", "coppa", "ppra"],
    "clauses.confidentiality.employees_bound": True,
    "clauses.data_use.redisclosure": "prohibited_without_consent",
    "clauses.data_use.prohibits.sale": True,
    "clauses.data_use.prohibits.targeted_advertising": True,
    "clauses.data_use.prohibits.non_educational_profiling": True,
    "clauses.data_use.carve_outs": ["adaptive_learning", "recommendations_to_staff",
                                    "product_notices_to_account_holders"],
    "clauses.deidentified_data.reidentification_prohibited": True,
    "clauses.deidentified_data.transfer_prohibited": True,
    "clauses.disposal.on_request": {},
    "clauses.disposal.at_termination": {},
    "clauses.audit.district_may_audit": True,
    "clauses.audit.per_year": 1,
    "clauses.audit.after_unauthorized_access": True,
    "clauses.audit.notice": "10 business days",
    "clauses.audit.confidentiality_agreement_required": True,
    "clauses.security.frameworks": ["nist_csf_1_1", "iso_27001"],
    "clauses.breach_notification.window": "72 hours",
    "clauses.breach_notification.trigger": "confirmation",
    "clauses.breach_notification.recipients": ["district"],
    "clauses.breach_notification.contents": ["reporter_contact", "information_types", "breach_date", "notice_date",
                                             "law_enforcement_delay", "incident_description"],
    "clauses.breach_notification.law_enforcement_delay": True,
    "clauses.breach_notification.incident_response_plan": True,
    "clauses.precedence.over_vendor_terms": True,
    "clauses.precedence.over_privacy_policy": True,
    "clauses.termination.for_material_breach": None,
    "clauses.sale_or_merger.successor_bound": True,
    "attachments": ["exhibit_d_disposition_directive", "exhibit_e_general_offer"],
}

CITATIONS = {
    "breach_notification": "Article V, Section 4",
    "audit": "Article V, Section 2",
    "ownership": "Article II, Section 1",
    "subprocessors": "Article II, Section 4",
}
