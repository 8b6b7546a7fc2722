#!/usr/bin/python3
"""Checks schemas/dipcal-fixture.schema.json against the fixtures and the agreement corpus.

Usage: check_schema.py --repo ROOT [--dipcal PATH] [--verbose]

  (a) the schema is valid draft 2020-12 (metaschema), its regexes compile (Python re, and
      ECMAScript with the `u` flag when node is installed), and every property has a description;
  (b) every fixtures/*.yaml passes the schema (plus: ids and aliases unique, relation targets
      known); tests/corpus/agree/valid passes, agree/invalid fails, loader-only/invalid passes;
  (c) with --dipcal: `PATH check FILE` (env TZ=UTC) exits 0 for valid files and 1 for invalid
      ones; for loader-only files the output also contains the file's `# expect:` text (case
      ignored) and a file:line:col location.

Each corpus file starts with a comment line saying what it tests; loader-only files have
`# expect: <text>` as their second line. YAML is read as PyYAML's YAML 1.1 SafeLoader does,
except that timestamps stay strings (the schema, like the C++ loader, sees `2025-10-25` as text).
Prints one line per failure and ends with `N passed, N failed`; exits 1 on any failure.
Runs with Debian's /usr/bin/python3 (python3-jsonschema 4.10, python3-yaml).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

MODELINE = "# yaml-language-server: $schema=../schemas/dipcal-fixture.schema.json"
LOCATION = re.compile(r"\.yaml:\d+:\d+")
EXPECT = re.compile(r"^# expect: (\S.*?)\s*$")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FixtureLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates and date-times stay strings."""


FixtureLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self):
        self.passed += 1

    def fail(self, what, why):
        self.failed += 1
        print(f"FAIL {what}: {why}")

    def check(self, condition, what, why):
        if condition:
            self.ok()
        else:
            self.fail(what, why)
        return condition


def load_documents(path):
    """All YAML documents of a file (None for an empty file), as the schema sees them."""
    with open(path, encoding="utf-8") as f:
        docs = list(yaml.load_all(f, Loader=FixtureLoader))
    return docs or [None]


def schema_errors(validator, docs):
    errors = []
    for doc in docs:
        errors.extend(validator.iter_errors(doc))
    return errors


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    message = error.message
    if len(message) > 200:
        message = message[:200] + "…"
    return f"at {where}: {message}"


def best_error(errors):
    return describe(jsonschema.exceptions.best_match(errors)) if errors else "no error"


