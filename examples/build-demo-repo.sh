#!/usr/bin/env bash
# Build a git repository holding the kaizen demo records, with a dated history.
#
#   examples/build-demo-repo.sh DEST
#
# DEST must not exist or must be an empty folder. The history (about 70 commits
# by six people, 2026-05-04 to 2026-11-20) replays how each record was created
# and moved through its lifecycle; every earlier version is derived from the
# final file in this folder, so the last commit's tree equals kaizen.yml plus
# improvements/, experiments/ and constraints/ here. The result is
# deterministic: the same commit ids on every run with the same git version.
#
# Needs only bash, git, sed and coreutils.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() { echo "usage: ${0##*/} DEST" >&2; exit 2; }
[ $# -eq 1 ] || usage
DEST=$1
if [ -e "$DEST" ] && [ -n "$(ls -A "$DEST" 2>/dev/null || echo file)" ]; then
  echo "${0##*/}: $DEST exists and is not empty; refusing to touch it" >&2
  exit 1
fi

# Keep the user's and the system's git configuration (hooks, templates,
# autocrlf, signing) out of the way, so the result is the same everywhere.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# --- the people --------------------------------------------------------------

author() { # id -> "Name|email|zone"
  case $1 in
    ana)   echo "Ana Lima|ana@example.com|lisbon" ;;
    jonas) echo "Jonas Weber|jonas@example.com|berlin" ;;
    priya) echo "Priya Raman|priya@example.com|berlin" ;;
    tomas) echo "Tomás Ortega|tomas@example.com|berlin" ;;
    mei)   echo "Mei Chen|mei@example.com|berlin" ;;
    kwame) echo "Kwame Mensah|kwame@example.com|lisbon" ;;
    *) echo "unknown author '$1'" >&2; return 1 ;;
  esac
}

utc_offset() { # zone date -> +HH:MM (summer time ends on 2026-10-25)
  local summer=1
  [[ $2 < 2026-10-25 ]] || summer=0
  case $1 in
    lisbon) if [ $summer = 1 ]; then echo +01:00; else echo +00:00; fi ;;
    berlin) if [ $summer = 1 ]; then echo +02:00; else echo +01:00; fi ;;
  esac
}

# --- template text for sections not yet written ------------------------------

TPL_GUIDE='## Implementation guide

<!-- The steps another team would follow to adopt it, in order. -->
'
TPL_ADAPT='## Adaptation notes

<!-- What other teams changed to make it fit, and what to watch for. -->'
TPL_OBS='## Observations

<!-- Dated notes while it runs: what you saw, measured and heard. -->
'
TPL_LEARN='## Learnings

<!-- Once concluded: what did you learn, and what would you tell another team trying this? -->'

# cut_from HEADING FILE TEXT: the file up to (not including) the heading, then TEXT.
cut_from() {
  sed "/^$1\$/,\$d" "$2"
  printf '%s\n' "$3"
}

# --- one function per lifecycle step ------------------------------------------
# Each writes one file of DEST from its final version in SRC, as it stood on
# the commit's date ($DAY).

step_config() {
  cp "$SRC/kaizen.yml" "$DEST/kaizen.yml"
}

# improvement ID proposed|trialling|proven|final
step_improvement() {
  local id=$1 state=$2 src="$SRC/improvements/$1.md" out="$DEST/improvements/$1.md"
  case $state in
    proposed|trialling)  # summary and context only; no guide yet
      cut_from '## Implementation guide' "$src" "$TPL_GUIDE
$TPL_ADAPT" | sed "s/^status: .*/status: $state/" > "$out" ;;
    proven)              # the guide is written; nobody has adapted it yet
      cut_from '## Adaptation notes' "$src" "$TPL_ADAPT" \
        | sed "s/^status: .*/status: proven/" > "$out" ;;
    final) cp "$src" "$out" ;;
    *) echo "improvement $id: unknown state '$state'" >&2; return 1 ;;
  esac
}

