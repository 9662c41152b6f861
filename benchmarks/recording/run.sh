#!/usr/bin/env bash
# Recording processing (issue 25): wall-clock time and CPU of recording-service's own RecordingProcessor for
# recordings of 1, 2, 4 and 9 participants, as a ratio to the recorded time, beside the floor in the same run
# (the same janus-pp-rec runs and one ffmpeg -c copy); and the disk a recorded hour takes. The captures are made
# by the tests' own MjrCapture (a real ffmpeg sends RTP, written into .mjr files as Janus does), in real time.
# Writes nothing but target/ into the tree. See README.md.
#   benchmarks/recording/run.sh [-Dbench.seconds=60] [-Dbench.layouts=1,2,4,9] [-Dbench.runs=1]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SERVICE="$ROOT/recording-service"
TARGET="$HERE/target"

for tool in ffmpeg ffprobe janus-pp-rec javac; do
  command -v "$tool" >/dev/null || {
    echo "run.sh: $tool is missing (Debian: apt-get install -y ffmpeg janus-tools; a JDK 17+)" >&2; exit 1; }
done
if [ ! -f "$SERVICE/target/test-classes/io/parley/recording/support/MjrCapture.class" ]; then
  echo "run.sh: compiling recording-service and its tests (no test classes in target/)" >&2
  (cd "$ROOT" && ./mvnw -B -q -o -pl recording-service test-compile)
fi

# the processor and the capture support are recording-service's own classes, compiled by its module; copied first,
# so a build of the module during the run cannot change them under it
rm -rf "$TARGET/classes" "$TARGET/service" "$TARGET/work"
mkdir -p "$TARGET/classes" "$TARGET/service"
cp -r "$SERVICE/target/classes" "$TARGET/service/main"
cp -r "$SERVICE/target/test-classes" "$TARGET/service/test"
(cd "$ROOT" && ./mvnw -B -q -o -pl recording-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$TARGET/classpath.txt")
CLASSPATH="$TARGET/service/main:$TARGET/service/test:$(cat "$TARGET/classpath.txt")"
javac --release 17 -nowarn -cp "$CLASSPATH" -d "$TARGET/classes" \
  $(find "$HERE/src/main/java" -name '*.java')
cp "$HERE/src/main/resources/logback.xml" "$TARGET/classes/"

exec java -Xmx256m -cp "$TARGET/classes:$CLASSPATH" -Dbench.work="$TARGET/work" "$@" \
  io.parley.recording.processing.RecordingProcessingBenchmark
