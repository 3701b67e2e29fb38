#!/usr/bin/env bash
# Runs the benchmark classes with BenchmarkDotNet's ShortRun job and copies the GitHub-flavoured reports into
# benchmarks/results/ (and, when the scaling benchmark ran, its table and plot). Run it on a quiet machine: other work on the 2 cores distorts the figures.
# Usage: benchmarks/run-reports.sh [filter...]   (default: every benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=('*')
out=artifacts/bdn-reports
rm -rf "$out"
dotnet run -c Release --project benchmarks/CommunityControl.Sdk.Benchmarks -- --filter "${filters[@]}" --job short --artifacts "$out"
mkdir -p benchmarks/results
cp "$out"/results/*-report-github.md benchmarks/results/
scaling="$out/results/CommunityControl.Benchmarks.Scaling.ScalingBenchmarks-report.csv"
if [ -f "$scaling" ]; then
  dotnet run -c Release --project benchmarks/ScalingPlot -- "$scaling" benchmarks/results
fi
dotnet run -c Release --project benchmarks/CommunityControl.Sdk.Benchmarks -- --memory | tee benchmarks/results/Memory.txt
