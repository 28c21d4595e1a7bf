#!/usr/bin/python3
"""Check pkg/mf's Float32 mode against PyTorch from the same starting point.

Runs seed 000's experiment (4×2, k = 2, Adam lr 0.01, 5000 iterations,
float32) in Go, then in torch starting from the W and H Go started from,
and prints both loss traces and the largest difference of the final factors.
The initial values cannot come from torch.rand (PyTorch's generator is not
reproducible in Go), so this is the closest comparison possible; matrix
products and fused multiply–adds are summed in different orders, so the
traces agree to a few float32 ulps early on, not bit for bit.

Usage (from the repository root):  /usr/bin/python3 bench/mf/crosscheck.py
"""
import subprocess

import torch

out = subprocess.run(["go", "run", "./bench/mf", "-crosscheck"], capture_output=True, text=True, check=True).stdout
lines = out.strip().splitlines()
init = [float(x) for x in lines[0].split()]
go_trace = [(int(a), float(b)) for a, b in (l.split() for l in lines[1:-1])]
go_final = [float(x) for x in lines[-1].split()]

torch.set_num_threads(1)
A = torch.tensor([[5, 3], [3, 2], [2, 1], [1, 1]], dtype=torch.float32)
W = torch.tensor(init[:8], dtype=torch.float32).reshape(4, 2).requires_grad_()
H = torch.tensor(init[8:], dtype=torch.float32).reshape(2, 2).requires_grad_()
optimizer = torch.optim.Adam([W, H], lr=0.01)
torch_trace = []
for iteration in range(5000):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(W @ H, A)
    loss.backward()
    optimizer.step()
    if (iteration + 1) % 500 == 0:
        torch_trace.append((iteration + 1, loss.item()))

print(f"torch {torch.__version__}; seed 000 in float32 from the same W, H")
print(f"{'iteration':>9s} {'pkg/mf Float32':>24s} {'torch float32':>24s}")
for (it, g), (_, t) in zip(go_trace, torch_trace):
    print(f"{it:9d} {g:24.10g} {t:24.10g}")
final = W.detach().flatten().tolist() + H.detach().flatten().tolist()
print("largest |difference| of the final W, H entries:", max(abs(a - b) for a, b in zip(go_final, final)))
