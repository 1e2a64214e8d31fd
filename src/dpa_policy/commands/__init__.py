"""One module per command, each a leaf: ``add_parser(sub, parents)`` registers it on the
command line and ``run(args, out)`` composes the pipeline (:mod:`dpa_policy.core`), the
renderers and the writers into an exit code. No command imports another; what they share
lives in :mod:`._args` (argparse parents) and below them.

Each module imports only argparse and light modules at the top: the command line imports
every command to build its parser, and ``dpa-policy --help`` must stay fast.
"""
