#!/usr/bin/env python3
"""Log-log chart of training seconds against training rows from benchmarks/scale-sklearn.sh's TSV
(OUT=file.tsv). Needs Debian's python3-matplotlib.

Usage: python3 scale_chart.py SCALE.tsv CHART.png
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
series = {}
for r in rows:
    series.setdefault(f"{r['side']}: {r['model']}", []).append((int(r["rows"]), float(r["seconds"])))
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
for name, points in sorted(series.items()):
    points.sort()
    style = "-" if name.startswith("bankml") else "--"
    marker = "o" if "forest" in name else "s"
    ax.plot([p[0] for p in points], [p[1] for p in points], style, marker=marker, label=name)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("training rows (about 90 features after the pipeline)")
ax.set_ylabel("training seconds (pipeline + model)")
ax.set_title("Training time against rows, bankml and scikit-learn")
ax.grid(True, which="both", alpha=0.3)
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[2])
