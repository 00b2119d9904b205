#!/bin/bash
# t1230-outputs-together.sh - what a run does to the files it names (issue 22):
#  - an output naming an input (or another output) is refused, exit 2, by
#    device and inode: the input is left byte-identical (22.4);
#  - a run's outputs are committed together: when one cannot be written no
#    side output appears, and the message names the file and the reason (22.10);
#  - the outputs of one run carry the same modification time to the
#    nanosecond, the documented mark of a set written together (22.11);
#  - replacing a file keeps its permission bits (22.12).
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
F=$FIX/functions
REQ=$FIX/shifts/requirements.csv
export TZ=UTC
refused() {   # DESC FILE-THAT-MUST-SURVIVE CMD...
	local d=$1 f=$2 sum rc
	shift 2
	sum=$(cksum <"$f")
	"$@" >/dev/null 2>"$T/err"; rc=$?
	is "$d: exit" "$rc" 2
	ok "$d: message" grep -Eq "refusing to overwrite an input|are the same file" "$T/err"
	is "$d: input untouched" "$(cksum <"$f")" "$sum"
}

# 1. -o naming an input, by other names too (./, a hard link)
cp "$DATA/history.csv" "$T/h.csv"
ln "$T/h.csv" "$T/hlink.csv"
refused "profile -o its input" "$T/h.csv" wfm profile "$T/h.csv" -o "$T/h.csv"
refused "profile -o a hard link to its input" "$T/h.csv" wfm profile "$T/h.csv" -o "$T/hlink.csv"
refused "profile -o ./input" "$T/h.csv" wfm profile "$T/h.csv" -o "$T/./h.csv"
refused "forecast -o its input" "$T/h.csv" wfm forecast "$T/h.csv" --horizon 1d -o "$T/h.csv"
cp "$DATA/channels.csv" "$T/ch.csv"
refused "staff -o its channels file" "$T/ch.csv" wfm staff "$T/h.csv" --channels "$T/ch.csv" -o "$T/ch.csv"
cp "$DATA/staff.csv" "$T/st.csv"
refused "roster -o its staff file" "$T/st.csv" wfm roster $R/plan-day.csv "$T/st.csv" --date 2026-11-23 -o "$T/st.csv"
refused "functions -o its staff file" "$T/st.csv" wfm functions $F/roster.csv $F/req.csv "$T/st.csv" --date 2026-11-23 -o "$T/st.csv"
refused "localize -o its roster" "$T/st.csv" wfm localize "$T/st.csv" "$DATA/staff.csv" -o "$T/st.csv"
# two outputs naming one file that does not exist yet
wfm shifts "$REQ" --rules "$DATA/rules.csv" --date 2026-11-23 -o "$T/x.csv" --coverage "$T/x.csv" 2>"$T/err" >/dev/null
is "shifts -o X --coverage X: exit" $? 2
ok "shifts -o X --coverage X: message" grep -q "are the same file" "$T/err"
is "shifts -o X --coverage X: nothing written" "$(ls "$T" | grep -c '^x.csv$')" 0
ok "a different output is fine" wfm profile "$T/h.csv" -o "$T/p.csv"
ok "/dev/null as output twice is fine" wfm profile "$T/h.csv" -o /dev/null

# 2. a failed main output: no side output, and the message names the file
if [ -w /dev/full ]; then
	for prog in roster shifts functions; do
		rm -f "$T/side.csv"
		case $prog in
		roster) wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --coverage "$T/side.csv" -o /dev/full ;;
		shifts) wfm shifts "$REQ" --rules "$DATA/rules.csv" --date 2026-11-23 --time-limit 2 --coverage "$T/side.csv" -o /dev/full ;;
		functions) wfm functions $F/roster.csv $F/req.csv $F/staff.csv --date 2026-11-23 --shortfall "$T/side.csv" -o /dev/full ;;
		esac >/dev/null 2>"$T/err"
		is "$prog -o /dev/full: exit" $? 1
		ok "$prog -o /dev/full: names the file and the reason" \
			grep -q "^wfm-$prog: /dev/full: cannot write: No space left on device$" "$T/err"
		is "$prog -o /dev/full: no side output" "$(ls "$T" | grep -c '^side.csv$')" 0
		is "$prog -o /dev/full: no temporary file" "$(ls -A "$T" | grep -c '^\.side')" 0
	done
else
	echo "skip: /dev/full not writable" >&2
fi

# 3. one run's outputs carry one modification time (the plan is renamed
#    last, so after a crash between renames it is the older one)
wfm shifts "$REQ" --rules "$DATA/rules.csv" --date 2026-11-23 --time-limit 2 \
	--coverage "$T/cov.csv" -o "$T/plan.csv" 2>/dev/null
is "shifts: plan and coverage written" "$([ -s "$T/plan.csv" ] && [ -s "$T/cov.csv" ] && echo yes)" yes
is "shifts: plan and coverage have the same mtime" "$(stat -c %y "$T/plan.csv")" "$(stat -c %y "$T/cov.csv")"
wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --coverage "$T/rc.csv" -o "$T/r.csv" 2>/dev/null
is "roster: roster and coverage have the same mtime" "$(stat -c %y "$T/r.csv")" "$(stat -c %y "$T/rc.csv")"

# 4. replacing keeps the mode; a new file gets 0666 & ~umask
cp "$R/plan-day.csv" "$T/keep.csv"
chmod 600 "$T/keep.csv"
wfm profile "$T/h.csv" -o "$T/keep.csv"
is "replaced 0600 file stays 0600" "$(stat -c %a "$T/keep.csv")" 600
chmod 640 "$T/keep.csv"
wfm profile "$T/h.csv" -o "$T/keep.csv"
is "replaced 0640 file stays 0640" "$(stat -c %a "$T/keep.csv")" 640
(umask 022; wfm profile "$T/h.csv" -o "$T/new.csv")
is "new file is 0644 under umask 022" "$(stat -c %a "$T/new.csv")" 644

# 5. a very long output name: the temporary name still fits NAME_MAX
long=$(printf 'p%.0s' $(seq 1 250)).csv
ok "a 254-byte file name can be written" wfm profile "$T/h.csv" -o "$T/$long"
finish
