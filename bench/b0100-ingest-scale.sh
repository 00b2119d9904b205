#!/bin/sh
# b0100-ingest-scale.sh - ingest scaling of wfm-profile: data/history.csv
# (2 years hourly, 4 channels, 69,888 rows) and 4x and 16x longer copies,
# made by appending the history again shifted by whole multiples of its
# 104 weeks (Europe/Moscow has had no DST since 2014, so shifted wall times
# stay valid).  Prints rows/s by CPU and by wall-clock time (best of 3,
# default profile report) and peak RSS per size; linear ingest keeps
# rows/s flat and RSS proportional to rows.
set -eu
H=data/history.csv
D=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow

# copies N: history, then history + 104 weeks, + 208 weeks, ...
make_copies() {
	awk -F, -v n="$1" '
	function days(y, m, d,   era, yoe, doy) {      # days from 1970-01-01 (H. Hinnant)
		y -= m <= 2; era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400
		doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
		return era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy - 719468 }
	function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
		z += 719468; era = int((z >= 0 ? z : z - 146096) / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100)); mp = int((5 * doy + 2) / 153)
		d = doy - int((153 * mp + 2) / 5) + 1; m = mp < 10 ? mp + 3 : mp - 9; y = yoe + era * 400 + (m <= 2)
		return sprintf("%04d-%02d-%02d", y, m, d) }
	NR == 1 { print; next }
	{ row[NR] = $0 }
	END {
		for (k = 0; k < n; k++)
			for (i = 2; i <= NR; i++) {
				s = row[i]
				if (k == 0) { print s; continue }
				z = days(substr(s, 1, 4) + 0, substr(s, 6, 2) + 0, substr(s, 9, 2) + 0) + k * 728
				print civil(z) substr(s, 11)
			}
	}' "$H" >"$D/hist-$1x.csv"
}

for n in 1 4 16; do
	make_copies $n
	f=$D/hist-${n}x.csv
	rows=$(($(wc -l <"$f") - 1))
	best=999999 cpu=999999 rss=0
	for i in 1 2 3; do
		rm -f "$D/p.csv"
		r=$(/usr/bin/time -f '%e %U %S %M' bin/wfm-profile "$f" -o "$D/p.csv" 2>&1 | tail -n 1)
		[ -s "$D/p.csv" ] || { echo "wfm-profile failed on $f: $r" >&2; exit 1; }
		set -- $r
		best=$(awk -v a="$best" -v b="$1" 'BEGIN { print (b < a) ? b : a }')
		cpu=$(awk -v a="$cpu" -v b="$2" -v c="$3" 'BEGIN { print (b + c < a) ? b + c : a }')
		[ "$4" -gt "$rss" ] && rss=$4
	done
	# CPU time (user + sys) is the steadier figure on a shared machine
	echo "ingest_${n}x_rows_per_cpu_s: $(awk -v r=$rows -v s=$cpu 'BEGIN { printf "%.0f", r / (s > 0 ? s : 0.01) }') rows/s ($rows rows in $cpu s CPU, best of 3)"
	echo "ingest_${n}x_rows_per_wall_s: $(awk -v r=$rows -v s=$best 'BEGIN { printf "%.0f", r / (s > 0 ? s : 0.01) }') rows/s ($best s wall, best of 3)"
	echo "ingest_${n}x_peak_rss: $rss KiB ($(awk -v m=$rss -v r=$rows 'BEGIN { printf "%.0f", m * 1024 / r }') bytes/row)"
	rm -f "$f"
done
