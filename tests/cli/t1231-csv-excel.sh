#!/bin/bash
# t1231-csv-excel.sh - files as Excel saves them in a Russian locale (issue
# 19.7): ';' separators (told from the header: no ',' and a ';'), decimal
# commas, header names in any case with spaces around them.  Each file is
# the bundled data rewritten by awk; the program's output must be the same
# bytes as for the original.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
# four weeks of the bundled history, AHT with a decimal part
awk -F, 'NR == 1 || NR <= 1 + 4 * 7 * 24 * 4 { if (NR > 1) $4 = $4 + 0.5; print }' OFS=, \
	"$DATA/history.csv" >"$T/h.csv"
# the same in Excel's Russian style: ';', "205,5", CRLF, " Timestamp ;Channel;VOLUME;AHT_S"
awk -F, 'NR == 1 { print " Timestamp ;Channel;VOLUME;AHT_S\r"; next }
	{ sub(/\./, ",", $4); print $1 ";" $2 ";" $3 ";" $4 "\r" }' "$T/h.csv" >"$T/ru.csv"
is "the rewritten file has decimal commas" "$(sed -n 2p "$T/ru.csv" | tr -d '\r')" "2024-11-25T00:00;calls;5;205,5"
wfm profile "$T/h.csv" -o "$T/a.csv" 2>/dev/null
wfm profile "$T/ru.csv" -o "$T/b.csv" 2>/dev/null
is "profile of the ';' file: exit" $? 0
ok "profile of the ';' file equals that of the ',' file" cmp -s "$T/a.csv" "$T/b.csv"
wfm forecast "$T/h.csv" --horizon 2d --model snaive -o "$T/fa.csv" 2>/dev/null
wfm forecast "$T/ru.csv" --horizon 2d --model snaive -o "$T/fb.csv" 2>/dev/null
ok "forecast of the ';' file equals that of the ',' file" cmp -s "$T/fa.csv" "$T/fb.csv"
# channels config with ';' and decimal commas (0,80), read by staff
awk -F, 'NR == 1 { print toupper($0) }
	NR > 1 { for (i = 1; i <= NF; i++) sub(/\./, ",", $i); print }' OFS=';' "$DATA/channels.csv" |
	sed '1s/,/;/g' >"$T/ch.csv"
is "channels rewritten" "$(sed -n 2p "$T/ch.csv")" "calls;erlang_a;300;0,80;20;0,88;0,30;1;180;0"
wfm staff "$T/fa.csv" --channels "$DATA/channels.csv" -o "$T/ra.csv" 2>/dev/null
wfm staff "$T/fb.csv" --channels "$T/ch.csv" -o "$T/rb.csv" 2>/dev/null
is "staff with a ';' channels file: exit" $? 0
ok "staff with a ';' channels file equals the ',' one" cmp -s "$T/ra.csv" "$T/rb.csv"
# a ',' file keeps ',' even with ';' in its header; a decimal comma there is refused
printf 'timestamp,channel,volume\n2026-01-05T00:00,calls,"5,5"\n2026-01-05T01:00,calls,1\n' >"$T/c.csv"
wfm profile "$T/c.csv" -o "$T/out" 2>"$T/err"
ok "decimal comma in a ',' file: refused naming the value" grep -q 'c.csv:2: volume: "5,5" is not a number' "$T/err"
finish
