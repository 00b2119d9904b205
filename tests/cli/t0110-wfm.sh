#!/bin/bash
# t0110-wfm.sh - the dispatcher bin/wfm: help, version, running programs
# beside it or on PATH, exit codes passed through, unknown commands.
. "$(dirname "$0")/lib.sh"
W=$BIN/wfm

$W help >$T/help; is "help exit" $? 0
for c in profile forecast staff simulate shifts roster functions outbound chart; do
	ok "help lists $c" grep -Eq "^  $c +[A-Za-z]" $T/help
done
# as many lines as entries in the commands[] table of bin/wfm.c
is "help: one line per command" "$(sed -n '/^Commands:/,/^$/p' $T/help | grep -c '^  [a-z]')" \
	"$(grep -Ec '^	\{ "[a-z]+", +"' $ROOT/bin/wfm.c)"
$W --help >$T/help2; is "--help exit" $? 0
ok "--help is help" cmp $T/help $T/help2
$W >/dev/null 2>$T/err; is "no command exit" $? 2
ok "no command prints usage to stderr" grep -q '^Usage: wfm <command>' $T/err
is "version" "$($W --version)" "wfm 0.1.0"

# through the dispatcher, programs behave exactly as when run directly
$W profile --help >$T/ph; is "wfm profile --help exit" $? 0
$BIN/wfm-profile --help >$T/ph2
ok "wfm profile --help = wfm-profile --help" cmp $T/ph $T/ph2
$W help profile >$T/ph3; is "wfm help profile exit" $? 0
ok "wfm help profile = wfm-profile --help" cmp $T/ph $T/ph3
is "argv[0] is the program" "$($W profile --version)" "wfm-profile (wfm) 0.1.0"
$W profile $FIX/profile/small.csv --tz UTC >$T/a.csv 2>/dev/null
$BIN/wfm-profile $FIX/profile/small.csv --tz UTC >$T/b.csv 2>/dev/null
ok "same output" cmp $T/a.csv $T/b.csv
printf 'timestamp,channel,volume\n2026-01-01T00:00,c,1\n2026-01-01T01:00,c,x\n' >$T/bad.csv
$W profile $T/bad.csv 2>$T/err >/dev/null; is "exit 1 passed through" $? 1
is "error message" "$(cat $T/err)" "wfm-profile: $T/bad.csv:3: volume: \"x\" is not a number"
$W profile --by year x.csv 2>/dev/null; is "exit 2 passed through" $? 2

$W frobnicate 2>$T/err; is "unknown command exit" $? 2
is "unknown command message" "$(cat $T/err)" "wfm: 'frobnicate' is not a wfm command; see 'wfm help'"
$W help frobnicate 2>/dev/null; is "help unknown exit" $? 2
$W -x 2>/dev/null; is "unknown option exit" $? 2

# a copy of wfm elsewhere finds the programs on PATH, and says so when not
mkdir -p $T/elsewhere && cp $W $T/elsewhere/wfm
is "found on PATH" "$(PATH=$BIN:/usr/bin:/bin $T/elsewhere/wfm profile --version)" "wfm-profile (wfm) 0.1.0"
PATH=/usr/bin:/bin $T/elsewhere/wfm profile --version >/dev/null 2>$T/err
ok "not found: non-zero exit" test $? -ne 0
ok "not found: message" grep -q "^wfm: cannot run 'wfm-profile'" $T/err
finish
