"""Whether every value of one JSON file is in another, equal (numbers to the last digit).

Usage: json_same.py BEFORE.json AFTER.json [KEY ...]; KEYs are left out of the comparison
(e.g. seconds). Fields only AFTER has are named, not counted as a difference. Exit 1 on a difference.
"""
import json
import sys


def main():
    before = json.load(open(sys.argv[1]))
    after = json.load(open(sys.argv[2]))
    ignored = set(sys.argv[3:])
    added, differences = set(), []

    def walk(x, y, path):
        if isinstance(x, dict) and isinstance(y, dict):
            for key in x:
                if key in ignored:
                    continue
                if key not in y:
                    differences.append(f"{path}/{key} is gone")
                else:
                    walk(x[key], y[key], f"{path}/{key}")
            added.update(k for k in y if k not in x and k not in ignored)
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (u, v) in enumerate(zip(x, y)):
                walk(u, v, f"{path}[{i}]")
        elif x != y:
            differences.append(f"{path}: {json.dumps(x)[:60]} -> {json.dumps(y)[:60]}")

    walk(before, after, "")
    verdict = "same values" if not differences else "DIFFERENT: " + "; ".join(differences[:4])
    if added:
        verdict += " (fields added since: " + ", ".join(sorted(added)) + ")"
    print(verdict)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
