#!/bin/bash
# t0023-completion.sh - docs/completion/wfm.bash agrees with the option
# tables (issue 20.3): for every program on the table (it answers the hidden
# --list-options), completing "--" offers each option, completing after an
# option with words offers exactly those words, and --help's Options: block
# names the same options as the table (one entry drives both; only lines
# that start an option count, not wrapped text); a first operand with words
# (wfm chart KIND) completes to them.
. "$(dirname "$0")/lib.sh"
PATH=$BIN:$PATH
# shellcheck disable=SC1091
. "$ROOT/docs/completion/wfm.bash"
complete_words() {   # PROG WORDS...: the completion of the last word, sorted
	local prog=$1; shift
	COMP_WORDS=("wfm-$prog" "$@"); COMP_CWORD=$#; COMPREPLY=()
	_wfm_direct
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
n=0
for p in $("$BIN/wfm" help 2>/dev/null | awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }'); do
	wfm "$p" --list-options >$T/list 2>/dev/null || continue
	n=$((n + 1))
	opts=$(sed -n 's/^\(--[^=]*\).*/\1/p' $T/list | sort | tr '\n' ' ')
	is "$p: -- completes to every option" "$(complete_words "$p" --)" "$opts"
	help=$(wfm "$p" --help | sed -n '/^Options:/,/^$/p' | grep -oE -- '^  (-[a-zA-Z], )?--[a-z0-9-]+' |
		sed 's/.*--/--/' | sort | tr '\n' ' ')
	is "$p: --help's Options: = the table" "$help" "$opts"
	while read -r opt words; do
		[ -n "$words" ] && [ "$opt" != @1 ] || continue
		want=$(tr ' ' '\n' <<<"$words" | sort | tr '\n' ' ')
		is "$p ${opt%=} <TAB>" "$(complete_words "$p" "${opt%=}" "")" "$want"
	done <$T/list
	words=$(sed -n 's/^@1 //p' $T/list)
	[ -n "$words" ] && is "$p <TAB> (first operand)" "$(complete_words "$p" "")" \
		"$(tr ' ' '\n' <<<"$words" | sort | tr '\n' ' ')"
done
ok "programs on the option table: $n (every one)" test "$n" -ge 12
# the day options, one table entry (WFM_ARG_DAYS), the same four everywhere
for p in roster shifts functions chart; do
	is "$p: --date --week --from --to" "$(wfm $p --list-options | grep -E '^--(date|week|from|to)=$' | tr '\n' ' ')" \
		"--date= --week= --from= --to= "
	is "$p: --week's help" "$(wfm $p --help | grep -c -- '^  --week D  .* the 7 days from D$')" 1
done
# forecast's words are the table's, not the fallback list's
is "wfm forecast --format <TAB>" "$(complete_words forecast --format "")" "csv json "
is "wfm forecast --model a<TAB>" "$(complete_words forecast --model a)" "auto "
is "wfm chart <TAB>: the kinds of lib/chart.c" "$(complete_words chart "")" "capacity coverage forecast functions intraday profile roster staff "
finish
