"""Utah pack: the Student Data Protection Act's contract terms, Utah Code 53E-9-309, as four
rules (UTS101, UTS301, UTS401, UTS501) and the ``ut`` preset that joins automatically for
agreements governed by Utah law.
"""
