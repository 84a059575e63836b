#!/usr/bin/env bash
# Builds the Meshglass image with docker (BuildKit) or podman, whichever can
# build here, from the repository root as context.
#   deploy/container/build.sh [IMAGE]      (default meshglass:<package.json version>)
# Environment: BUILDER=docker|podman to choose, PUSH=1 to push after the build,
# NODE_IMAGE to build on another Node 20 base (a mirror, a pinned digest).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(node -p "require('$root/package.json').version" 2>/dev/null || echo latest)"
image="${1:-meshglass:$version}"

usable() {
  case "$1" in
    docker) command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 ;;
    podman) command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

builder="${BUILDER:-}"
if [ -z "$builder" ]; then
  for b in docker podman; do
    if usable "$b"; then builder="$b"; break; fi
  done
fi
if [ -z "$builder" ] || ! usable "$builder"; then
  {
    echo "build.sh: no usable image builder here."
    for b in docker podman; do
      if command -v "$b" >/dev/null 2>&1; then echo "  $b: installed, but '$b info' fails (no daemon or no permission)"; else echo "  $b: not installed"; fi
    done
    echo "Build on a machine with docker (BuildKit) or podman and network access to"
    echo "the Node base image and the npm registry, from the repository root:"
    echo "  docker build -f deploy/container/Dockerfile -t $image ."
    echo "  podman build -f deploy/container/Dockerfile --ignorefile deploy/container/.dockerignore -t $image ."
  } >&2
  exit 2
fi

args=(build -f "$here/Dockerfile" -t "$image")
[ -n "${NODE_IMAGE:-}" ] && args+=(--build-arg "NODE_IMAGE=$NODE_IMAGE")
case "$builder" in
  # BuildKit reads deploy/container/Dockerfile.dockerignore (a link to .dockerignore).
  docker) export DOCKER_BUILDKIT=1 ;;
  podman) args+=(--ignorefile "$here/.dockerignore") ;;
esac

echo "build.sh: $builder ${args[*]} $root" >&2
"$builder" "${args[@]}" "$root"
if [ "${PUSH:-0}" = "1" ]; then "$builder" push "$image"; fi
echo "build.sh: built $image" >&2
