#!/usr/bin/env python3
"""End-to-end test of `peercoach serve` in headless Chromium (Python 3 stdlib only).

Starts the server on a free loopback port, opens the page in headless Chromium driven
over the DevTools protocol (--remote-debugging-pipe), types a response with a directive
and a comparing sentence, and checks the highlighted marks and the finding cards with
their rewrites. Saves a screenshot to BUILD_DIR/serve.png.

usage: serve_e2e.py PEERCOACH_BINARY BUILD_DIR

PEERCOACH_SERVE_CMD (optional, for development) replaces the server command; "{port}"
in it is replaced by the port, e.g. PEERCOACH_SERVE_CMD="python3 mock.py --port {port}".
"""
import base64
import fcntl
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

RESPONSE = "You need to go to a meeting tonight. I had it way worse when I got out."
EXPECTED = {"directive": "You need to", "comparing": "I had it way worse"}


class Failure(Exception):
    pass


def log(msg):
    print(f"serve_e2e: {msg}", file=sys.stderr, flush=True)


def find_chromium():
    path = shutil.which("chromium")
    if path:
        return path
    log("chromium not found; installing Debian's chromium")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends", "chromium"], check=True, env=env)
    path = shutil.which("chromium")
    if not path:
        raise Failure("chromium is still not on PATH after apt-get install")
    return path


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get_json(url, timeout=2.0):
    # Loopback only: never go through a proxy from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=timeout) as res:
        return json.loads(res.read().decode("utf-8"))


def wait_for_health(base, server, deadline_s=30.0):
    deadline = time.monotonic() + deadline_s
    last = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failure(f"the server exited with status {server.returncode} before answering /api/health")
        try:
            health = http_get_json(base + "/api/health")
            if health.get("status") == "ok":
                return health
            last = f"unexpected health reply {health!r}"
        except Exception as e:  # not listening yet
            last = str(e)
        time.sleep(0.2)
    raise Failure(f"GET /api/health did not answer ok within {deadline_s:.0f} s (last: {last})")


class Cdp:
    """The Chrome DevTools protocol over --remote-debugging-pipe: JSON messages ended by NUL."""

    def __init__(self, write_fd, read_fd):
        self.write_fd, self.read_fd = write_fd, read_fd
        self.next_id = 0
        self.replies = {}
        self.events = []
        self.cond = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _read_loop(self):
        buf = b""
        try:
            while True:
                chunk = os.read(self.read_fd, 1 << 16)
                if not chunk:
                    break
                buf += chunk
                while b"\0" in buf:
                    raw, buf = buf.split(b"\0", 1)
                    if not raw:
                        continue
                    msg = json.loads(raw.decode("utf-8"))
                    with self.cond:
                        if "id" in msg:
                            self.replies[msg["id"]] = msg
                        else:
                            self.events.append(msg)
                        self.cond.notify_all()
        except OSError:
            pass
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def send(self, method, params=None, session=None, timeout=30.0):
        with self.cond:
            self.next_id += 1
            mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            n = os.write(self.write_fd, data)
            data = data[n:]
        deadline = time.monotonic() + timeout
        with self.cond:
            while mid not in self.replies:
                if self.closed:
                    raise Failure(f"chromium closed the DevTools pipe while waiting for {method}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Failure(f"no DevTools reply to {method} within {timeout:.0f} s")
                self.cond.wait(left)
            reply = self.replies.pop(mid)
        if "error" in reply:
            raise Failure(f"DevTools {method} failed: {reply['error']}")
        return reply.get("result", {})

    def console_messages(self):
        out = []
        with self.cond:
            events = list(self.events)
        for ev in events:
            p = ev.get("params", {})
            if ev.get("method") == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append("exception: " + (d.get("exception", {}).get("description") or d.get("text", "")))
            elif ev.get("method") == "Runtime.consoleAPICalled":
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                out.append(f"console.{p.get('type')}: {args}")
            elif ev.get("method") == "Log.entryAdded":
                e = p.get("entry", {})
                out.append(f"log.{e.get('level')}: {e.get('text')} {e.get('url', '')}")
        return out


class Page:
    def __init__(self, cdp, session):
        self.cdp, self.session = cdp, session

    def send(self, method, params=None, timeout=30.0):
        return self.cdp.send(method, params, session=self.session, timeout=timeout)

    def eval(self, expression, timeout=30.0):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise Failure("page script failed: " + (d.get("exception", {}).get("description") or d.get("text", "")))
        return r.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=15.0):
        deadline = time.monotonic() + timeout
        last_error = ""
        while True:
            try:  # the page may be between documents while it navigates
                value = self.eval(expression)
                if value:
                    return value
            except Failure as e:
                last_error = f" (last error: {e})"
            if time.monotonic() > deadline:
                raise Failure(f"timed out after {timeout:.0f} s waiting for {what}{last_error}")
            time.sleep(0.1)


