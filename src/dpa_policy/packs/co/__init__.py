"""Colorado pack: the Student Data Transparency and Security Act, C.R.S. 22-16-101 et seq.,
as three rules (COS401, COS501, COS801) and the ``co`` preset that joins automatically for
agreements governed by Colorado law.
"""
