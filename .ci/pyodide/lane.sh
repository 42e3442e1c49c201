#!/usr/bin/env bash
# The Pyodide lane: the runtime and scan tests on CPython 3.14 and 3.15 compiled to
# WebAssembly (the npm `pyodide` builds), under Node. usage: lane.sh HOST_PYTHON
# HOST_PYTHON (3.13 with the project and its test extra installed) downloads the
# pure-Python wheels and compiles, through the real validator, every registry the
# tests load (pydantic has no Pyodide wheel). Exit status non-zero on any failure,
# and when no test ran.
set -euo pipefail
cd "$(dirname "$0")/../.."
host_python=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$(pwd)
tests=(tests/unit/runtime tests/unit/migration)

echo "== pyodide lane: wheels and compiled registries on the host"
"$host_python" -m pip install -q --target "$work/site" --only-binary=:all: --platform any \
  --python-version 3.14 --implementation py --no-compile \
  pytest hypothesis wrapt importlib-metadata zipp typing-extensions packaging dill==0.4.1
PYTHONPATH=.ci/pyodide "$host_python" -m pytest -q -p no:cacheprovider -p pyodide_plugin \
  --record-registries "$work/registries" "${tests[@]}" >"$work/host.log" \
  || { cat "$work/host.log"; exit 1; }
tail -n 1 "$work/host.log"

for version in '314.x' '>=315.0.0-alpha.1 <315.0.0'; do
  folder=$(mktemp -d "$work/pyodide.XXXX")
  (cd "$folder" && npm install --silent --no-audit --no-fund "pyodide@$version" >/dev/null)
  cp .ci/pyodide/run.mjs "$folder/"
  echo "== tests under Pyodide $(node -p "require('$folder/node_modules/pyodide/package.json').version")"
  (cd "$folder" && node run.mjs "$repo" "$work/site" "$work/registries" \
    -p pyodide_plugin -q "${tests[@]}")
done
