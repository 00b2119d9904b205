#!/bin/sh
# gen-history.sh K IN OUT - a K-times-longer history: IN followed by K-1
# copies shifted back by whole multiples of IN's span, rounded up to whole
# weeks, so weekdays and the interval grid stay regular.  Naive timestamps
# are shifted as wall-clock times: read the result with --tz UTC (a zone
# with DST would make shifted copies fall into gaps).  Used by bench/ and
# tests/cli/t0800-atomic.sh.
set -eu
k=$1 in=$2 out=$3
awk -F, -v K="$k" '
function dfc(y, m, d,   era, yoe, doy, doe) {   # days from civil (Hinnant)
	y -= (m <= 2); era = int((y >= 0 ? y : y - 399) / 400)
	yoe = y - era * 400
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
	doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
	return era * 146097 + doe - 719468
}
function cfd(z,   era, doe, yoe, doy, mp, d, m, y) {   # civil from days
	z += 719468; era = int((z >= 0 ? z : z - 146096) / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9; y = yoe + era * 400 + (m <= 2)
	return sprintf("%04d-%02d-%02d", y, m, d)
}
NR == 1 { hdr = $0; next }
{ day[NR] = dfc(substr($1, 1, 4) + 0, substr($1, 6, 2) + 0, substr($1, 9, 2) + 0)
  rest[NR] = substr($0, 11); n = NR
  if (NR == 2 || day[NR] < lo) lo = day[NR]; if (NR == 2 || day[NR] > hi) hi = day[NR] }
END {
	print hdr
	span = int((hi - lo + 1 + 6) / 7) * 7
	for (c = K - 1; c >= 0; c--)
		for (i = 2; i <= n; i++)
			print cfd(day[i] - c * span) rest[i]
}' "$in" > "$out"
