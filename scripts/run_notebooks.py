"""Execute FactorLab notebooks top to bottom with the GoNB kernel.

Run it with the project's Python environment (made by scripts/setup.sh):

  .venv/bin/python scripts/run_notebooks.py [--inplace | --output-dir DIR]
      [--html DIR] [--log-dir DIR] [--jobs N] [--timeout S] NOTEBOOK...

--output-dir DIR writes DIR/<file name>, or DIR/<relative path> for every
notebook when two of them share a file name (the en/ and ko/ twins).

Each notebook runs in its own kernel with its own folder as the working
directory. Outputs are written deterministically: no timing metadata, no
transient display ids, so that a second run of an unchanged notebook rewrites
it byte for byte.

The terminal shows one line per notebook, "ok" or "failed" with the notebook,
the cell and the error, then a summary. What the kernel itself prints (GoNB's
log, compiler chatter) goes to one log file per notebook under --log-dir
(default build/logs/kernels), named in the failure line.

The exit code is 0 when every notebook ran without an error output, 1 when a
cell failed, timed out or the kernel died (the executed notebook is still
written when there is one), and 2 on a usage or set-up problem such as a
missing kernel.
"""

import argparse
import concurrent.futures
import os
import sys
import time

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
except ImportError as e:  # pragma: no cover - environment problem
    sys.stderr.write(
        "run_notebooks: cannot import %s with %s. Run it with the project's Python, "
        ".venv/bin/python, which scripts/setup.sh (make setup) installs.\n" % (e.name, sys.executable))
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    """Return (1-based cell number, summary) of the first error output, or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                text = "%s: %s" % (out.get("ename", ""), out.get("evalue", ""))
                text = " ".join(text.split())
                return i + 1, text[:300]
    return None


def last_line(path):
    """The last non-empty line of a log file, shortened."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f if l.strip()]
    except OSError:
        return ""
    return lines[-1][:300] if lines else ""


def shown(path):
    """path relative to the working directory when it is below it, else absolute."""
    rel = os.path.relpath(os.path.abspath(path))
    return os.path.abspath(path) if rel.startswith("..") else rel


def log_name(path):
    rel = os.path.relpath(os.path.abspath(path), ROOT)
    if rel.startswith(".."):
        rel = os.path.abspath(path).lstrip(os.sep)
    return os.path.splitext(rel)[0].replace(os.sep, "_") + ".log"


class Result:
    def __init__(self, path, log):
        self.path = path
        self.log = log
        self.problem = ""  # empty when the notebook ran cleanly
        self.seconds = 0.0


