#!/usr/bin/env python3
"""Make the student versions of the labs with nbgrader, or check them.

The labs are two nbgrader courses, notebooks/labs/en and notebooks/labs/ko. Each lab has one
source, the teacher's notebook source/<lab>/<lab>.ipynb with nbgrader cell metadata; the student
version release/<lab>/<lab>.ipynb is what `nbgrader generate_assignment` makes of it, and it is
committed so that students without nbgrader can open it directly.

    python3 scripts/release_labs.py          # regenerate every release/ notebook in both courses
    python3 scripts/release_labs.py --check  # exit 1 if a committed release/ notebook is not what
                                             # nbgrader generates now (outputs are ignored), or
                                             # if a lab lacks its en or ko source

nbgrader (and the alembic command it runs) are taken from the Python environment this script
runs in, e.g. .venv/bin/python3 scripts/release_labs.py.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABS = os.path.join(ROOT, "notebooks", "labs")
LANGS = ("en", "ko")


def generate(course):
    """Run nbgrader generate_assignment for every lab of the course folder (in place)."""
    env = dict(os.environ)
    bindir = os.path.dirname(os.path.abspath(sys.executable))
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    cmd = [sys.executable, "-m", "nbgrader", "generate_assignment", "*", "--force", "--no-db"]
    p = subprocess.run(cmd, cwd=course, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("nbgrader generate_assignment failed in %s:\n%s%s" % (course, p.stdout, p.stderr))


def labs(course, step):
    d = os.path.join(course, step)
    return sorted(n for n in os.listdir(d) if os.path.isdir(os.path.join(d, n))) if os.path.isdir(d) else []


def shape(nb):
    """What must agree between a generated and a committed notebook: everything but outputs."""
    cells = []
    for c in nb.cells:
        cells.append((c.cell_type, c.get("id"), c.source, dict(c.metadata)))
    return nb.metadata.get("kernelspec"), cells


def check():
    problems = []
    with tempfile.TemporaryDirectory(prefix="factorlab-release-") as tmp:
        for lang in LANGS:
            course = os.path.join(LABS, lang)
            copy = os.path.join(tmp, lang)
            os.makedirs(copy)
            shutil.copytree(os.path.join(course, "source"), os.path.join(copy, "source"))
            shutil.copy(os.path.join(course, "nbgrader_config.py"), copy)
            generate(copy)
            want, have = labs(copy, "release"), labs(course, "release")
            if want != have:
                problems.append("%s/release holds %s, nbgrader makes %s" % (lang, have, want))
            for lab in want:
                rel = os.path.join("notebooks", "labs", lang, "release", lab, lab + ".ipynb")
                path = os.path.join(ROOT, rel)
                if not os.path.exists(path):
                    problems.append("%s is missing: run scripts/release_labs.py" % rel)
                    continue
                gen = nbformat.read(os.path.join(copy, "release", lab, lab + ".ipynb"), as_version=4)
                if shape(nbformat.read(path, as_version=4)) != shape(gen):
                    problems.append("%s is not what nbgrader generates from source/: run scripts/release_labs.py" % rel)
    # The two languages' sources run the same programs: internal/nbtest's
    # TestLanguagePairs compares their code cells token by token (comments and
    # string literals may be translated); here only that both exist.
    for lab in labs(os.path.join(LABS, "en"), "source"):
        for lang in LANGS:
            path = os.path.join(LABS, lang, "source", lab, lab + ".ipynb")
            if not os.path.exists(path):
                problems.append("notebooks/labs/%s/source/%s/%s.ipynb is missing" % (lang, lab, lab))
    for p in problems:
        sys.stderr.write("release_labs: %s\n" % p)
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify only; write nothing")
    args = ap.parse_args()
    if args.check:
        return check()
    for lang in LANGS:
        generate(os.path.join(LABS, lang))
        print("generated notebooks/labs/%s/release/" % lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
