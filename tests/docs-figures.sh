#!/bin/sh
# docs-figures.sh - the figures README.md and docs/*.md quote from `make
# demo`, computed from the demo's outputs, checked or rewritten in place
# (issue 19.16).
#
#   sh tests/docs-figures.sh [--write] OUTDIR [FILE.md ...]
#   sh tests/docs-figures.sh --list OUTDIR     every figure's name and value
#
# OUTDIR holds what tests/demo.sh wrote (out/, or WFM_DEMO_OUT=DIR).
# Files default to README.md and docs/*.md.  Without --write, every marked
# figure is compared with the demo's and each difference printed as
# `FILE:LINE: NAME: the text says X, the demo gives Y`; exit 1 if any.
# With --write the marked figures are replaced (`make docs-figures`).
#
# Marks, invisible when the Markdown is rendered:
#   <!-- fig NAME FMT -->5,400<!-- /fig -->        one figure (several per line)
#   <!-- figrows FILE N -->                        a block whose lines are lines
#   ```  ...lines...  ```                          of OUTDIR/FILE, each found by
#   <!-- /figrows -->                              its first N fields (words)
# FMT: n (integer, thousands commas), n1 / n2 (1 / 2 decimals, commas),
# g (commas, up to 2 decimals, trailing zeros dropped), raw (as printed).
# NAME: see the table below (`figures`); DATE is YYYY-MM-DD, CH a channel,
# MODEL a model as the backtest names it.
#   backtest.CH.MODEL.wape      WAPE % of that row of forecast-report.txt
#   backtest.CH.chosen          the model marked "<- chosen"
#   forecast.day.DATE[.CH]      forecast.csv volume summed over the day
#   shifts.paid / .bound / .gap / .under / .required   shifts-report.txt
#   groups.VARIANT.paid / .bound / .gap      shifts-groups-report.txt
#                               (VARIANT: pooled, specialists, single)
#   roster.shifts / .filled / .unfilled / .planned_h / .filled_h
#   roster.overtime_h / .contract_h / .fill.DATE / .filled_h.DATE / .best.DATE
#   roster.fill.min / .min2 (second lowest) / .max / .bound_worst
#                               roster-report.txt
# In a figrows block a time in seconds ("16.22 s)") is not compared: it
# differs from run to run.
# Bench figures (`make bench`) are not checked: mark them in the text with
# the machine and date they were measured on.
set -u
write=0 list=0
case ${1:-} in --write) write=1; shift ;; --list) list=1; shift ;; esac
[ $# -ge 1 ] || { echo "usage: docs-figures.sh [--write] OUTDIR [FILE.md ...]" >&2; exit 2; }
out=$1
shift
cd "$(dirname "$0")/.." || exit 2
[ $# -gt 0 ] || set -- README.md docs/*.md
for f in forecast-report.txt forecast.csv shifts-report.txt shifts-groups-report.txt roster-report.txt; do
	[ -r "$out/$f" ] || { echo "docs-figures: $out/$f: missing (run the demo first)" >&2; exit 2; }
done
tab=$(mktemp) || exit 2
trap 'rm -f "$tab" "$tab".*' EXIT

# figures: one "NAME<TAB>VALUE" line each, from the demo's outputs
{
	awk '$NF == "chosen" && $(NF - 1) == "<-" { print "backtest." $1 ".chosen\t" $2 }
	     NF >= 7 && $3 ~ /^[0-9.]+$/ { print "backtest." $1 "." $2 ".wape\t" $3 }' "$out/forecast-report.txt"
	awk -F, 'NR > 1 { d = substr($1, 1, 10); s[d] += $3; c[d "." $2] += $3 }
	         END { for (k in s) print "forecast.day." k "\t" s[k]; for (k in c) print "forecast.day." k "\t" c[k] }' \
		"$out/forecast.csv"
	awk '/^  paid hours/ { print "shifts.paid\t" $3; print "shifts.bound\t" $7; sub(/%/, "", $9); print "shifts.gap\t" $9 }
	     /^  under / { print "shifts.under\t" $2 }
	     /^  coverage / { print "shifts.required\t" $3 }' "$out/shifts-report.txt"
	awk '/^  variant  / { v = $2; gsub(/[(),%]/, " ")   # variant NAME WORD paid (bound, gap%, time)
		print "groups." v ".paid\t" $4; print "groups." v ".bound\t" $5; print "groups." v ".gap\t" $6 }' \
		"$out/shifts-groups-report.txt"
	awk '/^roster / { print "roster.shifts\t" $(NF - 6); print "roster.filled\t" $(NF - 3); print "roster.unfilled\t" $(NF - 1) }
	     /^total / { print "roster.planned_h\t" $6; print "roster.filled_h\t" $7 }
	     /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] +[A-Z][a-z][a-z] / && NF >= 10 { f = $9; sub(/%/, "", f)
		print "roster.fill." $1 "\t" f; print "roster.filled_h." $1 "\t" $8; b = $10; sub(/%/, "", b)
		print "roster.best." $1 "\t" b; F[++nd] = f + 0 }
	     /^overtime needed:/ { print "roster.overtime_h\t" $(NF - 2) }
	     /^weekly limits: contract/ { h = $0; sub(/.*agents \(/, "", h); sub(/ h\).*/, "", h); print "roster.contract_h\t" h }
	     /^bound on the worst day/ { b = $0; sub(/.*share: /, "", b); sub(/%.*/, "", b); print "roster.bound_worst\t" b }
	     END { for (i = 1; i <= nd; i++) for (j = i + 1; j <= nd; j++) if (F[j] < F[i]) { t = F[i]; F[i] = F[j]; F[j] = t }
		   print "roster.fill.min\t" F[1]; print "roster.fill.min2\t" F[2]; print "roster.fill.max\t" F[nd] }' \
		"$out/roster-report.txt"
} >"$tab"
[ $list = 0 ] || { LC_ALL=C sort "$tab"; exit 0; }

