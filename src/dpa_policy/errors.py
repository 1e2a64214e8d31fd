"""Errors that stop a run before or while it checks anything.

Each maps to an exit code in :mod:`dpa_policy.cli`: :class:`SetupError` and its subclasses
mean the run could not be set up (exit 2); anything else escaping the app is an internal
error (exit 3). Problems with an *agreement* are never exceptions: they are findings.
"""

from __future__ import annotations


class DpaPolicyError(Exception):
    """Base for the errors this tool raises on purpose."""


class SetupError(DpaPolicyError):
    """The run could not be set up: bad flag, unreadable or invalid policy, nothing to check."""


class UsageError(SetupError):
    """A command-line argument is wrong."""


class PolicyError(SetupError):
    """A policy file is unreadable or invalid; the message names the file, line and key."""


class PluginError(SetupError):
    """A plugin failed to load or registered something invalid; the message names it."""


class NothingToCheck(SetupError):
    """No agreement files were found; a run that checks nothing is not a pass."""
