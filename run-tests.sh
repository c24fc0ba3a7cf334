#!/usr/bin/env bash
# The test suite, from a fresh clone: restores, builds with the analyzers on, and runs every test project.
# The checklist project runs too, against the in-process fakes of a world where every item holds; the
# self-tests run it again against every other scenario and assert exactly which items fail.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
# Unformatted code fails the run: format it with `dotnet csharpier format .`
dotnet csharpier check .

# Warnings are errors, and the analyzers (the SDK's, xunit's, BannedApiAnalyzers and our RXP rules) are on.
dotnet build RaxxPreflight.sln -c Release --nologo -v q
PREFLIGHT_TARGET=fakes:deployed PREFLIGHT_POLL_INTERVAL=1 dotnet test --solution RaxxPreflight.sln -c Release --no-build "$@"
