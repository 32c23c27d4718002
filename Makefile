# afspraken: build, test, benchmark and install.
# `make` builds build/afspraken; `make check` installs what the tests need
# and runs every test; `make bench` compares us with pandoc.

PREFIX  ?= /usr/local
CC      ?= cc
PKGS    := libxml-2.0 libzip libpcre2-8 yaml-0.1 libcrypto jansson
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wno-missing-field-initializers
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Debian packages: to build, and in addition to run the tests.
BUILD_DEBS := build-essential pkg-config libxml2-dev libzip-dev libpcre2-dev libyaml-dev libssl-dev libjansson-dev
TEST_DEBS  := libcmocka-dev libxml2-utils pandoc python3 python3-yaml python3-docx python3-odf python3-jsonschema \
              libreoffice-writer-nogui python3-uno unzip poppler-utils clang libclang-rt-14-dev valgrind
BENCH_DEBS := pandoc time

CLI_SRC  := generator/main.c generator/cli.c $(wildcard generator/cmd_*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard generator/*.c)) $(wildcard output/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

OBJ      := $(LIB_SRC:%.c=build/obj/%.o)
SAN_OBJ  := $(LIB_SRC:%.c=build/san/%.o)
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzz/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/san/%)
MODEL    := model/landelijk-model.yaml

.PHONY: all deps test-deps example check unit functional memcheck fuzz bench install clean

all: build/afspraken build/regio.schema.json

# Installs only the Debian packages that are missing, so a second run is
# quick and needs no network.
define install-missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi
endef

deps:
	$(call install-missing,$(BUILD_DEBS))

test-deps: deps
	$(call install-missing,$(TEST_DEBS) $(BENCH_DEBS))

build/obj/%.o: %.c $(wildcard generator/*.h output/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -DAFSPRAKEN_MODEL_DIR='"$(PREFIX)/share/afspraken"' -c $< -o $@

build/afspraken: $(OBJ) $(CLI_SRC:%.c=build/obj/%.o)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

# The region files' JSON Schema, derived from the model by the program.
build/regio.schema.json: build/afspraken $(MODEL)
	build/afspraken schema --model $(MODEL) > $@.tmp && mv $@.tmp $@

# The example region's documents, for a first look.
example: deps
	$(MAKE) build/afspraken
	build/afspraken genereer regions/voorbeeld.yaml

build/san/%.o: %.c $(wildcard generator/*.h output/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -O1 $(SAN) $(PKG_CFLAGS) -DAFSPRAKEN_MODEL_DIR='"$(PREFIX)/share/afspraken"' -c $< -o $@

build/san/test_%: tests/unit/test_%.c $(SAN_OBJ) tests/unit/fixtures.h
	$(CC) $(CFLAGS) -O1 $(SAN) $(PKG_CFLAGS) -Igenerator -Ioutput -o $@ $< $(SAN_OBJ) $(PKG_LIBS) -lcmocka

build/afspraken-san: $(SAN_OBJ) $(CLI_SRC:%.c=build/san/%.o)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS)

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $$t || fail=1; done; exit $$fail

functional: build/afspraken build/afspraken-san
	tests/functional/run.sh

# The optimised binary, as users run it, under valgrind's memcheck: what
# the sanitizer build cannot see (uninitialised reads, -O2 code paths).
VALGRIND := valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite
memcheck: build/afspraken
	for r in regions/*.yaml; do $(VALGRIND) build/afspraken genereer $$r -o build/memcheck >/dev/null || exit 1; done
	$(VALGRIND) build/afspraken controleer regions/*.yaml >/dev/null
	$(VALGRIND) build/afspraken init >/dev/null
	@# A logo and a link are read and written only when a region has them.
	mkdir -p build/memcheck-logo && cp tests/data/logo.png build/memcheck-logo/
	sed 's/^regio: .*/&\nlogo: logo.png/; s/^  samenwerking_historie: .*/&\n    Zie https:\/\/zvh.nl of schrijf aan info@zvh.nl./' \
	  regions/voorbeeld.yaml > build/memcheck-logo/regio.yaml
	$(VALGRIND) build/afspraken genereer build/memcheck-logo/regio.yaml -o build/memcheck-logo/uit >/dev/null
	unzip -l build/memcheck-logo/uit/*.docx | grep -q 'word/media/logo.png'
	unzip -p build/memcheck-logo/uit/*.docx word/_rels/document.xml.rels | grep -q 'mailto:info@zvh.nl'
	for f in build/memcheck/*.odt build/memcheck/*.docx; do \
	  $(VALGRIND) build/afspraken verifieer $$f --manifest $${f%.*}.manifest.json >/dev/null || exit 1; done
	@# Refused input takes other paths: each must end with exit 2 (valgrind's own code is 9).
	printf 'regio: a\nb: \303(\n' > build/memcheck-utf8.yaml
	{ printf 'regio: '; printf '%*s\n' 200 '' | tr ' ' '['; } > build/memcheck-deep.yaml
	for f in utf8 deep; do $(VALGRIND) build/afspraken controleer build/memcheck-$$f.yaml 2>/dev/null; \
	  [ $$? -eq 2 ] || exit 1; done
	printf 'PK geen zip' > build/memcheck-kapot.docx
	$(VALGRIND) build/afspraken verifieer build/memcheck-kapot.docx 2>/dev/null; [ $$? -eq 2 ]
	$(VALGRIND) build/afspraken genereer regions/voorbeeld.yaml -o '' 2>/dev/null; [ $$? -eq 2 ]
	SOURCE_DATE_EPOCH=99999999999 $(VALGRIND) build/afspraken genereer regions/voorbeeld.yaml \
	  -o build/memcheck 2>/dev/null >/dev/null; [ $$? -eq 2 ]
	@# vergelijk ends with 1 when the sides differ, as these do.
	$(VALGRIND) build/afspraken vergelijk regions/voorbeeld.yaml -o build/memcheck-vergelijk \
	  --formaat json 2>/dev/null >/dev/null; [ $$? -eq 1 ]
	$(VALGRIND) build/afspraken vergelijk regions/voorbeeld.yaml regions/alles.yaml \
	  -o build/memcheck-vergelijk 2>/dev/null >/dev/null; [ $$? -eq 1 ]
	$(VALGRIND) build/afspraken vergelijk tests/data/update-region.yaml \
	  --model-oud tests/data/mini-model.yaml --model-nieuw tests/data/mini-model-2.yaml \
	  --formaat md 2>/dev/null >/dev/null; [ $$? -eq 1 ]
	@echo "memcheck: geen fouten"

# libFuzzer: fuzz-inputs (a region through loader, assembler and writers),
# fuzz-model (the model loader, check, description and starter file) and
# fuzz-markup (the markup scanner), fuzz-readback (verifieer's ODT and DOCX
# reader). `make check` runs a fixed number of
# inputs of each from the seeds; FUZZ_ARGS=-max_total_time=600 fuzzes longer.
FUZZ_FLAGS   := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_ARGS    ?= -runs=20000 -seed=1
FUZZ_TARGETS := inputs model markup readback

build/fuzz/%.o: %.c $(wildcard generator/*.h output/*.h)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c $< -o $@

build/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_file.h $(FUZZ_OBJ)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz-%) build/afspraken
	tests/fuzz/seeds.sh build/fuzz-corpus
	for t in $(FUZZ_TARGETS); do \
	  build/fuzz-$$t -artifact_prefix=build/fuzz-$$t- $(FUZZ_ARGS) build/fuzz-corpus/$$t || exit 1; done

check: test-deps
	$(MAKE) all build/afspraken-san $(UNIT_BIN)
	$(MAKE) unit
	$(MAKE) memcheck
	$(MAKE) fuzz
	$(MAKE) functional

bench: test-deps
	$(MAKE) build/afspraken build/afspraken-bench
	bench/run.sh

build/afspraken-bench: bench/engine.c $(OBJ)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $^ $(PKG_LIBS)

install: build/afspraken build/regio.schema.json
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/afspraken $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 build/afspraken $(DESTDIR)$(PREFIX)/bin/afspraken
	install -m 644 $(MODEL) $(DESTDIR)$(PREFIX)/share/afspraken/landelijk-model.yaml
	install -m 644 build/regio.schema.json $(DESTDIR)$(PREFIX)/share/afspraken/regio.schema.json
	install -m 644 afspraken.1 $(DESTDIR)$(PREFIX)/share/man/man1/afspraken.1

clean:
	rm -rf build out
