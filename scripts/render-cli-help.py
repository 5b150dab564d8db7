#!/usr/bin/env python3
"""Rewrites the help pages and usage lines pasted into docs/cli.md from the tool itself.

Usage: scripts/render-cli-help.py [BINARY]   (default .build/debug/yieldstrip; build it first)

A fenced block that starts with `OVERVIEW:` becomes `yieldstrip <its command> --help`; a line
`Usage: yieldstrip <command> …` (a usage error's second line) becomes that command's usage line.
"""
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/yieldstrip"
path = "docs/cli.md"


def command_path(usage):
    words = usage.split()[2:]  # after "USAGE:" or "Usage:" and "yieldstrip"
    taken = []
    for word in words:
        if word[0] in "-<[":
            break
        taken.append(word)
    return taken


lines = open(path).read().split("\n")
out, i, changed = [], 0, 0
while i < len(lines):
    line = lines[i]
    if line == "```" and i + 1 < len(lines) and lines[i + 1].startswith("OVERVIEW:"):
        end = lines.index("```", i + 1)
        block = lines[i + 1:end]
        usage = next(x for x in block if x.startswith("USAGE: "))
        help_text = subprocess.run([binary] + command_path(usage) + ["--help"], capture_output=True, text=True, check=True).stdout
        new = help_text.rstrip("\n").split("\n")
        changed += new != block
        out.append(line)
        out.extend(new)
        i = end
        continue
    if line.startswith("Usage: yieldstrip "):
        # An unknown option's usage error prints the command's usage line.
        stderr = subprocess.run([binary] + command_path(line) + ["--no-such-option"], capture_output=True, text=True).stderr
        usage = [x for x in stderr.split("\n") if x.startswith("Usage: ")]
        if usage and usage[0] != line:
            changed += 1
            line = usage[0]
    out.append(line)
    i += 1
open(path, "w").write("\n".join(out))
print(f"{path}: {changed} help pages or usage lines rewritten", file=sys.stderr)