# Delete the dated observation bullets ("- 2026-06-12: ...") written after $DAY.
observations_until_today() {
  local args=() d
  for d in $(sed -n 's/^- \(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\): .*/\1/p' "$1"); do
    [[ $d > $DAY ]] && args+=(-e "/^- $d: /d")
  done
  if [ ${#args[@]} -gt 0 ]; then sed "${args[@]}" "$1"; else cat "$1"; fi
}

# experiment ID planned|running|extended|final
step_experiment() {
  local id=$1 state=$2 src="$SRC/experiments/$1.md" out="$DEST/experiments/$1.md"
  local tmp="$DEST/.git/kaizen-demo.tmp"
  # front matter before the conclusion: no outcome, date or results
  local unconcluded=(-e '/^outcome: /d' -e '/^concluded: /d' -e '/^    result: /d')
  local no_extensions=(-e '/^extensions:/,/^[a-z]/{' -e '/^extensions:/d' -e '/^ /d' -e '}')
  case $state in
    planned)
      cut_from '## Observations' "$src" "$TPL_OBS
$TPL_LEARN" | sed "${unconcluded[@]}" "${no_extensions[@]}" \
          -e '/^start: /d' -e 's/^status: .*/status: planned/' > "$out" ;;
    running|extended)
      observations_until_today "$src" > "$tmp"
      if grep -q '^- 20[0-9-]*: ' "$tmp"; then
        cut_from '## Learnings' "$tmp" "$TPL_LEARN"
      else
        cut_from '## Observations' "$tmp" "$TPL_OBS
$TPL_LEARN"
      fi | if [ "$state" = running ]; then
        sed "${unconcluded[@]}" "${no_extensions[@]}" -e 's/^status: .*/status: running/'
      else
        sed "${unconcluded[@]}" -e 's/^status: .*/status: running/'
      fi > "$out"
      rm -f "$tmp" ;;
    final) cp "$src" "$out" ;;
    *) echo "experiment $id: unknown state '$state'" >&2; return 1 ;;
  esac
}

# constraint ID STATUS: the observations made up to $DAY, with that status.
step_constraint() {
  local id=$1 status=$2 src="$SRC/constraints/$1.md" out="$DEST/constraints/$1.md"
  local args=(-e "s/^status: .*/status: $status/") d
  for d in $(sed -n 's/^  - date: //p' "$src"); do
    [[ $d > $DAY ]] && args+=(-e "/^  - date: $d\$/,/^    note: /d")
  done
  sed "${args[@]}" "$src" > "$out"
}

commit() { # day time who message
  local name email zone when
  IFS='|' read -r name email zone <<< "$(author "$3")"
  when="$1T$2:00$(utc_offset "$zone" "$1")"
  git -C "$DEST" add -A .
  GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$when \
  GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$when \
    git -C "$DEST" -c commit.gpgsign=false commit -q --no-verify -m "$4"
}

