# maxcover.awk - independent checker for wfm functions: per interval of
# one day, the most real-time requirement the agents on shift can cover
# with their skills (a maximum b-matching agents -> channel slots, Kuhn's
# augmenting paths), from roster.csv, staff.csv and requirements.csv only.
# Usage: awk -F, -v day=D -v prev=D-1 -v step=MIN -f maxcover.awk \
#            staff.csv requirements.csv roster.csv
# Prints "HH:MM need cover" per interval: need = sum of real-time agents
# required, cover = the most of it that can be met.  Real-time channels:
# rows with an asa_s.  Times are wall-clock minutes (no DST on the day).
function mins(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
function try(a,   k, c, x) {
	for (k = 1; k <= nsk[a]; k++) {
		c = sk[a, k]
		if (!(c in rt) || vis[c])
			continue
		vis[c] = 1
		if (cnt[c] < req[c]) { m[a] = c; cnt[c]++; return 1 }
		for (x in m)
			if (m[x] == c && try(x)) { m[a] = c; return 1 }
	}
	return 0
}
FILENAME == ARGV[1] { if (FNR > 1) { nsk[$1] = split(tolower($3), tmp, "|"); for (k = 1; k <= nsk[$1]; k++) sk[$1, k] = tmp[k] } ; next }
FILENAME == ARGV[2] {
	if (FNR == 1) { for (k = 1; k <= NF; k++) col[$k] = k; next }
	if ($(col["asa_s"]) != "") rt[$(col["channel"])] = 1
	if (substr($1, 1, 10) == day) R[mins(substr($1, 12, 5)), $(col["channel"])] = $(col["agents"])
	next
}
FNR > 1 {
	s = mins($4); e = mins($5); if (e <= s) e += 1440
	bs = $6 == "" ? -1 : mins($6); be = $7 == "" ? -1 : mins($7)
	if (bs >= 0 && bs < s) bs += 1440
	if (be >= 0 && be <= bs) be += 1440
	off = $1 == day ? 0 : $1 == prev ? -1440 : ""
	if (off == "") next
	n++; A[n] = $2; S[n] = s + off; E[n] = e + off; BS[n] = bs + off; BE[n] = be + off; HB[n] = bs >= 0
}
END {
	rh = rstep ? rstep : 60
	for (t = 0; t < 1440; t += step) {
		delete m; delete cnt; need = 0; got = 0
		tr = t - t % rh
		for (c in rt) { req[c] = (tr SUBSEP c) in R ? R[tr, c] + 0 : 0; need += req[c] }
		for (i = 1; i <= n; i++) {
			if (S[i] > t || E[i] < t + step) continue
			if (HB[i] && BS[i] <= t && BE[i] >= t + step) continue
			delete vis
			got += try(A[i])
		}
		printf "%02d:%02d %d %d\n", t / 60, t % 60, need, got
	}
}
