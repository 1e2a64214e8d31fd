"""Compile the extractors' patterns once, in the parent, before it forks a reader per source.

Extractors write most patterns inline (``re.search(r"...", text)``); Python compiles each on
first use and caches it per process. A forked child inherits the parent's cache, so reading
one small sample agreement here, before the first fork, saves every child the compiling
(about a third of the time a small source takes). The sample is not a source: nothing of it
is written or reported.
"""

from __future__ import annotations

from .document import Document

_SAMPLE = """DATA PRIVACY AGREEMENT
Agreement No. WARM-2025-1
This Data Privacy Agreement is entered into as of July 1, 2025 between Sample School District, 1 Main Street, Springfield, Ohio 45501 (the "LEA") and Sample Learning, Inc., 2 Oak Street, Austin, Texas 78701 (the "Provider"). This Agreement expires on June 30, 2027 and renews automatically for successive twelve (12) month periods unless a party gives ninety (90) calendar days' notice of non-renewal.
Effective Date | July 1, 2025
Governing Law | State of Ohio
ARTICLE I - DATA
1.1 Ownership. All Student Data is and shall remain the property of the LEA and under its control. The Provider receives no right, title or interest in Student Data other than a limited license to provide the Services.
1.2 Parent Access. The Provider shall, within ten (10) business days of a request, help the LEA let a parent review and correct inaccurate Student Data.
1.3 Use. The Provider shall use Student Data solely to provide the Services. The Provider shall not sell, rent or trade Student Data, and shall not use it for targeted advertising, marketing or to build a profile of a student. This section does not prohibit adaptive learning. The Provider shall not disclose Student Data except to subprocessors or with the LEA's consent. The Provider may use de-identified data and shall not re-identify it or transfer it without consent.
ARTICLE II - SECURITY
2.1 The Provider shall encrypt Student Data at rest and in transit, maintain a program aligned with ISO/IEC 27001, and store Student Data only in the United States. Employees shall sign confidentiality agreements, receive training, and access data only on a need-to-know basis. Subprocessors are bound by terms no less stringent than this Agreement and shall not sell Student Data.
2.2 Data Breach. The Provider shall notify the LEA within seventy-two (72) hours after discovery of a breach, unless law enforcement requests a delay. The notice shall include a description of the incident and the date of the breach. The Provider shall bear the costs of notification and maintain an incident response plan. Windows are thirty (30) calendar days for student information other than directory information and sixty (60) calendar days for directory information.
2.3 Disposal. Upon the LEA's written request, the Provider shall return and then dispose of Student Data within sixty (60) calendar days, and upon termination within thirty (30) calendar days, by cryptographic erase meeting NIST SP 800-88 Rev. 1 Purge, and shall certify the disposal in writing. Student Data is held on no other media.
ARTICLE III - GENERAL
3.1 The LEA may audit the Provider once a year on ten (10) business days' notice. Either party may terminate for material breach; the LEA may terminate for convenience without a termination fee. If the Provider merges, it shall notify the LEA within thirty (30) calendar days and the successor shall be bound. This Agreement shall control over the Provider's terms of service and privacy policy. The Provider shall comply with FERPA, COPPA and ORS 336.184. This Agreement is governed by the laws of the State of Ohio.
EXHIBIT B - SCHEDULE OF DATA
Data Element | Yes | No
Student Name | X |
EXHIBIT G - SUPPLEMENTAL STATE TERMS FOR OHIO
1. Prohibited Uses. The Provider shall not sell Student Data or use it for targeted advertising.
"""


def warm_up() -> None:
    """Run the extractors and the draft writer over the sample, discarding the result."""
    from .draft import build
    from .extract import extract
    from .worker import render

    document = Document("text", 1)
    document.add(1, _SAMPLE)
    extraction = extract(document)
    draft = build(extraction, {"file": "warm-up.txt", "sha256": "0" * 64, "format": "text", "pages": 1}, "warm-up",
                  extraction.order)
    render(draft, "warm-up.yaml", "warm-up.txt", None)