# --- the history ----------------------------------------------------------------
# day time author | steps, separated by ";" | commit message
HISTORY=$(cat <<'EOF'
2026-05-04 09:12 kwame | config | Set up kaizen: five teams, limits and record folders
2026-05-05 16:40 ana   | constraint release-branch-merges open | Record constraint: cutting the release branch takes a day
2026-05-07 11:05 jonas | experiment daily-dependency-sync planned | Plan a daily dependency sync between payments and checkout
2026-05-11 09:30 jonas | experiment daily-dependency-sync running | Start daily-dependency-sync
2026-05-12 17:02 kwame | constraint change-advisory-board open | Record constraint: every production change waits for the weekly CAB
2026-05-14 15:48 ana   | constraint release-branch-merges open; improvement trunk-based-development proposed; experiment checkout-trunk-based-trial planned | Propose trunk-based development after another release-branch conflict
2026-05-18 09:05 ana   | experiment checkout-trunk-based-trial running; improvement trunk-based-development trialling | Start checkout-trunk-based-trial
2026-05-26 11:20 ana   | constraint change-advisory-board open | Observe CAB delay in checkout: bundled changes rolled back together
2026-05-27 16:10 priya | improvement canary-releases proposed; experiment canary-payments-api planned | Propose canary releases and plan a trial on the payments API
2026-06-01 09:45 priya | experiment canary-payments-api running; improvement canary-releases trialling | Start canary-payments-api with payments
2026-06-03 10:14 tomas | improvement review-pairs proposed; experiment mobile-review-pairs-trial planned | Propose review pairs for the mobile team
2026-06-08 09:40 tomas | experiment mobile-review-pairs-trial running; improvement review-pairs trialling | Start review-pairs experiment
2026-06-09 14:25 priya | constraint change-advisory-board open | Observe CAB delay: emergency change for a certificate rotation
2026-06-10 11:50 ana   | constraint shared-staging-queue open | Record constraint: five teams share one staging environment
2026-06-19 16:45 jonas | experiment daily-dependency-sync final | Conclude daily-dependency-sync: discarded
2026-07-01 09:20 mei   | improvement learning-reviews proposed; experiment data-learning-reviews-trial planned | Propose learning reviews after data incidents
2026-07-06 09:10 mei   | experiment data-learning-reviews-trial running; improvement learning-reviews trialling | Start data-learning-reviews-trial
2026-07-08 15:35 jonas | constraint schema-change-tickets open | Record constraint: warehouse schema changes wait in a ticket queue
2026-07-14 16:20 jonas | improvement standard-change-preapproval proposed; experiment standard-changes-pilot planned | Propose pre-approved standard changes and plan a pilot with compliance
2026-07-20 09:00 jonas | experiment standard-changes-pilot running; improvement standard-change-preapproval trialling | Start standard-changes-pilot
2026-07-22 14:10 tomas | constraint shared-staging-queue open | Observe staging contention during mobile release testing
2026-07-24 15:30 ana   | experiment checkout-trunk-based-trial final; improvement trunk-based-development proven; constraint release-branch-merges resolved | Conclude checkout-trunk-based-trial: retained
2026-07-28 10:00 jonas | experiment payments-adopts-trunk-based planned | Plan payments' adoption of trunk-based development
2026-07-31 16:00 tomas | experiment mobile-review-pairs-trial final; improvement review-pairs final | Conclude mobile-review-pairs-trial: retained
2026-08-03 09:15 jonas | experiment payments-adopts-trunk-based running | Start payments-adopts-trunk-based
2026-08-07 15:55 priya | experiment canary-payments-api final; improvement canary-releases proven | Conclude canary-payments-api: retained
2026-08-11 08:30 jonas | constraint payments-alert-noise open | Record constraint: most payments pages need no action
2026-08-12 14:00 tomas | experiment mobile-weekly-release-train planned | Plan weekly app releases
2026-08-17 09:30 tomas | experiment mobile-weekly-release-train running | Start mobile-weekly-release-train
2026-08-27 16:20 ana   | constraint flaky-e2e-suite open; improvement flaky-test-quarantine proposed; experiment checkout-flaky-quarantine-trial planned | Record flaky end-to-end tests and plan a quarantine trial
2026-08-31 09:05 ana   | experiment checkout-flaky-quarantine-trial running; improvement flaky-test-quarantine trialling | Start checkout-flaky-quarantine-trial
2026-09-02 15:00 mei   | experiment data-learning-reviews-trial final | Conclude data-learning-reviews-trial: inconclusive
2026-09-03 11:10 ana   | experiment checkout-adopts-canary planned | Plan checkout's adoption of canary releases
2026-09-07 09:50 ana   | experiment checkout-adopts-canary running | Start checkout-adopts-canary
2026-09-08 10:00 ana   | experiment checkout-contract-tests planned | Plan contract tests between checkout and payments
2026-09-09 16:30 mei   | constraint schema-change-tickets open | Record schema queue observations from checkout and data
2026-09-10 14:15 mei   | improvement learning-reviews final | Mark learning-reviews as proven
2026-09-14 09:20 ana   | experiment checkout-contract-tests running | Start checkout-contract-tests
2026-09-14 17:05 jonas | experiment standard-changes-pilot extended | Extend standard-changes-pilot to 16 October for audit sign-off
2026-09-15 12:40 jonas | constraint shared-staging-queue open | Observe staging contention on the refund flow
2026-09-16 10:00 jonas | constraint payments-alert-noise open; experiment payments-alert-runbooks planned | Plan symptom-based paging after the missed acquirer outage
2026-09-21 09:00 jonas | experiment payments-alert-runbooks running | Start payments-alert-runbooks
2026-09-24 15:10 ana   | constraint flaky-e2e-suite open | Observe the voucher spec failing eleven times in five days
2026-09-25 16:30 jonas | experiment payments-adopts-trunk-based final | Conclude payments-adopts-trunk-based: retained
2026-09-28 11:00 ana   | improvement trunk-based-development final | Add payments' adaptation notes to trunk-based-development
2026-09-30 13:45 mei   | constraint change-advisory-board open | Observe CAB delay for Airflow deploys
2026-10-07 10:10 mei   | improvement schema-change-self-service proposed; experiment schema-self-service-pilot planned | Propose self-service warehouse changes and plan a pilot with payments
2026-10-09 16:40 jonas | experiment standard-changes-pilot final; improvement standard-change-preapproval proven; constraint change-advisory-board easing | Conclude standard-changes-pilot: retained
2026-10-12 09:15 mei   | experiment schema-self-service-pilot running; improvement schema-change-self-service final | Start schema-self-service-pilot
2026-10-15 17:20 ana   | constraint flaky-e2e-suite open | Observe flaky tests delaying the tax hotfix
2026-10-21 10:30 priya | improvement preview-environments proposed; experiment preview-envs-checkout planned | Propose preview environments and plan a trial with checkout
2026-10-22 11:00 ana   | experiment checkout-weekly-demo planned | Plan a weekly cross-team demo
2026-10-23 16:00 ana   | experiment checkout-flaky-quarantine-trial final; improvement flaky-test-quarantine proven; constraint flaky-e2e-suite easing | Conclude checkout-flaky-quarantine-trial: retained
2026-10-26 09:30 priya | experiment preview-envs-checkout running; improvement preview-environments final | Start preview-envs-checkout
2026-10-28 11:30 tomas | experiment preview-envs-mobile planned | Plan preview environments for the mobile BFF
2026-10-28 12:15 ana   | constraint shared-staging-queue open; experiment checkout-contract-tests running | Observe the staging queue; update contract test observations
2026-10-30 16:10 ana   | experiment checkout-adopts-canary final | Conclude checkout-adopts-canary: retained
2026-11-02 09:00 ana   | experiment checkout-weekly-demo running | Start checkout-weekly-demo
2026-11-02 09:40 tomas | experiment preview-envs-mobile running | Start preview-envs-mobile
2026-11-03 14:00 jonas | constraint schema-change-tickets open; experiment payments-alert-runbooks final; improvement standard-change-preapproval final | Payments weekly update: schema queue, alert runbooks, standard-change notes
2026-11-10 10:00 tomas | improvement mobile-trunk-based-development final | Propose trunk-based development for the mobile apps
2026-11-10 15:30 ana   | experiment checkout-contract-tests final; experiment checkout-weekly-demo final; improvement flaky-test-quarantine final | Checkout weekly update: contract tests, demo visitors, quarantine notes
2026-11-11 16:40 mei   | experiment schema-self-service-pilot final | Add observations to schema-self-service-pilot
2026-11-12 11:20 ana   | experiment checkout-focus-mornings planned | Plan meeting-free mornings
2026-11-12 14:00 jonas | experiment incident-pairing-checkout-payments final | Plan incident pairing between checkout and payments
2026-11-13 10:30 tomas | experiment mobile-weekly-release-train final; experiment preview-envs-mobile final; experiment mobile-adopts-canary final | Mobile weekly update; plan canary releases for the BFF
2026-11-16 09:00 ana   | experiment checkout-focus-mornings final | Start checkout-focus-mornings
2026-11-17 10:10 priya | experiment preview-envs-checkout final; improvement canary-releases final | Add preview-envs-checkout observations and canary adaptation notes
2026-11-20 11:30 kwame | improvement protected-improvement-time final; experiment protected-improvement-time-pilot final | Propose protected improvement time and plan a pilot with data and platform
EOF
)

