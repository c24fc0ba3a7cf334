#!/usr/bin/env bash
# What the database fakes need, on a machine with no Docker engine and no Docker Hub:
#   .ci/docker.sh start   install Debian's docker.io if dockerd is absent, start dockerd if no engine
#                         answers, build the local Postgres image once (reused by its tag), and print the
#                         variables Testcontainers and the checklist need (eval "$(.ci/docker.sh start)")
#   .ci/docker.sh stop    stop the dockerd this script started (callers do so only when the start printed
#                         RAXX_PREFLIGHT_STARTED_DOCKERD=1)
# On a developer machine with Docker and Docker Hub, none of this is needed: the fakes then use the
# official postgres image.
set -euo pipefail

image="${PREFLIGHT_POSTGRES_IMAGE_TAG:-raxx-preflight/postgres:15-bookworm}"
state="${TMPDIR:-/tmp}/raxx-preflight-dockerd"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "docker.sh: $*" >&2; }

# One line per step; the package manager's own output goes to a log that a failure names (and shows the end of).
setup_log="${state}.setup.log"
quietly() {
  if ! "$@" >>"$setup_log" 2>&1; then
    log "failed: $* (the last lines of $setup_log:)"
    tail -n 30 "$setup_log" >&2
    exit 1
  fi
}

apt_install() {
  log "installing Debian's $* (a minute or two, once; log: $setup_log)"
  export DEBIAN_FRONTEND=noninteractive
  quietly apt-get update -qq
  quietly apt-get install -y -qq "$@"
}

mirror() {
  # The machine's configured Debian mirror, in either apt format.
  local uri
  uri=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1 || true)
  [[ -z "$uri" ]] && uri=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

start() {
  local started=""
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  if ! docker info >/dev/null 2>&1; then
    started=1
    log "starting the Docker engine (dockerd; log: $state/dockerd.log)"
    mkdir -p "$state"
    nohup dockerd >"$state/dockerd.log" 2>&1 &
    echo $! >"$state/dockerd.pid"
    for _ in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      sleep 1
    done
    docker info >/dev/null 2>&1 || { log "dockerd did not start; see $state/dockerd.log"; tail -n 20 "$state/dockerd.log" >&2; exit 1; }
  fi

  if ! docker image inspect "$image" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
    local rootfs
    rootfs=$(mktemp -d)
    log "building the Postgres image $image: debootstrap bookworm with postgresql from $(mirror) (3-5 minutes, once; log: $setup_log)"
    quietly debootstrap --variant=minbase --include=postgresql bookworm "$rootfs" "$(mirror)"
    install -m 0755 "$here/postgres-image/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
    rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
    # The package's own cluster is not used: the entrypoint makes one in PGDATA, as the official image does.
    rm -rf "$rootfs/var/lib/postgresql/"* "$rootfs/etc/postgresql/"*
    local bin
    bin=$(ls -d "$rootfs"/usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    tar -C "$rootfs" -c . | docker import \
      -c "ENV PATH=${bin#"$rootfs"}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      -c "ENV PGDATA=/var/lib/postgresql/data" \
      -c 'EXPOSE 5432' \
      -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
      - "$image" >>"$setup_log" 2>&1 || { log "docker import failed (log: $setup_log)"; tail -n 30 "$setup_log" >&2; exit 1; }
    rm -rf "$rootfs"
  fi

  # Debian's engine speaks API 1.41, older than Testcontainers 4 asks for; Ryuk's image cannot be pulled.
  # Published ports are reached on loopback: nothing goes to the bridge network's address.
  echo "export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 PREFLIGHT_POSTGRES_IMAGE=$image"
  # Callers stop the engine afterwards only when this call started it.
  [[ -n "$started" ]] && echo "export RAXX_PREFLIGHT_STARTED_DOCKERD=1"
  return 0
}

stop() {
  if [[ -f "$state/dockerd.pid" ]]; then
    local pid
    pid=$(cat "$state/dockerd.pid")
    log "stopping dockerd ($pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$state/dockerd.pid"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: .ci/docker.sh start|stop" >&2; exit 2 ;;
esac
