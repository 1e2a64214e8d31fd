"""The strict loader: positions beside the data, and every kind of bad input as a located problem."""

from __future__ import annotations

import time

import pytest

from dpa_policy.core.loader import MAX_DEPTH, MAX_NODES, MAX_NUMBER_DIGITS, LoadFailed, decode, load_text, read_text
from dpa_policy.findings import Position


def problems(text: str):
    with pytest.raises(LoadFailed) as info:
        load_text(text)
    return [(p.code, p.position.line, p.position.column, p.message) for p in info.value.problems]


def test_positions_are_kept_beside_the_data_not_in_it():
    loaded = load_text("clauses:\n  audit:\n    per_year: 1\n    notice: 10 business days\n")
    assert loaded.data == {"clauses": {"audit": {"per_year": 1, "notice": "10 business days"}}}
    assert loaded.source_map.values[("clauses", "audit", "per_year")] == Position(3, 15)
    assert loaded.source_map.keys[("clauses", "audit", "notice")] == Position(4, 5)


def test_absent_path_locates_the_nearest_present_parent_key():
    loaded = load_text("dpa_version: 1\nclauses:\n  ownership: {}\n")
    assert loaded.source_map.locate(("clauses", "audit", "notice")) == Position(2, 1)


def test_sequence_items_have_positions():
    loaded = load_text("laws:\n  - ferpa\n  - coppa\n")
    assert loaded.source_map.values[("laws", 1)] == Position(3, 5)


def test_a_second_marketing_key_never_silently_wins():
    found = problems("prohibits:\n  marketing: true\n  sale: true\n  marketing: false\n")
    assert found == [("DPA004", 4, 3,
                      "duplicate key 'marketing': first defined at line 2, column 3; "
                      "a second value must never silently win")]


def test_every_duplicate_is_reported_not_just_the_first():
    found = problems("a: 1\na: 2\nb: {x: 1, x: 2}\n")
    assert [(c, line) for c, line, _, _ in found] == [("DPA004", 2), ("DPA004", 3)]


@pytest.mark.parametrize("value", ["yes", "No", "ON", "off", "y", "N"])
def test_yaml11_booleans_are_refused_with_a_fix(value):
    ((code, line, col, message),) = problems(f"district_owns: {value}\n")
    assert (code, line, col) == ("DPA005", 1, 16)
    assert "write true or false" in message and f'"{value}"' in message


@pytest.mark.parametrize("value", ["1:30", "0755", "02139", "0x1F", "1_000", "1e3", ".inf", ".NaN"])
def test_numbers_that_read_differently_in_yaml11_and_12_are_refused(value):
    ((code, _, _, message),) = problems(f"zip: {value}\n")
    assert code == "DPA005"
    assert "quote it" in message


def test_quoted_values_are_always_text():
    data = load_text("a: 'yes'\nb: \"1:30\"\nc: '02139'\nd: !!str 1.0\n").data
    assert data == {"a": "yes", "b": "1:30", "c": "02139", "d": "1.0"}


def test_plain_values_resolve_deliberately():
    data = load_text("t: true\nf: False\nn: ~\ne:\ni: -3\nx: 2.5\n").data
    assert data == {"t": True, "f": False, "n": None, "e": None, "i": -3, "x": 2.5}


def test_unquoted_dates_stay_text_exactly_as_written():
    data = load_text("effective: 2024-07-01\nmodel_version: 2024-7-1\n").data
    assert data == {"effective": "2024-07-01", "model_version": "2024-7-1"}


def test_syntax_error_is_located():
    ((code, line, col, message),) = problems("a: [1, 2\nb: 3\n")
    assert code == "DPA001" and line == 2 and "flow sequence" in message


def test_tab_indentation_is_a_located_syntax_error():
    ((code, line, _, _),) = problems("a:\n\tb: 1\n")
    assert (code, line) == ("DPA001", 2)


def test_a_second_document_is_refused():
    ((code, line, _, message),) = problems("a: 1\n---\nb: 2\n")
    assert (code, line) == ("DPA001", 2) and "second YAML document" in message


