#!/usr/bin/env bash
# Recall@10 of the ANN graph search against the exact scan, and the median time of each, on synthetic embeddings
# (clustered like learned item embeddings, and isotropic as the hard case), by cosine and by dot product.
#
#   wren-serving/bench/ann-recall.sh [ITEM_COUNTS] [DIMENSIONS] [QUERIES] [STORE_DIR [FEATURE]]  e.g. 20000,60000 32 500
#
# With STORE_DIR (an embedded store that `wren offline` published), the index holds that store's learned item vectors
# and the queries are its users' vectors; ITEM_COUNTS is then ignored. FEATURE is the vector feature (default
# embedding; cfFactors with DIMENSIONS 64 for the ALS factors).
#
# Prints a Markdown table. Builds wren-serving's test classes first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q test-compile -pl wren-serving -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -pl wren-serving -Dmdep.includeScope=test -Dmdep.outputFile=target/ann.cp \
  > /dev/null
cp="wren-serving/target/test-classes:wren-serving/target/classes:$(cat wren-serving/target/ann.cp)"
java -Xmx4g -cp "$cp" dev.wren.serving.data.AnnRecallBenchmark "${1:-20000,60000}" "${2:-32}" "${3:-500}" ${4:+"$4"} ${5:+"$5"} 2>/dev/null
