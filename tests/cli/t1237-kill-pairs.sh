#!/bin/bash
# t1237-kill-pairs.sh - issue 22.11: kill -9 at random moments of
# `wfm shifts -o plan --coverage cov` and `wfm roster -o roster --coverage
# cov`, many times, and check every pair of files left behind against the
# documented order (lib/atomic_write.h, docs/reliability.md): the outputs
# of one run get the same modification time to the nanosecond, and the
# side output is renamed before the main one.  So for every surviving pair:
#   - equal times  => the pair is consistent: the coverage's scheduled
#     column, recounted independently (awk) from the plan or roster beside
#     it, matches row by row;
#   - unequal times => the main output is the older one.
# Two inputs alternate so that a torn pair would be inconsistent.  An
# LD_PRELOAD shim (tests/cli/slowrename.c) makes every rename() wait 25 ms,
# so kills land between the renames too.  Runs cycle through three modes:
# killed at a random moment of the run, killed just after the side output
# was replaced (so that torn pairs are made, and the test requires some),
# and not killed (a complete pair; it also times the run for the next
# random moment).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
CC=${CC:-cc}
$CC -std=c11 -Wall -Wextra -Werror -shared -fPIC -o $T/slow.so "$ROOT/tests/cli/slowrename.c" -ldl ||
	{ echo "t1237: cannot build the shim" >&2; exit 1; }
# ASan (make check ASAN=1) wants its runtime first among the libraries
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
R=$FIX/shifts/requirements.csv
for c in calls chat; do   # two days' demand of different shape
	{ head -n 1 $R; grep "^2026-11-23T..:..,$c," $R; } >$T/req-$c.csv
done
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,8,00:00,16:00,60,9,30,all\n' >$T/rules.csv
# the reference plans of both inputs (complete runs)
for c in calls chat; do
	wfm shifts $T/req-$c.csv --rules $T/rules.csv -o $T/plan-$c.csv 2>/dev/null
done
ok "the two plans differ" bash -c "! cmp -s $T/plan-calls.csv $T/plan-chat.csv"

