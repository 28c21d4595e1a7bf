#!/usr/bin/env python3
"""Generate the student lab notebooks from the teacher's (solution) notebooks.

Each lab has ONE source, the solution notebook notebooks/labs/solutions/<lang>/<lab>.ipynb.
This script writes the student version notebooks/labs/<lang>/<lab>.ipynb from it:

  * in code cells, every region

        // BEGIN SOLUTION (stub: <stub code>)
        ...solution lines...
        // END SOLUTION

    is replaced, at the marker's indentation, by

        // TODO: your code here
        <stub code>

    ("; " separates stub lines; the stub keeps the cell compiling, so the check cell below it prints a friendly
    "not implemented yet" verdict instead of a compile error);
  * markdown and code cells tagged "solution-only" are dropped;
  * everything else (cell ids included) is kept, outputs are cleared.

A student notebook whose cell sources already match is left untouched, so its committed
outputs survive; execute changed ones with
    python3 scripts/run_notebooks.py --inplace notebooks/labs/<lang>/<lab>.ipynb

    python3 scripts/make_student_labs.py           # (re)generate student notebooks
    python3 scripts/make_student_labs.py --check   # exit 1 if any is stale, missing or extra,
                                                   # or if a lab's en/ko code cells differ
"""
import argparse
import copy
import os
import re
import sys

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABS = os.path.join(ROOT, "notebooks", "labs")
SOLUTIONS = os.path.join(LABS, "solutions")
LANGS = ("en", "ko")

BEGIN = re.compile(r"^(?P<indent>[ \t]*)// BEGIN SOLUTION \(stub: (?P<stub>.*)\)\s*$")
END = re.compile(r"^[ \t]*// END SOLUTION\s*$")


class MarkerError(Exception):
    pass


def strip_solution(source, where):
    """Return source with every marked solution region replaced by its stub."""
    out, inside = [], False
    for n, line in enumerate(source.split("\n"), 1):
        m = BEGIN.match(line)
        if m:
            if inside:
                raise MarkerError("%s line %d: BEGIN SOLUTION inside another region" % (where, n))
            inside = True
            ind = m.group("indent")
            out.append(ind + "// TODO: your code here")
            out.extend(ind + s.strip() for s in m.group("stub").split(";"))
            continue
        if END.match(line):
            if not inside:
                raise MarkerError("%s line %d: END SOLUTION without BEGIN" % (where, n))
            inside = False
            continue
        if "SOLUTION" in line and line.strip().startswith("//"):
            raise MarkerError("%s line %d: malformed marker %r" % (where, n, line.strip()))
        if not inside:
            out.append(line)
    if inside:
        raise MarkerError("%s: BEGIN SOLUTION without END" % where)
    return "\n".join(out)


def student_version(nb, where):
    st = copy.deepcopy(nb)
    cells = []
    for i, c in enumerate(st.cells, 1):
        if "solution-only" in c.get("metadata", {}).get("tags", []):
            continue
        if c.cell_type == "code":
            c.source = strip_solution(c.source, "%s cell %d" % (where, i))
            c.outputs = []
            c.execution_count = None
        cells.append(c)
    st.cells = cells
    return st


def shape(nb):
    """What must agree between a generated and a committed student notebook."""
    return [(c.cell_type, c.get("id"), c.source) for c in nb.cells]


def code_cells(nb):
    return [c.source for c in nb.cells if c.cell_type == "code"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify only; write nothing")
    args = ap.parse_args()

    problems, written = [], []
    names = {}
    for lang in LANGS:
        d = os.path.join(SOLUTIONS, lang)
        names[lang] = sorted(f for f in os.listdir(d) if f.endswith(".ipynb")) if os.path.isdir(d) else []
    if names["en"] != names["ko"]:
        problems.append("solutions/en and solutions/ko hold different labs: %s vs %s" % (names["en"], names["ko"]))

    for lang in LANGS:
        for name in names[lang]:
            src = os.path.join(SOLUTIONS, lang, name)
            rel = os.path.relpath(src, ROOT)
            sol = nbformat.read(src, as_version=4)
            if lang == "ko" and name in names["en"]:
                en = nbformat.read(os.path.join(SOLUTIONS, "en", name), as_version=4)
                if code_cells(en) != code_cells(sol):
                    problems.append("%s: code cells differ from solutions/en/%s (they must be identical)" % (rel, name))
            try:
                want = student_version(sol, rel)
            except MarkerError as e:
                problems.append(str(e))
                continue
            dst = os.path.join(LABS, lang, name)
            have = nbformat.read(dst, as_version=4) if os.path.exists(dst) else None
            if have is not None and shape(have) == shape(want):
                continue
            if args.check:
                why = "missing" if have is None else "out of date"
                problems.append("%s is %s: run python3 scripts/make_student_labs.py" % (os.path.relpath(dst, ROOT), why))
                continue
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            nbformat.write(want, dst)
            written.append(os.path.relpath(dst, ROOT))

    for lang in LANGS:
        d = os.path.join(LABS, lang)
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if f.endswith(".ipynb") and f not in names[lang]:
                    problems.append("notebooks/labs/%s/%s has no solution notebook in solutions/%s" % (lang, f, lang))

    for w in written:
        print("wrote %s (execute it: python3 scripts/run_notebooks.py --inplace %s)" % (w, w))
    for p in problems:
        sys.stderr.write("make_student_labs: %s\n" % p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
