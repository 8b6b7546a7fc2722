#!/usr/bin/env python3
"""Every suggested fix in every diagnostic of the bad-fixture and hostile corpora, applied by a
program, is one `dipcal check` then accepts (issue 15, "Done when").

For each fixture: run check, apply every suggestion that is mechanical (below), run check again, and
repeat until none is left. A fixed diagnostic must not come back; what is left must be a diagnostic
without a suggestion, or one whose suggestion this test names as not mechanical, with why.

Usage: test_suggested_fixes.py DIPCAL REPO_ROOT WORK_DIR [HOSTILE_DIR]
"""
import glob
import os
import re
import shutil
import subprocess
import sys

DIPCAL, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
HOSTILE = sys.argv[4] if len(sys.argv) > 4 else None
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", DIPCAL_FIXTURES="")

# Suggestions a program cannot apply, and why: each needs a fact the file does not hold, or a choice.
NOT_MECHANICAL = [
    ("write it under location: as", "moves a key into another mapping, which may not exist yet or may hold the same key"),
    ("write the zone of the event's place", "the place is not in the file: which city's zone is a fact to look up"),
    ("for example '", "an example of the form, not the value meant"),
    ("quote it", "quoting changes the type; whether the text is meant is the author's call"),
    ("add location:", "the zone of the event is a fact the file does not hold"),
    ("give location.zone", "the zone of the event is a fact the file does not hold"),
    ("one of ", "a country with several zones: which one is a fact the file does not hold"),
    ("revise one of the relations' gaps", "which of the constraints is wrong is the author's call"),
    ("drop or turn round one of these relations", "which relation is wrong is the author's call"),
    ("drop or change the alias", "which name to keep is the author's call"),
    ("years and months have no fixed length", "the number of days meant is the author's call"),
    ("write 00:00 of the next day", "the date changes too; dipcal names the form, not the value"),
    ("write end: the last day", "the last day is a fact the file does not hold"),
    ("save the file as UTF-8", "the encoding the bytes were written in is unknown"),
    ("split it, or raise the limit", "a size limit, not a mistake in the text"),
    ("raise the limit", "a size limit, not a mistake in the text"),
    ("start from fixtures/", "an empty file: there is nothing to mend"),
    ("add 'events:'", "an event is content the author must write"),
    ("write 'events: []'", "whether events were meant is the author's call"),
    ("check its permissions", "a file-system matter, not the text"),
    ("is it a folder or a device?", "a file-system matter, not the text"),
    ("remove one of them; YAML keeps only one", "which value to keep is the author's call"),
    ("check the offset, or the event's zone", "which of the two is wrong is the author's call"),
    ("anchors are how", "which anchored value each alias meant is the author's to write out"),
    ("this does not look like a dipcal fixture", "not a fixture: there is nothing to mend"),
    ("quote the value if it starts with", "where the value ends is the author's call"),
    ("indent with spaces, and quote values", "where the YAML went wrong is the author's call"),
    ("put each calendar in its own file", "splits or merges files"),
]

# Parts of an "expected …" that hold "; " themselves: not suggestions.
EXPECTED_PARTS = ("hours 00–23",)

failures = 0
passed = 0


def fail(name, detail=""):
    global failures
    failures += 1
    print(f"FAIL {name}\n{detail}")


def check(path):
    p = subprocess.run([DIPCAL, "--no-cache", "check", path], capture_output=True, text=True, env=ENV, timeout=120)
    out = []
    for line in p.stderr.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (error|warning): (.*)$", line)
        if m and os.path.basename(m.group(1)) == os.path.basename(path):
            out.append({"line": int(m.group(2)), "col": int(m.group(3)), "severity": m.group(4), "text": m.group(5)})
    return p.returncode, out, p.stderr


def first_candidate(listing):
    return re.split(r", | or ", listing)[0]


def mechanical_fix(d):
    """(kind, value) for a suggestion a program can apply, else None."""
    t = d["text"]
    for pattern, kind in [
        (r"did you mean (.+)\?$", "replace"),
        (r"; write (\S+) \(the clock after the jump", "replace"),
        (r"add the offset to pick one: (\S+) or ", "replace"),
        (r"; write (\S+) to show the zone's clock$", "replace"),
        (r"; write ([A-Za-z]+/[A-Za-z_/+-]+)$", "replace"),
    ]:
        m = re.search(pattern, t)
        if m:
            return kind, first_candidate(m.group(1)) if kind == "replace" else m.group(1)
    if t.endswith("; remove the gap"):
        return "remove-gap", None
    if t.endswith("; rename one of them"):
        return "rename", None
    if t.endswith("; keep end or duration, not both"):
        return "delete-line", None
    if t.endswith("; remove it; the events' own zones apply"):
        return "remove-key", None
    return None


