"""PyTorch CPU peer of bench/transformer.ts: the same masked-item transformer (pre-LN block, fused QKV,
summed item/behavior/category/gap/position embeddings, tied full-softmax output at masked positions,
Adam), timed on random windows. Prints one JSON line: {"tokens_per_s": ..., "tokens_per_cpu_s": ..., "step_ms": ...}
(CPU seconds summed over threads, so a shared machine distorts it less than wall time).
Usage: /usr/bin/python3 bench/transformer_torch.py SEQS LEN ITEMS DIM HEADS LAYERS BATCH THREADS"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

seqs, L, items, D, H, layers, B, threads = (int(a) for a in sys.argv[1:9])
torch.set_num_threads(threads)
torch.manual_seed(1)
V = items + 3
FF = 4 * D


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.qkv, self.out = nn.Linear(D, 3 * D), nn.Linear(D, D)
        self.ffn1, self.ffn2 = nn.Linear(D, FF), nn.Linear(FF, D)

    def forward(self, x, bias):
        b, l, _ = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=-1)
        split = lambda t: t.view(b, l, H, D // H).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(D // H) + bias, dim=-1)
        x = x + self.out((att @ v).transpose(1, 2).reshape(b, l, D))
        return x + self.ffn2(F.relu(self.ffn1(self.ln2(x))))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.item, self.beh, self.cat = nn.Embedding(V, D), nn.Embedding(7, D), nn.Embedding(41, D)
        self.gap, self.pos = nn.Embedding(24, D), nn.Parameter(torch.randn(L, D) * 0.05)
        self.blocks = nn.ModuleList(Block() for _ in range(layers))
        self.ln = nn.LayerNorm(D)
        self.bias = nn.Parameter(torch.zeros(V))

    def forward(self, it, be, ca, ga, bias, rows, targets):
        x = self.item(it) + self.beh(be) + self.cat(ca) + self.gap(ga) + self.pos
        for block in self.blocks:
            x = block(x, bias)
        h = self.ln(x).reshape(-1, D)[rows]
        return F.cross_entropy(h @ self.item.weight.t() + self.bias, targets)


g = torch.Generator().manual_seed(2)
it = torch.randint(3, V, (seqs, L), generator=g)
be = torch.randint(1, 7, (seqs, L), generator=g)
ca = torch.randint(1, 41, (seqs, L), generator=g)
ga = torch.randint(1, 24, (seqs, L), generator=g)
model = Model()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
bias = torch.zeros(B, 1, L, L)


def step(s):
    sl = slice(s * B, (s + 1) * B)
    x = it[sl].clone()
    mask = torch.rand(x.shape, generator=g) < 0.2
    targets = x[mask]
    x[mask] = 1
    rows = mask.reshape(-1).nonzero().squeeze(1)
    opt.zero_grad()
    loss = model(x, be[sl], ca[sl], ga[sl], bias[: x.shape[0]], rows, targets)
    loss.backward()
    opt.step()


steps = seqs // B
for s in range(2):
    step(s)
t = time.perf_counter()
c = time.process_time()
for s in range(2, steps):
    step(s)
dt = time.perf_counter() - t
dc = time.process_time() - c
tokens = (steps - 2) * B * L
print(json.dumps({"tokens_per_s": tokens / dt, "tokens_per_cpu_s": tokens / dc, "step_ms": 1000 * dt / (steps - 2)}))
