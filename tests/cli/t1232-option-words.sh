#!/bin/bash
# t1232-option-words.sh - options checked against the inputs (issue 22.9,
# 22.15): a list option's unknown word, and '-' for two inputs, are usage
# errors (exit 2, one message, no output) instead of silently changing the
# result.
. "$(dirname "$0")/lib.sh"
F=$FIX/functions
export TZ=UTC
usage_error() {   # DESC PATTERN PROG ARGS...
	local d=$1 pat=$2 rc
	shift 2
	rm -f "$T/out"
	wfm "$@" -o "$T/out" </dev/null >/dev/null 2>"$T/err"; rc=$?
	is "$d: exit" $rc 2
	ok "$d: message" grep -Eq -- "$pat" "$T/err"
	is "$d: no output" "$([ -e "$T/out" ] && echo written)" ""
}
fn() { echo functions "$F/roster.csv" "$F/req.csv" "$F/staff.csv" --date 2026-11-23; }
usage_error "--realtime with a typo" '--realtime: "call" is not a channel of .*req.csv \(calls, chat, letters, declarations\)' \
	$(fn) --realtime call,chat
usage_error "--realtime nosuch" '--realtime: "nosuch" is not a channel' $(fn) --realtime nosuch
ok "--realtime in another case is the channel" wfm $(fn) --realtime CALLS,Chat -o "$T/a.csv"
wfm $(fn) --realtime calls,chat -o "$T/b.csv" 2>/dev/null
ok "--realtime CALLS,Chat = calls,chat" cmp -s "$T/a.csv" "$T/b.csv"
usage_error "forecast: - for history and --events" "standard input \('-'\) is given for 2 inputs" \
	forecast - --events - --horizon 1d
usage_error "simulate: - for requirements and --channels" "standard input" simulate - --channels -
usage_error "localize: - twice" "standard input" localize - -
usage_error "chart: - and --history -" "standard input" chart forecast - --history -
usage_error "outbound: - and --rates -" "standard input" outbound - --rates - --from 2026-11-23
finish
