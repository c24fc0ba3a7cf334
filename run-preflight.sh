#!/usr/bin/env bash
# Runs one phase of the deploy checklist, for every service the config describes, and prints the verdict.
#   ./run-preflight.sh pre-deploy --fakes blocked     # against the in-process fakes
#   PREFLIGHT_TARGET=live HEROKU_API_KEY=... GITHUB_TOKEN=... ./run-preflight.sh pre-deploy
# Builds first when the sources changed since the last build. Exits 0 only when every item passed.
#   ./run-preflight.sh --build                        # only builds (when stale) and prints the app's path
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Published ReadyToRun (precompiled: most of a run's CPU was the JIT's): the checklist app, which hosts the runner
# (`RaxxPreflight.Checks run ...`: the live view, the verdict, the reports) and runs the items in its own process.
out="$root/artifacts/preflight"
checks="$out/checks/RaxxPreflight.Checks.dll"
stamp="$out/.built"

for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    if [[ -f "$checks" ]]; then exec dotnet "$checks" run --help; fi
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The sources the app is built from, and their hash: the build is fresh when the stamp holds the hash of the sources it
# was built from. A file newer than the stamp makes the hash worth computing; a build restored from a CI cache (older
# file times, the same sources) is then fresh too.
sources() {
  find "$root/checks" "$root/fakes" "$root/.config" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
    \( -name bin -o -name obj \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.txt' \) -print
}
sources_hash() { sources | LC_ALL=C sort | xargs -d '\n' sha256sum | sed "s|  $root/|  |" | sha256sum | cut -d' ' -f1; }

stale() {
  [[ ! -f "$checks" || ! -f "$stamp" ]] && return 0
  [[ -z "$(find "$root/checks" "$root/fakes" "$root/.config" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
      \( -name bin -o -name obj \) -prune -o -newer "$stamp" -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.txt' \) -print -quit)" ]] && return 1
  if [[ "$(cat "$stamp")" == "$(sources_hash)" ]]; then
    touch "$stamp"
    return 1
  fi
  return 0
}

# Publishes the checklist app for this machine, ReadyToRun; where the ReadyToRun compiler cannot be had, as plain IL
# (slower to start, the same verdicts).
publish() {
  local rid ready_to_run=true log
  rid="$(dotnet --info 2>/dev/null | awk '/^ *RID:/ { print $2; exit }')"
  [[ -z "$rid" ]] && ready_to_run=false
  for attempt in "$ready_to_run" false; do
    rm -rf "$out"
    if log="$( {
      dotnet publish "$root/checks/RaxxPreflight.Checks/RaxxPreflight.Checks.csproj" -c Release --nologo -v q -o "$out/checks" \
        ${rid:+-r "$rid"} --self-contained false -p:PublishReadyToRun="$attempt"
    } 2>&1)"; then
      [[ "$attempt" == false && "$ready_to_run" == true ]] &&
        echo "run-preflight: ReadyToRun was not available here; the checklist runs as IL (slower to start)" >&2
      sources_hash >"$stamp"
      return 0
    fi
    [[ "$attempt" == false ]] && break
  done
  echo "$log" >&2
  return 1
}

if stale; then
  echo "run-preflight: building the checklist (Release, ReadyToRun; about 2 minutes the first time)..." >&2
  if ! publish; then
    echo "run-preflight: the build failed; see above" >&2
    exit 2
  fi
fi

# --build: the checklist app as the runs below use it (the self-tests run this one too, through run-tests.sh).
if [[ "${1:-}" == "--build" ]]; then
  if [[ $# -ne 1 ]]; then
    echo "run-preflight: --build takes nothing else" >&2
    exit 2
  fi
  echo "$checks"
  exit 0
fi

# The fleet-* worlds serve Raxx's four services: unless PREFLIGHT_CONFIG names a config, they are checked with the
# fleet's (.config/fleet.json), since the default one (.config/preflight.json) describes raxx-queue alone.
previous=""
for arg in "$@"; do
  scenario=""
  [[ "$previous" == "--fakes" ]] && scenario="$arg"
  [[ "$arg" == --fakes=* ]] && scenario="${arg#--fakes=}"
  if [[ "$scenario" == fleet-* && -z "${PREFLIGHT_CONFIG:-}" ]]; then
    export PREFLIGHT_CONFIG="$root/.config/fleet.json"
    echo "run-preflight: $scenario serves Raxx's four services: checked with .config/fleet.json (PREFLIGHT_CONFIG names another)" >&2
  fi
  previous="$arg"
done

# The fakes' databases are real Postgres servers. With --fakes, when a selected item reads a database and
# no server or image is named, use an engine recent enough for Testcontainers (and the official image); else
# set one up (.ci/docker.sh: Debian's engine and a locally built image, for machines without Docker Hub).
# Items that read no database (--check stripe-keys-live) need none: the runner says which (--needs-database;
# a usage mistake says neither, and the run below prints it).
# The verbs that check nothing need no engine: the items (list), the services (services [--json]), and what the
# checklist finds for each service (describe [--fakes SCENARIO]: it reads no database).
if [[ "${1:-}" == "list" || "${1:-}" == "services" || "${1:-}" == "describe" ]]; then
  exec dotnet "$checks" run "$@"
fi

engine_api() { docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true; }
# Whether this script started the engine (and so stops it): its own, never one a caller exported (run-tests.sh
# exports RAXX_PREFLIGHT_STARTED_DOCKERD for the engine it started, and the benchmark and tests call this script).
started_engine=""
needs_database() { [[ "$(dotnet "$checks" run "$@" --needs-database 2>/dev/null)" == "yes" ]]; }
for arg in "$@"; do
  if [[ "$arg" == "--fakes" && -z "${PREFLIGHT_FAKES_POSTGRES:-}" && -z "${PREFLIGHT_POSTGRES_IMAGE:-}" ]] && needs_database "$@"; then
    api="$(engine_api)"
    if [[ -z "$api" ]] || [[ "$(printf '%s\n1.44\n' "$api" | sort -V | head -n 1)" != "1.44" ]]; then
      echo "run-preflight: setting up a Docker engine and a Postgres image for the database fakes (.ci/docker.sh)" >&2
      unset RAXX_PREFLIGHT_STARTED_DOCKERD
      eval "$("$root/.ci/docker.sh" start)"
      started_engine="${RAXX_PREFLIGHT_STARTED_DOCKERD:-}"
      unset RAXX_PREFLIGHT_STARTED_DOCKERD
    fi
  fi
done

# Without an engine of ours to stop afterwards, the checklist takes this process's place: Ctrl+C and SIGTERM reach it
# directly. Otherwise it runs as a child, and a Ctrl+C or SIGTERM of this script is passed on to it as SIGTERM (a
# background child of a script ignores SIGINT): it reports what had not finished as not checked, writes its reports
# and exits; then the engine is stopped.
if [[ -z "$started_engine" ]]; then
  exec dotnet "$checks" run "$@"
fi

trap '"$root/.ci/docker.sh" stop' EXIT
dotnet "$checks" run "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
code=0
while true; do
  wait "$child" && code=0 || code=$?
  kill -0 "$child" 2>/dev/null || break
done
exit "$code"
