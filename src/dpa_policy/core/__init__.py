"""The pipeline, one way: read and discover -> strict load -> validate -> resolve the policy ->
evaluate -> whole-run report.

No printing, no argparse, no exit codes here: the commands (:mod:`dpa_policy.commands`) turn
options into a run and a run into output. ``report.ExitCode`` is the contract as data, which
the command line maps to the process's exit status.
"""
