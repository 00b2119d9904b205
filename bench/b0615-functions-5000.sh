#!/bin/sh
# b0615-functions-5000.sh - wfm-functions for one day of 5,000 agents at
# 15-minute intervals (issue 21: < 0.5 s).  Input, generated without
# randomness: the 120-agent chart fixture's week roster and data/staff.csv
# copied under new ids (agent k = fixture agent k mod 120, ids B0001..B5000),
# the fixture requirements of 2026-11-27 scaled by 5000/120 and split into
# 15-min rows.  Figures: best of 3 wall seconds, with its CPU and peak RSS.
set -eu
B=${BENCH_TMP:-/tmp}
N=${N:-5000}
export TZ=Europe/Moscow
awk -F, -v OFS=, -v n=$N 'NR == 1 { print; next } { rows[++m] = $0 }
	END { for (i = 0; i < n; i++) { split(rows[i % m + 1], f, ","); f[1] = sprintf("B%04d", i + 1)
		line = f[1]; for (k = 2; k <= 9; k++) line = line "," f[k]; print line } }' data/staff.csv > $B/staff$N.csv
awk -F, -v OFS=, -v n=$N 'NR == 1 { print; next }
	{ a = substr($2, 2) + 0; for (k = 0; k * 120 + a <= n; k++) { $2 = sprintf("B%04d", k * 120 + a); print } }' \
	tests/fixtures/chart/roster.csv > $B/roster$N.csv
awk -F, -v OFS=, -v n=$N 'NR == 1 { print; next } $1 ~ /^2026-11-27/ { $5 = int($5 * n / 120 + 0.5); for (q = 0; q < 4; q++) {
		t = substr($1, 1, 14) sprintf("%02d", 15 * q); print t, $2, $3, $4, $5, $6, $7, $8, $9 } }' \
	tests/fixtures/functions/requirements-week.csv > $B/req$N.csv
t() { /usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1; }
b=999
for i in 1 2 3; do
	set -- $(t bin/wfm-functions $B/roster$N.csv $B/req$N.csv $B/staff$N.csv --date 2026-11-27 --step 15 -q -o $B/f$N.csv)
	if awk -v a="$b" -v c="$1" 'BEGIN { exit !(c < a) }'; then
		b=$1; u=$(awk -v a="$2" -v c="$3" 'BEGIN { print a + c }'); m=$4
	fi
done
echo "functions_day_${N}_agents_15min: $b s wall, $u s CPU (goal < 0.5 s; $(awk -F, 'NR > 1 { a[$2] = 1 } END { print length(a) }' $B/f$N.csv) agents on shift, $(($(wc -l < $B/f$N.csv) - 1)) rows, peak $m KiB)"
