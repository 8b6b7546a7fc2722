#!/usr/bin/python3
"""Shell completion for dipcal, run for real in bash, zsh and fish.

bash: bash-completion's library and completions/dipcal.bash loaded in a bash subprocess, `complete -p
dipcal` checked, and _dipcal called with COMP_WORDS/COMP_CWORD as bash sets them on Tab.
zsh: an interactive zsh in a pseudo-terminal, compinit with completions/ in $fpath, the line typed
and Tab pressed (zsh_complete.zsh prints what the completion system offers).
fish: `complete -C LINE` after sourcing completions/dipcal.fish.

Expected candidates were read by hand from the fixtures (fixtures/us-china-trade-2025.yaml and
tests/completion/fixtures/harbour.yaml), the zone list and the commands' --help.

    test_completion.py BUILD_CLI_DIR SOURCE_DIR
"""
import os
import subprocess
import sys

cli_dir, source = sys.argv[1], sys.argv[2]
completions = os.path.join(source, "completions")
env = dict(os.environ, PATH=cli_dir + os.pathsep + os.environ["PATH"])
FIX = "tests/completion/fixtures/harbour.yaml"

# (line up to the cursor, expected candidates, exact?) — not exact: those must be among them.
CASES = [
    ("dipcal ex", {"export"}, True),
    ("dipcal export i", {"ics"}, True),
    ("dipcal until busan --from kl-", {"kl-trade-talks", "kl-talks", "kl-consensus-announced"}, True),
    ("dipcal show apec", {"apec-leaders-2025", "apec-2025", "apec"}, True),
    # --fixtures on the line being completed, before or after the command
    (f"dipcal --fixtures {FIX} show harb", {"harbour-summit", "harbour", "harbour-call"}, True),
    (f"dipcal list --fixtures {FIX} --tag ", {"calls", "ports", "summits"}, True),
    ("dipcal list --tag tr", {"trade-talks"}, True),
    ("dipcal list --tz Asia/Seo", {"Asia/Seoul"}, True),
    ("dipcal agenda --tz Europe/Zur", {"Europe/Zurich"}, True),
    ("dipcal graph --format m", {"mermaid"}, True),
    ("dipcal order --by ", {"deps", "time"}, True),
    ("dipcal list --t", {"--to", "--tag", "--tz"}, True),
    ("dipcal export ics --o", {"--output"}, True),
    ("dipcal until busan ", {"--from", "--from-start", "--json"}, False),
    ("dipcal between kl-trade-talks bus", {"busan-trump-xi", "busan"}, True),
    # paths: the shells' own file completion (compared by the last path component)
    ("dipcal check tests/completion/fix", {"fixtures"}, True),
    ("dipcal --fixtures tests/completion/fixtures/har", {"harbour.yaml"}, True),
    ("dipcal export ics -o tests/completion/fix", {"fixtures"}, True),
]

BASH = r'''
source /usr/share/bash-completion/bash_completion
source "$1"
complete -p dipcal
line=$2
COMP_LINE=$line COMP_POINT=${#line}
read -ra COMP_WORDS <<<"$line"
[[ $line == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMPREPLY=()
_dipcal dipcal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''


def bash(line):
    out = subprocess.run(["bash", "-c", BASH, "bash", os.path.join(completions, "dipcal.bash"), line],
                         env=env, cwd=source, capture_output=True, text=True, timeout=60).stdout.splitlines()
    assert out and out[0] == "complete -F _dipcal dipcal", f"complete -p dipcal: {out[:1]}"
    return out[1:]


def zsh(line):
    return subprocess.run(["zsh", "-f", os.path.join(source, "tests/completion/zsh_complete.zsh"), completions, line],
                          env=env, cwd=source, capture_output=True, text=True, timeout=60, check=True).stdout.splitlines()


def fish(line):
    script = f"source {completions}/dipcal.fish; complete -C {quote_fish(line)}"
    out = subprocess.run(["fish", "--no-config", "-c", script], env=env, cwd=source, capture_output=True, text=True,
                         timeout=60, check=True).stdout.splitlines()
    return [o.split("\t")[0] for o in out]


def quote_fish(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def normal(candidate):
    candidate = candidate.strip()
    return os.path.basename(candidate.rstrip("/")) if "/" in candidate and not candidate[0].isupper() else candidate


failures = 0
for shell in (bash, zsh, fish):
    for line, expected, exact in CASES:
        got = {normal(c) for c in shell(line) if c.strip()}
        ok = got == expected if exact else expected <= got
        if not ok:
            failures += 1
            print(f"FAIL {shell.__name__}: {line!r}\n  expected {sorted(expected)}{'' if exact else ' among'}\n  got      {sorted(got)}")
        else:
            print(f"ok   {shell.__name__}: {line!r}")
sys.exit(1 if failures else 0)
