"""The agreement schema in editors and validators, offline, from a district's repository.

`dpa-policy schema --write` gives a local copy and the first line that points at it; the
copy has a stable versioned `$id`, a description on every field and readable duration errors.
Checked with check-jsonschema and with yaml-language-server (diagnostics and hover), and the
SchemaStore catalog entry in docs/schema.md is kept in step with it.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dpa_policy import schema
from dpa_policy.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "agreements"
DOCS = ROOT / "docs" / "schema.md"


def catalog_entry() -> dict:
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"<!-- schemastore-catalog-entry -->\n```json\n(.*?)\n```", text, re.S)
    assert block, "docs/schema.md holds the SchemaStore catalog entry"
    return json.loads(block.group(1))


def test_the_id_is_a_stable_versioned_address_and_the_catalog_entry_names_it():
    packaged = schema.packaged()
    assert packaged["$id"] == "https://json.schemastore.org/dpa-policy-agreement-1.json"
    entry = catalog_entry()
    assert entry["url"] == packaged["$id"] == entry["versions"]["1"]
    assert set(entry) == {"name", "description", "fileMatch", "url", "versions"}
    assert entry["fileMatch"] == ["*.dpa.yaml", "*.dpa.yml"]  # specific names only: never every YAML file


def _properties(node, where=""):
    """(where, property schema) for every property definition, not counting the property
    lists inside if/then conditions (they constrain, they do not define)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name, definition in value.items():
                    yield f"{where}/{name}", definition
            if key not in ("if",):
                yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}/{index}")


def test_every_field_has_hover_text_and_durations_say_what_to_write():
    packaged = schema.packaged()
    undocumented = [where for where, definition in _properties(packaged) if "description" not in definition]
    assert undocumented == []
    from dpa_policy.model.duration import DURATION_PATTERN

    durations = [node for _, node in _properties(packaged) if node.get("pattern") == DURATION_PATTERN]
    assert durations and all("72 hours" in node["patternErrorMessage"] for node in durations)


@pytest.fixture
def district(tmp_path, monkeypatch):
    """A district's repository with the schema written next to the agreements."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["schema", "--write", "schema/agreement-1.schema.json"], stdout=out, stderr=io.StringIO()) == 0
    first_line = out.getvalue().splitlines()[-1]
    assert first_line == "# yaml-language-server: $schema=../schema/agreement-1.schema.json"
    (tmp_path / "agreements").mkdir()
    body = (SAMPLES / "allhere.yaml").read_text().split("\n", 1)[1]  # the sample's own first line off
    (tmp_path / "agreements" / "allhere.dpa.yaml").write_text(first_line + "\n" + body)
    (tmp_path / "agreements" / "late.dpa.yaml").write_text(
        first_line + "\n" + body.replace("window: 72 hours", "window: 72 hrs"))
    return tmp_path


def _executable(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (it is in the test extra)")
    return found


def test_check_jsonschema_validates_against_the_written_copy(district):
    command = [_executable("check-jsonschema"), "--schemafile", "schema/agreement-1.schema.json"]
    good = subprocess.run(command + ["agreements/allhere.dpa.yaml"], capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run(command + ["agreements/late.dpa.yaml"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "72 hrs" in bad.stdout


def test_the_catalog_entrys_positive_test_validates():
    # What docs/schema.md submits as SchemaStore's positive test: the sample, as is.
    import jsonschema
    import yaml

    class Yaml12(yaml.SafeLoader):
        """Dates stay text, as JavaScript YAML readers (SchemaStore's) leave them."""

    Yaml12.yaml_implicit_resolvers = {key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                                      for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    document = yaml.load((SAMPLES / "allhere.yaml").read_text(), Loader=Yaml12)  # noqa: S506 - a SafeLoader
    assert list(jsonschema.Draft202012Validator(schema.packaged()).iter_errors(document)) == []


# A minimal language-server client: open one file, collect its diagnostics, ask for a hover.
CLIENT = r"""
const { spawn } = require("child_process");
const fs = require("fs");
const url = require("url");
const [server, file, line, character] = process.argv.slice(2);
const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const uri = url.pathToFileURL(file).href;
let buffer = Buffer.alloc(0), nextId = 1;
const pending = new Map(), result = { diagnostics: null, hover: null };
const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
function send(message) {
  const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: "2.0" }, message)), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString("utf8"));
    buffer = buffer.slice(end + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message.result); pending.delete(message.id);
    } else if (message.id !== undefined && message.method) {
      send({ id: message.id, result: ((message.params || {}).items || []).map(() => settings) });
    } else if (message.method === "textDocument/publishDiagnostics" && message.params.uri === uri) {
      result.diagnostics = message.params.diagnostics;
    }
  }
});
(async () => {
  await request("initialize", { processId: process.pid, rootUri: null, capabilities: {
    workspace: { configuration: true }, textDocument: { hover: { contentFormat: ["markdown"] } } } });
  send({ method: "initialized", params: {} });
  send({ method: "workspace/didChangeConfiguration", params: { settings: { yaml: settings } } });
  send({ method: "textDocument/didOpen", params: { textDocument: {
    uri, languageId: "yaml", version: 1, text: fs.readFileSync(file, "utf8") } } });
  const deadline = Date.now() + 60000;
  while (result.diagnostics === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  result.hover = await request("textDocument/hover", { textDocument: { uri },
    position: { line: Number(line), character: Number(character) } });
  process.stdout.write(JSON.stringify(result));
  child.kill();
  process.exit(0);
})();
"""


def _language_server(npm_client, district: Path, name: str, line: int, character: int) -> dict:
    folder = npm_client("yaml-language-server")
    server = folder / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    client = district / "client.js"
    client.write_text(CLIENT)
    result = subprocess.run([shutil.which("node"), str(client), str(server), str(district / "agreements" / name),
                             str(line), str(character)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["diagnostics"] is not None, "the language server published no diagnostics"
    return answer


def test_yaml_language_server_explains_a_bad_duration_and_hovers_with_descriptions(district, npm_client):
    lines = (district / "agreements" / "late.dpa.yaml").read_text().splitlines()
    window = next(i for i, text in enumerate(lines) if "window: 72 hrs" in text)
    version = next(i for i, text in enumerate(lines) if text.startswith("dpa_version:"))
    late = _language_server(npm_client, district, "late.dpa.yaml", version, 2)
    (diagnostic,) = late["diagnostics"]
    assert diagnostic["range"]["start"]["line"] == window
    assert diagnostic["message"].startswith('Write a whole number and a unit: "72 hours"')
    assert "Version of this agreement format" in late["hover"]["contents"]["value"]
    good = _language_server(npm_client, district, "allhere.dpa.yaml", version, 2)
    assert good["diagnostics"] == []
