#!/usr/bin/env bash
# Package validation baseline: packs CommunityControl.Sdk and CommunityControl.Sdk.Testing 0.1.0 from the commit that
# was released as 0.1.0 (44060ff, 2026-11-22; no tag was made and 0.1.0 is not on the package feed) into
# artifacts/baseline, once. The packed main package is 1.4 MB, too large to commit, so it is rebuilt here instead.
# Needs the full history: a shallow clone fetches it (git fetch --unshallow); where that fails, it warns and packing
# validates without the baseline.
# With the baseline present, `dotnet pack` validates the packages against 0.1.0 (PackageValidationBaselinePath, set in
# the two csproj files); the deliberate breaks of 0.2.0 are named in each project's CompatibilitySuppressions.xml.
set -euo pipefail
cd "$(dirname "$0")/.."

commit=44060ff
out="$PWD/artifacts/baseline"
if [ -f "$out/CommunityControl.Sdk.0.1.0.nupkg" ] && [ -f "$out/CommunityControl.Sdk.Testing.0.1.0.nupkg" ]; then
  echo "baseline 0.1.0 already in $out"
  exit 0
fi

if ! git cat-file -e "$commit^{commit}" 2>/dev/null && [ "$(git rev-parse --is-shallow-repository)" = true ]; then
  git fetch --quiet --unshallow || true
fi
if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
  # Without the baseline, `dotnet pack` says so and validates only the package's own target frameworks.
  echo "WARNING: commit $commit (0.1.0) is not in this clone and could not be fetched: packages are not validated against 0.1.0"
  exit 0
fi
work=$(mktemp -d)
trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/src" "$commit" >/dev/null
grep -q '<VersionPrefix>0.1.0</VersionPrefix>' "$work/src/Directory.Build.props" || { echo "commit $commit is not version 0.1.0"; exit 1; }
mkdir -p "$out"
dotnet pack "$work/src/src/CommunityControl.Sdk.Testing/CommunityControl.Sdk.Testing.csproj" -c Release -o "$work/packages"
dotnet pack "$work/src/src/CommunityControl.Sdk/CommunityControl.Sdk.csproj" -c Release --no-build -o "$work/packages"
cp "$work/packages/CommunityControl.Sdk.0.1.0.nupkg" "$work/packages/CommunityControl.Sdk.Testing.0.1.0.nupkg" "$out/"
ls -l "$out"
