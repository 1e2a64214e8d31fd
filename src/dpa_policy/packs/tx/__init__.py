"""Texas pack: Education Code 32.151-32.157 (student information), as two rules (TXS401,
TXS402) and the ``tx`` preset that joins automatically for agreements governed by Texas law.
"""
