#!/usr/bin/python3
"""Run the pkg/mf benchmark cases through Go and through PyTorch (CPU) in one
run and print the time ratios and, for the ratings case, the test RMSEs.

Usage (from the repository root):  /usr/bin/python3 bench/mf/run.py [--repeat N] [--als]

PyTorch is Debian's python3-torch. The dense 1000×1000 case is timed with one
thread and with every core (torch.set_num_threads) and torch's better time is
used; the seed and ratings cases are made of small tensor operations, for
which extra threads only add overhead, and run with one thread. The Go side
uses every core (GOMAXPROCS) where it pays. Timings are wall-clock, best of
--repeat runs; the load average is printed because other processes on the
machine distort both sides.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import torch


def best(repeat, fn):
    """Best wall-clock and best CPU seconds (all threads) of repeat runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def seed_experiment():
    # Seed 000, In [1], without the prints.
    A = torch.tensor([[5, 3], [3, 2], [2, 1], [1, 1]], dtype=torch.float32)
    m, n = A.size()
    k = 2
    W = torch.rand(m, k, requires_grad=True)
    H = torch.rand(k, n, requires_grad=True)
    optimizer = torch.optim.Adam([W, H], lr=0.01)
    for iteration in range(5000):
        optimizer.zero_grad()
        A_pred = torch.matmul(W, H)
        loss = torch.nn.functional.mse_loss(A_pred, A)
        loss.backward()
        optimizer.step()
    return loss.item()


def dense(A, k, iters, dtype):
    m, n = A.size()
    W = torch.rand(m, k, dtype=dtype, requires_grad=True)
    H = torch.rand(k, n, dtype=dtype, requires_grad=True)
    optimizer = torch.optim.Adam([W, H], lr=0.01)
    for _ in range(iters):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(W @ H, A)
        loss.backward()
        optimizer.step()
    return loss.item()


def read_tsv(path):
    u, i, r = [], [], []
    with open(path) as f:
        for line in f:
            a, b, c = line.split("\t")
            u.append(int(a)); i.append(int(b)); r.append(float(c))
    return torch.tensor(u), torch.tensor(i), torch.tensor(r, dtype=torch.float32)


class MF(torch.nn.Module):
    """d2l.ai §21.3 matrix factorization: embeddings and biases, no global mean."""

    def __init__(self, num_factors, num_users, num_items):
        super().__init__()
        self.P = torch.nn.Embedding(num_users, num_factors)
        self.Q = torch.nn.Embedding(num_items, num_factors)
        self.user_bias = torch.nn.Embedding(num_users, 1)
        self.item_bias = torch.nn.Embedding(num_items, 1)
        for e in (self.P, self.Q, self.user_bias, self.item_bias):
            torch.nn.init.normal_(e.weight, std=0.01)  # d2l: init.Normal(0.01)

    def forward(self, u, i):
        outputs = (self.P(u) * self.Q(i)).sum(axis=1)
        return outputs + self.user_bias(u).squeeze(1) + self.item_bias(i).squeeze(1)


def sparse_d2l(train, test, users, items, factors=100, epochs=20, batch=512):
    # d2l.ai §21.3: Adam, lr 0.002, weight decay 1e-5, batch 512, L2 loss.
    torch.manual_seed(3)
    net = MF(factors, users, items)
    opt = torch.optim.Adam(net.parameters(), lr=0.002, weight_decay=1e-5)
    u, i, r = train
    n = len(r)
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(n)
        for s in range(0, n, batch):
            idx = perm[s:s + batch]
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(net(u[idx], i[idx]), r[idx])
            loss.backward()
            opt.step()
    elapsed = (time.perf_counter() - t0, time.process_time() - c0)
    with torch.no_grad():
        tu, ti, tr = test
        rmse = torch.sqrt(torch.mean((net(tu, ti) - tr) ** 2)).item()
    return elapsed, rmse


