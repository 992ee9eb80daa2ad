#!/usr/bin/env bash
# Recall@10 of the ANN graph search against the exact scan, and the median time of each, on synthetic embeddings
# (clustered like learned item embeddings, and isotropic as the hard case), by cosine and by dot product.
#
#   wren-serving/bench/ann-recall.sh [ITEM_COUNTS] [DIMENSIONS] [QUERIES]     e.g. 20000,60000 32 500
#
# Prints a Markdown table. Builds wren-serving's test classes first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q test-compile -pl wren-serving -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -pl wren-serving -Dmdep.includeScope=test -Dmdep.outputFile=target/ann.cp \
  > /dev/null
cp="wren-serving/target/test-classes:wren-serving/target/classes:$(cat wren-serving/target/ann.cp)"
java -Xmx4g -cp "$cp" dev.wren.serving.data.AnnRecallBenchmark "${1:-20000,60000}" "${2:-32}" "${3:-500}" 2>/dev/null