def start_chromium(chromium, profile_dir):
    # Our ends: we write commands to cmd_w and read replies from res_r.
    cmd_r, cmd_w = os.pipe()
    res_r, res_w = os.pipe()
    # Move the child's ends above 10 so that dup2 onto 3 and 4 cannot clobber them.
    child_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
    child_w = fcntl.fcntl(res_w, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(cmd_r)
    os.close(res_w)

    def child_fds():  # in the child: chromium reads commands on fd 3, writes replies on fd 4
        os.dup2(child_r, 3)
        os.dup2(child_w, 4)

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile_dir}", "--remote-debugging-pipe", "--window-size=1280,1400"]
    log_file = open(os.path.join(profile_dir, "..", "chromium.log"), "wb")
    # fds 3 and 4 are open in this process (the pipes took the lowest free numbers), so
    # they can be kept; child_fds() points them at the pipes before the others are closed.
    proc = subprocess.Popen([chromium] + flags + ["about:blank"], stdin=subprocess.DEVNULL,
                            stdout=log_file, stderr=log_file, pass_fds=(3, 4),
                            preexec_fn=child_fds, start_new_session=True)
    log_file.close()
    os.close(child_r)
    os.close(child_w)
    return proc, Cdp(cmd_w, res_r), (cmd_w, res_r)


def stop(proc, name, cdp=None):
    if proc is None or proc.poll() is not None:
        return
    if cdp is not None:
        try:
            cdp.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            proc.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            pass
    try:
        proc.terminate()
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop on SIGTERM; killing it")
        proc.kill()
        proc.wait(timeout=5)


MARKS_JS = """(() => {
  const marks = [...document.querySelectorAll('#highlighted mark')].map(m => ({
    category: m.getAttribute('data-category') || '', rule: m.getAttribute('data-rule') || '',
    text: m.textContent, title: m.getAttribute('title') || '' }));
  const cards = [...document.querySelectorAll('#findings .finding-card')].map(c => {
    const rw = c.querySelector('.rewrite');
    const about = c.querySelector('a[href^="#about-"]');
    return { category: c.getAttribute('data-category') || '', text: c.textContent,
             rewrite: rw ? rw.textContent.trim() : '', copy: !!c.querySelector('button.copy-rewrite'),
             about: about ? about.getAttribute('href') : '' };
  });
  return { marks, cards, score: (document.querySelector('#score') || {}).textContent || '',
           error: (document.querySelector('#error') || {}).textContent || '' };
})()"""


