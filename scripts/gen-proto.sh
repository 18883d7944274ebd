#!/usr/bin/env bash
# Regenerates the protobufjs static code for the control protocol from proto/*.proto.
# The output in src/common/proto/ is generated: never edit it by hand, change the .proto and rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/common/proto
mkdir -p "$out"
npx pbjs -t static-module -w es6 --no-verify --no-delimited --no-convert --no-typeurl \
  -o "$out/control.js" proto/control.proto
npx pbts -o "$out/control.d.ts" "$out/control.js"
# pbts emits a CommonJS-style import; make it resolve under NodeNext.
sed -i -e 's#from "protobufjs"#from "protobufjs/minimal.js"#' -e 's#^import Long = require("long");#import type Long from "long";#' "$out/control.d.ts"
echo "regenerated $out"
