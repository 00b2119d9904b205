# bash completion for wfm and wfm-* programs.
# Subcommands come from `wfm help`; options and their words from each
# program's option table (`wfm-NAME --list-options`, lib/cli.h), or from its
# --help for a program not on the table yet, so completion never disagrees
# with the programs themselves.  tests/cli/t0023-completion.sh checks it.

_wfm_commands() {
	wfm help 2>/dev/null | awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }'
}

_wfm_options() {  # $1 = program name without the wfm- prefix
	local l
	l=$("wfm-$1" --list-options 2>/dev/null) && { printf '%s\n' "$l" | sed -n 's/^\(--[^=]*\).*/\1/p'; return; }
	"wfm-$1" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}

_wfm_words() {  # $1 = program, $2 = option (or @1, the first operand): its table's words
	"wfm-$1" --list-options 2>/dev/null |
		awk -v o="$2" '$1 == o "=" || $1 == o { for (i = 2; i <= NF; i++) print $i }'
}

_wfm_zones() {
	local dir=${TZDIR:-/usr/share/zoneinfo}
	[ -d "$dir" ] || return
	(cd "$dir" && find . -type f ! -name '*.tab' ! -name '*.zi' ! -name 'leap*' \
		! -path './posix/*' ! -path './right/*' | sed 's|^\./||')
}

# Complete the words of `wfm-$1 ...`; $2 = index of the first argument.
_wfm_complete_prog() {
	local prog=$1 first=$2 cur=${COMP_WORDS[COMP_CWORD]} prev=
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
	if [ "$COMP_CWORD" -eq "$first" ] && [[ "$cur" != -* ]]; then
		local w
		w=$(_wfm_words "$prog" @1)
		[ -n "$w" ] && { COMPREPLY=($(compgen -W "$w" -- "$cur")); return; }
	fi
	[ "$prev" = --tz ] && { COMPREPLY=($(compgen -W "$(_wfm_zones)" -- "$cur")); return; }
	if [[ "$prev" == --* ]]; then
		local w
		w=$(_wfm_words "$prog" "$prev")
		[ -n "$w" ] && { COMPREPLY=($(compgen -W "$w" -- "$cur")); return; }
	fi
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "$(_wfm_options "$prog")" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}

_wfm() {
	local cur=${COMP_WORDS[COMP_CWORD]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$(_wfm_commands) help --help --version" -- "$cur"))
	elif [ "${COMP_WORDS[1]}" = help ]; then
		[ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(_wfm_commands)" -- "$cur"))
	else
		_wfm_complete_prog "${COMP_WORDS[1]}" 2
	fi
}

_wfm_direct() {
	_wfm_complete_prog "${COMP_WORDS[0]#wfm-}" 1
}

complete -o filenames -F _wfm wfm
for _wfm_p in profile forecast staff simulate shifts roster functions outbound localize intraday capacity chart; do
	complete -o filenames -F _wfm_direct "wfm-$_wfm_p"
done
unset _wfm_p
