#!/usr/bin/env bash
# Adds the branch `pull-request` to a demo repository built by build-demo-repo.sh:
# the kind of pull request `kaizen review main...pull-request` is for. Checkout
# concludes its contract-test experiment, mobile starts its canary adoption,
# payments extends its alert experiment the proper way, and checkout quietly
# lowers the target of its weekly demo. The edited files are in pull-request/.
set -euo pipefail

DEST=${1:?usage: build-demo-pull-request.sh DEMO_DIR}
SRC=$(cd "$(dirname "$0")" && pwd)/pull-request

git -C "$DEST" checkout -q -b pull-request main
cp "$SRC"/experiments/*.md "$DEST/experiments/"
git -C "$DEST" add -A .
when=2026-11-20T16:30:00+01:00
GIT_AUTHOR_NAME="Ana Lima" GIT_AUTHOR_EMAIL=ana@example.com GIT_AUTHOR_DATE=$when \
GIT_COMMITTER_NAME="Ana Lima" GIT_COMMITTER_EMAIL=ana@example.com GIT_COMMITTER_DATE=$when \
  git -C "$DEST" -c commit.gpgsign=false commit -q --no-verify \
  -m "Conclude contract tests, start the mobile canary, extend alert runbooks"
git -C "$DEST" checkout -q main
echo "Added branch pull-request to $DEST: $(git -C "$DEST" diff --name-only main...pull-request | wc -l) records changed"
