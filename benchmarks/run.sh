#!/usr/bin/env bash
# Builds the benchmarks and runs all six (hashing, identity tokens, rendering in FreeMarker (both
# identity verification modes) and in Thymeleaf, lookup: JMH; compile time: javac with and without
# pylon-chat-processor), then prints one summary table of ratios.
#
#   benchmarks/run.sh            full run (JMH -f 2 -wi 5 -i 5, 1 s warm-up / 2 s measurement
#                                iterations, Thymeleaf -wi 10 of 2 s; compile time 3 warm-ups +
#                                7 runs each, for 500, 50 and 5 annotated classes, and a minimal
#                                reference processor): about 23 min on 2 cores
#   benchmarks/run.sh --quick    quick run (JMH -f 1 -wi 2 -i 3, 1 s iterations, Thymeleaf -wi 10;
#                                compile time 2 warm-ups + 3 runs each, no reference): about 5 min
#
# Results (JMH JSON, compile-time JSON, summary.md, full logs) go to benchmarks/target/results/.
# Exits 1 if a benchmark could not run (for example when processor/ has no annotation processor).
set -euo pipefail

mode=full
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $arg (use --quick or nothing)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for tool in mvn java python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required but not on PATH" >&2; exit 2; }
done

# Thymeleaf's code takes far longer to be JIT-compiled than the rest (a render costs milliseconds
# for the first 5-10 s on 2 cores), so its benchmark gets a longer warm-up of its own.
if [[ $mode == quick ]]; then
  jmh_settings=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
  thymeleaf_settings=(-f 1 -wi 10 -i 3 -w 1s -r 1s)
  compile_settings=(--warmups 2 --runs 3)
else
  jmh_settings=(-f 2 -wi 5 -i 5 -w 1s -r 2s)
  thymeleaf_settings=(-f 2 -wi 10 -i 5 -w 2s -r 2s)
  compile_settings=(--warmups 3 --runs 7)
fi

results="$root/benchmarks/target/results"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "== building (mvn package, tests skipped) =="
mvn -B -q -DskipTests -pl benchmarks -am package
rm -rf "$results"
mkdir -p "$results"

runtime_jar="$(ls runtime/target/pylon-chat-runtime-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
processor_path="$(ls benchmarks/target/processor-path/*.jar | paste -sd: -):$runtime_jar"
processor_jar="$(ls benchmarks/target/processor-path/pylon-chat-processor-*.jar)"
if ! jar tf "$processor_jar" | grep -qx 'META-INF/services/javax.annotation.processing.Processor'; then
  echo "run.sh: WARNING: $processor_jar registers no annotation processor (processor/ is not built or" \
    "not merged yet), so the compile-time benchmark cannot run and run.sh will exit 1" >&2
fi

echo "== JMH: hashing, identity tokens, rendering in FreeMarker, lookup (${jmh_settings[*]}) =="
java -jar benchmarks/target/benchmarks.jar "${jmh_settings[@]}" -e ThymeleafRenderingBenchmark \
  -rf json -rff "$results/jmh-main.json" -o "$results/jmh.log"
grep -A 40 '^Benchmark' "$results/jmh.log" || true
echo "== JMH: rendering in Thymeleaf (${thymeleaf_settings[*]}) =="
java -jar benchmarks/target/benchmarks.jar "${thymeleaf_settings[@]}" ThymeleafRenderingBenchmark \
  -rf json -rff "$results/jmh-thymeleaf.json" -o "$results/jmh-thymeleaf.log"
grep -A 40 '^Benchmark' "$results/jmh-thymeleaf.log" || true
python3 -c 'import json, sys; print(json.dumps([e for f in sys.argv[1:] for e in json.load(open(f))], indent=1))' \
  "$results/jmh-main.json" "$results/jmh-thymeleaf.json" > "$results/jmh.json"

# Three projects of 500 model classes: every class annotated (the stress case), one in ten (a
# realistic application), and an app where only a few user models are.
compile_jsons=()
for annotated in 500 50 5; do
  # The minimal reference processor shows how much of the cost is javac's own (full runs only,
  # to keep --quick short).
  reference=()
  [[ $mode == full ]] && reference=(--reference)
  echo "== compile time: 500 model classes, $annotated annotated, with and without the processor (${compile_settings[*]}) =="
  json="$results/compile-$annotated.json"
  if java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
      io.github.pylonchat.benchmarks.compile.CompileTimeBenchmark \
      --classpath "$runtime_jar" --processor-path "$processor_path" \
      --classes 500 --annotated "$annotated" ${reference[@]+"${reference[@]}"} "${compile_settings[@]}" --json "$json" 2>&1 \
      | tee "$results/compile-$annotated.log"; then
    compile_jsons+=("$json")
  else
    echo "run.sh: the compile-time benchmark did not run; see the message above" >&2
    compile_jsons+=(-)
    break
  fi
done

echo
echo "== summary ($mode run, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)," \
  "load average $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end) =="
python3 benchmarks/summarize.py "$results/jmh.json" "${compile_jsons[@]}" | tee "$results/summary.md"