def run_one(path, out_path, html_dir, log_dir, timeout, kernel):
    res = Result(path, os.path.join(log_dir, log_name(path)))
    start = time.monotonic()
    nb = nbformat.read(path, as_version=4)
    workdir = os.path.dirname(os.path.abspath(path))
    current = {"cell": 0}

    def on_cell_start(cell, cell_index, **_):
        current["cell"] = cell_index + 1

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=True,
        record_timing=False,
        on_cell_start=on_cell_start,
        resources={"metadata": {"path": workdir}},
    )
    os.makedirs(log_dir, exist_ok=True)
    executed = False
    kernel_trouble = False  # the kernel's last words explain the problem
    with open(res.log, "w", encoding="utf-8") as log:
        log.write("# kernel log of %s\n" % path)
        log.flush()
        try:
            client.execute(stdout=log, stderr=log)
            executed = True
        except CellTimeoutError:
            res.problem = "cell %d did not finish within %d s (does it hang?)" % (current["cell"], timeout)
        except DeadKernelError as e:
            kernel_trouble = True
            if current["cell"]:
                res.problem = "the kernel died in cell %d (%s)" % (current["cell"], " ".join(str(e).split())[:200])
            else:
                res.problem = "the %s kernel did not start" % kernel
        except RuntimeError as e:
            kernel_trouble = True
            # jupyter_client: "Kernel died before replying to kernel_info", or a failed launch.
            res.problem = "the %s kernel did not start (%s)" % (kernel, " ".join(str(e).split())[:200])
        except OSError as e:
            kernel_trouble = True
            res.problem = "the %s kernel could not be launched: %s" % (kernel, e)
    if kernel_trouble:
        why = last_line(res.log)
        if why and not why.startswith("# kernel log"):
            res.problem += ": " + why
    if current["cell"] or executed:
        strip_volatile(nb)
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        with open(out_path, "w", encoding="utf-8", newline="\n") as f:
            nbformat.write(nb, f)
    if executed:
        err = first_error(nb)
        if err:
            res.problem = "cell %d: %s" % err
        elif html_dir:
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            target = os.path.join(html_dir, log_name(path)[:-len(".log")] + ".html")
            os.makedirs(html_dir, exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(body)
    res.seconds = time.monotonic() - start
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--inplace", action="store_true", help="write outputs back into each notebook")
    where.add_argument("--output-dir", help="write executed notebooks here, same base names")
    ap.add_argument("--html", help="also export each cleanly executed notebook to HTML in this folder")
    ap.add_argument("--log-dir", default=os.path.join(ROOT, "build", "logs", "kernels"),
                    help="kernel logs, one file per notebook (default build/logs/kernels)")
    ap.add_argument("--jobs", type=int, default=1, help="notebooks executed at once")
    ap.add_argument("--timeout", type=int, default=900, help="seconds a single cell may take")
    ap.add_argument("--kernel", default="gonb")
    args = ap.parse_args()

    ksm = KernelSpecManager()
    try:
        ksm.get_kernel_spec(args.kernel)
    except NoSuchKernel:
        sys.stderr.write(
            "run_notebooks: no Jupyter kernel named %r is installed (searched %s). "
            "Run scripts/setup.sh (make setup), which registers it in .venv.\n"
            % (args.kernel, ", ".join(ksm.kernel_dirs)))
        return 2

    jobs = []
    for p in args.notebooks:
        if not os.path.isfile(p):
            sys.stderr.write("run_notebooks: no such notebook: %s\n" % p)
            return 2
        jobs.append((p, p))
    if not args.inplace:
        # Each notebook goes to OUTPUT_DIR/<its file name>; when two share a
        # name (en/ and ko/ twins), all keep their relative folders instead.
        names = [os.path.basename(p) for p, _ in jobs]
        flat = len(set(names)) == len(names)
        def rel(p):
            parts = os.path.relpath(os.path.abspath(p)).split(os.sep)
            return os.path.join(*[c for c in parts if c not in ("", ".", "..")])
        jobs = [(p, os.path.join(args.output_dir, os.path.basename(p) if flat else rel(p)))
                for p, _ in jobs]

    start = time.monotonic()
    failed = []
    width = max(len(p) for p, _ in jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = {ex.submit(run_one, p, out, args.html, args.log_dir, args.timeout, args.kernel): p
                for p, out in jobs}
        for fut in concurrent.futures.as_completed(futs):
            p = futs[fut]
            try:
                res = fut.result()
            except Exception as e:  # a bug or an unreadable notebook: still one line
                failed.append(p)
                print("failed  %s: %s: %s" % (p, type(e).__name__, e), flush=True)
                continue
            if res.problem:
                failed.append(p)
                print("failed  %-*s  %s (kernel log: %s)" % (width, p, res.problem, shown(res.log)),
                      flush=True)
            else:
                print("ok      %-*s  %5.1f s" % (width, p, res.seconds), flush=True)
    print("notebooks: %d ok, %d failed, in %.0f s; kernel logs in %s"
          % (len(jobs) - len(failed), len(failed), time.monotonic() - start, shown(args.log_dir)),
          flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Every kernel has been shut down by now (nbclient does it when a run
    # ends or fails); skip nbclient's exit hooks, which print a traceback
    # for a kernel that never started.
    os._exit(code)
