"""Cell latency of FactorLab notebooks on the GoNB kernel, with its references.

What a student waits for after Shift-Enter is one GoNB cell: goimports, (go get),
go build, link, run, display. This benchmark measures it per code cell with
nbclient, the way Jupyter runs a notebook, and prints it next to two references
measured in the same run:

  floor      a notebook of trivial cells (import "fmt"; fmt.Println(i)) on the
             same kernel: what GoNB itself costs. It is measured twice: with
             GoNB's defaults, and behind FactorLab's set-up cell (the set-up
             every FactorLab notebook starts with), so that ratios compare like
             with like.
  python     seed 000's PyTorch cells in a Python kernel (Debian's python3 with
             python3-ipykernel and python3-torch), when that Python has them.

Each notebook is executed ROUNDS times (default 2) in a fresh kernel; the
figures come from the last round, when the Go build cache holds every package
the notebooks link. Then, unless --no-cold, the first notebook is executed in a
fresh kernel with an empty Go build cache (the state of a machine before any
set-up), after scripts/warm_cache.sh only (the state after set-up), and once
more (warm).

Usage: bench/notebooks/run.sh [--rounds N] [--no-cold] [--json FILE] [NOTEBOOK ...]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_NOTEBOOKS = [
    "notebooks/00_welcome.ipynb",
    "notebooks/en/01_matrix_factorization.ipynb",
    "notebooks/en/02_eigen_decomposition.ipynb",
    "notebooks/en/03_linear_maps.ipynb",
    "notebooks/en/04_eigenvalues_eigenvectors.ipynb",
    "notebooks/en/05_diagonalization.ipynb",
    "notebooks/en/06_svd.ipynb",
]
TRIVIAL_CELLS = 12
LOGDIR = os.path.join(ROOT, "build", "bench")  # kernel logs go to LOGDIR/kernels.log

# Seed 000's PyTorch code, cut into the cells notebook 01 shows it in.
PYTHON_CELLS = [
    "import torch\nimport torch.nn as nn\nimport torch.optim as optim\ntorch.manual_seed(0)",
    "A = torch.tensor([[5, 3],\n                  [3, 2],\n                  [2, 1],\n                  [1, 1]], dtype=torch.float32)\n"
    "m, n = A.size()\nk = 2",
    "W = torch.rand(m, k, requires_grad=True)\nH = torch.rand(k, n, requires_grad=True)",
    "learning_rate = 0.01\nnum_iterations = 5000\noptimizer = optim.Adam([W, H], lr=learning_rate)",
    "for iteration in range(num_iterations):\n    optimizer.zero_grad()\n    A_pred = torch.matmul(W, H)\n"
    "    loss = torch.nn.functional.mse_loss(A_pred, A)\n    loss.backward()\n    optimizer.step()\n"
    "    if (iteration+1) % 500 == 0:\n        print(f\"Iteration {iteration+1}, loss: {loss.item()}\")",
    "print(\"Original Matrix A:\")\nprint(A)",
    "print(W)\nprint(H)",
    "print(torch.matmul(W, H))",
]


def die(msg):
    sys.stderr.write("bench/notebooks: %s\n" % msg)
    sys.exit(2)


def gobin():
    out = subprocess.run(["go", "env", "GOBIN", "GOPATH"], capture_output=True, text=True, check=True).stdout.split("\n")
    return out[0].strip() or os.path.join(out[1].strip().split(os.pathsep)[0], "bin")


def setup_cell(nb_path):
    """The set-up cell of a FactorLab notebook (its first code cell)."""
    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            return cell.source
    die("%s has no code cell" % nb_path)


def trivial_notebook(with_setup):
    cells = []
    if with_setup is not None:
        cells.append(nbformat.v4.new_code_cell(with_setup))
    for i in range(TRIVIAL_CELLS):
        cells.append(nbformat.v4.new_code_cell('import "fmt"\n\n%%%%\nfmt.Println(%d)' % i))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "gonb", "display_name": "Go (gonb)", "language": "go"}
    return nb


def python_notebook():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in PYTHON_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3-reference", "display_name": "Python 3 (reference)", "language": "python"}
    return nb


def execute(nb, workdir, kernel, env_extra=None, timeout=600):
    """Runs nb in a fresh kernel; returns (kernel start s, [per-code-cell s], errors)."""
    old = {}
    for k, v in (env_extra or {}).items():
        old[k] = os.environ.get(k)
        os.environ[k] = v
    try:
        client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                                resources={"metadata": {"path": workdir}})
        t0 = time.perf_counter()
        times, errors = [], []
        with open(os.path.join(LOGDIR, "kernels.log"), "a") as log, client.setup_kernel(stderr=log):
            start = time.perf_counter() - t0
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                t = time.perf_counter()
                client.execute_cell(cell, i)
                times.append(time.perf_counter() - t)
                for out in cell.get("outputs", []):
                    if out.get("output_type") == "error":
                        errors.append("cell %d: %s: %s" % (i + 1, out.get("ename"), out.get("evalue")))
        return start, times, errors
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = min(len(xs) - 1, max(0, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[i]


def summary(times):
    return {"cells": len(times), "median": statistics.median(times), "p90": pct(times, 90),
            "max": max(times), "total": sum(times), "times": times}


def register_kernels(jupyter_dir, want_python):
    """Checks the venv's gonb kernel and registers the Python reference kernel in jupyter_dir."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        spec = KernelSpecManager().get_kernel_spec("gonb")
    except NoSuchKernel:
        die("no gonb kernel in this Python environment: run scripts/setup.sh (make setup)")
    if not spec.resource_dir.startswith(sys.prefix):
        die("the gonb kernel Jupyter picks is %s, not the venv's: run scripts/setup.sh (make setup)" % spec.resource_dir)
    if not want_python:
        return None
    py = "/usr/bin/python3"
    probe = subprocess.run([py, "-c", "import ipykernel, torch; print(torch.__version__)"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "no reference: %s cannot import ipykernel and torch (apt-get install python3-ipykernel python3-torch)" % py
    spec = os.path.join(jupyter_dir, "kernels", "python3-reference")
    os.makedirs(spec, exist_ok=True)
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump({"argv": [py, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                   "display_name": "Python 3 (reference)", "language": "python"}, f)
    return "torch " + probe.stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="*", default=DEFAULT_NOTEBOOKS)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--no-cold", action="store_true", help="skip the empty-build-cache measurement")
    ap.add_argument("--no-python", action="store_true", help="skip the PyTorch reference")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    if args.rounds < 1:
        die("--rounds must be at least 1")
    nbs = [os.path.relpath(os.path.abspath(p), ROOT) for p in args.notebooks]
    for p in nbs:
        if not os.path.exists(os.path.join(ROOT, p)):
            die("no notebook %s" % p)

    tmp = tempfile.mkdtemp(prefix="factorlab-latency-")
    os.makedirs(LOGDIR, exist_ok=True)
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    # The venv's own kernels (gonb) first; the Python reference kernel is registered in tmp.
    os.environ["JUPYTER_PREFER_ENV_PATH"] = "1"
    os.environ["JUPYTER_DATA_DIR"] = os.path.join(tmp, "jupyter")
    os.environ["JUPYTER_PATH"] = os.environ["JUPYTER_DATA_DIR"]
    os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
    os.environ["PATH"] = gobin() + os.pathsep + os.environ["PATH"]
    pyref = register_kernels(os.environ["JUPYTER_DATA_DIR"], not args.no_python)
    setup = setup_cell(os.path.join(ROOT, nbs[0]))
    floor_dir = os.path.join(ROOT, "notebooks")  # the set-up cell walks up from here to go.mod

    results = {"load_before": os.getloadavg(), "notebooks": {}, "rounds": args.rounds}
    failures = []
    try:
        for rnd in range(args.rounds):
            last = rnd == args.rounds - 1
            for name, nb in (("floor (GoNB defaults)", trivial_notebook(None)),
                             ("floor (FactorLab set-up)", trivial_notebook(setup))):
                _, t, err = execute(nb, floor_dir, "gonb")
                failures += ["%s: %s" % (name, e) for e in err]
                if last:
                    # the set-up cell itself is not a trivial cell
                    results[name] = summary(t[1:] if "set-up" in name else t)
            for p in nbs:
                nb = nbformat.read(os.path.join(ROOT, p), as_version=4)
                start, t, err = execute(nb, os.path.dirname(os.path.join(ROOT, p)), "gonb")
                failures += ["%s %s" % (p, e) for e in err]
                print("round %d  %-50s %3d cells  %6.1f s" % (rnd + 1, p, len(t), sum(t)), flush=True)
                if last:
                    results["notebooks"][p] = dict(summary(t), kernel_start=start)
        if pyref and not pyref.startswith("no reference"):
            for rnd in range(args.rounds):
                _, t, err = execute(python_notebook(), tmp, "python3-reference")
                failures += ["python reference %s" % e for e in err]
            results["python"] = dict(summary(t), version=pyref)
        elif pyref:
            results["python"] = {"note": pyref}

        if not args.no_cold:
            first = nbs[0]
            nb_dir = os.path.dirname(os.path.join(ROOT, first))
            cache = os.path.join(tmp, "gocache")
            cold = {}
            os.makedirs(cache)
            _, t, err = execute(nbformat.read(os.path.join(ROOT, first), as_version=4), nb_dir, "gonb", {"GOCACHE": cache})
            failures += ["cold %s" % e for e in err]
            cold["empty_cache_total"] = sum(t)
            cold["empty_cache_slowest"] = max(t)
            shutil.rmtree(cache)
            os.makedirs(cache)
            t0 = time.perf_counter()
            r = subprocess.run(["bash", os.path.join(ROOT, "scripts", "warm_cache.sh")], env=dict(os.environ, GOCACHE=cache),
                               capture_output=True, text=True)
            if r.returncode != 0:
                die("scripts/warm_cache.sh failed: %s" % r.stderr.strip())
            cold["warm_cache_seconds"] = time.perf_counter() - t0
            _, t, err = execute(nbformat.read(os.path.join(ROOT, first), as_version=4), nb_dir, "gonb", {"GOCACHE": cache})
            cold["after_setup_total"] = sum(t)
            _, t, err2 = execute(nbformat.read(os.path.join(ROOT, first), as_version=4), nb_dir, "gonb", {"GOCACHE": cache})
            failures += ["after set-up %s" % e for e in err + err2]
            cold["warm_total"] = sum(t)
            cold["notebook"] = first
            results["cold"] = cold
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["load_after"] = os.getloadavg()
    report(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)
    if failures:
        print("\nFAILED cells (figures above include them):")
        for f in failures:
            print("  " + f)
        sys.exit(1)


def report(r):
    floor = r["floor (FactorLab set-up)"]["median"]
    floor_default = r["floor (GoNB defaults)"]["median"]
    print()
    print("Cell latency, last of %d rounds (seconds; ratios to the trivial-cell floor behind the same set-up)" % r["rounds"])
    print("load average before %.2f %.2f %.2f, after %.2f %.2f %.2f" % (tuple(r["load_before"]) + tuple(r["load_after"])))
    print()
    hdr = "%-46s %5s %7s %7s %7s %8s %8s" % ("notebook", "cells", "median", "p90", "max", "med/fl", "p90/fl")
    print(hdr)
    print("-" * len(hdr))
    for name in ("floor (GoNB defaults)", "floor (FactorLab set-up)"):
        s = r[name]
        print("%-46s %5d %7.3f %7.3f %7.3f %8.2f %8.2f" % (name, s["cells"], s["median"], s["p90"], s["max"],
                                                        s["median"] / floor, s["p90"] / floor))
    allcells = []
    for p, s in r["notebooks"].items():
        print("%-46s %5d %7.3f %7.3f %7.3f %8.2f %8.2f" % (p.replace("notebooks/", ""), s["cells"], s["median"], s["p90"],
                                                        s["max"], s["median"] / floor, s["p90"] / floor))
    py = r.get("python", {})
    if "median" in py:
        print("%-46s %5d %7.3f %7.3f %7.3f %8.2f %8.2f" % ("seed 000 in Python + " + py["version"], py["cells"], py["median"],
                                                        py["p90"], py["max"], py["median"] / floor, py["p90"] / floor))
    elif py:
        print("python reference: " + py["note"])
    pooled = [t for s in r["notebooks"].values() for t in s["times"]]
    med, p90 = statistics.median(pooled), pct(pooled, 90)
    print("%-46s %5d %7.3f %7.3f %7.3f %8.2f %8.2f" % ("all notebooks' cells", len(pooled), med, p90, max(pooled),
                                                    med / floor, p90 / floor))
    print()
    print("targets: median cell ≤ 1.5 × floor: %.2f %s; p90 ≤ 3 × floor: %.2f %s"
          % (med / floor, "met" if med / floor <= 1.5 else "NOT met", p90 / floor, "met" if p90 / floor <= 3 else "NOT met"))
    print("floor with GoNB defaults %.3f s; FactorLab's set-up makes a trivial cell %.2f × that" % (floor_default, floor / floor_default))
    c = r.get("cold")
    if c:
        print()
        print("first notebook %s:" % c["notebook"].replace("notebooks/", ""))
        print("  empty Go build cache, cold kernel:        total %6.1f s (slowest cell %.1f s)" % (c["empty_cache_total"], c["empty_cache_slowest"]))
        ratio = c["after_setup_total"] / c["warm_total"]
        print("  after scripts/warm_cache.sh (%.0f s), cold kernel: total %6.1f s = %.2f × warm (target ≤ 2: %s)"
              % (c["warm_cache_seconds"], c["after_setup_total"], ratio, "met" if ratio <= 2 else "NOT met"))
        print("  warm:                                     total %6.1f s" % c["warm_total"])


if __name__ == "__main__":
    main()
