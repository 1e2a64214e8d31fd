"""DPA403-DPA404: data minimisation: sensitive data needs a stated purpose, and a product's own
description must not need data the agreement does not list.

Both rules read free text (purposes, product descriptions, ``other_elements``) with word
lists that are this checker's, not any law's, so both default to warnings: a finding says
where a person should look, and the person decides. DPA404's findings have the outcome
"review" (every format says "needs review") because that is all it can say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from pydantic import Field

from ..findings import Severity, Violation
from ..model.agreement import Agreement
from ..model.vocabulary import ELEMENTS, SUBJECT_LABELS, SUBJECTS
from ..rule import Rule, RuleOptions
from ..model.contract_words import listing
from ..model.words import Words


@dataclass(frozen=True)
class Topic:
    """A kind of sensitive data: how findings name it, the words that mention it, and (when
    wider) the words by which a purpose says why it is needed."""

    label: str
    words: Words
    stated_by: Words | None = None

    def stated_in(self, purpose: str) -> bool:
        return bool((self.stated_by or self.words).search(purpose))


def _words(pattern: str) -> Words:
    return Words(pattern)


# ``words`` recognise a topic in an ``other_elements`` entry (is this element sensitive?) and,
# unless ``stated_by`` is given, in a purpose (does a purpose say why it is shared?).
TOPICS: dict[str, Topic] = {
    "health": Topic("health or medical information", _words(
        r"health|medical|medicat|allerg|nurse|diagnos|immuni[sz]|vaccin|seizure|asthma|diabet")),
    "disability": Topic("disability or special-education information", _words(
        r"disabilit|\bIEPs?\b|\b504\b|special[- ]education|individuali[sz]ed education|accommodation"
        r"|special (?:transportation|needs)|wheelchair")),
    "english_learner": Topic("English learner status", _words(
        r"english (?:language )?learner|\bELLs?\b|\bESOL\b|\bESL\b|multilingual learner|home language")),
    "low_income": Topic("low-income status", _words(
        r"low[- ]income|free (?:and|or) reduced|economically disadvantaged|fee waiver|poverty")),
    "living_situation": Topic("living situation (homeless or foster care)", _words(
        r"homeless|foster|mckinney|living situation|housing")),
    "conduct": Topic("conduct or behavioral data", _words(
        r"behavio|conduct|disciplin|\bPBIS\b|suspension|detention")),
    "ethnicity_race": Topic("ethnicity or race", _words(r"ethnic|\brac(?:e|es|ial)\b")),
    "credentials": Topic("passwords", _words(r"password|passcode|\bPINs?\b"), _words(
        r"password|\b(?:sign|log)(?:s|ging|ning)?[- ]?(?:\w+ ){0,2}(?:in|on)\b|authenticat|credential|\baccounts?\b")),
    "survey": Topic("survey responses", _words(r"survey|questionnaire")),
    "staff_evaluation": Topic("staff evaluation data", _words(r"evaluat|\bAPPR\b|performance review")),
    "biometric": Topic("biometric data", _words(
        r"biometric|fingerprint|finger[- ]scan|facial|face (?:scan|recognition|geometry|print)|\biris\b|retina"
        r"|\bpalm\b|voice ?print|hand geometry")),
    "geolocation": Topic("precise geolocation", _words(
        r"geolocation|\bGPS\b|precise location|location (?:data|history|tracking)|real[- ]time location"
        r"|latitude|longitude")),
}

# The topics a purpose may name to say why each sensitive Exhibit B element is shared
# (model.vocabulary marks which elements are sensitive; a test keeps the two in step).
# "Other indicator information" is open-ended: a purpose naming any special indicator states it.
_INDICATORS = ("health", "disability", "english_learner", "low_income", "living_situation")
ELEMENT_TOPICS: dict[str, tuple[str, ...]] = {
    "special_indicator.english_learner": ("english_learner",),
    "special_indicator.low_income": ("low_income",),
    "special_indicator.medical_health": ("health",),
    "special_indicator.disability": ("disability",),
    "special_indicator.iep_504": ("disability",),
    "special_indicator.living_situation": ("living_situation",),
    "special_indicator.other": _INDICATORS,
    "conduct.behavioral": ("conduct",),
    "demographics.ethnicity_race": ("ethnicity_race",),
    "student_identifiers.app_password": ("credentials",),
    "student_survey_responses.responses": ("survey",),
    "staff_evaluation.appr_data": ("staff_evaluation",),
}

TopicName = Literal[tuple(TOPICS)]  # type: ignore[valid-type]


def _named(purposes: list[str], topics: tuple[str, ...]) -> bool:
    return any(TOPICS[topic].stated_in(purpose) for purpose in purposes for topic in topics)


class SensitiveDataPurpose(Rule):
    """Every sensitive data element must have a stated purpose that names it.

    What it checks
        For each group under ``data`` (``student``, ``parent_guardian``, ``staff``), every
        sensitive element must be named by at least one of that group's ``purposes``:

        - Exhibit B elements the vocabulary marks sensitive: the special indicators (IEP or
          504, disability, medical alerts and health data, English learner, low income,
          living situation, other indicators), conduct or behavioral data, ethnicity or race,
          student app passwords, student survey responses and staff evaluation (APPR) data;
        - free-text ``other_elements`` that mention one of ``topics`` (default: all of them,
          which adds biometric data and precise geolocation to the kinds above).

        A purpose names an element when it mentions its topic ("health", "IEP",
        "fingerprint", "GPS"...). Each element no purpose names is its own finding, a
        warning: the word lists are this checker's, so a purpose worded otherwise needs a
        person to read it.

    Why it matters
        Data shared without a stated reason cannot be held to one. The purposes are what
        limits the vendor's use of the data, what the district tells parents, and what a
        reviewer weighs against the harm if that data leaks; for a child's health record,
        disability or race the harm is the greatest. An element no purpose explains is
        usually one the product does not need: take it out of the agreement and the product.

    Legal basis (confidence as in DOMAIN.md §2.1, §2.5, §2.6, §2.12, §3.1-§3.3, §5.1)
        - FERPA, 34 CFR 99.33(a)(2): a recipient may use the data only for the purposes of
          the disclosure [P]; the purposes have to be stated to bound the use.
        - New York, 8 NYCRR 121.3(c)(1): each contract's supplemental information states the
          exclusive purposes of the data's use [P/S]. Colorado, C.R.S. 22-16-108(1)-(3): the
          provider discloses the data elements it collects and their purpose [P].
        - Florida, Fla. Stat. 1006.1494(3)(a): collect no more than is reasonably necessary
          [S, secondary: the statute's subsection wording was not re-read].
        - PPRA, 20 U.S.C. 1232h: surveys on protected areas need consent or notice [P].
          Maryland's Educ. 4-131 counts biometric data and geolocation as covered
          information [P]; the amended COPPA rule adds biometric identifiers to personal
          information [S].
        - Which elements are sensitive follows DOMAIN.md §5.1's suggestion for a checker
          (special indicators, app passwords, ethnicity or race, survey responses), to which
          the agreement vocabulary adds conduct data and New York's APPR data; it is this
          project's choice, not a statute's list. Asking for a purpose per sensitive
          element is district policy, which is why the rule is in the
          ``district-additions`` preset, not a state or NDPA one.

    Options
        ``topics`` (default: all): the kinds of sensitive data recognised in free-text
        ``other_elements``: health, disability, english_learner, low_income,
        living_situation, conduct, ethnicity_race, credentials, survey, staff_evaluation,
        biometric, geolocation. Exhibit B elements marked sensitive are always checked.

    Passing example::

        data:
          student:
            elements: [student_name.first_last, special_indicator.medical_health]
            purposes: [Show the school nurse each student's allergies and medication plan.]

    Failing example (health data, and no purpose that mentions it)::

        data:
          student:
            elements: [student_name.first_last, special_indicator.medical_health]
            purposes: [Run online reading lessons.]
    """

    code = "DPA403"
    slug = "sensitive-data-purpose"
    default_severity = Severity.WARNING
    tags = ("minimisation", "data")

    class Options(RuleOptions):
        topics: list[TopicName] = Field(default_factory=lambda: list(TOPICS), min_length=1)  # type: ignore[valid-type]

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        for subject in SUBJECTS:
            shared = getattr(agreement.data, subject)
            if shared is None:
                continue
            who = SUBJECT_LABELS[subject].lower()
            for index, key in enumerate(shared.elements):
                element = ELEMENTS[key]
                if not element.sensitive:
                    continue
                topics = ELEMENT_TOPICS.get(key)
                if topics is None:  # a newly flagged element without words: only its own label counts
                    if any(element.label.lower() in purpose.lower() for purpose in shared.purposes):
                        continue
                    what = element.label.lower()
                elif _named(shared.purposes, topics):
                    continue
                else:
                    what = " or ".join(TOPICS[topic].label for topic in topics)
                yield _unexplained(subject, ("elements", index), key, element.label, what, who)
            for index, text in enumerate(shared.other_elements):
                topics = tuple(t for t in options.topics if TOPICS[t].words.search(text))
                if topics and not _named(shared.purposes, topics):
                    what = " or ".join(TOPICS[topic].label for topic in topics)
                    yield _unexplained(subject, ("other_elements", index), text, text, what, who)

    def model_clause(self, options: Options) -> str:
        kinds = listing(dict.fromkeys(TOPICS[topic].label for topic in options.topics))
        return ("For each category of sensitive Student Data that Provider receives, including any "
                f"{kinds}, the Schedule of Data (Exhibit B) states the specific purpose for which "
                "Provider needs it, and Provider shall use that data only for the purpose so stated. Provider shall "
                "not receive a category of sensitive Student Data for which no purpose is stated.")


def _unexplained(subject: str, where: tuple, shown: str, label: str, what: str, who: str) -> Violation:
    described = repr(label) if label.lower() == what.lower() else f"{label!r} ({what})"
    return Violation(
        ("data", subject, *where),
        f"{who} includes {described}, but no purpose in data.{subject}.purposes mentions {what}: "
        f"state why it is needed, or remove the element",
        observed=shown,
        required=f"a purpose that names {what}",
    )


# ------------------------------------------------------------------------------ DPA404
@dataclass(frozen=True)
class Need:
    """Student data a product's description shows it needs, and how to find it listed."""

    says: str  # what the description says the product does
    description: Words  # recognises it in a product description
    data: str  # the data it needs, in words
    elements: tuple[str, ...]  # Exhibit B keys (or "category." prefixes) that supply it
    other: Words  # recognises it among free-text other_elements


NEEDS: dict[str, Need] = {
    "rostering": Need(
        "keeps class rosters or student accounts in step with the district",
        _words(r"\broster(?:s|ing)?\b|class lists?|student information system|\bSIS\b|single sign-on|\bSSO\b"),
        "student identifiers", ("student_identifiers.",), _words(r"student (?:ID|identifier|number)|username")),
    "attendance": Need(
        "works with attendance", _words(r"\battendance\b"),
        "attendance data", ("attendance.",), _words(r"attendance|absen")),
    "special_education": Need(
        "handles special education (IEP or 504) services",
        _words(r"\bIEPs?\b|individuali[sz]ed education programs?|\b504 plans?\b|section 504|special[- ]education"),
        "special education (IEP or 504) or disability information",
        ("special_indicator.iep_504", "special_indicator.disability"), TOPICS["disability"].words),
    "student_surveys": Need(
        "surveys students", _words(r"\bsurveys?\b|questionnaires?"),
        "student survey responses", ("student_survey_responses.",), TOPICS["survey"].words),
    "bus_routing": Need(
        "plans or assigns bus routes", _words(r"\bbus (?:routes?|stops?|assignments?)\b|\broutes?\b[^.]{0,40}\bbus"),
        "transportation data", ("transportation.",), _words(r"\bbus|transport|pick[- ]?up|drop[- ]?off")),
    "health_services": Need(
        "supports school health services",
        _words(r"school nurses?|health (?:office|records?|services)|medication|immuni[sz]ation"),
        "health data", ("special_indicator.medical_health",), TOPICS["health"].words),
}

NeedName = Literal[tuple(NEEDS)]  # type: ignore[valid-type]


class ProductDataListed(Rule):
    """Needs review: a product whose description needs student data the agreement does not list.

    What it checks
        Each product's ``description`` is read for what the product evidently does with
        student data (``needs``): keeps class rosters or single sign-on in step with the
        district's student information system, works with attendance, handles IEP or 504
        services, surveys students, plans bus routes, supports school health services. For
        each one it finds, ``data.student`` must list the data that needs: student
        identifiers, attendance, IEP or 504 (or disability) information, survey responses,
        transportation or health data, as an Exhibit B element or an ``other_elements``
        entry that names it. Each need without its data is one finding per product, a
        warning that needs review (outcome "review"): the description may be loose, or the
        schedule of data may be incomplete, and only a person can tell which.

    Why it matters
        The schedule of data (NDPA Exhibit B) is what the agreement protects and what the
        district tells parents is shared. A rostering product that lists no student
        identifiers either receives them anyway, outside the agreement's list, or is not
        the product described: either way the agreement and the product disagree, and a
        district signing it would tell parents less than the vendor receives.

    Legal basis (confidence as in DOMAIN.md §1.8, §2.2, §2.5, §5.1)
        - NDPA Art. I §2 and Exhibits A and B: the agreement describes the services
          (Exhibit A) and the data provided for them (Exhibit B) [P].
        - Illinois, 105 ILCS 85/15(4)(A)-(B): the written agreement lists the categories of
          covered information and the product or service [P].
        - Colorado, C.R.S. 22-16-108(1): the provider discloses the data elements it
          collects [P].
        - Reading a need from a description is this checker's inference, not a legal test;
          the words it looks for are its own. That is why the finding is a review, not an
          error.

    Options
        ``needs`` (default: all): which needs to look for: rostering, attendance,
        special_education, student_surveys, bus_routing, health_services.

    Passing example::

        products:
          - name: RosterSync
            description: Keeps class rosters in the district's apps in step with the student information system.
        data:
          student:
            elements: [student_name.first_last, student_identifiers.local_id]
            purposes: [Create and update student accounts in approved apps.]

    Failing example (a rostering product sharing no student identifiers)::

        products:
          - name: RosterSync
            description: Keeps class rosters in the district's apps in step with the student information system.
        data:
          student:
            elements: [student_name.first_last, enrollment.grade_level]
            purposes: [Create and update student accounts in approved apps.]
    """

    code = "DPA404"
    slug = "product-data-listed"
    default_severity = Severity.WARNING
    outcome = "review"
    tags = ("minimisation", "data", "needs-review")

    class Options(RuleOptions):
        needs: list[NeedName] = Field(default_factory=lambda: list(NEEDS), min_length=1)  # type: ignore[valid-type]

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        student = agreement.data.student
        elements = list(student.elements) if student is not None else []
        other = list(student.other_elements) if student is not None else []
        for index, product in enumerate(agreement.products):
            for name in options.needs:
                need = NEEDS[name]
                match = need.description.search(product.description)
                if match is None or _listed(need, elements, other):
                    continue
                yield Violation(
                    ("products", index, "description"),
                    f"the description of {product.name!r} mentions {match.group(0)!r} (the product "
                    f"{need.says}), but data.student lists no {need.data}; confirm what the product receives and "
                    f"list it, or correct the description",
                    observed=match.group(0),
                    required=f"{need.data} listed under data.student",
                )

    def model_clause(self, options: Options) -> str:
        data = listing((NEEDS[name].data for name in dict.fromkeys(options.needs)), "or")
        return ("The Schedule of Data (Exhibit B) lists every category of Student Data that Provider receives to "
                f"provide the products and services described in Exhibit A, including any {data} that they use. "
                "Provider shall not collect or receive Student Data that the Schedule of Data does not list.")


def _listed(need: Need, elements: list[str], other: list[str]) -> bool:
    if any(key == wanted or (wanted.endswith(".") and key.startswith(wanted))
           for key in elements for wanted in need.elements):
        return True
    return any(need.other.search(text) for text in other)


RULES = [SensitiveDataPurpose, ProductDataListed]