# the Markdown pass: check or rewrite each file
rc=0
for md in "$@"; do
	awk -v tab="$tab" -v out="$out" -v write=$write -v md="$md" -v new="$tab.new" '
	function commas(s,   neg, i, f, r) {
		neg = s ~ /^-/; sub(/^-/, "", s); i = s; f = ""
		if (index(s, ".")) { i = substr(s, 1, index(s, ".") - 1); f = substr(s, index(s, ".")) }
		r = ""; while (length(i) > 3) { r = "," substr(i, length(i) - 2) r; i = substr(i, 1, length(i) - 3) }
		return (neg ? "-" : "") i r f }
	function fmt(v, f,   s) {
		if (f == "raw") return v
		if (f == "n") return commas(sprintf("%.0f", v))
		if (f == "n1") return commas(sprintf("%.1f", v))
		if (f == "n2") return commas(sprintf("%.2f", v))
		if (f == "g") { s = sprintf("%.2f", v); sub(/0+$/, "", s); sub(/\.$/, "", s); return commas(s) }
		return "?" f }
	function norm(s) { gsub(/[0-9][0-9.]* s\)/, "# s)", s); gsub(/[0-9][0-9.]* s$/, "# s", s); return s }
	function bad(msg) { print md ":" FNR ": " msg > "/dev/stderr"; errs++ }
	BEGIN { FS = "\t"; while ((getline l < tab) > 0) { split(l, a, "\t"); V[a[1]] = a[2] } FS = " " }
	# a figrows block: lines of OUTDIR/FILE found by their first N words
	/<!-- figrows [^ ]+ [0-9]+ -->/ {
		match($0, /<!-- figrows [^ ]+ [0-9]+ -->/); split(substr($0, RSTART + 13, RLENGTH - 17), a, " ")
		rf = out "/" a[1]; rn = a[2] + 0; inrows = 1; delete R
		while ((getline l < rf) > 0) { split(l, w, " "); k = ""; for (i = 1; i <= rn; i++) k = k " " w[i]; if (!(k in R)) R[k] = l }
		close(rf); print > new; next }
	/<!-- \/figrows -->/ { inrows = 0; print > new; next }
	inrows && !/^```/ {
		split($0, w, " "); k = ""; for (i = 1; i <= rn; i++) k = k " " w[i]
		if (!(k in R)) { bad("figrows:" k ": no such line in " rf); print > new; next }
		if (norm(R[k]) == norm($0)) { print > new; next }
		if (!write) bad("figrows:" k ": the text says \"" $0 "\", the demo gives \"" R[k] "\"")
		changed++; print (write ? R[k] : $0) > new; next }
	/<!-- fig / {
		line = $0; res = ""
		while (match(line, /<!-- fig [^ ]+ [^ ]+ -->/)) {
			res = res substr(line, 1, RSTART + RLENGTH - 1); head = substr(line, RSTART + 9, RLENGTH - 13)
			line = substr(line, RSTART + RLENGTH)
			split(head, a, " "); name = a[1]; f = a[2]
			e = index(line, "<!-- /fig -->")
			if (!e) { bad(name ": no <!-- /fig --> on the line"); break }
			old = substr(line, 1, e - 1); line = substr(line, e)
			if (!(name in V)) { bad(name ": no such figure in the demo outputs"); res = res old; continue }
			val = fmt(V[name], f)
			if (val != old) { if (!write) bad(name ": the text says " old ", the demo gives " val); changed++ }
			res = res (write ? val : old)
		}
		print res line > new; next }
	{ print > new }
	END { close(new); if (write && changed) printf "%s: %d figures updated\n", md, changed > "/dev/stderr"
	      exit errs ? 1 : (write && changed ? 3 : 0) }' "$md"
	r=$?
	case $r in
	0) ;;
	3) cat "$tab.new" >"$md" ;;   # keep the file (mode, links): rewrite in place
	*) rc=1 ;;
	esac
done
exit $rc
