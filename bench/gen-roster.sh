#!/bin/sh
# gen-roster.sh N DAYS OUTDIR [SEED] - a roster input of N agents over DAYS
# days from Monday 2026-11-23: OUTDIR/staffN.csv (the bundled 120 agents
# copied with new ids B00001...), OUTDIR/planN.csv (the fixture week's plan,
# tests/fixtures/roster/plan-week.csv, counts scaled by N/120, repeated
# weekly) and OUTDIR/availN.csv (each agent-day sick with probability 2%,
# awk's srand(SEED), default 1: the same seed gives the same files).
set -eu
N=$1 DAYS=$2 B=$3 SEED=${4:-1}
awk -F, -v N="$N" 'NR == 1 { print; next } { rows[++n] = $0 }
	END { for (i = 0; i < N; i++) { split(rows[i % n + 1], f, ","); f[1] = sprintf("B%05d", i + 1)
		line = f[1]; for (k = 2; k <= 9; k++) line = line "," f[k]; print line } }' data/staff.csv >"$B/staff$N.csv"
awk -F, -v OFS=, -v N="$N" -v DAYS="$DAYS" 'NR == 1 { print; next } { r[++n] = $0 }
	function civil(z,   era, doe, yoe, y, doy, mp, d, m) {   # days since 1970 -> YYYY-MM-DD
		z += 719468; era = int(z / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1; m = mp + (mp < 10 ? 3 : -9)
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d) }
	END { d0 = 20780   # 2026-11-23
		for (w = 0; w * 7 < DAYS; w++) for (i = 1; i <= n; i++) { split(r[i], f, ",")
			k = 7 * w + substr(f[1], 9, 2) - 23; if (k >= DAYS) continue
			f[1] = civil(d0 + k); f[7] = int(f[7] * N / 120 + 0.5)
			print f[1], f[2], f[3], f[4], f[5], f[6], f[7] } }' \
	tests/fixtures/roster/plan-week.csv >"$B/plan$N.csv"
awk -F, -v N="$N" -v DAYS="$DAYS" -v SEED="$SEED" 'BEGIN { srand(SEED); print "agent_id,date,status"
	for (i = 1; i <= N; i++) for (k = 0; k < DAYS; k++) if (rand() < 0.02) {
		z = 20780 + k + 719468; era = int(z / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1; m = mp + (mp < 10 ? 3 : -9)
		printf "B%05d,%04d-%02d-%02d,sick\n", i, y + (m <= 2), m, d } }' >"$B/avail$N.csv"
