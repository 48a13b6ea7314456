#!/usr/bin/env bash
# Runs every suite (unit + component with Vitest, end-to-end with Playwright against the built site)
# and ends with one line "N passed, N failed" that sums them all.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json
status=0

TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json || status=1
# Dates are shown in the scenario's zone, never the machine's: run the display tests once more elsewhere.
TZ=America/Sao_Paulo npx vitest run --project jsdom --passWithNoTests --reporter=default --reporter=json --outputFile=reports/unit-tz.json || status=1

if [ ! -f build/index.html ] || [ "${SKIP_BUILD:-0}" != "1" ]; then
	npx vite build >/dev/null || status=1
fi
node scripts/ensure-chromium.mjs && npx playwright test || status=1

node scripts/summarize-tests.mjs reports/unit.json reports/unit-tz.json reports/e2e.json
exit $status
