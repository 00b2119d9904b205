# wfm - workforce management toolkit.  GNU make; see README.md.
#   make            build bin/wfm and bin/wfm-*
#   make demo       install missing build deps, build, run the pipeline into out/
#   make docs-figures   run the demo, rewrite the figures README/docs quote from it
#   make check      install missing build deps, build, run all tests
#   make bench      benchmarks (figures on stdout)
#   make ASAN=1 ... build with address + undefined + float-cast-overflow sanitizers
#   make memcheck   the CLI tests with every program under valgrind
#   make coverage   make check under gcov: line and branch figures of lib/
#   make fuzz FUZZ_SECONDS=600   libFuzzer harnesses tests/fuzz/fuzz_*.c (clang)
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall   /   make clean

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
DATADIR   ?= $(PREFIX)/share/wfm
PKG_CONFIG ?= pkg-config
CC        ?= cc

O := bin/.obj
CFLAGS ?= -O2 -g
WFM_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -MMD -MP -iquote lib \
	     -DWFM_VERSION=\"$(VERSION)\" \
	     $(shell $(PKG_CONFIG) --cflags gsl cairo 2>/dev/null)
LDLIBS += $(shell $(PKG_CONFIG) --libs gsl cairo 2>/dev/null) -lcsv -lglpk -lm

# make coverage (or any target with COVERAGE=1): gcov instrumentation, -O0.
ifeq ($(COVERAGE),1)
CFLAGS  += --coverage -O0
LDFLAGS += --coverage
else ifneq ($(COVERAGE),)
$(error COVERAGE must be 1 or empty)
endif

