# skills-maxflow.awk - independent check of a shift plan by skill groups
# (tests/cli/t0502, bench/b0510): from groups.csv, requirements.csv and
# plan.csv alone, per STEP-minute cell of the window, the agents working
# (breaks excluded; cyclic window: shift time past the last day counts at
# the start of the first) per group, then a max-flow source -> group
# (capacity: its working agents) -> channel (when the group holds the
# skill) -> sink (capacity: agents_gross of the channel), Edmonds-Karp.
# Every channel is covered when the flow equals the summed requirement.
#   awk -F, -v FIRST=2026-11-23 -v NDAYS=7 -v STEP=15 -v REQSTEP=15 \
#       -f tests/fixtures/roster/civil.awk -f skills-maxflow.awk \
#       groups.csv requirements.csv plan.csv
# (civil.awk: dnum, the day number of a date)
# Prints one line per short cell ("short TIMESTAMP deficit D") and a last
# line "cells N short M deficit D shifts S" (S: people on shift summed over
# the plan rows).
function hm(s,   a) { split(s, a, ":"); return a[1] * 60 + a[2] }
function col(name,   k) { for (k = 1; k <= NF; k++) if ($k == name) return k; print "no column " name > "/dev/stderr"; exit 2 }
function addw(m, g, n,   c) {
	c = int((m - d0 * 1440) / STEP)
	if (c >= NC) c -= NC
	if (c >= 0 && c < NC) W[c, g] += n
}
# max-flow on cell c: nodes 0 source, 1..G groups, G+1..G+NCH channels, G+NCH+1 sink
function maxflow(c,   u, v, k, qh, qt, q, prev, f, tot, amt, t, need) {
	t = G + NCH + 1
	split("", cap)
	for (g = 1; g <= G; g++) cap[0, g] = W[c, g] + 0
	for (g = 1; g <= G; g++) for (k = 1; k <= NCH; k++) if ((g, k) in SK) cap[g, G + k] = 1e18
	need = 0
	for (k = 1; k <= NCH; k++) { cap[G + k, t] = R[c, k] + 0; need += R[c, k] }
	tot = 0
	for (;;) {
		split("", prev); prev[0] = -1; qh = qt = 0; q[qt++] = 0
		while (qh < qt && !(t in prev)) {
			u = q[qh++]
			for (v = 0; v <= t; v++)
				if (!(v in prev) && ((u, v) in cap) && cap[u, v] > 1e-9) { prev[v] = u; q[qt++] = v }
		}
		if (!(t in prev)) break
		amt = 1e18
		for (v = t; v != 0; v = prev[v]) if (cap[prev[v], v] < amt) amt = cap[prev[v], v]
		for (v = t; v != 0; v = prev[v]) { cap[prev[v], v] -= amt; cap[v, prev[v]] += amt }
		tot += amt
	}
	return need - tot
}
BEGIN { d0 = dnum(FIRST); NC = NDAYS * 1440 / STEP }
FILENAME == ARGV[1] {                      # groups.csv
	if (FNR == 1) { cg = col("group"); cs = col("skills"); next }
	GI[$cg] = ++G; GS[G] = $cs; next
}
FILENAME == ARGV[2] {                      # requirements.csv
	if (FNR == 1) { ct = col("timestamp"); cc = col("channel"); ca = col("agents_gross"); next }
	if (!($cc in CI)) { CI[$cc] = ++NCH; CN[NCH] = $cc }
	m = dnum($ct) * 1440 + hm(substr($ct, 12, 5))
	for (k = 0; k < REQSTEP; k += STEP) {
		c = int((m + k - d0 * 1440) / STEP)
		if (c >= 0 && c < NC) R[c, CI[$cc]] = $ca
	}
	next
}
FNR == 1 {                                 # plan.csv; skills of the groups by channel index
	for (g = 1; g <= G; g++) { n = split(GS[g], a, "|"); for (k = 1; k <= n; k++) if (a[k] in CI) SK[g, CI[a[k]]] = 1 }
	pd = col("date"); ps = col("start"); pe = col("end"); pbs = col("break_start"); pbe = col("break_end")
	pn = col("count"); pg = col("group"); next
}
{
	if (!($pg in GI)) { print "unknown group " $pg > "/dev/stderr"; exit 2 }
	s = dnum($pd) * 1440 + hm($ps); e = dnum($pd) * 1440 + hm($pe); if (e <= s) e += 1440
	bs = be = -1
	if ($pbs != "") { bs = dnum($pd) * 1440 + hm($pbs); if (bs < s) bs += 1440; be = bs + (hm($pbe) - hm($pbs) + 1440) % 1440 }
	for (m = s; m < e; m += STEP) if (m < bs || m >= be) addw(m, GI[$pg], $pn)
	agents += $pn
}
END {
	for (c = 0; c < NC; c++) {
		any = 0
		for (k = 1; k <= NCH; k++) if (R[c, k] > 0) any = 1
		if (!any) continue
		cells++
		d = maxflow(c)
		if (d > 1e-6) {
			short++; deficit += d
			printf "short %s+%dmin deficit %g\n", FIRST, c * STEP, d
		}
	}
	printf "cells %d short %d deficit %g shifts %d\n", cells, short + 0, deficit + 0, agents
}
