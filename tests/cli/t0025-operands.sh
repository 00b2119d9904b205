#!/bin/bash
# t0025-operands.sh - every program's operands after its options (one
# check, wfm_cli_operands in lib/cli.c): too few or too many is a usage
# error, exit 2, whose first stderr line says what is missing or that there
# are too many - as each program's Usage: line names its operands.
. "$(dirname "$0")/lib.sh"
# usage PROG "ARGS" MESSAGE: exit 2 and "wfm-PROG: MESSAGE" first on stderr
usage() {
	local p=$1 args=$2 want=$3 rc
	# shellcheck disable=SC2086
	wfm "$p" $args </dev/null >/dev/null 2>$T/err; rc=$?
	is "$p [$args] exit" "$rc" 2
	is "$p [$args] message" "$(head -1 $T/err)" "wfm-$p: $want"
}
for p in shifts simulate; do
	usage $p "" "no requirements file given"
	usage $p "a b" "more than one input file"
done
usage staff "" "no forecast file given"
usage staff "a b c" "more than one input file"
usage intraday "" "no forecast file given"
usage intraday "a b" "more than one input file"
usage intraday "--backtest h.csv f.csv" "--backtest takes no forecast file"
usage outbound "" "no campaign file given"
usage outbound "a b" "more than one input file"
usage forecast "" "no history file given"
usage forecast "a b" "more than one input file"
usage profile "" "no history file given"
usage profile "a b" "more than one input file"
for args in "" "a" "a b c"; do
	usage roster "$args" "expected PLAN.csv and STAFF.csv"
	usage localize "$args" "give ROSTER.csv and STAFF.csv"
done
for args in "" "a b" "a b c d"; do
	usage functions "$args" "expected ROSTER.csv REQUIREMENTS.csv STAFF.csv"
done
usage chart "" "no chart kind given"
usage chart "coverage" "no input file given"
usage chart "coverage a b" "too many arguments"
usage capacity "" "no volumes file given"
# the right count goes on to the inputs: a missing file is exit 1
wfm roster "$T/none.csv" "$T/none2.csv" 2>$T/err >/dev/null
is "roster two operands read" "$?" 1
finish
