#!/bin/bash
# t0302-forecast-whatif.sh - what-if and input options of wfm-forecast,
# each checked against the same forecast without it (awk sums): a
# first-time event's uplift moves its date by that factor and nothing
# else; an event with neither history nor uplift is named; a closed date
# is 0; overrides (day factor, day volume, interval factor) and --scale;
# --aggregate month equals the interval sums per month; --missing zero on
# a history with its zero rows dropped gives the forecast of the full
# history; a holiday of zeros in the history is not copied forward; MASE
# that cannot be scaled prints "-" with a note.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
# the last 12 weeks of the bundled history (ends Sun 2026-11-22)
H=$T/h.csv
head -n 1 "$DATA/history.csv" >"$H"
tail -n $((12 * 7 * 24 * 4)) "$DATA/history.csv" >>"$H"
EV=$T/ev.csv
echo "date,name,effect_days_before,effect_days_after,closed,uplift" >"$EV"
day() { awk -F, -v d="$2" -v c="${3:-}" 'substr($1, 1, 10) == d && (c == "" || $2 == c) { s += $3 } END { printf "%.4f", s }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
for m in regression auto; do
	wfm forecast "$H" --horizon 14d --model $m -q -o "$T/base-$m.csv"
	cp "$EV" "$T/ev-up.csv"
	echo "2026-12-02,Launch,0,0,,1.5" >>"$T/ev-up.csv"
	wfm forecast "$H" --horizon 14d --model $m --events "$T/ev-up.csv" -o "$T/up-$m.csv" 2>"$T/err"
	is "$m: uplift 1.5 on a first-time event" \
		"$(ratio "$(day "$T/up-$m.csv" 2026-12-02)" "$(day "$T/base-$m.csv" 2026-12-02)")" 1.5000
	is "$m: the day after unchanged" \
		"$(ratio "$(day "$T/up-$m.csv" 2026-12-03)" "$(day "$T/base-$m.csv" 2026-12-03)")" 1.0000
	is "$m: no warning with an uplift" "$(wc -l <"$T/err")" 0
done
cp "$EV" "$T/ev-new.csv"
echo "2026-12-02,Launch,0,0,," >>"$T/ev-new.csv"
wfm forecast "$H" --horizon 14d --model regression --events "$T/ev-new.csv" -o "$T/new.csv" 2>"$T/err"
ok "an event with neither history nor uplift is named" grep -q 'event "Launch" on 2026-12-02 has no history and no uplift' "$T/err"
ok "and the forecast is unchanged" cmp "$T/new.csv" "$T/base-regression.csv"
cp "$EV" "$T/ev-closed.csv"
echo "2026-11-25,Strike,0,0,1," >>"$T/ev-closed.csv"
wfm forecast "$H" --horizon 14d --model regression --events "$T/ev-closed.csv" -q -o "$T/closed.csv"
is "closed date: 0 with 0 bounds" "$(awk -F, 'substr($1,1,10)=="2026-11-25" && ($3!=0 || $5!=0 || $6!=0)' "$T/closed.csv" | wc -l)" 0
is "closed date: other days unchanged" "$(day "$T/closed.csv" 2026-11-26)" "$(day "$T/base-regression.csv" 2026-11-26)"
# overrides: a day factor, a day volume, an interval factor; --scale first
B=$T/base-regression.csv
printf 'date,channel,factor\n2026-11-27,calls,1.3\n2027-03-01,chat,2\n' >"$T/o1.csv"
printf 'date,channel,volume\n2026-11-28,chat,5000\n' >"$T/o2.csv"
printf 'timestamp,channel,factor\n2026-11-24T10:00,letters,0.5\n' >"$T/o3.csv"
wfm forecast "$H" --horizon 14d --model regression --overrides "$T/o1.csv" -o "$T/ov1.csv" 2>"$T/err"
is "override: day factor" "$(ratio "$(day "$T/ov1.csv" 2026-11-27 calls)" "$(day "$B" 2026-11-27 calls)")" 1.3000
is "override: other channels that day unchanged" "$(day "$T/ov1.csv" 2026-11-27 chat)" "$(day "$B" 2026-11-27 chat)"
ok "override: reported" grep -q "^override $T/o1.csv:2: calls 2026-11-27 x1.3: " "$T/err"
ok "override: outside the horizon warned" grep -q "o1.csv:3: chat 2027-03-01 is not in the forecast" "$T/err"
wfm forecast "$H" --horizon 14d --model regression --overrides "$T/o2.csv" -q -o "$T/ov2.csv"
near "override: day volume" "$(day "$T/ov2.csv" 2026-11-28 chat)" 5000 0.5
wfm forecast "$H" --horizon 14d --model regression --overrides "$T/o3.csv" -q -o "$T/ov3.csv"
got=$(awk -F, '$1=="2026-11-24T10:00" && $2=="letters"{print $3}' "$T/ov3.csv")
want=$(awk -F, '$1=="2026-11-24T10:00" && $2=="letters"{printf "%.2f", $3 / 2}' "$B")
near "override: one interval" "$got" "$want" 0.006
is "override: the next interval unchanged" "$(grep '^2026-11-24T11:00,letters' "$T/ov3.csv")" "$(grep '^2026-11-24T11:00,letters' "$B")"
wfm forecast "$H" --horizon 14d --model regression --scale 1.3 -q -o "$T/s.csv"
is "--scale 1.3: every volume and bound x1.3" "$(paste -d, "$B" "$T/s.csv" | awk -F, 'NR > 1 { for (j = 3; j <= 6; j++) if (j != 4) { d = $(j + 6) - 1.3 * $j; if (d < -0.012 || d > 0.012) bad++ } } END { print bad + 0 }')" 0
# --aggregate month: 60 days from 2026-11-23 = Nov (8 days), Dec, Jan (21 days)
wfm forecast "$H" --horizon 60d --model regression -q -o "$T/i60.csv"
wfm forecast "$H" --horizon 60d --model regression --aggregate month -q -o "$T/m60.csv"
is "month rows: 3 months x 4 channels" "$(($(wc -l <"$T/m60.csv") - 1))" 12
is "month dates" "$(cut -d, -f1 "$T/m60.csv" | sort -u | tr '\n' ' ')" "2026-11-01 2026-12-01 2027-01-01 date "
want=$(awk -F, 'NR > 1 && $2 == "chat" && substr($1, 1, 7) == "2026-12" { s += $3 } END { printf "%.0f", s }' "$T/i60.csv")
near "December chat = sum of its intervals" "$(awk -F, '$1=="2026-12-01" && $2=="chat"{print $3}' "$T/m60.csv")" "$want" 1
# --missing zero: the history without its zero rows reads as the full one
awk -F, 'NR == 1 || $3 != 0' "$H" >"$T/nz.csv"
ok "zero rows were dropped" test "$(wc -l <"$T/nz.csv")" -lt "$(wc -l <"$H")"
wfm forecast "$T/nz.csv" --horizon 7d --model regression --missing zero -o "$T/nz-f.csv" 2>"$T/err"
ok "--missing zero reported" grep -q 'missing intervals (first .*), read as 0 (--missing zero)' "$T/err"
wfm forecast "$H" --horizon 7d --model regression -q -o "$T/full-f.csv"
ok "--missing zero = the full history" cmp "$T/nz-f.csv" "$T/full-f.csv"
# a holiday of zeros (Tuesday 2026-11-17) is not copied into next Tuesday
awk -F, -v OFS=, 'substr($1, 1, 10) == "2026-11-17" { $3 = 0 } { print }' "$H" >"$T/hol.csv"
wfm forecast "$T/hol.csv" --horizon 7d --model snaive --backtest 4w -o "$T/hol-f.csv" 2>"$T/err"
ok "zero day counted in the report" grep -q '^calls: 1 zero days (closed or holiday) not fitted or scored' "$T/err"
is "next Tuesday = the Tuesday before the holiday" "$(day "$T/hol-f.csv" 2026-11-24 calls)" "$(day "$H" 2026-11-10 calls)"
# MASE: identical weeks give a seasonal-naive scale of 0
awk 'function ds(d,  m, dd) { m = d < 26 ? 1 : 2; dd = d < 26 ? 6 + d : d - 25; return sprintf("2025-%02d-%02d", m, dd) }
BEGIN { print "timestamp,channel,volume"; for (d = 0; d < 35; d++) for (h = 0; h < 24; h++)
	printf "%sT%02d:00,flat,%d\n", ds(d), h, (h >= 8 && h < 20) ? 10 + h : 0 }' >"$T/flat.csv"
out=$(wfm forecast "$T/flat.csv" --backtest 2w --model snaive --tz UTC)
ok "MASE printed as -" grep -qE '^flat +snaive +0\.00 +- ' <<<"$out"
ok "and explained" grep -q '^MASE -: ' <<<"$out"
finish
