#!/bin/bash
# t0404-staff-quantile.sh - wfm staff --quantile: each interval sized for a
# quantile of its arrival rate, from the forecast's 80% band.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
z=1.2815515655446004   # normal quantile of 0.9: the 80% band's half-width in sd
# Poisson bands (mu -+ z sqrt(mu)): the rate is certain, nothing added
awk -F, -v z=$z 'BEGIN{OFS=","} NR==1{print; next} {s=sqrt($3); printf "%s,%s,%s,%s,%.10f,%.10f\n",$1,$2,$3,$4,$3-z*s,$3+z*s}' \
	$F/forecast.csv > $T/fc-poisson.csv
wfm staff $T/fc-poisson.csv --channels $F/channels.csv --tz UTC --quantile 0.9 -o $T/rq.csv
is "header" "$(head -1 $T/rq.csv)" \
	"timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy,abandon,volume_q,agents_point,agents_gross_point"
ok "Poisson band: agents = point agents" awk -F, 'NR>1 && ($5!=$12 || $6!=$13 || $3!=$11) {exit 1}' $T/rq.csv
# Poisson-exponential bands (variance mu + mu^2): the rate's 0.8-quantile
# is -mu ln 0.2 (closed form)
awk -F, -v z=$z 'BEGIN{OFS=","} NR==1{print; next} {s=sqrt($3+$3*$3); printf "%s,%s,%s,%s,%.10f,%.10f\n",$1,$2,$3,$4,$3-z*s,$3+z*s}' \
	$F/forecast.csv > $T/fc-exp.csv
wfm staff $T/fc-exp.csv --channels $F/channels.csv --tz UTC --quantile 0.8 -o $T/rq2.csv
ok "volume_q = -mu ln(1 - q)" awk -F, 'NR>1 { w = -$3 * log(0.2); d = $11 - w; if (d < -0.006 || d > 0.006) exit 1 }' $T/rq2.csv
# and the agents are the point sizing of that volume (an independent run)
awk -F, 'BEGIN{OFS=","} NR==1{print; next} {$3 = sprintf("%.6f", -$3 * log(0.2)); print}' \
	$F/forecast.csv > $T/fc-q.csv
wfm staff $T/fc-q.csv --channels $F/channels.csv --tz UTC -o $T/rq3.csv
is "agents as staffing the quantile volume" "$(cut -d, -f5,6 $T/rq2.csv)" "$(cut -d, -f5,6 $T/rq3.csv)"
ok "point agents kept beside" awk -F, 'NR==FNR{if(FNR>1)p[FNR]=$5; next} FNR>1 && $12!=p[FNR] {exit 1}' \
	<(wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC) $T/rq2.csv
ok "without --quantile nothing changes" cmp <(wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC) \
	<(wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC --band-level 90)
# the band is read with the series in one pass: standard input works too
ok "--quantile from standard input as from the file" cmp \
	<(wfm staff - --channels $F/channels.csv --tz UTC --quantile 0.8 < $T/fc-exp.csv) $T/rq2.csv
printf 'timestamp,channel,volume,aht_s,volume_lo,volume_hi\n2026-11-23T09:00,calls,100,180,90,110\n2026-11-23T10:00,calls,100,180,120,110\n' > $T/bad.csv
# the forecast reader's wording (lib/series.c, as wfm chart and the other readers say it)
fails_cleanly "lo above hi" "bad.csv:3: volume_lo: volume_lo 120 is above volume_hi 110" staff $T/bad.csv \
	--channels $F/channels.csv --tz UTC --quantile 0.8
printf 'timestamp,channel,volume,aht_s\n2026-11-23T09:00,calls,100,180\n2026-11-23T10:00,calls,100,180\n' > $T/noband.csv
fails_cleanly "no band columns" "noband.csv:1: volume_lo: missing column" staff $T/noband.csv \
	--channels $F/channels.csv --tz UTC --quantile 0.8
finish
