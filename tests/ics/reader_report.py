"""What parse_icalendar.py and parse_vobject.py share: counting checks, writing a time as the JSON
lines carry it, and the last line run_checks.py reads ("N passed, N failed")."""
import datetime as dt
import sys


class Report:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}", file=sys.stderr)

    def finish(self):
        """Prints the last line; the exit code for it."""
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def utc_text(value):
    """A datetime as UTC "...Z" (None when it is floating: no instant), a date as YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return None
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()
