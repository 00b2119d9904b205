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

# zones as libc takes them (22.15): a path (TZ=:/etc/localtime), POSIX strings
wfm profile "$DATA/history.csv" --tz Europe/Moscow -o "$T/msk.csv" 2>/dev/null
(TZ='<+03>-3' wfm profile "$DATA/history.csv" -o "$T/posix.csv" 2>/dev/null)
ok "TZ='<+03>-3' (POSIX) = Europe/Moscow (UTC+3 since 2014)" cmp -s "$T/msk.csv" "$T/posix.csv"
(TZ=:/usr/share/zoneinfo/Europe/Moscow wfm profile "$DATA/history.csv" -o "$T/path.csv" 2>/dev/null)
ok "TZ=:/usr/share/zoneinfo/Europe/Moscow = Europe/Moscow" cmp -s "$T/msk.csv" "$T/path.csv"
ok "TZ=MSK-3 accepted" env TZ=MSK-3 "$BIN/wfm-profile" "$DATA/history.csv" -o /dev/null
ok "--tz CET-1CEST,M3.5.0,M10.5.0/3 accepted" wfm profile "$FIX/profile/small.csv" \
	--tz CET-1CEST,M3.5.0,M10.5.0/3 -o /dev/null
usage_error "a malformed POSIX zone" 'unknown time zone "EST5EDT,M3"' profile "$DATA/history.csv" --tz EST5EDT,M3
usage_error "a three-letter word is no zone" 'unknown time zone "XYZ"' profile "$DATA/history.csv" --tz XYZ
finish
