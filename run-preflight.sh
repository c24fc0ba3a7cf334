#!/usr/bin/env bash
# Runs one phase of the raxx-queue deploy checklist and prints the verdict.
#   ./run-preflight.sh pre-deploy --fakes blocked     # against the in-process fakes
#   PREFLIGHT_TARGET=live HEROKU_API_KEY=... GITHUB_TOKEN=... ./run-preflight.sh pre-deploy
# Builds first when the sources changed since the last build. Exits 0 only when every item passed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
configuration=Release
runner="$root/checks/RaxxPreflight.Runner/bin/$configuration/net10.0/RaxxPreflight.Runner.dll"
checks="$root/checks/RaxxPreflight.Checks/bin/$configuration/net10.0/RaxxPreflight.Checks.dll"

for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    if [[ -f "$runner" ]]; then exec dotnet "$runner" --help; fi
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

stale() {
  [[ ! -f "$runner" || ! -f "$checks" ]] && return 0
  [[ -n "$(find "$root/checks" "$root/fakes" "$root/.config" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
      -newer "$checks" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]]
}

if stale; then
  echo "run-preflight: building the checklist ($configuration)..." >&2
  if ! build_log="$(dotnet build "$root/checks/RaxxPreflight.Runner/RaxxPreflight.Runner.csproj" -c "$configuration" --nologo -v q 2>&1)"; then
    echo "$build_log" >&2
    echo "run-preflight: the build failed; see above" >&2
    exit 2
  fi
fi

exec dotnet "$runner" "$@" --checks "$checks"