# --- build ------------------------------------------------------------------------

mkdir -p "$DEST"
git -c init.defaultBranch=main init -q --template= "$DEST"
git -C "$DEST" symbolic-ref HEAD refs/heads/main   # for git older than 2.28
git -C "$DEST" config user.name "Kaizen Demo"
git -C "$DEST" config user.email "demo@example.com"
git -C "$DEST" config core.autocrlf false
mkdir -p "$DEST/improvements" "$DEST/experiments" "$DEST/constraints"

while IFS='|' read -r when steps message <&3; do
  read -r DAY time who <<< "$when"
  read -r message <<< "$message"
  IFS=';' read -ra list <<< "$steps"
  for step in "${list[@]}"; do
    read -r kind id state <<< "$step"
    "step_$kind" $id $state
  done
  commit "$DAY" "$time" "$who" "$message"
done 3<<< "$HISTORY"

# --- check: the last commit holds exactly the demo records ---------------------------

expected=0
for f in "$SRC"/kaizen.yml "$SRC"/improvements/*.md "$SRC"/experiments/*.md "$SRC"/constraints/*.md; do
  rel=${f#"$SRC"/}
  expected=$((expected + 1))
  if ! git diff --no-index --quiet -- "$f" "$DEST/$rel"; then
    echo "${0##*/}: $rel in $DEST differs from its final version:" >&2
    git --no-pager diff --no-index -- "$f" "$DEST/$rel" >&2 || true
    exit 1
  fi
done
actual=$(git -C "$DEST" ls-files | wc -l)
if [ "$expected" -ne "$actual" ] || [ -n "$(git -C "$DEST" status --porcelain)" ]; then
  echo "${0##*/}: $DEST holds $actual tracked files, expected $expected" >&2
  exit 1
fi
echo "Built $DEST: $(git -C "$DEST" rev-list --count HEAD) commits, $expected files, HEAD $(git -C "$DEST" rev-parse --short HEAD)"
