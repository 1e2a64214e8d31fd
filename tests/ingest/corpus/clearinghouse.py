"""A district clearinghouse page in the shape of the seed page (shared/seeds/001_*): vendor
entries under "Parent Data" and again under "Student Data", where the Student Data copies list
parent elements. The text is written for this project; vendors are fictional."""

NAME = "clearinghouse-coral-bay"
FORMAT = "html"

_USE = ("Personal information about students and families, such as names, email addresses and ID numbers, is "
        "used by the provider, as the district authorizes, to run the service, follow student progress and "
        "improve the software. The provider must comply with federal and state privacy laws, such as FERPA "
        "and COPPA, which limit how personal information may be collected, used and shared.")
_DESTROY = ("At the School Board's written request during the agreement, or when the agreement ends for any "
            "reason, the vendor shall promptly return to the School Board all copies of personal information "
            "it holds and securely dispose of every copy, and shall certify in writing to the School Board "
            "that the information has been returned and disposed of. Equipment that held School Board data "
            "must be securely erased before disposal. Secure erasure means deleting the data with a single pass "
            "overwrite (Secure Erase on Windows, Wipe on Unix).")

VENDORS = [
    {"title": "FamilyText", "description": "FamilyText is a two-way text messaging service that lets families "
     "ask the district about attendance, buses and calendars at any hour.",
     "elements": ["Parent Name", "Parent Email", "Parent / Student Association", "Parent Mobile Phone Number"],
     "privacy": ("Privacy Policy", "https://www.familytext.example/privacy"),
     "terms": ("Terms of Service", "https://www.familytext.example/terms"),
     "website": ("https://www.familytext.example/", "https://www.familytext.example/")},
    {"title": None, "shared_with": "LaunchPad SSO", "description": "LaunchPad SSO is a single sign-on portal "
     "that gives students and teachers one login for their learning apps and keeps class rosters in sync.",
     "elements": ["Parent Name", "Parent Email"],
     "privacy": ("Privacy Policy", "https://launchpad.example/privacy"),
     "terms": ("Terms of Service", "https://launchpad.example/terms"),
     "website": ("www.launchpad.example", None)},
    {"title": "PickupPal", "description": "PickupPal is a mobile app that organizes afternoon student pick-up "
     "for parents and school staff.",
     "elements": ["Parent Name", "Parent Mobile Phone Number", "Parent / Student Association"],
     "privacy": ("Privacy and Data Protection Policy", None),
     "terms": ("Terms of Use", "https://pickuppal.example/terms"),
     "website": ("PickupPal Home", "https://pickuppal.example/")},
]


def _entry(vendor: dict, elements: list[str]) -> str:
    parts = []
    if vendor["title"]:
        parts.append(f"<h3>{vendor['title']}</h3>")
    parts.append("<p><strong>Description</strong></p>")
    parts.append(f"<p>{vendor['description']}</p>")
    parts.append("<p><strong>Data Being Shared</strong></p>")
    shared = f" with {vendor['shared_with']}" if vendor.get("shared_with") else ""
    parts.append(f"<p>The following data elements collected by the district are shared{shared}:</p>")
    parts.append("<ul>" + "".join(f"<li>{e}</li>" for e in elements) + "</ul>")
    parts.append("<p><strong>How the Data is Being Used</strong></p>")
    parts.append(f"<ul><li>{_USE}</li></ul>")
    parts.append("<p><strong>When &amp; How the Data will be Destroyed</strong></p>")
    parts.append(f"<ul><li>{_DESTROY}</li></ul>")
    for label, key in (("Privacy Policy", "privacy"), ("Terms of Service", "terms"), ("Website", "website")):
        words, href = vendor[key]
        link = f'<a href="{href}">{words}</a>' if href else f"<a>{words}</a>"
        parts.append(f"<p><strong>{label}</strong></p><p>{link}</p>")
    return "<div class=\"entry\">" + "\n".join(parts) + "</div>"


def html() -> str:
    body = ["<h2>Parent Data | Software Title</h2>"]
    body += [_entry(v, v["elements"]) for v in VENDORS]
    body.append("<h2>Student Data | Software Title</h2>")
    body += [_entry(v, v["elements"]) for v in VENDORS]
    return ("<!DOCTYPE html><html><head><title>Data Sharing Clearinghouse - Coral Bay County Public Schools</title>"
            "<style>.entry{margin:1em}</style><script>document.title='x';</script></head><body>"
            "<header><h1>Instructional Technology Data Sharing Clearinghouse</h1></header>"
            "<p>Coral Bay County Public Schools wants parents to know how their child's information is collected, "
            "used and shared. Questions: privacy@coralbay.example.</p>" + "\n".join(body) +
            "<footer><p>Coral Bay County Public Schools, 1450 Bayshore Boulevard, Coral Bay, Florida 33132</p>"
            "</footer></body></html>")


_COMMON = {
    "parties.district.name": "Coral Bay County Public Schools",
    "parties.district.state": "FL",
    "clauses.disposal.on_request": {},
    "clauses.disposal.at_termination": {},
    "clauses.disposal.return_before_disposal": True,
    "clauses.disposal.written_certification": True,
    "clauses.disposal.sanitization": ["unspecified/single_pass_overwrite"],
    "clauses.legal_compliance.laws": ["ferpa", "coppa"],
    "term.effective": None,
}

# One expected draft per vendor entry, keyed by vendor.
EXPECTED_BY_VENDOR = {
    "FamilyText": {**_COMMON, "parties.vendor.name": "FamilyText", "products.name": "FamilyText",
                   "parties.vendor.privacy_policy": "https://www.familytext.example/privacy",
                   "parties.vendor.terms_of_service": "https://www.familytext.example/terms",
                   "parties.vendor.website": "https://www.familytext.example/",
                   "data.parent_guardian.elements": ["parent_name.first_last", "parent_contact.email",
                                                     "parent_id.parent_id_number", "parent_contact.phone"],
                   "data.student.elements": None},
    "LaunchPad SSO": {**_COMMON, "parties.vendor.name": "LaunchPad SSO", "products.name": "LaunchPad SSO",
                      "parties.vendor.privacy_policy": "https://launchpad.example/privacy",
                      "parties.vendor.terms_of_service": "https://launchpad.example/terms",
                      "parties.vendor.website": None,
                      "data.parent_guardian.elements": ["parent_name.first_last", "parent_contact.email"]},
    "PickupPal": {**_COMMON, "parties.vendor.name": "PickupPal", "products.name": "PickupPal",
                  "parties.vendor.privacy_policy": None,
                  "parties.vendor.terms_of_service": "https://pickuppal.example/terms",
                  "parties.vendor.website": "https://pickuppal.example/",
                  "data.parent_guardian.elements": ["parent_name.first_last", "parent_contact.phone",
                                                    "parent_id.parent_id_number"]},
}
