#!/usr/bin/env bash
# Adds the branch `pull-request` to a demo repository built by build-demo-repo.sh:
# the kind of pull request `kaizen review main...pull-request` is for. Checkout
# concludes its contract-test experiment, mobile starts its canary adoption,
# payments extends its alert experiment the proper way, and checkout quietly
# lowers the target of its weekly demo (the edited files are in pull-request/).
# Then kaizen itself, as a team would run it: data concludes its self-service
# pilot retained against its signals, with the reason, which moves the
# improvement to proven; and mobile observes the shared staging queue again.
set -euo pipefail

DEST=${1:?usage: build-demo-pull-request.sh DEMO_DIR [KAIZEN]}
KAIZEN=${2:-kaizen}
SRC=$(cd "$(dirname "$0")" && pwd)/pull-request

git -C "$DEST" checkout -q -b pull-request main
cp "$SRC"/experiments/*.md "$DEST/experiments/"

# Prints a kaizen command as a person would type it, then runs it in the demo.
run() {
    local line='$ kaizen' argument
    for argument in "$@"; do
        case $argument in *' '*) line+=" \"$argument\"" ;; *) line+=" $argument" ;; esac
    done
    echo "$line"
    (cd "$DEST" && "$KAIZEN" "$@" --today 2026-11-20)
}
run conclude schema-self-service-pilot --outcome retained \
    --reason "payments ships its own model changes and none waits for a ticket any more; what the targets missed is data's review, not the authoring"
run observe shared-staging-queue --team mobile --date 2026-11-19 \
    --note "The mobile backend-for-frontend waited a day for staging behind a checkout release candidate."

git -C "$DEST" add -A .
when=2026-11-20T16:30:00+01:00
GIT_AUTHOR_NAME="Ana Lima" GIT_AUTHOR_EMAIL=ana@example.com GIT_AUTHOR_DATE=$when \
GIT_COMMITTER_NAME="Ana Lima" GIT_COMMITTER_EMAIL=ana@example.com GIT_COMMITTER_DATE=$when \
  git -C "$DEST" -c commit.gpgsign=false commit -q --no-verify \
  -m "Conclude contract tests and the schema pilot, start the mobile canary, extend alert runbooks"
git -C "$DEST" checkout -q main
echo "Added branch pull-request to $DEST: $(git -C "$DEST" diff --name-only main...pull-request | wc -l) records changed"
