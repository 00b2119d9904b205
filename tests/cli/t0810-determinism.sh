#!/bin/bash
# t0810-determinism.sh - every program run twice on the demo data gives
# identical bytes (CSV, text and charts).  The steps below are the
# tests/demo.sh pipeline; each runs in two fresh directories and every file
# they produce is compared with cmp.  A step is skipped when its program is
# not built or an input made by an earlier step is missing, so programs
# join by one line each.  Line format: "program | arguments" with $D = data/
# and $O = the run's output directory; -o and --coverage name outputs.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
WEEK=2026-11-23 DAY=2026-11-27
STEPS=$(cat <<'EOS'
profile   | $D/history.csv -o $O/profile.csv
profile   | $D/history.csv --report summary --top 5 -o $O/profile-summary.txt
profile   | $D/history.csv --report daily -o $O/daily.csv
profile   | $D/history.csv --report summary --format json -o $O/profile-summary.json
forecast  | $D/history.csv --horizon 14d --model auto --events $D/events.csv --backtest 8w -o $O/forecast.csv
staff     | $O/forecast.csv --channels $D/channels.csv -o $O/requirements.csv
shifts    | $O/requirements.csv --rules $D/rules.csv --week $WEEK --coverage $O/coverage.csv --time-limit 20 -o $O/plan.csv
staff     | $O/forecast.csv --channels $D/channels.csv --evaluate $O/coverage.csv -o $O/evaluation.csv
roster    | $O/plan.csv $D/staff.csv --week $WEEK --availability $D/availability.csv -o $O/roster.csv
functions | $O/roster.csv $O/requirements.csv $D/staff.csv --date $DAY -o $O/functions.csv
functions | $O/roster.csv $O/requirements.csv $D/staff.csv --date $DAY --view -o $O/functions.txt
chart     | profile $O/profile.csv -o $O/profile.png
chart     | forecast $O/forecast.csv --history $D/history.csv --events $D/events.csv -o $O/forecast.png
chart     | coverage $O/coverage.csv -o $O/coverage.png
chart     | staff $O/evaluation.csv -o $O/staff.png
chart     | roster $O/roster.csv --date $DAY -o $O/roster.png
chart     | functions $O/functions.csv -o $O/functions.png
forecast  | $D/history.csv --horizon 364d --aggregate week -o $O/forecast-52w.csv
capacity  | $O/forecast-52w.csv --channels $D/channels.csv --headcount $D/headcount.csv --params $D/capacity-params.csv --profile $O/profile.csv --rules $D/rules.csv --scenario high=1.2 -o $O/capacity.csv
chart     | capacity $O/capacity.csv -o $O/capacity.png
EOS
)

# run_all DIR: every step into DIR; prints "ran N skipped M"
run_all() {
	local O=$1 D=$DATA n=0 skip=0 prog args prev a
	mkdir -p "$O"
	while IFS='|' read -r prog args; do
		prog=${prog// /}
		[ -n "$prog" ] || continue
		eval "set -- $args"
		if [ ! -x "$BIN/wfm-$prog" ]; then skip=$((skip + 1)); continue; fi
		prev="" a=""
		for a in "$@"; do   # an input from an earlier step that is missing?
			case $prev in -o|--coverage) ;; *)
				case $a in "$O"/*) [ -e "$a" ] || { skip=$((skip + 1)); continue 2; } ;; esac ;;
			esac
			prev=$a
		done
		if ! wfm "$prog" "$@" 2>>"$O.stderr" >/dev/null; then
			echo "wfm $prog $args: $(tail -n 1 "$O.stderr")" >> "$O.failed"
		fi
		n=$((n + 1))
	done <<<"$STEPS"
	echo "$n $skip"
}
read -r ran1 skip1 < <(run_all "$T/a")
read -r ran2 skip2 < <(run_all "$T/b")
ok "every step exits 0 (first run)" test ! -s "$T/a.failed"
ok "every step exits 0 (second run)" test ! -s "$T/b.failed"
[ -s "$T/a.failed" ] && cat "$T/a.failed" >&2
is "same steps run both times" "$ran2 $skip2" "$ran1 $skip1"
ok "at least the profile steps ran ($ran1 run, $skip1 skipped)" test "$ran1" -ge 4
for f in "$T"/a/*; do
	ok "$(basename "$f") identical in two runs" cmp -s "$f" "$T/b/$(basename "$f")"
done
is "same files produced" "$(ls "$T/a")" "$(ls "$T/b")"
finish
