# gamma-day.sh - sourced by the CLI tests of the forecast's uncertainty
# (t0408, t0530): one calls channel (Erlang C, AHT 120 s, 80/20), a flat
# 8-hour day of 3,000 calls an hour (100 Erlangs) whose rate is Gamma
# (shape 25, common to the day), and one 8-hour shift type at 09:00.
# The forecast's 80% band of the count is mu -+ z sqrt(mu + mu^2 / 25),
# z the normal 0.9-quantile.
gamma_day() {   # DIR: writes DIR/ch.csv, DIR/fc.csv, DIR/rules.csv
	printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\ncalls,erlang_c,120,0.80,20,0,0,1,0,0\n' >"$1/ch.csv"
	awk 'BEGIN { z = 1.2815515655446004; mu = 3000; sd = sqrt(mu + mu * mu / 25)
		print "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
		for (i = 0; i < 8; i++) printf "2026-11-23T%02d:00,calls,%d,120,%.6f,%.6f\n", 9 + i, mu, mu - z * sd, mu + z * sd }' >"$1/fc.csv"
	printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nday,8,09:00,09:00,60,9,30,all\n' >"$1/rules.csv"
}