def token_span(line, col):
    """The YAML scalar (a key, a plain or a quoted value) that starts at 1-based `col`."""
    i = col - 1
    if i < len(line) and line[i] in "\"'":
        j = line.index(line[i], i + 1) + 1
        return i, j
    m = re.match(r"[^\s:,{}\[\]]+(?=:\s)", line[i:])  # a key
    if m:
        return i, i + m.end()
    m = re.match(r"[^\s,{}\[\]]+", line[i:])  # a value (times hold ':')
    return i, i + (m.end() if m else 0)


def apply(path, fixes):
    lines = open(path, encoding="utf-8").read().split("\n")
    deleted = set()
    # From the end of the file back, so that earlier positions hold.
    for d, (kind, value) in sorted(fixes, key=lambda f: (f[0]["line"], f[0]["col"]), reverse=True):
        n = d["line"] - 1
        line = lines[n]
        if kind == "replace":
            a, b = token_span(line, d["col"])
            # A diagnostic placed at the start of a mapping (a relation) names the word it means in
            # quotes: replace that word where the line holds it.
            words = [w for w in re.findall(r"'([^']+)'", d["text"]) if w in line]
            if words and line[a:b].strip("\"'") not in words:
                a = line.index(words[-1])
                b = a + len(words[-1])
            quoted = line[a:b][:1] in "\"'"
            lines[n] = line[:a] + (f'"{value}"' if quoted else value) + line[b:]
        elif kind == "rename":
            a, b = token_span(line, d["col"])
            lines[n] = line[:a] + line[a:b] + "-2" + line[b:]
        elif kind == "remove-gap":
            flow = re.sub(r",\s*gap:\s*\{[^}]*\}", "", line)
            if flow != line:
                lines[n] = flow
            else:
                deleted.add(n)
        elif kind == "delete-line":
            deleted.add(n)
        elif kind == "remove-key":  # the key whose value starts at col, from a flow mapping or its own line
            a, b = token_span(line, d["col"])
            m = re.search(r"(,\s*|\{\s*)?[\w-]+:\s*$", line[:a])
            if m and m.group(1) and m.group(1).startswith(","):
                lines[n] = line[:m.start()] + line[b:]
            elif m and m.group(1):
                lines[n] = line[:m.start() + 1] + re.sub(r"^,\s*", "", line[b:])
            else:
                deleted.add(n)
    text = "\n".join(l for i, l in enumerate(lines) if i not in deleted)
    open(path, "w", encoding="utf-8").write(text)


def corpus():
    files = sorted(glob.glob(os.path.join(ROOT, "tests/cli/fixtures/bad/*.yaml")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests/cli/fixtures/newcomer/*.yaml")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests/corpus/*/invalid/*.yaml")))
    if HOSTILE and os.path.isdir(HOSTILE):
        files += sorted(f for f in glob.glob(os.path.join(HOSTILE, "*.yaml")) if os.path.getsize(f) < (1 << 20))
    return files


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
applied = unmechanical = 0
for source in corpus():
    name = os.path.relpath(source, ROOT) if source.startswith(ROOT) else os.path.basename(source)
    path = os.path.join(WORK, name.replace("/", "__"))
    shutil.copyfile(source, path)
    for _ in range(6):
        code, diags, stderr = check(path)
        fixes = [(d, f) for d in diags if (f := mechanical_fix(d))]
        if not fixes:
            break
        apply(path, fixes)
        applied += len(fixes)
        _, after, stderr_after = check(path)
        for d, _f in fixes:
            # The same words at the same line would mean the fix did not take (lines only shift down
            # from deleted lines, which are below nothing they could hide).
            if any(a["text"] == d["text"] for a in after):
                fail(f"{name}: the fix for '{d['text']}' did not take", stderr_after)
    code, diags, stderr = check(path)
    ok = True
    for d in diags:
        if mechanical_fix(d):
            ok = False
            fail(f"{name}: a mechanical suggestion is left after six rounds: {d['text']}", stderr)
            continue
        has_suggestion = any(reason for pattern, reason in NOT_MECHANICAL if pattern in d["text"])
        if has_suggestion:
            unmechanical += 1
            continue
        # format_diagnostic ends with "; expected …" when there is no suggestion; anything after is one.
        last = d["text"].rsplit("; ", 1)[-1]
        if "; " in d["text"] and not last.startswith("expected ") and last not in EXPECTED_PARTS:
            ok = False
            fail(f"{name}: a suggestion neither applied nor named as not mechanical: {last}", stderr)
    if ok:
        passed += 1
    # A file whose every error had a mechanical suggestion must now pass.
    if all(mechanical_fix(d) is None and d["severity"] == "warning" for d in diags) and code != 0:
        fail(f"{name}: only warnings are left, yet check exits {code}", stderr)

print(f"{applied} suggested fixes applied; {unmechanical} suggestions named as not mechanical; {passed} fixtures passed, {failures} failed")
sys.exit(1 if failures else 0)
