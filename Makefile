# ramme — a thin front for Meson. `make` builds build/ramme.
# `make run` sets up a fresh Debian 12 machine, builds, creates the demo
# database and serves it; `make test` runs every suite.

BUILD     ?= build
BUILD_SAN ?= build-san
DB        ?= var/ramme.db
PORT      ?= 8080

.PHONY: all build run test unit clean bootstrap bootstrap-test fuzz

all: build

bootstrap:
	@sh scripts/bootstrap

bootstrap-test:
	@sh scripts/bootstrap --test

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized -Dwerror=true >/dev/null

build: $(BUILD)/build.ninja
	@ninja -C $(BUILD) >$(BUILD)/ninja.log 2>&1 || { cat $(BUILD)/ninja.log; exit 1; }
	@ln -sf src/ramme $(BUILD)/ramme

run: bootstrap build
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then \
		./$(BUILD)/src/ramme init --db $(DB) --demo && \
		sh scripts/demo-users ./$(BUILD)/src/ramme $(DB); \
	fi
	@echo
	@echo "ramme: open http://localhost:$(PORT)/ and log in (Log ind)."
	@if [ -f $(dir $(DB))demo-login.txt ]; then cat $(dir $(DB))demo-login.txt; fi
	@echo
	./$(BUILD)/src/ramme serve --db $(DB) --port $(PORT)

test: bootstrap-test
	@sh scripts/test-all

# libFuzzer harnesses (fuzz/), each for FUZZ_TIME seconds.
FUZZ_TIME ?= 300
fuzz: bootstrap-test
	@sh scripts/fuzz $(FUZZ_TIME)

clean:
	rm -rf $(BUILD) $(BUILD_SAN) build-clang build-fuzz test-results