def go_version(root):
    out = subprocess.run(["go", "env", "GOVERSION"], cwd=root, capture_output=True, text=True).stdout
    return out.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--als", action="store_true", help="also train the ratings case by ALS (about 15 s more)")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "mfbench")
        subprocess.run(["go", "build", "-o", exe, "./bench/mf"], cwd=root, check=True)
        out = subprocess.run([exe, "-repeat", str(args.repeat), "-data", tmp] + (["-als"] if args.als else []), cwd=root, check=True,
                             capture_output=True, text=True).stdout
        go = {}
        for line in out.splitlines():
            name, wall, cpu, *rest = line.split()
            go[name] = ((float(wall), float(cpu)), dict(kv.split("=") for kv in rest))

        users = max(max(int(l.split("\t")[0]) for l in open(os.path.join(tmp, f))) for f in ("train.tsv", "test.tsv")) + 1
        items = max(max(int(l.split("\t")[1]) for l in open(os.path.join(tmp, f))) for f in ("train.tsv", "test.tsv")) + 1
        train = read_tsv(os.path.join(tmp, "train.tsv"))
        test = read_tsv(os.path.join(tmp, "test.tsv"))

    load0 = os.getloadavg()[0]
    torch.set_num_threads(1)
    torch.manual_seed(0)
    t_seed = best(args.repeat * 2, seed_experiment)
    torch.manual_seed(1)
    A = torch.rand(1000, 10) @ torch.rand(10, 1000)
    t_d32 = {}
    for threads in sorted({1, os.cpu_count()}):
        torch.set_num_threads(threads)
        t_d32[threads] = best(args.repeat, lambda: dense(A, 10, 200, torch.float32))
    torch.set_num_threads(1)
    t_sp, rmse_sp = sparse_d2l(train, test, 943, 1682)
    print(f"torch {torch.__version__} (CPU), Go {go_version(root)}, {os.cpu_count()} cores, "
          f"load average {load0:.1f} → {os.getloadavg()[0]:.1f}; best of {args.repeat} runs")
    print("torch 1000×1000 float32 wall/CPU s: " + ", ".join(f"{t[0]:.3g}/{t[1]:.3g} with {n} thread(s)" for n, t in t_d32.items()))
    t_d32 = min(t_d32.values())

    rows = [
        ("seed 4×2 k=2 Adam 5000 it, Go float64 vs torch float32", go["seed_f64"][0], t_seed, "ratio ≤ 0.002 (≥ 500× faster)"),
        ("seed 4×2 k=2 Adam 5000 it, Go float32 vs torch float32", go["seed_f32"][0], t_seed, "ratio ≤ 0.002 (≥ 500× faster)"),
        ("1000×1000 rank-10 k=10 Adam 200 it, Go float64 vs torch float32", go["dense1000_f64"][0], t_d32, "Go ≤ 0.7× torch"),
        ("1000×1000 rank-10 k=10 Adam 200 it, Go float32 vs torch float32", go["dense1000_f32"][0], t_d32, "Go ≤ 0.45× torch"),
        ("943×1682 100k ratings, 100 factors, 20 epochs: Go SGD+ARD vs torch d2l", go["sparse_sgd"][0], t_sp, "Go faster"),
    ]
    print("Ratios are Go time / torch time (wall-clock, and CPU time summed over threads).")
    print(f"{'case':68s} {'Go wall':>9s} {'torch wall':>10s} {'ratio':>8s} {'Go CPU':>9s} {'torch CPU':>9s} {'ratio':>8s}  target")
    for name, g, t, target in rows:
        print(f"{name:68s} {g[0]:9.4g} {t[0]:10.4g} {g[0] / t[0]:8.3g} {g[1]:9.4g} {t[1]:9.4g} {g[1] / t[1]:8.3g}  {target}")
    floor = float(go["sparse_sgd"][1]["floor"])
    print()
    print(f"ratings test RMSE (noise floor {floor}):")
    for name, key in (("bias-only baseline (Go)", "sparse_baseline"), ("biased MF, SGD + ARD (Go)", "sparse_sgd"),
                      ("biased MF, SGD, one L2 λ (Go)", "sparse_sgd_l2"), ("biased MF, ALS 10 epochs (Go)", "sparse_als"),
                      ("biased MF, ALS + ARD 10 epochs (Go)", "sparse_als_ard")):
        if key not in go:
            continue
        r = float(go[key][1]["rmse"])
        extra = "" if key == "sparse_baseline" else f", {go[key][0][0]:.3g} s"
        print(f"  {name:36s} {r:.4f}  ({r / floor:.3f}× floor{extra})")
    print(f"  {'MF d2l-style (torch)':36s} {rmse_sp:.4f}  ({rmse_sp / floor:.3f}× floor, {t_sp[0]:.3g} s)")


if __name__ == "__main__":
    sys.exit(main())
