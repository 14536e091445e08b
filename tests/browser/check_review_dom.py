"""Checks the DOM Chromium rendered from the HTML review against the JSON review."""
import json
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.sections = []      # data-label of each session section
        self.marks = []         # (data-rules, data-count) of each highlighted span
        self.charts = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "section" and "session" in classes:
            self.sections.append(a.get("data-label"))
        if tag == "mark" and "finding" in classes:
            self.marks.append((a.get("data-rules", ""), int(a.get("data-count", "0")), a.get("title", "")))
        if tag == "figure":
            self.charts.add(a.get("id"))


def main():
    dom = Dom()
    dom.feed(open(sys.argv[1], encoding="utf-8").read())
    review = json.load(open(sys.argv[2], encoding="utf-8"))
    failures = []
    if "overview" not in dom.ids:
        failures.append("no #overview section")
    for chart in ("chart-scores", "chart-categories", "chart-talk-share"):
        if chart not in dom.charts:
            failures.append(f"no {chart} figure")
    labels = [s["source"] + ("#" + s["session"] if s["session"] else "") for s in review["sessions"]]
    if dom.sections != labels:
        failures.append(f"session sections {dom.sections} != reviewed sessions {labels}")
    expected_rules = sorted(f["rule"] for s in review["sessions"] for t in s["turns"] for f in t.get("findings", []))
    shown_rules = sorted(r for rules, _, _ in dom.marks for r in rules.split())
    if shown_rules != expected_rules:
        failures.append(f"highlighted {len(shown_rules)} findings, the review has {len(expected_rules)}")
    if sum(n for _, n, _ in dom.marks) != len(expected_rules):
        failures.append("data-count does not add up to the findings")
    if not expected_rules:
        failures.append("the sample transcripts produced no findings: nothing was checked")
    if any(not title for _, _, title in dom.marks):
        failures.append("a highlighted span has no hover text")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ok: overview, {len(dom.sections)} sessions, {len(dom.marks)} marks for {len(expected_rules)} findings")


if __name__ == "__main__":
    main()
