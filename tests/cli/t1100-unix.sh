#!/bin/bash
# t1100-unix.sh - wfm as a Unix citizen: man pages lint clean, bash
# completion answers, `make install` into a DESTDIR runs from elsewhere.
. "$(dirname "$0")/lib.sh"

# man pages (built by `make check` through `make man`)
for p in "$BIN"/wfm "$BIN"/wfm-*; do
	page=$BIN/.obj/man/$(basename "$p").1
	ok "man page for $(basename "$p") exists" test -s "$page"
	warn=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
	is "groff -ww on $(basename "$page")" "$warn" ""
	ok "$(basename "$page") has a SYNOPSIS" grep -q '^\.SH SYNOPSIS' "$page"
done
for page in "$ROOT"/docs/man/*.5; do
	[ -f "$page" ] || continue
	warn=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
	is "groff -ww on $(basename "$page")" "$warn" ""
done

# bash completion, driven as bash would drive it
complete_words() {  # words... ; the last word is the one being completed
	PATH=$BIN:$PATH bash -c '
		source "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		cmd=${COMP_WORDS[0]}
		fn=$(complete -p "$cmd" | sed -E "s/.*-F ([^ ]+) .*/\1/")
		$fn; printf "%s\n" "${COMPREPLY[@]}"' _ "$ROOT/docs/completion/wfm.bash" "$@"
}
is "complete 'wfm pro'" "$(complete_words wfm pro)" "profile"
is "complete 'wfm help for'" "$(complete_words wfm help for)" "forecast"
is "complete 'wfm profile --rep'" "$(complete_words wfm profile --rep)" "--report"
is "complete 'wfm profile --by m'" "$(complete_words wfm profile --by m)" "month"
is "complete 'wfm-profile --tz Europe/Mosc'" "$(complete_words wfm-profile --tz Europe/Mosc)" "Europe/Moscow"
is "complete 'wfm chart cov'" "$(complete_words wfm chart cov)" "coverage"
ok "completion registers wfm" bash -c "source '$ROOT/docs/completion/wfm.bash'; complete -p wfm"

# install into a DESTDIR, then run from another directory by absolute path
make -s -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr/local >/dev/null 2>&1
P=$T/root/usr/local
ok "installed wfm" test -x "$P/bin/wfm"
ok "installed man page" test -s "$P/share/man/man1/wfm-profile.1"
ok "installed completion" test -s "$P/share/bash-completion/completions/wfm"
ok "installed example data" test -s "$P/share/wfm/examples/history.csv"
mkdir -p "$T/elsewhere"
(cd "$T/elsewhere" && "$P/bin/wfm" profile "$P/share/wfm/examples/history.csv" \
	--tz Europe/Moscow --report summary -o summary.txt) >/dev/null 2>&1
ok "installed wfm runs from another directory" grep -q '^calls' "$T/elsewhere/summary.txt"
make -s -C "$ROOT" uninstall DESTDIR="$T/root" PREFIX=/usr/local >/dev/null 2>&1
is "uninstall leaves no files" "$(find "$T/root" -type f | wc -l)" "0"
# one option style: -q silences reports, a bad zone or option is a usage error (2)
declare -A need=([profile]="" [forecast]="--horizon 1d" [staff]="--channels $DATA/channels.csv")
for p in profile forecast staff; do
	wfm $p "$DATA/history.csv" ${need[$p]} --tz Mars/Base >/dev/null 2>"$T/err"; rc=$?
	is "wfm-$p --tz Mars/Base exits 2" "$rc" 2
	is "wfm-$p --tz Mars/Base says so in one line" "$(grep -c 'unknown time zone "Mars/Base"' "$T/err")/$(wc -l < "$T/err")" "1/1"
	wfm $p --no-such-option >/dev/null 2>"$T/err"; rc=$?
	is "wfm-$p unknown option exits 2" "$rc" 2
	ok "wfm-$p unknown option is named" grep -q "unknown option '--no-such-option'" "$T/err"
	ok "wfm-$p --help lists --quiet and --verbose" bash -c "'$BIN/wfm-$p' --help | grep -q -- '-q, --quiet' && '$BIN/wfm-$p' --help | grep -q -- '-v, --verbose'"
done
wfm functions - - "$DATA/staff.csv" --date 2026-11-27 </dev/null >/dev/null 2>"$T/err"; rc=$?
is "stdin named twice is a usage error" "$rc/$(grep -c "standard input ('-') is given for 2 inputs" "$T/err")" "2/1"
printf 'timestamp,channel,volume\n2026-01-05T00:00,calls,1\n2026-01-05T01:00,calls,1\n2026-01-05T03:00,calls,2\n' > "$T/gap.csv"
wfm profile "$T/gap.csv" -o "$T/p.csv" 2>"$T/err"
is "a gap warns on stderr" "$(grep -c warning "$T/err")" 1
wfm profile "$T/gap.csv" -q -o "$T/p.csv" 2>"$T/err"
is "-q: no warning" "$(wc -c < "$T/err")" 0
wfm profile "$T/gap.csv" -v -o "$T/p.csv" 2>"$T/err"
ok "-v: run time and peak memory" grep -q 's wall, .* s CPU, peak memory' "$T/err"
finish
