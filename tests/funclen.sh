#!/bin/sh
# funclen.sh - functions longer than LIMIT lines (default 120) in the C
# files under DIR (default lib): "LINES FILE:LINE NAME", longest first.
# A function is counted from its first line at column 0 (the return type
# or the name) to its closing "}" at column 0.  Usage: sh tests/funclen.sh [LIMIT] [DIR]
limit=${1:-120}
dir=${2:-lib}
cd "$(dirname "$0")/.." || exit 1
for f in "$dir"/*.c; do
	awk -v f="$f" -v limit="$limit" '
	/^[A-Za-z_].*\(/ && !/;[[:space:]]*$/ && !/^(static +)?(const +)?(struct|enum|union) [a-z_]+ *[{=]/ {
		if (!infn) { start = NR; sig = $0 }
	}
	/^\{/ && start { infn = 1 }
	/^\}/ && infn {
		n = NR - start + 1
		name = sig; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
		if (n > limit) printf "%d %s:%d %s\n", n, f, start, name
		infn = 0; start = 0
	}' "$f"
done | sort -rn
