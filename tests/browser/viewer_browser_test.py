#!/usr/bin/env python3
"""The HTML viewer in a real browser (ctest `viewer_in_chromium`, label tool).

Builds the viewer page of the seed article with `newsgraph build --format html`,
opens it from file:// in headless Chromium with every network request sent to a
dead proxy, and checks:
  - the meetings table shows Ilham Aliyev, Igor Babushkin and 2024-05-06;
  - the console is silent (no error, warning or log line from the page);
  - the page requested nothing from the network (Chromium's net log) and its
    HTML names no http(s) resource to load;
  - a screenshot is not blank (many distinct colours).
Chromium runs in its own process group, which is killed at the end.

Usage: viewer_browser_test.py NEWSGRAPH_BINARY SHARED_DIR ($NEWSGRAPH_SHARED wins)
Exit 0 = passed, 1 = failed, 77 = skipped (no seed, or no Chromium and not root).
"""
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium():
    path = find_chromium()
    if path:
        return path
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("SKIP: Chromium is not installed (as root this test installs the Debian "
              "package 'chromium')")
        sys.exit(SKIP)
    print("installing the Debian package chromium (once)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    r = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
                       env=env, check=False)
    path = find_chromium()
    if r.returncode != 0 or not path:
        print("SKIP: could not install chromium with apt-get")
        sys.exit(SKIP)
    return path


def run_chromium(chromium, profile, extra, url, timeout=120):
    """Runs headless Chromium in a new process group; kills the group after."""
    args = [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--no-default-browser-check",
            "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + profile, "--window-size=1400,1000",
            "--virtual-time-budget=5000"] + extra + [url]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        fail("Chromium did not finish in %d s" % timeout)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # helpers left in the group
        except ProcessLookupError:
            pass
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def png_colours(path):
    """Distinct RGB(A) pixel values of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("screenshot is not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or ctype not in (2, 6):
                fail("unexpected PNG format (depth %d, colour type %d)" % (depth, ctype))
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    colours, prev = set(), bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 2):
                colours.add(bytes(line[x:x + 3]))
        prev = line
    return len(colours)


def page_requests(netlog_path):
    """URLs the page (a file:// document) asked the network for."""
    with open(netlog_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # Chromium killed before closing the array
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for e in log.get("events", []):
        p = e.get("params", {})
        if e.get("type") == start and "file://" in p.get("network_isolation_key", ""):
            if not p.get("url", "").startswith(("file:", "data:")):
                urls.append(p["url"])
    return urls


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    binary, shared = sys.argv[1], os.environ.get("NEWSGRAPH_SHARED") or sys.argv[2]
    seed = os.path.join(shared, "seeds", "000_022af1c9c7a0144b.txt")
    if not os.path.exists(seed):
        print("SKIP: the seed article %s is missing (NEWSGRAPH_SHARED)" % seed)
        sys.exit(SKIP)
    chromium = ensure_chromium()
    tmp = tempfile.mkdtemp(prefix="newsgraph-viewer-")
    try:
        check(binary, seed, chromium, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("PASS")


def check(binary, seed, chromium, tmp):
    page = os.path.join(tmp, "seed.html")
    r = subprocess.run([binary, "build", seed, "--format", "html", "-o", page],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("newsgraph build --format html failed: " + r.stderr)
    html = open(page, encoding="utf-8").read()
    loads = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    if loads:
        fail("the page names network resources: %s" % loads[:3])
    url = "file://" + page
    netlog = os.path.join(tmp, "net.json")
    # Opened on one person (#focus=, as a click on the name would): the details
    # panel shows the sentence behind the meeting.
    code, dom, err = run_chromium(chromium, os.path.join(tmp, "p1"),
                                  ["--enable-logging=stderr", "--v=0", "--dump-dom",
                                   "--log-net-log=" + netlog], url + "#focus=Igor%20Babushkin")
    if code != 0 or "<html" not in dom:
        fail("Chromium exit %d, no DOM; stderr: %s" % (code, err[-2000:]))
    console = [l for l in err.splitlines() if ":CONSOLE" in l]
    if console:
        fail("the page wrote to the console:\n" + "\n".join(console))
    table = re.search(r'<table id="meeting-table">.*?</table>', dom, re.S)
    if not table:
        fail("no meetings table in the DOM")
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in rows]
    wanted = [c for c in cells if len(c) == 5 and {c[0], c[1]} == {"Ilham Aliyev", "Igor Babushkin"}
              and c[2] == "2024-05-06"]
    if not wanted:
        fail("the meetings table lacks Ilham Aliyev, Igor Babushkin, 2024-05-06: %s" % cells)
    details = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S)
    if not details or "<h2>Igor Babushkin</h2>" not in details.group(1) or \
            "received Igor Babushkin" not in details.group(1):
        fail("the details of Igor Babushkin (with the sentence of the meeting) are not shown")
    if "<canvas" not in dom:
        fail("no graph drawn (no canvas in the DOM)")
    fetched = page_requests(netlog)
    if fetched:
        fail("the page requested from the network: %s" % fetched[:5])
    shot = os.path.join(tmp, "shot.png")
    code, _, err = run_chromium(chromium, os.path.join(tmp, "p2"), ["--screenshot=" + shot], url)
    if code != 0 or not os.path.exists(shot):
        fail("no screenshot (exit %d): %s" % (code, err[-2000:]))
    colours = png_colours(shot)
    print("meetings rows: %d, screenshot colours: %d" % (len(rows) - 1, colours))
    if colours < 50:
        fail("the screenshot looks blank (%d distinct colours)" % colours)


if __name__ == "__main__":
    main()
