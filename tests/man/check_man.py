#!/usr/bin/python3
"""The man pages cannot drift from the program.

- dipcal(1) has a section (.SS "dipcal COMMAND …") for every command `dipcal --help` lists (and for
  each subcommand of export and import), that section names every option of that command's --help,
  and every option the page names exists; the global options are in OPTIONS.
- Both pages render without a warning (man --warnings, as lintian checks them).
- Every example runs: in an .EX/.EE block, a line "$ dipcal ARGS" is run (on the bundled fixtures, TZ=UTC,
  in a scratch folder) and the lines after it, up to the next "$ " or the block's end, are its
  expected output, written by hand; a block opening with "# NAME.yaml" is written to that file first.

    check_man.py DIPCAL MAN_DIR
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

dipcal, man_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
env.pop("DIPCAL_FIXTURES", None)
failures = []

ESCAPES = {r"\-": "-", r"\(en": "–", r"\(em": "—", r"\(->": "→", r"\(dq": '"', r"\(aq": "'", r"\e": "\\",
           r"\&": "", r"\~": " ", r"\fB": "", r"\fI": "", r"\fR": "", r"\fP": ""}


def unescape(text):
    return re.sub("|".join(re.escape(e) for e in sorted(ESCAPES, key=len, reverse=True)), lambda m: ESCAPES[m.group()], text)


def help_of(*command):
    out = subprocess.run([dipcal, *command, "--help"], capture_output=True, text=True, env=env, check=True).stdout
    options, subcommands, section = set(), [], None
    for line in out.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
        elif section == "Options" and re.match(r"  -", line):
            options |= {name for name in line.split()[0].split(",")}
        elif section == "Subcommands" and re.match(r"  \S", line):
            subcommands.append(line.split()[0])
    return options - {"-h", "--help"}, subcommands


def sections(page):
    """{heading: body} for .SH and .SS headings, unescaped."""
    found, heading = {}, None
    for line in page.splitlines():
        m = re.match(r'\.S[HS] "?(.*?)"?$', line)
        if m:
            heading = unescape(m.group(1))
            found[heading] = heading + "\n"
        elif heading is not None:
            found[heading] += unescape(line) + "\n"
    return found


def check(condition, message):
    if not condition:
        failures.append(message)


# --- dipcal(1) against --help ------------------------------------------------------------------------
page = open(os.path.join(man_dir, "dipcal.1"), encoding="utf-8").read()
parts = sections(page)
global_options, commands = help_of()
for option in global_options:
    check(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", parts["OPTIONS"]), f"OPTIONS lacks {option}")
command_lines = []
for command in commands:
    options, subcommands = help_of(command)
    command_lines += [(f"{command} {sub}".split(), help_of(command, sub)[0]) for sub in subcommands] or [([command], options)]
documented = {h: body for h, body in parts.items() if h.startswith("dipcal ")}
matched = set()
for words, options in command_lines:
    # "dipcal export svg|html [...]" documents both export svg and export html
    pattern = r"dipcal " + r" ".join(rf"(\S*\|)?{re.escape(w)}(\|\S*)?" for w in words) + r"(\s|$)"
    matching = [h for h in documented if re.match(pattern, h)]
    check(len(matching) == 1, f"dipcal(1) has {len(matching)} sections for 'dipcal {' '.join(words)}'")
    if len(matching) != 1:
        continue
    matched.add(matching[0])
    body = documented[matching[0]]
    for option in options:
        check(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", body), f"'dipcal {' '.join(words)}': the page lacks {option}")
    for named in set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", body)):
        check(named in options | global_options, f"'dipcal {' '.join(words)}': the page names {named}, which --help lacks")
for heading in documented.keys() - matched:
    check(False, f"dipcal(1) documents '{heading}', which no command's --help lists")

# --- rendering ------------------------------------------------------------------------------------------
for name in ("dipcal.1", "dipcal-fixtures.5"):
    render = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", os.path.join(man_dir, name)],
                            capture_output=True, text=True, env=dict(env, MANWIDTH="80", MAN_KEEP_FORMATTING="0"))
    check(render.returncode == 0 and not render.stderr.strip(), f"{name} renders with warnings: {render.stderr.strip()}")
    check("dipcal" in render.stdout, f"{name} rendered empty")

# --- examples ------------------------------------------------------------------------------------------
examples = 0
for name in ("dipcal.1", "dipcal-fixtures.5"):
    text = open(os.path.join(man_dir, name), encoding="utf-8").read()
    blocks = [unescape(b).strip("\n").splitlines() for b in re.findall(r"^\.EX\n(.*?)^\.EE", text, re.M | re.S)]
    with tempfile.TemporaryDirectory() as scratch:
        for block in blocks:
            file = re.match(r"# (\S+\.yaml)$", block[0])
            if file:
                with open(os.path.join(scratch, file.group(1)), "w", encoding="utf-8") as f:
                    f.write("\n".join(block[1:]) + "\n")
                continue
            if not block[0].startswith("$ "):
                continue
            runs = []
            for line in block:
                if line.startswith("$ "):
                    runs.append((line[2:], []))
                else:
                    runs[-1][1].append(line)
            for command, expected in runs:
                args = shlex.split(command)
                check(args[0] == "dipcal", f"{name}: example does not run dipcal: {command}")
                result = subprocess.run([dipcal, *args[1:]], capture_output=True, text=True, env=env, cwd=scratch)
                examples += 1
                got = result.stdout.rstrip("\n").splitlines()
                check(result.returncode == 0 and got == expected,
                      f"{name}: $ {command}\n  expected: {expected}\n  got ({result.returncode}): {got}\n  {result.stderr.strip()}")
check(examples >= 4, f"only {examples} examples ran")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(command_lines)} commands checked against --help, {examples} examples run, {len(failures)} failures")
sys.exit(1 if failures else 0)
