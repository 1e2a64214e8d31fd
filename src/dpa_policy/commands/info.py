"""The commands that describe dpa-policy itself rather than check anything: ``rules``,
``explain RULE``, ``schema``, ``plugins``, ``policy show`` and the ``--version`` text.

The listings are laid out by :mod:`dpa_policy.render.explain`; this module only reads the
options, loads what each listing needs and writes it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ..core.report import ExitCode
from ..errors import SetupError, UsageError
from ._args import Parents, Parser, load_plugins, load_policy


def add_parsers(sub: Any, parents: Parents) -> None:
    """Register ``rules``, ``explain``, ``schema``, ``plugins`` and ``policy`` (in the order
    ``--help`` lists them)."""
    sub.add_parser("rules", help="list every available rule", parents=[parents.common])
    explain = sub.add_parser("explain", help="print a rule's documentation", parents=[parents.common])
    explain.add_argument("rule", metavar="RULE", help="rule code (DPA201) or slug (breach-notice-window)")
    schema_cmd = sub.add_parser("schema", help="print the agreement JSON Schema")
    schema_cmd.add_argument("--generate", action="store_true",
                            help="generate it from the models instead of printing the packaged file "
                                 "(for maintainers regenerating the packaged schema)")
    schema_cmd.add_argument("--write", metavar="PATH",
                            help="write it to PATH (replacing an older copy) instead of printing it, for "
                                 "editors that validate agreements against a local schema file")
    sub.add_parser("plugins", help="list loaded plugins with their versions and what they provide",
                   parents=[parents.common])
    policy_cmd = sub.add_parser("policy", help="inspect a policy")
    policy_sub = policy_cmd.add_subparsers(dest="policy_command", metavar="ACTION", parser_class=Parser)
    show = policy_sub.add_parser("show", help="print the resolved policy and the layer that set each value",
                                 parents=[parents.common, parents.with_policy])
    show.add_argument("--state", metavar="XX", help="resolve for agreements governed by this state's law (adds its packs)")
    show.add_argument("--as-of", metavar="YYYY-MM-DD",
                      help="resolve the values a policy writes by date (by_date) as of this date instead of today")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """``rules``, ``explain``, ``schema``, ``plugins`` or ``policy show``, by ``args.command``."""
    if args.command == "schema":
        from .. import schema

        if args.write:
            from ..core.discover import DEFAULT_PATH
            from ..output.schema_file import modeline, write_schema
            from ..reporters.inert import text

            write_schema(args.write, generate=args.generate)
            out.write(text(f"wrote {args.write}; an agreement in {DEFAULT_PATH}/ points at it with this first line:")
                      + "\n" + text(modeline(args.write, DEFAULT_PATH)) + "\n")
            return ExitCode.OK
        out.write(schema.dumps(schema.generate() if args.generate else schema.packaged()))
        return ExitCode.OK
    if args.command == "policy" and args.policy_command is None:
        raise UsageError("policy needs an action: show")

    pm, registry = load_plugins(args)
    if args.command == "rules":
        from ..render.explain import rules_table

        out.write(rules_table(registry))
        return ExitCode.OK
    if args.command == "explain":
        from ..render.explain import explain

        out.write(explain(registry, args.rule))
        return ExitCode.OK
    if args.command == "plugins":
        from ..render.explain import plugins_table

        out.write(plugins_table(pm, registry))
        return ExitCode.OK
    from ..core.options import parse_as_of

    as_of = parse_as_of(args.as_of)
    policy_set = load_policy(args, pm, registry).at(as_of)
    from ..model.vocabulary import US_STATES
    from ..render.explain import policy_show
    from ..render.settings import settings_text

    state = args.state.upper() if args.state else None
    if state is not None and state not in US_STATES:
        raise UsageError(f"--state must be a two-letter US state code, got {args.state!r}")
    out.write(settings_text(args.settings, args.config_source, ignored=args.no_config) + "\n"
              + policy_show(policy_set, state))
    return ExitCode.OK


def version_text() -> str:
    """``dpa-policy --version``: the version, Python, the YAML parser and the installed packs."""
    from ..core.loader import LIBYAML
    from ..plugins import list_plugins, plugin_manager
    from ..version import tool_version

    text = (f"dpa-policy {tool_version()} (Python {sys.version.split()[0]}, "
            f"YAML parser: {'libyaml' if LIBYAML else 'pure Python'})\n")
    try:
        pm = plugin_manager([])
        packs = [p for p in list_plugins(pm) if not p.builtin]
    except SetupError as exc:
        return text + f"plugins: failed to load: {exc}\n"
    if packs:
        text += "plugins: " + ", ".join(f"{p.name} ({p.distribution} {p.version})" for p in packs) + "\n"
    return text
