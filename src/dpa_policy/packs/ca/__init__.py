"""California pack: Education Code 49073.1 (AB 1584) contract terms and the operator
prohibitions of SOPIPA/KOPIPA (Business and Professions Code 22584), as nine rules
(CAS101-CAS801) and the ``ca`` preset that joins automatically for agreements governed by
California law.
"""