def run_browser_checks(page, base, build_dir):
    page.send("Page.navigate", {"url": base + "/"})
    page.wait_for("document.readyState === 'complete' && !!document.querySelector('#response') && "
                  "document.documentElement.getAttribute('data-ready') === 'true'",
                  "the page to load (#response and its data from /api/rules and /api/scenarios)", timeout=15)
    about = page.eval("[...document.querySelectorAll('[id^=\"about-\"]')].map(e => e.id)")
    for cat in EXPECTED:
        if f"about-{cat}" not in (about or []):
            raise Failure(f"the 'About the categories' section has no #about-{cat} (found {about})")

    # Type like a trainee: focus the textarea and insert text (fires an input event).
    page.eval("document.querySelector('#response').focus(); true")
    page.send("Input.insertText", {"text": RESPONSE})
    page.wait_for("document.querySelectorAll('#highlighted mark').length >= 2 && "
                  "document.querySelectorAll('#findings .finding-card').length >= 2",
                  "#highlighted to show marks after typing", timeout=15)
    got = page.eval(MARKS_JS)
    if got["error"]:
        raise Failure(f"the page shows an error: {got['error']}")
    for cat, words in EXPECTED.items():
        marks = [m for m in got["marks"] if cat in m["category"].split()]
        if not marks:
            raise Failure(f"no <mark data-category=\"{cat}\"> in #highlighted; marks: {got['marks']}")
        if not any(m["text"] == words for m in marks):
            raise Failure(f"the {cat} mark does not cover {words!r}: {[m['text'] for m in marks]}")
        if not all(m["title"] for m in marks):
            raise Failure(f"the {cat} mark has no title with the message")
        cards = [c for c in got["cards"] if c["category"] == cat]
        if not cards:
            raise Failure(f"no .finding-card for {cat}; cards: {[c['category'] for c in got['cards']]}")
        if not any(c["rewrite"] for c in cards):
            raise Failure(f"the {cat} card has no non-empty .rewrite")
        if not all(c["copy"] for c in cards if c["rewrite"]):
            raise Failure(f"the {cat} card has a rewrite without a button.copy-rewrite")
        if not any(c["about"] == f"#about-{cat}" for c in cards):
            raise Failure(f"the {cat} card has no link to #about-{cat}")
    if "/ 100" not in got["score"]:
        raise Failure(f"#score does not show a score out of 100: {got['score']!r}")

    # Full-page screenshot of the Check tab with its feedback.
    metrics = page.send("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
    width = max(1, min(int(size.get("width", 1280)), 4000))
    height = max(1, min(int(size.get("height", 1400)), 8000))
    shot = page.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    png = base64.b64decode(shot["data"])
    if not png.startswith(b"\x89PNG"):
        raise Failure("Page.captureScreenshot did not return a PNG")
    out = os.path.join(build_dir, "serve.png")
    with open(out, "wb") as f:
        f.write(png)

    # The Practice tab: arrow key from the Check tab, scenarios listed, peer words shown.
    page.eval("document.querySelector('#tab-check').focus(); true")
    page.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "ArrowRight", "code": "ArrowRight",
                                         "windowsVirtualKeyCode": 39})
    page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "ArrowRight", "code": "ArrowRight",
                                         "windowsVirtualKeyCode": 39})
    page.wait_for("document.querySelector('#tab-practice').getAttribute('aria-selected') === 'true' && "
                  "!document.querySelector('#panel-practice').hidden",
                  "ArrowRight on the tab list to select the Practice tab", timeout=5)
    practice = page.eval("({options: document.querySelectorAll('#scenario option').length, "
                         "peer: document.querySelector('#peer-words').textContent.trim()})")
    if not practice["options"] or not practice["peer"]:
        raise Failure(f"the Practice tab shows no scenario: {practice}")
    return out, got, practice


def main(argv):
    if len(argv) != 3:
        print("usage: serve_e2e.py PEERCOACH_BINARY BUILD_DIR", file=sys.stderr)
        return 2
    peercoach, build_dir = argv[1], argv[2]
    os.makedirs(build_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="peercoach-serve-e2e-")
    server = chromium_proc = cdp = None
    pipe_fds = ()
    failure = None
    server_log_path = os.path.join(work, "server.log")
    try:
        chromium = find_chromium()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        override = os.environ.get("PEERCOACH_SERVE_CMD")
        if override:
            cmd = shlex.split(override.replace("{port}", str(port)))
        else:
            cmd = [peercoach, "serve", "--port", str(port)]
        with open(server_log_path, "wb") as server_log:
            server = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=server_log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        health = wait_for_health(base, server)

        profile = os.path.join(work, "profile")
        os.makedirs(profile)
        chromium_proc, cdp, pipe_fds = start_chromium(chromium, profile)
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(cdp, session)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Log.enable")
        try:
            shot, got, practice = run_browser_checks(page, base, build_dir)
        except Failure:
            msgs = cdp.console_messages()
            if msgs:
                log("browser console:\n  " + "\n  ".join(msgs[-20:]))
            raise
        found = ", ".join(f"{m['category']}={m['text']!r}" for m in got["marks"])
        print(f"ok: peercoach serve {health.get('version', '?')} ({health.get('rules', '?')} rules): "
              f"marks {found}; {len(got['cards'])} finding cards with rewrites; score {got['score']}; "
              f"{practice['options']} practice scenarios; screenshot {shot}")
        return 0
    except Failure as e:
        failure = str(e)
        return 1
    except Exception as e:  # anything unexpected is a failure too, with its type
        failure = f"{type(e).__name__}: {e}"
        return 1
    finally:
        stop(chromium_proc, "chromium", cdp)
        stop(server, "the server")
        for fd in pipe_fds:
            try:
                os.close(fd)
            except OSError:
                pass
        if failure is not None:
            for name, path in (("server", server_log_path), ("chromium", os.path.join(work, "chromium.log"))):
                try:
                    with open(path, "rb") as f:
                        tail = f.read()[-1500:].decode("utf-8", "replace").strip()
                    if tail:
                        log(f"the {name} log ends:\n{tail}")
                except OSError:
                    pass
            print(f"FAIL: serve_e2e: {failure}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
