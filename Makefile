# ramme — a thin front for Meson. `make` builds build/ramme.
# `make run` sets up a fresh Debian 12 machine, builds, creates the demo
# database and serves it; `make test` runs every suite.

BUILD     ?= build
BUILD_SAN ?= build-san
DB        ?= var/ramme.db
PORT      ?= 8080

.PHONY: all build run test unit clean bootstrap bootstrap-test

all: build

bootstrap:
	@sh scripts/bootstrap

bootstrap-test:
	@sh scripts/bootstrap --test

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized -Dwerror=true >/dev/null

build: $(BUILD)/build.ninja
	@ninja -C $(BUILD) | grep -v '^\[' || true
	@test -x $(BUILD)/ramme

run: bootstrap build
	@mkdir -p var
	@if [ ! -f $(DB) ]; then ./$(BUILD)/ramme init --db $(DB) --demo; fi
	./$(BUILD)/ramme serve --db $(DB) --port $(PORT)

test: bootstrap-test
	@sh scripts/test-all

clean:
	rm -rf $(BUILD) $(BUILD_SAN) build-clang test-results