ifeq ($(ASAN),1)
CFLAGS  += -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined,float-cast-overflow
LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
else ifneq ($(ASAN),)
$(error ASAN must be 1 or empty)
endif

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(O)/%.o)
PROG_SRC = $(wildcard forecast/*.c schedule/*.c) $(filter-out bin/wfm.c,$(wildcard bin/*.c))
PROGS    = bin/wfm $(addprefix bin/wfm-,$(basename $(notdir $(PROG_SRC))))
TEST_SRC = $(wildcard tests/unit/test_*.c)
TESTS    = $(TEST_SRC:tests/unit/%.c=$(O)/tests/%)
GEN      = $(O)/wfm-gen
GEN_BANK = $(O)/wfm-gen-bank
DEP      = $(LIB_OBJ:.o=.d) $(PROG_SRC:%.c=$(O)/%.d) $(O)/bin/wfm.d $(TEST_SRC:%.c=$(O)/%.d)

# Rebuild everything when the compiler flags change (e.g. ASAN=1 and back).
FLAGS_STAMP = $(O)/flags
$(shell mkdir -p $(O); echo '$(CC) $(CFLAGS) $(WFM_CFLAGS) $(LDFLAGS)' | cmp -s - $(FLAGS_STAMP) || \
	echo '$(CC) $(CFLAGS) $(WFM_CFLAGS) $(LDFLAGS)' > $(FLAGS_STAMP))

.PHONY: all deps demo docs-figures check coverage coverage-tests bench install uninstall clean data memcheck man deb deb-check fuzz fuzz-build
all: $(PROGS)

$(O)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WFM_CFLAGS) -c $< -o $@

$(O)/libwfm.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

bin/wfm: $(O)/bin/wfm.o
	$(CC) $(LDFLAGS) -o $@ $^

define prog_rule
bin/wfm-$(basename $(notdir $(1))): $(O)/$(1:.c=.o) $(O)/libwfm.a
	$$(CC) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)
endef
$(foreach s,$(PROG_SRC),$(eval $(call prog_rule,$(s))))

$(O)/tests/%: $(O)/tests/unit/%.o $(O)/libwfm.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(GEN): data/gen/gen.c $(FLAGS_STAMP)
	$(CC) $(CFLAGS) $(WFM_CFLAGS) -o $@ $< $(LDLIBS)

$(GEN_BANK): bench/gen-bank.c $(FLAGS_STAMP)
	$(CC) $(CFLAGS) $(WFM_CFLAGS) -o $@ $< $(LDLIBS)

# Missing build dependencies are installed with apt-get (as root, or sudo).
deps:
	@missing=""; \
	command -v $(PKG_CONFIG) >/dev/null || missing="$$missing pkg-config"; \
	command -v $(CC) >/dev/null || missing="$$missing gcc"; \
	$(PKG_CONFIG) --exists gsl 2>/dev/null || missing="$$missing libgsl-dev"; \
	$(PKG_CONFIG) --exists cairo 2>/dev/null || missing="$$missing libcairo2-dev"; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	[ -d /usr/share/zoneinfo/Europe ] || missing="$$missing tzdata"; \
	[ -n "$(DEPS_EXTRA)" ] && for p in $(DEPS_EXTRA); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "make deps: installing$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh

# The figures README.md and docs/*.md quote from the demo, rewritten from a
# fresh demo run (tests/docs-figures.sh; `make check` fails when they differ).
docs-figures: demo
	@sh tests/docs-figures.sh --write out

check: DEPS_EXTRA = help2man jq
check: deps
	@$(MAKE) --no-print-directory all man $(TESTS)
	@sh tests/run.sh $(TESTS)

bench: DEPS_EXTRA = time
bench: deps
	@$(MAKE) --no-print-directory all $(GEN) $(GEN_BANK)
	@sh bench/run.sh

# Line and branch coverage of lib/ by make check (gcov; lcov adds HTML in
# bin/.obj/coverage/).  Rebuilds everything with --coverage; a plain make
# afterwards rebuilds without.
coverage: DEPS_EXTRA = help2man jq lcov
coverage: deps
	@find $(O) -name '*.gcda' -delete 2>/dev/null; true
	@$(MAKE) --no-print-directory COVERAGE=1 all man $(TESTS) coverage-tests
	@sh tests/coverage.sh

# The tests of make coverage, run by the make that has COVERAGE=1 on its
# command line: a test that runs make itself (t1100 installs) inherits it
# through MAKEFLAGS and keeps the instrumented build.
coverage-tests: all man $(TESTS)
	@sh tests/run.sh $(TESTS) >$(O)/coverage-check.log 2>&1 || \
		echo "make coverage: some tests failed, see $(O)/coverage-check.log" >&2

memcheck: DEPS_EXTRA = valgrind
memcheck: deps
	@$(MAKE) --no-print-directory all
	@WFM_MEMCHECK=1 sh tests/run.sh

# Fuzzing (tests/fuzz/, docs/reliability.md): every tests/fuzz/fuzz_NAME.c
# becomes $(FZ)/fuzz_NAME, linked with lib/ rebuilt by clang; a harness for a
# loader outside lib/ names its extra sources in one line:
#   FUZZ_EXTRA_fuzz_NAME = schedule/NAME_io.c
# Each runs FUZZ_SECONDS on a corpus seeded from tests/bad/, tests/fixtures/,
# the heads of data/*.csv and tests/fuzz/seeds/NAME/; crashes are saved as
# $(FZ)/crash-NAME-*.  `make check` does not need clang.
FUZZ_SECONDS ?= 60
FUZZ_CC   ?= clang
FZ        := $(O)/fuzz
FUZZ_SAN   = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZERS    = $(FUZZ_SRC:tests/fuzz/%.c=$(FZ)/%)
FUZZ_LIB   = $(LIB_SRC:%.c=$(FZ)/%.o)
FUZZ_CFLAGS = $(filter-out -MMD -MP,$(WFM_CFLAGS)) -iquote tests/fuzz

$(FZ)/%.o: %.c $(wildcard lib/*.h) tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(FUZZ_CFLAGS) -c $< -o $@

.PRECIOUS: $(FZ)/%.o
.SECONDEXPANSION:
$(FZ)/fuzz_%: $(FZ)/tests/fuzz/fuzz_%.o $(FUZZ_LIB) $$(patsubst %.c,$(FZ)/%.o,$$(FUZZ_EXTRA_fuzz_$$*))
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory deps DEPS_EXTRA="clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory $(FUZZERS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FZ) $(notdir $(FUZZERS))

data: $(GEN)
	$(GEN) data

# Man pages: wfm-NAME(1) from each program's --help (help2man, so the page
# and --help cannot disagree), wfm-formats(5) from docs/man/.
MAN1 = $(PROGS:bin/%=$(O)/man/%.1)
man: $(MAN1)
$(O)/man/%.1: bin/% | $(O)/man
	name=$$(bin/wfm help | awk -v p="$*" '{ if ("wfm-" $$1 == p) { $$1 = ""; sub(/^ +/, ""); print } }'); \
	help2man --no-info --no-discard-stderr --section=1 \
		--name="$${name:-workforce-management toolkit for contact centers}" --output=$@ ./$<
	@awk '/^\.S[SH] / { if (ex) print ".fi"; ex = tolower($$0) ~ /example/; print; if (ex) print ".nf"; next } \
		ex && /^\.HP/ { ind = 1; next } ex && /^\.(IP|PP|TP)/ { next } \
		ex && ind { print "    " $$0; ind = 0; next } { print } /^\.TH / { print ".ad l" } \
		END { if (ex) print ".fi" }' $@ > $@.tmp && mv $@.tmp $@
$(O)/man:
	mkdir -p $@

install: all man
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5 \
		$(DESTDIR)$(DATADIR)/examples $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp docs/man/*.5 $(DESTDIR)$(MANPREFIX)/man5/
	cp data/*.csv data/README.md $(DESTDIR)$(DATADIR)/examples/
	cp docs/completion/wfm.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/wfm

uninstall:
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(PROGS)))
	rm -f $(addprefix $(DESTDIR)$(MANPREFIX)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANPREFIX)/man5/,$(notdir $(wildcard docs/man/*.5)))
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/wfm
	rm -rf $(DESTDIR)$(DATADIR)

# A Debian package, built with debhelper in a copy of the tree.
DEB_DIR = $(O)/deb/wfm-$(VERSION)
deb: DEPS_EXTRA = debhelper dpkg-dev help2man fakeroot
deb: deps
	rm -rf $(O)/deb && mkdir -p $(DEB_DIR)
	git ls-files -z | xargs -0 cp --parents -t $(DEB_DIR)
	cp -r docs/debian $(DEB_DIR)/debian
	sed 's/@VERSION@/$(VERSION)/' docs/debian/changelog.in > $(DEB_DIR)/debian/changelog
	rm -f $(DEB_DIR)/debian/changelog.in
	cd $(DEB_DIR) && dpkg-buildpackage -us -uc -b
	cp $(O)/deb/wfm_$(VERSION)_*.deb .
	@ls wfm_$(VERSION)_*.deb

# Install the package on this machine, run it from /tmp, remove it.
deb-check: deb
	dpkg -i wfm_$(VERSION)_*.deb
	cd /tmp && wfm profile /usr/share/wfm/examples/history.csv --tz Europe/Moscow \
		--report summary --top 3 | head -8
	man -w wfm-profile wfm-formats
	dpkg -r wfm

clean:
	rm -rf $(O) bin/wfm bin/wfm-* out wfm_*.deb

-include $(DEP)
