#!/usr/bin/env bash
# Refreshes the vendored upstream data from a git checkout (or bare mirror) of
# its upstream repository at a tag or commit:
#
#   server/vendor/refresh.sh istio       /path/to/istio        1.31.0-rc.0
#   server/vendor/refresh.sh gateway-api /path/to/gateway-api  v1.6.1
#   server/vendor/refresh.sh admiral     /path/to/admiral      <commit>
#   server/vendor/refresh.sh istio-api   /path/to/istio-api    <commit>
#
# Files are read with `git show REF:PATH`, so the checkout's work tree is never
# consulted and a bare clone works. Each folder gets the upstream LICENSE and a
# SOURCE file naming the repository, ref, commit and every file's origin.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
component="${1:-}" checkout="${2:-}" ref="${3:-}"
if [[ -z "$component" || -z "$checkout" || -z "$ref" ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 1
fi

# upstream path -> vendored path, per component
case "$component" in
  istio)
    repository=https://github.com/istio/istio
    files=(
      manifests/charts/base/files/crd-all.gen.yaml=crd-all.gen.yaml
      pkg/config/analysis/msg/messages.yaml=analysis-messages.yaml
      samples/bookinfo/platform/kube/bookinfo.yaml=samples/bookinfo/bookinfo.yaml
      samples/bookinfo/platform/kube/bookinfo-versions.yaml=samples/bookinfo/bookinfo-versions.yaml
      samples/bookinfo/networking/bookinfo-gateway.yaml=samples/bookinfo/bookinfo-gateway.yaml
      samples/bookinfo/networking/destination-rule-all.yaml=samples/bookinfo/destination-rule-all.yaml
      samples/bookinfo/networking/destination-rule-all-mtls.yaml=samples/bookinfo/destination-rule-all-mtls.yaml
      samples/bookinfo/networking/fault-injection-details-v1.yaml=samples/bookinfo/fault-injection-details-v1.yaml
      samples/bookinfo/networking/virtual-service-all-v1.yaml=samples/bookinfo/virtual-service-all-v1.yaml
      samples/bookinfo/networking/virtual-service-ratings-test-delay.yaml=samples/bookinfo/virtual-service-ratings-test-delay.yaml
      samples/bookinfo/networking/virtual-service-reviews-90-10.yaml=samples/bookinfo/virtual-service-reviews-90-10.yaml
      samples/bookinfo/networking/virtual-service-reviews-v3.yaml=samples/bookinfo/virtual-service-reviews-v3.yaml
      samples/helloworld/helloworld.yaml=samples/helloworld/helloworld.yaml
      samples/helloworld/helloworld-gateway.yaml=samples/helloworld/helloworld-gateway.yaml
      samples/sleep/sleep.yaml=samples/sleep.yaml
      samples/multicluster/expose-istiod.yaml=samples/expose-istiod.yaml
      samples/multicluster/expose-services.yaml=samples/expose-services.yaml
    ) ;;
  gateway-api)
    repository=https://github.com/kubernetes-sigs/gateway-api
    files=()
    for kind in gatewayclasses gateways httproutes grpcroutes referencegrants; do
      files+=("config/crd/standard/gateway.networking.k8s.io_$kind.yaml=crds/$kind.yaml")
    done ;;
  admiral)
    repository=https://github.com/istio-ecosystem/admiral
    files=(
      install/admiral/base/crds.yaml=crds.yaml
      admiral/crd/dependency.yaml=dependency.yaml
      admiral/crd/globalTraffic.yaml=globalTraffic.yaml
      install/sample/base/greeting.yaml=samples/greeting.yaml
      install/sample/base/webapp.yaml=samples/webapp.yaml
      install/sample/gtp.yaml=samples/gtp.yaml
      install/sample/gtp_failover.yaml=samples/gtp_failover.yaml
      install/sample/gtp_topology.yaml=samples/gtp_topology.yaml
      install/sample/sample_dep.yaml=samples/sample_dep.yaml
    ) ;;
  istio-api)
    # Annotation and label metadata (resource types, deprecation, maturity) the analyzers check against.
    repository=https://github.com/istio/api
    files=(
      annotation/annotations.yaml=annotations.yaml
      label/labels.yaml=labels.yaml
    ) ;;
  *) echo "unknown component '$component' (istio, gateway-api, admiral or istio-api)" >&2; exit 1 ;;
esac

git_() { git -C "$checkout" "$@"; }
commit="$(git_ rev-parse --verify "$ref^{commit}")" || { echo "$checkout has no ref '$ref'" >&2; exit 1; }
date="$(git_ log -1 --format=%cs "$commit")"

# Write into a fresh folder and swap it in, so a failure leaves the old copy whole.
out="$here/$component"
tmp="$(mktemp -d "$here/.$component.XXXX")"
trap 'rm -rf "$tmp"' EXIT
git_ show "$commit:LICENSE" > "$tmp/LICENSE"
{
  echo "repository: $repository"
  echo "ref: $ref"
  echo "commit: $commit"
  echo "date: $date"
  echo "files:"
} > "$tmp/SOURCE"
for pair in "${files[@]}"; do
  from="${pair%%=*}" to="${pair#*=}"
  mkdir -p "$tmp/$(dirname "$to")"
  git_ show "$commit:$from" > "$tmp/$to" || { echo "$ref has no $from" >&2; exit 1; }
  echo "  $to: $from" >> "$tmp/SOURCE"
done
if [[ "$component" == istio ]]; then
  # Istio's analyzer test inputs, and its table of expected messages as JSON
  # data (the parity tests compare Meshglass's analysis with it).
  testdata=pkg/config/analysis/analyzers/testdata
  while IFS= read -r from; do
    to="analyzer-testdata/${from#"$testdata"/}"
    mkdir -p "$tmp/$(dirname "$to")"
    git_ show "$commit:$from" > "$tmp/$to"
    echo "  $to: $from" >> "$tmp/SOURCE"
  done < <(git_ ls-tree -r --name-only "$commit" "$testdata")
  tests=pkg/config/analysis/analyzers
  { git_ show "$commit:$tests/analyzers_test.go"; git_ show "$commit:$tests/multicluster_analyzers_test.go"; } \
    | node "$here/istio-analyzer-cases.mjs" "$tmp/analysis-messages.yaml" > "$tmp/analyzer-cases.json"
  echo "  analyzer-cases.json: $tests/analyzers_test.go and multicluster_analyzers_test.go (test tables as data, by istio-analyzer-cases.mjs)" >> "$tmp/SOURCE"
fi
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "vendored $component $ref ($commit) into ${out#"$PWD"/}"
