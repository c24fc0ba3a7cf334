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

# Warnings are errors, and the analyzers (the SDK's, xunit's, BannedApiAnalyzers and our RXP rules) are on.
dotnet build RaxxPreflight.sln -c Release --nologo -v q
PREFLIGHT_TARGET=fakes:deployed PREFLIGHT_POLL_INTERVAL=1 dotnet test --solution RaxxPreflight.sln -c Release --no-build "$@"