def walk_schemas(node, path="#"):
    """Yields (path, subschema) for every schema object in the schema."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("properties", "$defs", "dependentSchemas", "patternProperties"):
                for name, sub in value.items():
                    yield from walk_schemas(sub, f"{path}/{key}/{name}")
            elif key in ("items", "not", "if", "then", "else", "additionalProperties", "contains"):
                yield from walk_schemas(value, f"{path}/{key}")
            elif key in ("anyOf", "allOf", "oneOf", "prefixItems"):
                for i, sub in enumerate(value):
                    yield from walk_schemas(sub, f"{path}/{key}/{i}")


def check_schema_itself(schema, report):
    label = "schema"
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        report.ok()
    except jsonschema.exceptions.SchemaError as e:
        report.fail(label, f"not a valid draft 2020-12 schema: {e.message}")
        return False
    report.check(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", label, "$schema is not draft 2020-12")

    patterns = []
    missing = []
    open_objects = []
    for path, sub in walk_schemas(schema):
        if "pattern" in sub:
            patterns.append((path, sub["pattern"]))
        for name, prop in sub.get("properties", {}).items():
            if isinstance(prop, dict) and not prop.get("description"):
                missing.append(f"{path}/properties/{name}")
        if sub.get("type") == "object" and sub.get("additionalProperties") is not False:
            open_objects.append(path)
    report.check(not missing, label, f"properties without a description: {', '.join(missing)}")
    report.check(not open_objects, label, f"objects without additionalProperties: false: {', '.join(open_objects)}")

    bad = []
    for path, pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as e:
            bad.append(f"{path}: {e}")
    report.check(not bad, label, f"patterns Python cannot compile: {'; '.join(bad)}")

    node = shutil.which("node") or shutil.which("nodejs")
    if node:
        script = ("const ps = JSON.parse(require('fs').readFileSync(0, 'utf8')); const bad = [];"
                  "for (const [path, p] of ps) { try { new RegExp(p, 'u'); } catch (e) { bad.push(path + ': ' + e.message); } }"
                  "console.log(JSON.stringify(bad));")
        try:
            out = subprocess.run([node, "-e", script], input=json.dumps(patterns), capture_output=True, text=True, timeout=60)
            ecma_bad = json.loads(out.stdout) if out.returncode == 0 else [out.stderr.strip()]
        except (OSError, subprocess.SubprocessError, ValueError) as e:
            ecma_bad = [f"could not run node: {e}"]
        report.check(not ecma_bad, label, f"patterns ECMAScript (u flag) cannot compile: {'; '.join(ecma_bad)}")
    return True


def header_lines(path, count):
    with open(path, encoding="utf-8") as f:
        return [f.readline().rstrip("\n") for _ in range(count)]


def validate(path, label, validator, report, why_yaml):
    """(documents, the schema's errors about them) for a YAML file; None, reported, when it is not YAML."""
    try:
        docs = load_documents(path)
    except yaml.YAMLError as e:
        report.fail(label, f"YAML error{why_yaml}: {e}")
        return None
    return docs, schema_errors(validator, docs)


def check_fixtures(repo, validator, report, verbose):
    files = sorted((repo / "fixtures").glob("*.yaml"))
    report.check(bool(files), "fixtures", "no fixtures/*.yaml found")
    names = {}
    relations = []
    for path in files:
        label = str(path.relative_to(repo))
        first = header_lines(path, 1)[0]
        report.check(first == MODELINE, label, f"first line must be `{MODELINE}`")
        checked = validate(path, label, validator, report, "")
        if checked is None:
            continue
        docs, errors = checked
        if not report.check(not errors, label, f"schema rejects a fixture ({len(errors)} errors), first {best_error(errors)}"):
            if verbose:
                for error in errors:
                    print(f"    {describe(error)}")
            continue
        for doc in docs:
            for event in doc.get("events") or []:
                for name in [event["id"], *event.get("aliases", [])]:
                    if name in names:
                        report.fail(label, f"name '{name}' of '{event['id']}' is already used by '{names[name]}'")
                    else:
                        names[name] = event["id"]
                for rel in event.get("relations", []):
                    relations.append((label, event["id"], rel))
    unknown = [f"{label}: '{eid}' {rel['type']} '{rel['event']}'" for label, eid, rel in relations if rel["event"] not in names]
    report.check(not unknown, "fixtures", f"relations to unknown events: {'; '.join(unknown)}")
    return files


def check_corpus(repo, validator, report, verbose):
    """Returns [(path, expected_exit, expect_text_or_None)] for the dipcal runs."""
    corpus = repo / "tests" / "corpus"
    groups = [
        ("agree/valid", True, False),
        ("agree/invalid", False, False),
        ("loader-only/invalid", True, True),
    ]
    runs = []
    for group, schema_accepts, loader_only in groups:
        files = sorted((corpus / group).glob("*.yaml"))
        report.check(bool(files), f"tests/corpus/{group}", "no .yaml files")
        for path in files:
            label = str(path.relative_to(repo))
            first, second = header_lines(path, 2)
            if not report.check(first.startswith("# ") and len(first) > 3, label, "first line must be a comment saying what the file tests"):
                continue
            expect = None
            if loader_only:
                m = EXPECT.match(second)
                if not report.check(m is not None, label, "second line must be `# expect: <text of the loader's error>`"):
                    continue
                expect = m.group(1)
            checked = validate(path, label, validator, report, " (the corpus must be well-formed YAML)")
            if checked is None:
                continue
            errors = checked[1]
            if schema_accepts:
                report.check(not errors, label, f"schema should accept it but says {best_error(errors)}")
            else:
                report.check(bool(errors), label, "schema should reject it but accepts it")
                if verbose and errors:
                    print(f"  {label}: {first[2:]}")
                    print(f"    -> {best_error(errors)}")
            expected_exit = 0 if group == "agree/valid" else 1
            runs.append((path, expected_exit, expect))
    return runs


def run_dipcal(dipcal, repo, runs, report, verbose):
    env = dict(os.environ, TZ="UTC")
    for path, expected_exit, expect in runs:
        label = f"dipcal check {path.relative_to(repo)}"
        try:
            proc = subprocess.run([dipcal, "check", str(path.relative_to(repo))], cwd=repo, env=env,
                                  capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            report.fail(label, "timed out after 60 s")
            continue
        except OSError as e:
            report.fail(label, f"cannot run: {e}")
            continue
        output = (proc.stdout + proc.stderr).decode("utf-8", errors="replace")
        first_line = next((line for line in output.splitlines() if line.strip()), "(no output)")
        if not report.check(proc.returncode == expected_exit, label,
                            f"exit code {proc.returncode}, expected {expected_exit}; output: {first_line}"):
            continue
        if verbose and expected_exit == 1:
            print(f"  {label}: {first_line}")
        if expect is not None:
            report.check(expect.lower() in output.lower(), label, f"output lacks `{expect}`; output: {first_line}")
            report.check(LOCATION.search(output) is not None, label, f"output has no file:line:col location; output: {first_line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", required=True, type=Path, help="the repository root")
    parser.add_argument("--dipcal", type=Path, help="a built dipcal binary; without it the loader checks are skipped")
    parser.add_argument("--verbose", "-v", action="store_true", help="print why the schema rejects each invalid file")
    args = parser.parse_args()

    repo = args.repo.resolve()
    report = Report()
    schema_path = repo / "schemas" / "dipcal-fixture.schema.json"
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL {schema_path}: cannot read: {e}")
        print("0 passed, 1 failed")
        return 1

    if check_schema_itself(schema, report):
        validator = jsonschema.Draft202012Validator(schema)
        fixtures = check_fixtures(repo, validator, report, args.verbose)
        runs = check_corpus(repo, validator, report, args.verbose)
        if args.dipcal:
            dipcal = args.dipcal.resolve()
            if report.check(os.access(dipcal, os.X_OK) and dipcal.is_file(), str(args.dipcal), "not an executable file"):
                runs = [(path, 0, None) for path in fixtures] + runs
                run_dipcal(str(dipcal), repo, runs, report, args.verbose)
        else:
            print(f"note: no --dipcal given; skipped {len(runs)} loader runs")

    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
