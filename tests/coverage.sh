#!/bin/sh
# coverage.sh - line and branch coverage of lib/ after a `make COVERAGE=1`
# build has run the tests (make coverage does both).  Prints one line per
# module, least covered first, then the totals; with lcov installed, also
# an HTML report in bin/.obj/coverage/index.html.
cd "$(dirname "$0")/.." || exit 2
O=bin/.obj
ls $O/lib/*.gcda >/dev/null 2>&1 || { echo "coverage.sh: no .gcda files; run make coverage" >&2; exit 2; }
gcov -b -n -o $O/lib lib/*.c 2>/dev/null | awk '
	/^File / { f = $2; gsub(/\047/, "", f); keep = f ~ /^lib\/.*\.c$/; next }
	!keep { next }
	/^Lines executed:/ { split($2, a, "%"); sub(/.*:/, "", a[1]); n = $NF; l[f] = a[1]; ln[f] = n; tl += n; el += a[1] * n / 100 }
	/^Taken at least once:/ { split($4, a, "%"); sub(/.*:/, "", a[1]); n = $NF; b[f] = a[1]; bn[f] = n; tb += n; eb += a[1] * n / 100 }
	END {
		for (f in l) printf "%-28s lines %6.1f%% of %5d   branches %6.1f%% of %5d\n", f, l[f], ln[f], b[f] + 0, bn[f] + 0 | "sort -k3 -n"
		close("sort -k3 -n")
		printf "lib/ total: lines %.1f%% (%d of %d), branches taken %.1f%% (%d of %d)\n",
			100 * el / tl, el + 0.5, tl, 100 * eb / tb, eb + 0.5, tb
	}'
if command -v lcov >/dev/null && command -v genhtml >/dev/null; then
	lcov -q --rc lcov_branch_coverage=1 -c -d $O/lib -b . -o $O/coverage.info 2>/dev/null &&
	lcov -q --rc lcov_branch_coverage=1 -e $O/coverage.info "$PWD/lib/*" -o $O/coverage.info 2>/dev/null &&
	genhtml -q --branch-coverage -o $O/coverage $O/coverage.info 2>/dev/null &&
	echo "HTML report: $O/coverage/index.html"
fi
