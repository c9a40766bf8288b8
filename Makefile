# kaizen — see README.md. `make demo` and `make test` set up everything they need.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
BIN := .build/debug/kaizen
RELEASE_BIN := .build/release/kaizen
# The demo's records are dated around this day; fixing it keeps the demo's output stable.
DEMO_TODAY := 2026-11-20
DEMO_DIR := demo

.PHONY: all deps build test demo bench bench-timeline bench-hook bench-report bench-lsp release fuzz fuzz-build fuzz-records fuzz-lsp \
	fuzz-timeline-cache clean

all: build

deps:
	@./scripts/install-deps
	@$(SWIFT) --version >/dev/null 2>&1 || { echo "Swift 6 is required: https://www.swift.org/install/linux/" >&2; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	@./scripts/install-deps --tests
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Builds a git repository with months of history from examples/ into demo/
# (recreated each time) and a pull-request branch, then lists and checks it, shows
# two timelines, the cross-team report and what is due, writes the static site
# to demo/site/, and reviews the pull request. The deliberate mistakes in examples/
# make `check` exit 1, and the pull request moves a target, so `review` exits 1 too:
# that is the point of the demo.
demo: build
	rm -rf $(DEMO_DIR)
	examples/build-demo-repo.sh $(DEMO_DIR)
	examples/build-demo-pull-request.sh $(DEMO_DIR) $(abspath $(BIN))
	@echo
	@echo '$$ kaizen list --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && ../$(BIN) list --today $(DEMO_TODAY)
	@echo
	@echo '$$ kaizen check --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && { ../$(BIN) check --today $(DEMO_TODAY); status=$$?; [ $$status -le 1 ]; }
	@echo
	@echo '$$ kaizen timeline canary-payments-api checkout-adopts-canary --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && ../$(BIN) timeline canary-payments-api checkout-adopts-canary --today $(DEMO_TODAY)
	@echo
	@echo '$$ kaizen report --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && ../$(BIN) report --today $(DEMO_TODAY)
	@echo
	@echo '$$ kaizen due --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && ../$(BIN) due --today $(DEMO_TODAY)
	@echo
	@echo '$$ kaizen site --out site --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && ../$(BIN) site --out site --today $(DEMO_TODAY)
	@echo
	@echo '$$ kaizen review main...pull-request --today $(DEMO_TODAY)'
	@cd $(DEMO_DIR) && { ../$(BIN) review main...pull-request --today $(DEMO_TODAY); status=$$?; [ $$status -le 1 ]; }

# Times `kaizen check` on generated repositories against `cat` of the same files,
# then `kaizen timeline` against `git log` (bench-timeline), the pre-commit
# hook against `git diff --cached` (bench-hook), and `kaizen report` against
# `kaizen timeline` (bench-report), and the language server's didChange to
# publishDiagnostics against a no-op round trip (bench-lsp).
bench: release
	python3 bench/check_bench.py --kaizen $(RELEASE_BIN)
	python3 bench/timeline/timeline_bench.py --kaizen $(RELEASE_BIN)
	python3 bench/hook/hook_bench.py --kaizen $(RELEASE_BIN)
	python3 bench/report/report_bench.py --kaizen $(RELEASE_BIN)
	python3 bench/lsp/lsp_bench.py --kaizen $(RELEASE_BIN)

# Times `kaizen timeline` (full, cached, incremental) on a generated 50,000-commit
# history against one `git log` over the record folders.
bench-timeline: release
	python3 bench/timeline/timeline_bench.py --kaizen $(RELEASE_BIN)

# Times the installed pre-commit hook (cold, warm, one record newly staged) on a
# generated 5,000-record repository against `git diff --cached --name-only`.
bench-hook: release
	python3 bench/hook/hook_bench.py --kaizen $(RELEASE_BIN)

# Times `kaizen report` against `kaizen timeline` (cold and warm) on the
# timeline benchmark's generated 50,000-commit history.
bench-report: release
	python3 bench/report/report_bench.py --kaizen $(RELEASE_BIN)

# Times `kaizen lsp` from a didChange to its publishDiagnostics on a generated
# 5,000-record repository, against a no-op request round trip and `kaizen check`
# of the same file.
bench-lsp: release
	python3 bench/lsp/lsp_bench.py --kaizen $(RELEASE_BIN)

# Fuzzes with libFuzzer, each target for FUZZ_SECONDS (default 10 minutes):
# fuzz-records feeds the record parser, the configuration loader, every rule
# and the text report, seeded with the examples, the hostile corpus and past
# reproducers; fuzz-lsp feeds a byte stream to the language server's framing
# and handlers, as its standard input; fuzz-timeline-cache feeds the timeline
# cache's reader. `make fuzz` runs all three. Each target's corpus grows in
# .build-fuzz/corpus/TARGET between runs; a crash, a hang (over 10 s for one
# input) or memory over 2 GiB stops it and leaves the input in
# .build-fuzz/crashes/ as TARGET-crash-…: replay it with
# `KAIZEN_FUZZ_TARGET=TARGET swift run kaizen-fuzz FILE`, fix it, and add it
# to Tests/Fixtures/fuzz/TARGET/, which the test suite replays. Leak reports
# are off: Swift's lazily made globals live until exit by design. Swift's own
# backtracer is off too, so that libFuzzer reports a crash: once, it hung
# after one, holding the run open.
FUZZ_SECONDS ?= 600
FUZZ_DIR := .build-fuzz
FUZZ_RUN = mkdir -p $(FUZZ_DIR)/corpus/$(1) $(FUZZ_DIR)/crashes && \
	KAIZEN_FUZZ_TARGET=$(1) ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $(FUZZ_DIR)/release/kaizen-fuzz -max_total_time=$(FUZZ_SECONDS) \
		-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crashes/$(1)- \
		$(FUZZ_DIR)/corpus/$(1) Tests/Fixtures/fuzz/$(1) $(2)

fuzz: fuzz-records fuzz-lsp fuzz-timeline-cache

fuzz-build: deps
	$(SWIFT) build -c release --product kaizen-fuzz --scratch-path $(FUZZ_DIR) \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DKAIZEN_LIBFUZZER -Xswiftc -use-ld=lld

fuzz-records: fuzz-build
	$(call FUZZ_RUN,records,Tests/Fixtures/hostile examples/improvements examples/experiments examples/constraints)

fuzz-lsp: fuzz-build
	$(call FUZZ_RUN,lsp)

fuzz-timeline-cache: fuzz-build
	$(call FUZZ_RUN,timeline-cache)

clean:
	rm -rf .build .build-fuzz $(DEMO_DIR) bench/out
