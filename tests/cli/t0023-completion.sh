#!/bin/bash
# t0023-completion.sh - docs/completion/wfm.bash agrees with the option
# tables (issue 20.3): for every program on the table (it answers the hidden
# --list-options), completing "--" offers each option, completing after an
# option with words offers exactly those words, and --help's Options: block
# names the same options as the table (one entry drives both); a first
# operand with words (wfm chart KIND) completes to them.
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
ok "programs on the option table: $n (at least forecast)" test "$n" -ge 1
# forecast's words are the table's, not the fallback list's
is "wfm forecast --format <TAB>" "$(complete_words forecast --format "")" "csv json "
is "wfm forecast --model a<TAB>" "$(complete_words forecast --model a)" "auto "
is "wfm chart <TAB>: the kinds of lib/chart.c" "$(complete_words chart "")" "capacity coverage forecast functions intraday profile roster staff "
finish
