"""What the HTTP tests of `dipcal serve` share: counting checks, a server on a free loopback port, the
seed fixture copied where edits cannot reach the repository."""
import atexit
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading


class Checks:
    """Counts checks and prints each failure; finish() prints "N passed, N failed" and exits."""

    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f"\n  {detail}" if detail else ""))

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def copy_seed(root, work):
    """A fresh WORK folder holding fixtures/us-china-trade-2025.yaml: (its path, its text)."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "fixtures"))
    seed = os.path.join(work, "fixtures", "us-china-trade-2025.yaml")
    shutil.copy(os.path.join(root, "fixtures", "us-china-trade-2025.yaml"), seed)
    with open(seed, encoding="utf-8") as f:
        return seed, f.read()


def write_atomically(path, text):
    """As editors save: beside the file, then renamed over it."""
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


class Server:
    """`dipcal serve --port 0`: the URL it prints on its first line, its standard error collected."""

    def __init__(self, dipcal, fixtures, env, *args, prefix=()):
        self.proc = subprocess.Popen([*prefix, dipcal, "--fixtures", fixtures, "serve", "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        line = self.proc.stdout.readline().decode()
        m = re.match(r"dipcal: serving http://(127\.0\.0\.1):(\d+)/", line)
        assert m, f"no URL on the first line: {line!r}; {self.proc.stderr.read().decode()}"
        self.host, self.port = m.group(1), int(m.group(2))
        atexit.register(self._kill_if_running)  # a test that stops half-way leaves no server behind
        self.errors = []
        self.reader = threading.Thread(target=self._read_errors, daemon=True)
        self.reader.start()

    def _read_errors(self):
        for line in self.proc.stderr:
            self.errors.append(line.decode("utf-8", "replace").rstrip("\n"))

    def request(self, method, target, headers=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=10)
        c.request(method, target, headers=headers or {})
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, body

    def get(self, target, **headers):
        return self.request("GET", target, {k.replace("_", "-"): v for k, v in headers.items()})

    def raw(self, data):
        """Bytes on a socket, for what http.client refuses to send; the status line's code."""
        with socket.create_connection((self.host, self.port), timeout=10) as s:
            s.sendall(data)
            reply = b""
            while b"\r\n" not in reply:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
        m = re.match(rb"HTTP/1\.1 (\d{3})", reply)
        return int(m.group(1)) if m else None

    def _kill_if_running(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
        self.reader.join(timeout=5)
        return code
