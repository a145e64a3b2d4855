#!/usr/bin/env bash
# Installs the Debian 12 packages newsgraph needs to build, test and run.
# Idempotent: does nothing when everything is already installed. Run as root.
set -euo pipefail
packages=(
  build-essential cmake pkg-config ccache git
  librdf0-dev raptor2-utils rasqal-utils   # Redland RDF (raptor, rasqal) + rapper
  libcurl4-gnutls-dev                      # HTTP for `push` (the openssl flavour conflicts with librdf0-dev)
  libboost-graph-dev                       # Boost.Graph
  nlohmann-json3-dev libyaml-cpp-dev libcli11-dev zlib1g-dev
  catch2                                   # Catch2 2.13 (tests)
  graphviz                                 # dot, for `newsgraph render`
  valgrind                                 # memcheck of `build` in the tests
  python3 python3-rdflib                   # independent RDF/SPARQL checks in the tests
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: need root to install ${missing[*]} (run with sudo)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