def test_python_tags_are_refused_not_executed():
    ((code, _, _, message),) = problems("a: !!python/object/apply:os.system ['echo hacked']\n")
    assert code == "DPA005" and "not supported" in message


def test_merge_keys_are_refused():
    ((code, _, _, _),) = problems("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert code == "DPA005"


def test_complex_keys_are_refused():
    ((code, _, _, message),) = problems("? [a, b]\n: 1\n")
    assert code == "DPA001" and "mapping keys" in message


def test_aliases_to_small_values_work():
    data = load_text("a: &x {k: v}\nb: *x\n").data
    assert data == {"a": {"k": "v"}, "b": {"k": "v"}}


def test_alias_bomb_is_stopped_quickly():
    lines = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    started = time.perf_counter()
    ((code, _, _, message),) = problems("\n".join(lines) + "\n")
    assert code == "DPA007" and f"{MAX_NODES:,}" in message
    # A bound on behaviour, not a benchmark: 10^10 expansions would take hours.
    assert time.perf_counter() - started < 5


def test_deep_nesting_is_stopped_before_the_stack_is():
    ((code, _, _, message),) = problems("[" * 100_000 + "]" * 100_000)
    assert code == "DPA007" and str(MAX_DEPTH) in message


def test_deep_block_nesting_is_stopped():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "v\n"
    ((code, _, _, _),) = problems(text)
    assert code == "DPA007"


def test_invalid_utf8_is_located_at_the_bad_byte():
    with pytest.raises(LoadFailed) as info:
        decode("a: ok\nb: caf\xe9\n".encode("latin-1"))
    (problem,) = info.value.problems
    assert (problem.code, problem.position) == ("DPA006", Position(2, 7))
    assert "0xe9" in problem.message


def test_utf8_bom_is_accepted():
    assert decode(b"\xef\xbb\xbfa: 1\n") == "a: 1\n"


def test_oversized_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    with pytest.raises(LoadFailed) as info:
        read_text(big)
    (problem,) = info.value.problems
    assert problem.code == "DPA006" and "MiB limit" in problem.message


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    with pytest.raises(LoadFailed) as info:
        read_text(tmp_path / "does-not-exist.yaml")
    assert info.value.problems[0].code == "DPA006"


def test_deep_nesting_is_located_at_the_level_past_the_limit_with_any_parser(monkeypatch):
    import yaml

    from dpa_policy.core import loader

    expected = [("DPA007", 1, MAX_DEPTH + 1, f"nesting is deeper than {MAX_DEPTH} levels")]
    assert problems("[" * 5000 + "]" * 5000) == expected
    monkeypatch.setattr(loader, "_YamlParser", yaml.SafeLoader)  # PyYAML without libyaml
    assert problems("[" * 5000 + "]" * 5000) == expected


def test_a_number_longer_than_the_bound_is_refused_where_it_is_written():
    ((code, line, col, message),) = problems("a: 1\nb: " + "7" * (MAX_NUMBER_DIGITS + 1) + "\n")
    assert (code, line, col) == ("DPA007", 2, 4)
    assert f"{MAX_NUMBER_DIGITS + 1:,} digits" in message and "quote it" in message


def test_numbers_up_to_the_bound_still_load():
    assert load_text("a: " + "7" * MAX_NUMBER_DIGITS + "\n").data == {"a": int("7" * MAX_NUMBER_DIGITS)}
    assert load_text("a: '" + "7" * 5000 + "'\n").data == {"a": "7" * 5000}  # quoted: text


def test_a_float_that_overflows_is_refused_not_read_as_infinity():
    ((code, line, col, message),) = problems("x: 1\ny: -1.5e400\n")
    assert (code, line, col) == ("DPA007", 2, 4) and "infinity" in message


def test_a_control_character_is_located_on_its_own_line_counting_crlf():
    ((code, line, col, message),) = problems("a: 1\r\nb: x\x01y\r\n")
    assert (code, line, col) == ("DPA001", 2, 5)
    assert message == "control character U+0001 is not allowed in YAML; remove it"

