#!/bin/sh
# b0300-forecast.sh - wfm-forecast on the bundled 2-year hourly history
# (4 channels): time of the demo run (auto, 8-week backtest, 14-day
# forecast), peak memory against history length, backtest WAPE per channel
# and model, and the same backtest with R's forecast package (dshw, ets,
# and tbats with WFM_BENCH_TBATS=1) when Rscript and the package exist and
# WFM_BENCH_R=1 (it takes about 20 minutes).
set -eu
H=data/history.csv
TMP=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
run() { t bin/wfm-forecast "$1" --horizon 14d --model auto --events data/events.csv --backtest 8w -o "$TMP/f.csv"; }
best=999 cpu=999
for i in 1 2 3; do
	r=$(run $H); s=${r% *}
	best=$(awk -v a="$best" -v b="$s" 'BEGIN{print (b<a)?b:a}')
	c=$(/usr/bin/time -f '%U %S' bin/wfm-forecast $H --horizon 14d --model auto --events data/events.csv \
		--backtest 8w -o "$TMP/f.csv" 2>&1 >/dev/null | tail -n 1 | awk '{print $1 + $2}')
	cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN{print (b<a)?b:a}')
done
echo "forecast_auto_2y_hourly_4ch: $best s wall, $cpu s CPU (fit + 8 origins x 14-day backtest of 5 models and 2 combinations + 14-day forecast; bar 1 s; wall time counts other jobs' load)"
echo "forecast_peak_rss_2y: ${r#* } KiB"
# memory against history length: the last 1 year
head -n 1 $H >"$TMP/h1y.csv"
tail -n $((364 * 24 * 4)) $H >>"$TMP/h1y.csv"
r1=$(run "$TMP/h1y.csv")
echo "forecast_peak_rss_1y: ${r1#* } KiB ($(echo "${r1% *}") s)"
for m in snaive hw regression slotavg decomp; do
	r=$(t bin/wfm-forecast $H --horizon 14d --model $m --events data/events.csv --backtest 8w -o "$TMP/f.csv")
	echo "forecast_time_$m: ${r% *} s (8-week backtest + 14-day forecast, 4 channels)"
done
bin/wfm-forecast $H --backtest 8w --events data/events.csv |
	awk 'NR > 2 && $3 ~ /^[0-9.]+$/ {printf "wape_%s_%s: %s %%%s\n", $1, $2, $3, ($NF=="chosen") ? " (chosen)" : ""}'
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
	echo "r_forecast: skipped (Rscript or r-cran-forecast not installed)"
	exit 0
fi
if [ "${WFM_BENCH_R:-0}" != 1 ]; then   # dshw takes ~5 min per channel
	echo "r_forecast: skipped (set WFM_BENCH_R=1 to run it: about 20 minutes)"
	exit 0
fi
cat >"$TMP/bt.R" <<'RS'
suppressMessages(library(forecast))
h <- read.csv("data/history.csv")
tbats_on <- Sys.getenv("WFM_BENCH_TBATS") == "1"
for (ch in c("calls", "chat", "letters", "declarations")) {
	y <- h$volume[h$channel == ch]
	n <- length(y); week <- 168; folds <- 8
	start <- n - folds * week
	for (m in c("dshw", "ets", if (tbats_on) "tbats")) {
		ae <- 0; sy <- 0
		t0 <- proc.time()[["elapsed"]]
		for (k in 0:(folds - 1)) {
			o <- start + k * week
			act <- y[(o + 1):(o + week)]
			if (m == "dshw") {
				# dshw is multiplicative and refuses zeros (closed chat hours): fit y + 1
				tr <- msts(y[(o - 12 * week + 1):o] + 1, seasonal.periods = c(24, 168))
				f <- dshw(tr, period1 = 24, period2 = 168, h = week)$mean - 1
			} else if (m == "ets") {
				tr <- ts(y[(o - 4 * week + 1):o], frequency = 24)
				f <- forecast(ets(tr), h = week)$mean
			} else {
				tr <- msts(y[(o - 8 * week + 1):o], seasonal.periods = c(24, 168))
				f <- forecast(tbats(tr, use.parallel = FALSE), h = week)$mean
			}
			f <- pmax(as.numeric(f), 0)
			if (any(!is.finite(f))) f[!is.finite(f)] <- 0
			ae <- ae + sum(abs(act - f)); sy <- sum(sy, act)
		}
		el <- proc.time()[["elapsed"]] - t0
		cat(sprintf("r_wape_%s_%s: %.2f %% (fit+forecast %.2f s for 8 folds)\n", ch, m, 100 * ae / sy, el))
	}
}
RS
Rscript "$TMP/bt.R"
