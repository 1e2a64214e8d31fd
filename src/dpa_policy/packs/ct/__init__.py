"""Connecticut pack: C.G.S. 10-234aa to 10-234dd (Public Act 16-189, revised 2018), as six
rules (CTS101, CTS102, CTS201, CTS401, CTS501, CTS502) and the ``ct`` preset that joins
automatically for agreements governed by Connecticut law.
"""