# scheduled recounted from a plan (count column) or a roster (one row per
# agent), against the coverage beside it; prints the number of rows that differ
consistent() {   # KIND MAIN COV
	awk -F, -v kind=$1 '
	function mins(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	function ov(a, b, c, d) { a = a > c ? a : c; b = b < d ? b : d; return b > a ? b - a : 0 }
	FNR == 1 { next }
	FILENAME == ARGV[1] {
		s = kind == "plan" ? 3 : 4   # plan: date,shift,start,end,..,count; roster: date,id,name,start,end
		a = mins($s); b = mins($(s + 1)); if (b <= a) b += 1440
		n++; D[n] = $1; A[n] = a; B[n] = b; W[n] = kind == "plan" ? $7 : 1; next }
	{ t = mins(substr($1, 12, 5)); c = 0
	  for (i = 1; i <= n; i++) if (D[i] == substr($1, 1, 10)) c += W[i] * ov(A[i], B[i], t, t + 60) / 60
	  if (sprintf("%.2f", c) != sprintf("%.2f", $3)) bad++; rows++ }
	END { print (rows ? bad + 0 : "empty") }' "$2" "$3"
}
is "independent check: a complete pair" "$(wfm shifts $T/req-calls.csv --rules $T/rules.csv -o $T/p.csv --coverage $T/c.csv 2>/dev/null; consistent plan $T/p.csv $T/c.csv)" 0
is "independent check: a mixed pair" "$(wfm shifts $T/req-chat.csv --rules $T/rules.csv --coverage $T/c.csv -o /dev/null 2>/dev/null; [ "$(consistent plan $T/p.csv $T/c.csv)" = 0 ] || echo told)" told

# run "$@" in the background with the shim and kill -9 it: at a random
# moment (mode 0) or as soon as the side output SIDE has been replaced (1)
mkfifo $T/fifo; exec 9<>$T/fifo   # read -t on it: a sleep without a fork
nap() { read -rt "$1" -u 9 || :; }
ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
dur=100   # ms a whole run takes, measured by mode 2
killrun() {   # MODE SIDE CMD...
	local mode=$1 side=$2 pid t0
	shift 2
	rm -f $T/was; ln "$side" $T/was 2>/dev/null
	t0=$(ms)
	LD_PRELOAD=$T/slow.so WFM_TEST_RENAME_MS=25 "$@" 2>/dev/null &
	pid=$!
	case $mode in
	0)  # a random moment of the run
		nap $(printf '0.%03d' $((RANDOM % (dur * 5 / 4 + 1)))) ;;
	1)  # just after the side output is replaced (builtins only: -ef is same inode)
		while kill -0 $pid 2>/dev/null && { [ ! -e "$side" ] || [ "$side" -ef $T/was ]; }; do
			nap 0.002
		done ;;
	2)  # no kill: a whole run
		wait $pid; dur=$(( $(ms) - t0 )); [ $dur -lt 999 ] || dur=999 ;;
	esac
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
}
# check the pair MAIN SIDE; counts into pairs, torn, bad
check() {   # KIND MAIN SIDE
	local c tm
	[ -e "$2" ] && [ -e "$3" ] || return 0
	pairs=$((pairs + 1))
	c=$(consistent $1 "$2" "$3")
	mapfile -t tm < <(stat -c %y "$2" "$3")
	if [ "${tm[0]}" = "${tm[1]}" ]; then
		[ "$c" = 0 ] || { bad=$((bad + 1)); echo "equal times, $c rows differ" >&2; }
	else
		[ "$c" = 0 ] || torn=$((torn + 1))
		[[ "${tm[0]}" < "${tm[1]}" ]] || { bad=$((bad + 1)); echo "$2 newer than $3" >&2; }
	fi
}
leftovers() { local f; for f in "$@"; do [ -e "$f" ] && rm -f "$f"; done; }
# a run replaced MAIN when its inode changed (the previous one kept in $T/main-was)
replaced() { [ -e "$1" ] && ! [ "$1" -ef $T/main-was ]; }
keep() { rm -f $T/main-was; ln "$1" $T/main-was 2>/dev/null; }
# 15 runs of CMD... writing MAIN and its side output SIDE, each run on the
# input (@SRC@ in CMD: calls or chat) that is not the one behind MAIN on
# disk; then the counts of check
kill_pairs() {   # KIND MAIN SIDE CMD...
	local kind=$1 main=$2 side=$3 last=chat src k
	shift 3
	pairs=0 torn=0 bad=0
	for k in $(seq 1 15); do
		[ $last = calls ] && src=chat || src=calls
		keep "$main"
		killrun $((k % 3)) "$side" "${@//@SRC@/$src}"
		replaced "$main" && last=$src
		check "$kind" "$main" "$side"
		leftovers "${main%/*}"/."${main##*/}".* "${side%/*}"/."${side##*/}".*
	done
	is "$kind: pairs out of the documented order, or equal times and inconsistent" "$bad" 0
	ok "$kind: pairs seen ($pairs)" [ $pairs -ge 10 ]
	ok "$kind: torn pairs made and told apart ($torn)" [ $torn -ge 3 ]
}
# 1. wfm shifts -o plan --coverage cov
kill_pairs plan $T/plan.csv $T/cov.csv "$BIN/wfm-shifts" $T/req-@SRC@.csv --rules $T/rules.csv \
	-o $T/plan.csv --coverage $T/cov.csv
# 2. wfm roster -o roster --coverage cov, alternating the two plans
kill_pairs roster $T/roster.csv $T/rcov.csv "$BIN/wfm-roster" $T/plan-@SRC@.csv $DATA/staff.csv \
	--date 2026-11-23 --coverage $T/rcov.csv -o $T/roster.csv
finish
