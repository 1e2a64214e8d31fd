"""Fixtures for the CT pack tests; helpers live in ct_support (a name no other pack's tests use)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def registry():
    from dpa_policy.plugins import get_plugin_manager
    from dpa_policy.registry import RuleRegistry

    return RuleRegistry.from_plugins(get_plugin_manager())
