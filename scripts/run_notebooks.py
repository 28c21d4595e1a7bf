#!/usr/bin/python3
"""Execute FactorLab notebooks top to bottom with the GoNB kernel.

Usage:
  scripts/run_notebooks.py [--inplace | --output-dir DIR] [--html DIR]
                           [--jobs N] [--timeout S] NOTEBOOK...

Each notebook runs in its own kernel with its own folder as the working
directory. Outputs are written deterministically: no timing metadata, no
transient display ids, JSON keys sorted, so that a second run of an unchanged
notebook rewrites it byte for byte.

The exit code is 0 when every notebook ran without an error output, 1 when a
cell failed (the failing notebook and cell are printed, and the executed
notebook is still written so it can be inspected), and 2 on a usage or
set-up problem such as a missing kernel.
"""

import argparse
import concurrent.futures
import os
import sys

try:
    import nbformat
    from nbclient import NotebookClient
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
except ImportError as e:  # pragma: no cover - environment problem
    sys.stderr.write(
        "run_notebooks: cannot import %s. Install Jupyter's notebook runner: "
        "sudo apt-get install python3-nbclient jupyter-nbconvert "
        "(or: pip install nbclient nbconvert), then re-run.\n" % e.name)
    sys.exit(2)


def coalesce_streams(outputs):
    """Merge consecutive stream outputs of the same name.

    How a program's output is cut into stream messages depends on timing;
    merging makes the saved notebook independent of it.
    """
    merged = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] = merged[-1]["text"] + out["text"]
        else:
            merged.append(out)
    return merged


def strip_volatile(nb):
    """Remove metadata that changes from run to run."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        cell.outputs = coalesce_streams(cell.outputs)
        for out in cell.outputs:
            out.pop("transient", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def first_error(nb):
    """Return (cell index, summary) of the first error output, or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                text = "%s: %s" % (out.get("ename", ""), out.get("evalue", ""))
                tb = "\n".join(out.get("traceback", [])[-8:])
                return i, text.strip(), tb
    return None


def run_one(path, out_path, html_dir, timeout, kernel):
    nb = nbformat.read(path, as_version=4)
    workdir = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": workdir}},
    )
    client.execute()
    strip_volatile(nb)
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        nbformat.write(nb, f)
    if html_dir:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        rel = os.path.splitext(os.path.relpath(os.path.abspath(path), os.getcwd()))[0]
        target = os.path.join(html_dir, rel.replace(os.sep, "_") + ".html")
        os.makedirs(html_dir, exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(body)
    return first_error(nb)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--inplace", action="store_true", help="write outputs back into each notebook")
    where.add_argument("--output-dir", help="write executed notebooks here, same base names")
    ap.add_argument("--html", help="also export each executed notebook to HTML in this folder")
    ap.add_argument("--jobs", type=int, default=1, help="notebooks executed at once")
    ap.add_argument("--timeout", type=int, default=900, help="seconds a single cell may take")
    ap.add_argument("--kernel", default="gonb")
    args = ap.parse_args()

    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        sys.stderr.write(
            "run_notebooks: no Jupyter kernel named %r is installed (searched %s). "
            "Run scripts/setup.sh, which installs GoNB and registers its kernel.\n"
            % (args.kernel, ", ".join(KernelSpecManager().kernel_dirs)))
        return 2

    jobs = []
    for p in args.notebooks:
        if not os.path.isfile(p):
            sys.stderr.write("run_notebooks: no such notebook: %s\n" % p)
            return 2
        out = p if args.inplace else os.path.join(args.output_dir, os.path.basename(p))
        jobs.append((p, out))

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = {ex.submit(run_one, p, out, args.html, args.timeout, args.kernel): p for p, out in jobs}
        for fut in concurrent.futures.as_completed(futs):
            p = futs[fut]
            try:
                err = fut.result()
            except Exception as e:  # kernel died, timeout, ...
                failed += 1
                print("FAIL %s: %s: %s" % (p, type(e).__name__, e), flush=True)
                continue
            if err:
                failed += 1
                idx, summary, tb = err
                print("FAIL %s: cell %d: %s\n%s" % (p, idx, summary, tb), flush=True)
            else:
                print("ok   %s" % p, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
