"""What the Python tests of the dipcal binary share: running a process in an environment that does not
depend on the caller's shell, and the tally of checks whose last line is "N passed, N failed".

A test script in tests/<area>/ imports it from beside its own file, so that it works whether CTest
or a person starts the script, from any folder:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
    from dipcal_run import ENV, Tally, run
"""
import subprocess

# UTC and UTF-8, and only the system's programs: the same answers on every machine.
ENV = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8"}


def run(args, env=None, timeout=60, text=False, **options):
    """(exit code, standard output, standard error) of `args`, run in `env` (default ENV); the output
    as bytes, or as str with text=True. Other keyword arguments go to subprocess.run (cwd, input)."""
    p = subprocess.run(args, capture_output=True, env=ENV if env is None else env, timeout=timeout, text=text, **options)
    return p.returncode, p.stdout, p.stderr


class Tally:
    """Counts checks; prints each failure with its detail (cut to `detail_limit` characters, if given)."""

    def __init__(self, detail_limit=None):
        self.passed = self.failed = 0
        self.detail_limit = detail_limit

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            if self.detail_limit is not None:
                detail = detail[:self.detail_limit]
            print(f"FAIL {name}\n{detail}")
        return condition

    def finish(self, label=""):
        """Prints the last line, "N passed, N failed" after `label`; the exit code for it."""
        print(f"{label}{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
