# From Derivatives to Machine Learning: one literate source, doc.nw, becomes
# programs, data, figures and a PDF.  The rules below follow the pipeline:
#
#   doc.nw --tangle--> build/src/*.c --cc--> build/bin/* --run--> build/data/
#   figures/*.gp + build/data/ --gnuplot--> build/fig/*.tex *.pdf
#   doc.nw --weave--> build/doc.tex --pdflatex--> build/doc.pdf
#
# `make V=1` shows full commands; CC, CFLAGS, LDFLAGS and LDLIBS are yours.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules --no-builtin-variables

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
DOCDIR ?= $(PREFIX)/share/doc/derivatives-to-ml
# Recipes read these from the environment ("$$DESTDIR$$BINDIR"), so a
# path with spaces, quotes or `$(...)` in it is a path, never shell text.
export DESTDIR PREFIX BINDIR MANDIR DOCDIR

CC ?= cc
CC := $(if $(filter default,$(origin CC)),cc,$(CC))
AR := ar
CFLAGS ?= -O2 -g
LDFLAGS ?=
LDLIBS ?=
# The project's own flags, kept apart from the user's CFLAGS so both apply.
WARNINGS := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
PROJECT_CFLAGS := -std=c11 $(WARNINGS)
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

B := build
LIB := libderivml.a

# ---------------------------------------------------------------- one at a time
# Two makes in one tree never run at once: every goal is made by a second
# make that holds the lock build/.lock (build-aux/lock.sh); a make started
# meanwhile says so and waits.  This first make reads nothing else, runs
# no tool, and passes the goals, flags and variables on.  Not locked: a
# make run by a locked one in this tree (DERIVML_LOCK names it), a dry run
# (make -n), and goals that touch nothing in this tree's build/: `make
# help` and the long tests that build scratch copies of the tree (a
# check-incremental of an hour does not hold up your `make`).
UNBUILT_GOALS := help chaos check-paths check-incremental check-concurrent
dry_run := $(if $(filter-out --%,$(firstword $(MAKEFLAGS))),$(findstring n,$(firstword $(MAKEFLAGS))))
take_lock := yes
ifeq ($(value DERIVML_LOCK),$(CURDIR))
  take_lock :=
endif
ifneq ($(dry_run),)
  take_lock :=
endif
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(UNBUILT_GOALS),$(MAKECMDGOALS)),)
  take_lock :=
endif
endif

ifneq ($(take_lock),)
.PHONY: locked $(MAKECMDGOALS)
locked:
	@bash build-aux/lock.sh $(B) $(MAKE) $(MAKECMDGOALS)
$(filter-out locked,$(MAKECMDGOALS)): locked ; @:
else

# Reproducible PDFs: pdfTeX writes no date and no per-run ID, and
# SOURCE_DATE_EPOCH (yours if set, else the last commit's date, else
# doc.nw's modification time) is computed once per make that typesets,
# into build/source-date-epoch, which the PDFs depend on (see "date").
export FORCE_SOURCE_DATE := 1
# gnuplot finds the shared style (`load 'style.gp'`) through GNUPLOT_LIB.
export GNUPLOT_LIB := $(CURDIR)/figures

# Every step writes its output under a temporary name beside the target
# (hidden, so no listing of a directory sees it) and renames it into place
# only when it is complete: a build killed at any instant, even with
# SIGKILL to its whole process group, leaves no target that exists but is
# wrong.  The longer steps are scripts in build-aux/, each callable by hand.
tmp = $(@D)/.$(@F).tmp

# Every step announces itself in one line through `say` (V=1: the command).
ifeq ($(V),1)
  Q :=
  say =
else
  Q := @
  say = @printf '  %-8s %s\n' '$(1)' "$(2)";
endif

.PHONY: all figures programs html check check-html chaos check-paths check-incremental check-concurrent clean bench fuzz \
    install uninstall help FORCE
all: $(B)/doc.pdf

# ---------------------------------------------------------------- tools
# Debian packages that provide each tool; installed when missing and root.
define check_tools
missing=
need() { command -v "$$1" >/dev/null 2>&1 || missing="$$missing $$2"; }
need notangle noweb; need noweave noweb; need cpif noweb; need noroots noweb
need gnuplot gnuplot-nox; need pdflatex texlive-latex-base; need makeindex texlive-binaries
need pdftocairo poppler-utils; need pdftotext poppler-utils
# LaTeX packages the document loads, by the Debian package that has them.
sty() { command -v kpsewhich >/dev/null 2>&1 && kpsewhich "$$1" >/dev/null || missing="$$missing $$2"; }
sty hyperref.sty texlive-latex-base; sty lmodern.sty lmodern; sty t1lmr.fd lmodern
sty booktabs.sty texlive-latex-recommended; sty microtype.sty texlive-latex-recommended
sty xcolor.sty texlive-latex-recommended; sty etoolbox.sty texlive-latex-recommended
sty fancyhdr.sty texlive-latex-base; sty makeidx.sty texlive-latex-base
sty noweb.sty noweb
printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <cmocka.h>\n' \
  | $(CC) -E -x c - >/dev/null 2>&1 || missing="$$missing libcmocka-dev"
# The tests' exact rational arithmetic (tests/test-fit-exact.c) is GMP's.
printf '#include <gmp.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || missing="$$missing libgmp-dev"
missing=$$(printf '%s\n' $$missing | sort -u | tr '\n' ' ')
pkgs="$$missing texlive-fonts-recommended"
if [ -n "$${missing// }" ]; then $(install_packages); fi
endef

# Install the Debian packages named in $$pkgs when root, or name the command.
install_packages = if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
    echo "  INSTALL  $$pkgs"; export DEBIAN_FRONTEND=noninteractive; \
    log=$$(mktemp); apt-get update -qq >$$log 2>&1 \
      && apt-get install -y -qq --no-install-recommends $$pkgs >>$$log 2>&1 \
      || { cat $$log >&2; rm -f $$log; exit 1; }; rm -f $$log; \
  else \
    echo "missing tools: run: sudo apt-get install --no-install-recommends $$pkgs" >&2; exit 1; \
  fi

export check_tools
$(B)/tools.ok: Makefile
	$(Q)mkdir -p $(B) && bash -eu -o pipefail -c "$$check_tools" && touch $@

# ---------------------------------------------------------------- date, compiler
# Facts about the machine are found by recipes, only for the goals that
# need them, into files under build/ that the rules depend on; a file
# whose value did not change keeps its time.  The date: yours, or the
# last commit's, or doc.nw's modification time, looked up by every make
# whose goals typeset (a commit changes it); recipes that typeset set
# SOURCE_DATE_EPOCH from it ($(date)).
# (Every make that typesets runs this: with SOURCE_DATE_EPOCH set, it runs
# nothing but bash.)
$(B)/source-date-epoch: FORCE
	$(Q)d=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || stat -c %Y doc.nw)} \
	  && { [[ $$d =~ ^[0-9]+$$ ]] || { echo "SOURCE_DATE_EPOCH=$$d: not a number of seconds" >&2; exit 1; }; } \
	  && was= && { [ ! -f $@ ] || read -r was <$@; } \
	  && { [ "$$was" = "$$d" ] || { mkdir -p $(B) && echo "$$d" >"$(tmp)" && mv -f "$(tmp)" $@; }; }
date = SOURCE_DATE_EPOCH=$$(cat $(B)/source-date-epoch)

# The compiler: whether $(CC) has libquadmath (the tests' and the bench's
# quad-precision reference, tests/quad-reference.h: gcc's __float128 with
# libquadmath, else long double).  Asked once per CC: the file names the
# compiler it was asked of, and is asked again only when CC changes.
$(B)/cc-facts: FORCE
	$(Q)mkdir -p $(B) && [ "$$(head -n 1 $@ 2>/dev/null)" = "CC=$(CC)" ] \
	  || { { echo "CC=$(CC)"; printf '\043include <quadmath.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 \
	         && echo -lquadmath || echo; } >"$(tmp)" && mv -f "$(tmp)" $@; }
quadmath = $$(sed -n 2p $(B)/cc-facts)

# ---------------------------------------------------------------- tangle
# Every root chunk of doc.nw is a file, tangled into build/plain/ (no #line
# directives: what make compares, so moving prose recompiles nothing) and
# build/src/ (with them: what the compiler reads).  build-aux/tangle.sh
# also writes build/tangle.mk: the library files, the programs, and the
# generated files doc.nw inputs.  build-aux/figure-deps.sh writes
# build/figures.mk: the data files each figure script plots.
$(B)/tangle.mk: doc.nw build-aux/tangle.sh | $(B)/tools.ok
	$(call say,TANGLE,doc.nw)bash build-aux/tangle.sh doc.nw $(B)

$(B)/figures.mk: $(wildcard figures/*.gp) build-aux/figure-deps.sh
	$(Q)bash build-aux/figure-deps.sh $(B) $(wildcard figures/*.gp)

# The generated fragments are needed by every goal but `make clean` and
# those that build nothing here (make remakes them first when they are out
# of date, then reads them).
ifneq ($(filter-out clean $(UNBUILT_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(B)/tangle.mk $(B)/figures.mk
endif

# ---------------------------------------------------------------- compile
HEADERS := $(LIB_HEADERS:%=$(B)/plain/%)
BINS := $(PROGRAMS:%=$(B)/bin/%)
ALL_CFLAGS = $(PROJECT_CFLAGS) -I$(B)/src/lib $(CFLAGS)

$(B)/obj/%.o: $(B)/plain/%.c $(HEADERS)
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(ALL_CFLAGS) -c "$(B)/src/$*.c" -o "$(tmp)" && mv -f "$(tmp)" "$@"

$(B)/obj/$(LIB): $(LIB_SOURCES:%.c=$(B)/obj/%.o)
	$(call say,AR,$@)rm -f "$(tmp)" && $(AR) rcs "$(tmp)" $^ && mv -f "$(tmp)" "$@"

$(B)/bin/%: $(B)/obj/%.o $(B)/obj/$(LIB)
	$(call say,LINK,$@)mkdir -p "$(@D)" && $(CC) $(CFLAGS) $(LDFLAGS) $^ -o "$(tmp)" $(LDLIBS) -lm && mv -f "$(tmp)" "$@"

# The same sources, built with the sanitizers and -Werror, for the tests.
$(B)/san/%.o: $(B)/plain/%.c $(HEADERS)
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(ALL_CFLAGS) -Werror $(SANITIZE) -c "$(B)/src/$*.c" -o "$(tmp)" && mv -f "$(tmp)" "$@"

$(B)/san/$(LIB): $(LIB_SOURCES:%.c=$(B)/san/%.o)
	$(call say,AR,$@)rm -f "$(tmp)" && $(AR) rcs "$(tmp)" $^ && mv -f "$(tmp)" "$@"

$(B)/san/bin/%: $(B)/san/%.o $(B)/san/$(LIB)
	$(call say,LINK,$@)mkdir -p "$(@D)" && $(CC) $(CFLAGS) $(SANITIZE) $(LDFLAGS) $^ -o "$(tmp)" $(LDLIBS) -lm && mv -f "$(tmp)" "$@"

programs: $(BINS)

# ---------------------------------------------------------------- run
# Each program writes its figure data and the numbers the prose quotes
# (values.tex) into build/data/<program>/ (build-aux/run-program.sh).  A
# file whose bytes did not change keeps its timestamp, so a rerun that
# computes the same numbers redraws no figure and retypesets nothing.
$(B)/data/%.stamp: $(B)/bin/% build-aux/run-program.sh
	$(call say,RUN,$*)bash build-aux/run-program.sh "$<" "$(B)/data/$*" $(RUN_ARGS_$*) && touch "$@"

# fit-line reads a file: the build runs it on section 7's data.
RUN_ARGS_fit-line := $(B)/data/descend-loss/samples.tsv
$(B)/data/fit-line.stamp: $(B)/data/descend-loss/samples.tsv

# A data file is brought up to date by running its program.  The empty
# recipe runs nothing: a file the rerun did not change keeps its time, and
# what is drawn from it is not redone.
$(foreach p,$(PROGRAMS),$(eval $(B)/data/$(p)/%: $(B)/data/$(p).stamp ;))

# ---------------------------------------------------------------- plot
# One script per figure; the data files each reads are in build/figures.mk.
FIGURES := $(filter-out style,$(patsubst figures/%.gp,%,$(wildcard figures/*.gp)))
FIG_FILES := $(foreach f,$(FIGURES),$(B)/fig/$(f).tex $(B)/fig/$(f).pdf)

# A figure is as wide as the text block or narrower (figures/style.gp):
# gnuplot is given the text block's width, read from doc.nw's geometry
# options (textwidth=...mm) into build/text-width, which keeps its time
# while the width stays, so editing doc.nw redraws no figure.  make check
# measures each figure on the page (tests/check-figure-width.sh).
$(B)/text-width: FORCE
	$(Q)w=$$(sed -n 's/^\\usepackage\[.*[[,]textwidth=\([0-9.]*\)mm[],].*$$/\1/p' doc.nw) \
	  && { [[ $$w =~ ^[0-9]+(\.[0-9]+)?$$ ]] || { echo "doc.nw: no textwidth=...mm in a \\usepackage[...] line (the geometry options)" >&2; exit 1; }; } \
	  && was= && { [ ! -f $@ ] || read -r was <$@; } \
	  && { [ "$$was" = "$$w" ] || { mkdir -p $(B) && echo "$$w" >"$(tmp)" && mv -f "$(tmp)" $@; }; }

$(B)/fig/%.tex $(B)/fig/%.pdf: figures/%.gp figures/style.gp build-aux/plot.sh $(B)/text-width | $(B)/tools.ok
	$(call say,GNUPLOT,$<)bash build-aux/plot.sh "$*" $(B)

# Each figure also stands alone, for slides and web pages: the same
# cairolatex pair set on a page of its own (figures/standalone.tex, the
# document's fonts, its CropBox the figure), and that PDF made into an SVG
# (pdftocairo draws the CropBox) and a 200 dpi PNG.  Nothing is drawn twice.
STANDALONE := $(foreach f,$(FIGURES),$(addprefix $(B)/fig/standalone/$(f).,pdf svg png))

$(B)/fig/standalone/%.pdf: $(B)/fig/%.tex $(B)/fig/%.pdf figures/standalone.tex build-aux/standalone.sh \
    $(B)/source-date-epoch
	$(call say,LATEX,$@)$(date) bash build-aux/standalone.sh "$*" $(B)

$(B)/fig/standalone/%.svg: $(B)/fig/standalone/%.pdf
	$(call say,SVG,$@)pdftocairo -svg "$<" "$(tmp)" && mv -f "$(tmp)" "$@"

# pdftocairo adds .png to the name it is given.
$(B)/fig/standalone/%.png: $(B)/fig/standalone/%.pdf
	$(call say,PNG,$@)pdftocairo -cropbox -png -r 200 -singlefile "$<" "$(tmp)" && mv -f "$(tmp).png" "$@"

figures: $(FIG_FILES) $(STANDALONE)

# ---------------------------------------------------------------- weave, typeset
# noweave -delay -index's own pipeline, with build-aux/c-uses.awk after
# finduses: an identifier is cross-referenced only where C sees it (not
# in comments, strings or after . and ->).  The web edition reads the same
# stream.  doc.tex keeps doc.nw's line numbers, so a LaTeX error at
# doc.tex:N is reported as doc.nw:N.
NOWEB_LIB := /usr/lib/noweb
NOWEB_INDEX = $(NOWEB_LIB)/markup doc.nw | $(NOWEB_LIB)/finduses $(1) | awk -f build-aux/c-uses.awk \
  | $(NOWEB_LIB)/noidx -delay
$(B)/doc.tex: doc.nw build-aux/c-uses.awk | $(B)/tools.ok
	$(call say,WEAVE,doc.nw)mkdir -p "$(B)/tmp" && { $(call NOWEB_INDEX) | $(NOWEB_LIB)/totex -delay; } \
	    >"$(B)/tmp/doc.tex" 2>"$(B)/tmp/weave.err" \
	  && ! { [ -s "$(B)/tmp/weave.err" ] && sed 's|^|doc.nw: noweave: |' "$(B)/tmp/weave.err" >&2; } \
	  && mv -f "$(B)/tmp/doc.tex" "$@"

# Where a page may break inside each chunk, and how well (read by the
# preamble's page rules; see build-aux/code-breaks.awk).
$(B)/code-breaks.tex: doc.nw build-aux/code-breaks.awk | $(B)/tools.ok
	$(call say,BREAKS,$@)mkdir -p "$(B)/tmp" && awk -f build-aux/code-breaks.awk doc.nw >"$(B)/tmp/code-breaks.tex" \
	  && mv -f "$(B)/tmp/code-breaks.tex" "$@"

# build-aux/typeset.sh repeats pdflatex passes (and makeindex) until a
# pass reads the very auxiliary files it writes (the cross-references,
# the lists, the index), and only then renames the log and the PDF into
# place.
$(B)/doc.pdf: $(B)/doc.tex $(B)/code-breaks.tex $(DOC_INPUTS) $(FIG_FILES) build-aux/typeset.sh $(B)/source-date-epoch
	$(call say,LATEX,$@)$(date) bash build-aux/typeset.sh $(B)

# ---------------------------------------------------------------- web edition
# make html: build/html/, one page per section, from the same doc.nw.
# web/nw2html.js reads noweb's pipeline (the cross-reference noweave
# -index uses), the programs' values and tables, the standalone SVG
# figures, and from the LaTeX build the chunks' tags (doc.aux), where each
# section starts in the PDF (doc.toc and the PDF's destinations) and the
# PDF itself, which it copies; math becomes MathML by KaTeX under node, so
# the pages need no script.  Any change rebuilds every page: about a
# second after the PDF (make bench).
KATEX := /usr/share/javascript/katex/katex.js
HTML_DATA := $(filter $(B)/data/%,$(DOC_INPUTS))
HTML_FIGS := $(FIGURES:%=$(B)/fig/standalone/%.svg)

$(B)/html.ok:
	$(Q)mkdir -p $(B); pkgs=; command -v node >/dev/null || pkgs=nodejs; [ -f $(KATEX) ] || pkgs="$$pkgs libjs-katex"; \
	[ -n "$$(fc-list 'Latin Modern Math' family 2>/dev/null)" ] || pkgs="$$pkgs fonts-lmodern fontconfig"; \
	if [ -n "$$pkgs" ]; then $(install_packages); fi; touch $@

$(B)/doc.pipe: doc.nw build-aux/c-uses.awk | $(B)/tools.ok
	$(call say,PIPE,doc.nw)mkdir -p $(B)/tmp && $(call NOWEB_INDEX,-noquote) >$(B)/tmp/doc.pipe && mv $(B)/tmp/doc.pipe $@

$(B)/html/index.html: $(B)/doc.pipe $(B)/doc.pdf $(wildcard web/*.js) web/style.css $(HTML_DATA) $(HTML_FIGS) \
    $(LIB_SOURCES:%=$(B)/plain/%) $(HEADERS) $(PROGRAMS:%=$(B)/plain/%.c) | $(B)/html.ok
	$(call say,HTML,$(B)/html/)rm -rf $(B)/tmp/html && KATEX=$(KATEX) node web/nw2html.js $(B)/doc.pipe $(B) $(B)/tmp/html \
	  && rm -rf $(B)/html && mv $(B)/tmp/html $(B)/html

# The browser test's tools: Chromium, node's WebSocket, and npm for axe-core.
$(B)/html-test.ok: | $(B)/html.ok
	$(Q)pkgs=; command -v chromium >/dev/null || pkgs=chromium; [ -d /usr/share/nodejs/ws ] || pkgs="$$pkgs node-ws"; \
	command -v npm >/dev/null || pkgs="$$pkgs npm"; \
	if [ -n "$$pkgs" ]; then $(install_packages); fi; touch $@

# axe-core, the accessibility engine the browser test runs in every page:
# from npm (Debian has no package), at the version tests/package-lock.json
# pins, installed into build/npm/ whole or not at all.
AXE := $(B)/npm/node_modules/axe-core/axe.min.js
$(AXE): tests/package.json tests/package-lock.json | $(B)/html-test.ok
	$(call say,NPM,axe-core)rm -rf $(B)/tmp/npm && mkdir -p $(B)/tmp/npm && cp tests/package.json tests/package-lock.json $(B)/tmp/npm/ \
	  && (cd $(B)/tmp/npm && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null) \
	  && rm -rf $(B)/npm && mv $(B)/tmp/npm $(B)/npm && touch $@

html: $(B)/html/index.html

# make check-html: the browser test with axe-core on every page at both
# widths (about 3 minutes; make check runs it on a sample of pages).
check-html: $(B)/html/index.html $(AXE) | $(B)/html-test.ok
	$(call say,CHECK,$(B)/html/ (axe-core on every page))node tests/html-browser.js $(B)/html $(B)/html-shots $(AXE) --axe-all

# ---------------------------------------------------------------- check
TESTS := $(patsubst tests/%.c,%,$(wildcard tests/test-*.c))
TEST_BINS := $(TESTS:%=$(B)/tests/%)

$(B)/tests/%: tests/%.c $(wildcard tests/*.h) $(B)/san/$(LIB) $(HEADERS) $(B)/cc-facts
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(ALL_CFLAGS) -Werror $(SANITIZE) $(LDFLAGS) \
	  -Itests "$<" $(B)/san/$(LIB) -o "$(tmp)" $(LDLIBS) -lcmocka -lgmp $(quadmath) -lm && mv -f "$(tmp)" "$@"

# Every fuzz case ever kept (seeds, and each crash once fixed) is replayed
# through its fuzz target under the sanitizers, with any compiler.
FUZZ_TARGETS := $(patsubst tests/fuzz-%.c,%,$(filter-out tests/fuzz-replay.c,$(wildcard tests/fuzz-*.c)))
REPLAYS := $(FUZZ_TARGETS:%=$(B)/tests/replay-%)

$(B)/tests/replay-%: tests/fuzz-%.c tests/fuzz-replay.c $(B)/san/$(LIB) $(HEADERS)
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(ALL_CFLAGS) -Werror $(SANITIZE) $(LDFLAGS) \
	  "$<" tests/fuzz-replay.c $(B)/san/$(LIB) -o "$(tmp)" $(LDLIBS) -lm && mv -f "$(tmp)" "$@"

# Part II's lines of code per line of prose may not grow past this, the
# aim of tests/check-prose.sh: a chunk that adds code adds its prose.
PROSE_MAX_RATIO := 2.0
# The most characters in a code line of doc.nw: one more runs past the
# running head's right edge in the PDF (tests/check-code-width.sh).
CODE_MAX_COLUMNS := 97

# The document checks run first, then the tests; the last line printed says
# how many \val keys doc.nw uses and how many the tests checked
# (tests/values.h, tests/check-values.sh).
check: $(B)/doc.pdf $(B)/html/index.html $(AXE) $(TEST_BINS) $(REPLAYS) $(PROGRAMS:%=$(B)/san/bin/%) $(STANDALONE) | $(B)/html-test.ok
	$(call say,CHECK,$(B)/doc.pdf)bash tests/check-pdf.sh $(B)
	$(call say,CHECK,doc.nw prose)bash tests/check-prose.sh --max-ratio $(PROSE_MAX_RATIO) doc.nw
	$(call say,CHECK,doc.nw continuations)bash tests/check-continuations.sh doc.nw
	$(call say,CHECK,doc.nw code width)bash tests/check-code-width.sh $(CODE_MAX_COLUMNS) doc.nw
	$(call say,CHECK,$(B)/doc.log)! grep -E '^(LaTeX|Package|Class|pdfTeX)( [A-Za-z]+)? (Font )?Warning|^pdfTeX warning|^(Overfull|Underfull) \\[hv]box|^Missing character' $(B)/doc.log \
	  || { echo "$(B)/doc.log: the document must typeset without warnings" >&2; exit 1; }
	$(call say,CHECK,terms)node tests/check-terms.js $(B)
	$(call say,CHECK,commands)perl tests/check-commands.pl doc.nw $(B)
	$(call say,CHECK,tests/check-commands-selftest.sh)bash tests/check-commands-selftest.sh doc.nw $(B) $(B)/tmp/check-commands-selftest
	$(call say,CHECK,$(B)/doc.pdf pages)bash tests/check-page.sh $(B)
	$(call say,CHECK,tests/check-page-selftest.sh)bash tests/check-page-selftest.sh $(B) $(B)/tmp/page-selftest
	$(call say,CHECK,$(B)/doc.tex)bash tests/check-identifier-links.sh $(B)/doc.tex
	$(call say,CHECK,figures)bash tests/check-figures.sh doc.nw $(B)
	$(call say,CHECK,figure width)bash tests/check-figure-width.sh $(B) doc.nw
	$(call say,CHECK,tests/check-figure-width-selftest.sh)bash tests/check-figure-width-selftest.sh $(B) $(B)/tmp/figure-width-selftest
	$(call say,CHECK,figure text)tests/figure-text.sh $(FIGURES:%=$(B)/fig/standalone/%.pdf)
	$(call say,CHECK,tests/figure-text-selftest.sh)tests/figure-text-selftest.sh $(B)/tmp/figure-text-selftest
	$(call say,CHECK,$(B)/src/)bash tests/check-tangle.sh doc.nw $(B)
	$(call say,CHECK,build/.lock)bash tests/check-lock.sh
	$(call say,REPLAY,tests/fuzz-cases)for t in $(FUZZ_TARGETS); do \
	  $(B)/tests/replay-$$t tests/fuzz-cases/$$t/* >/dev/null \
	    || { echo "tests/fuzz-cases/$$t: a fuzz case fails again (see above)" >&2; exit 1; }; \
	done
	$(call say,CHECK,web/)for t in tests/web-*.js; do node "$$t" || exit 1; done
	$(call say,CHECK,$(B)/html/)node tests/html-values.js doc.nw $(B) && node tests/html-code.js doc.nw $(B)/html \
	  && node tests/html-mathml.js $(B)/html && node tests/html-browser.js $(B)/html $(B)/html-shots $(AXE)
	$(Q)export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  SAN_BIN="$$PWD/$(B)/san/bin" VALUES_DIR="$$PWD/$(B)/data" DOC_NW="$$PWD/doc.nw" \
	  VALUES_CHECKED="$$PWD/$(B)/tests/values-checked.txt"; \
	rm -f "$$VALUES_CHECKED"; failed=0; \
	for t in $(TEST_BINS); do $$t || failed=1; done; \
	tests/check-values.sh doc.nw "$$VALUES_CHECKED" || failed=1; exit $$failed

# make chaos: SIGKILL a clean build's whole process group at CHAOS_N random
# instants; after each, make must rebuild the reference PDF byte for byte
# and make check must pass.  Then everything else that tries to fool the
# build: check-incremental and check-concurrent (below).  make check-paths:
# the build in a directory named with a space, a quote and a $(...), and
# install into a DESTDIR with a space.  All work on scratch copies of the
# tree.
CHAOS_N ?= 20
chaos:
	$(Q)bash tests/chaos.sh $(CHAOS_N) && bash tests/incremental.sh $(INCREMENTAL_N) \
	  && bash tests/concurrent.sh $(CONCURRENT_N)

check-paths:
	$(Q)bash tests/paths.sh

# make check-incremental: INCREMENTAL_N random edits of the kinds an author
# makes (prose, a caption, a program's default, a figure's setting, a
# comment, a new paragraph, an undo), `make` and `make html` after each;
# build/doc.pdf, build/html/ and build/data/ must equal a clean build's of
# the same tree, byte for byte (tests/incremental.sh).  make
# check-concurrent: CONCURRENT_N pairs of `make -j2` started together in a
# clean tree must end with a clean build's bytes (tests/concurrent.sh).
# Both work on scratch copies of the tree.
INCREMENTAL_N ?= 30
CONCURRENT_N ?= 10
check-incremental:
	$(Q)bash tests/incremental.sh $(INCREMENTAL_N)

check-concurrent:
	$(Q)bash tests/concurrent.sh $(CONCURRENT_N)

# ---------------------------------------------------------------- fuzz
# make fuzz: libFuzzer on the data reader and the command-line reader, both
# at once (one per core) for FUZZ_SECONDS each.  A crash is left in
# build/fuzz/crashes-<target>/ and fails the run; once fixed, copy it into
# tests/fuzz-cases/<target>/ so that make check replays it for ever.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_FLAGS := -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(B)/fuzz.ok:
	$(Q)mkdir -p $(B); \
	if ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' \
	    | $(FUZZ_CC) -fsanitize=fuzzer -x c - -o $(B)/fuzz-probe 2>/dev/null; then \
	  pkgs="clang libclang-rt-14-dev"; $(install_packages); \
	fi; rm -f $(B)/fuzz-probe; touch $@

$(B)/fuzz/fuzz-%: tests/fuzz-%.c $(LIB_SOURCES:%=$(B)/plain/%) $(HEADERS) | $(B)/fuzz.ok
	$(call say,CLANG,$@)mkdir -p "$(@D)" && $(FUZZ_CC) $(FUZZ_FLAGS) -I$(B)/src/lib \
	  "$<" $(LIB_SOURCES:%=$(B)/src/%) -o "$(tmp)" -lm && mv -f "$(tmp)" "$@"

fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz-%)
	$(Q)bash tests/fuzz.sh $(B) "$(FUZZ_SECONDS)" $(FUZZ_TARGETS)

# ---------------------------------------------------------------- misc
# make help: the goals, in one screen (README.md says more).
help:
	@printf '%s\n' \
	  'make                    build/doc.pdf: tangle, compile, run the programs, plot, typeset' \
	  'make programs           the programs, in build/bin/' \
	  'make figures            the figures, and each standing alone (PDF, SVG, PNG)' \
	  'make html               the web edition, in build/html/' \
	  'make check-html         the browser test with axe-core on every page of the web edition' \
	  'make check              the tests and the document checks (what CI runs)' \
	  'make check-incremental  edits, each followed by make, against clean builds (INCREMENTAL_N)' \
	  'make check-concurrent   two makes at once in one tree end with a clean build (CONCURRENT_N)' \
	  'make chaos              killed builds rebuild the same PDF (CHAOS_N); then the two above' \
	  'make check-paths        the build in a directory named with a space, a quote and $$(...)' \
	  'make bench              build times beside their floors; the derivative and fit benches' \
	  'make fuzz               libFuzzer on the data and command-line readers (FUZZ_SECONDS)' \
	  'make install            programs, manual pages and the PDF under PREFIX (DESTDIR honoured)' \
	  'make uninstall          removes what make install put there' \
	  'make clean              removes build/' \
	  'V=1 shows full commands; CC, CFLAGS, LDFLAGS and LDLIBS are yours.'

BENCH_NUMBER_STRINGS ?= 2000000
BENCH_FIT_SETS ?= 20000
# make bench: build timings (tests/bench.sh), the number reader against
# strtod on BENCH_NUMBER_STRINGS generated strings, fit-line's bound
# against exact rationals on BENCH_FIT_SETS generated sets, then the document's
# derivative methods beside GSL's gsl_deriv_central (a bench-only package),
# then fit-line beside strtod + gsl_fit_linear and gnuplot's fit
# (tests/bench-fit.sh).
FIT_BENCH := $(B)/bench/bench-fit-gsl $(B)/bench/bench-fit-data $(B)/bench/bench-run

bench: $(B)/bench/bench-derivatives $(FIT_BENCH) $(B)/bin/fit-line $(B)/tests/test-numbers \
    $(B)/tests/test-fit-exact $(B)/san/bin/fit-line
	$(Q)bash tests/bench.sh
	$(Q)echo; echo "numbers: read_number and the data reader against strtod, bit for bit"; \
	SAN_BIN="$$PWD/$(B)/san/bin" NUMBER_STRINGS=$(BENCH_NUMBER_STRINGS) $(B)/tests/test-numbers
	$(Q)echo; echo "fit: the bound against exact rational least squares"; \
	SAN_BIN="$$PWD/$(B)/san/bin" FIT_SETS=$(BENCH_FIT_SETS) $(B)/tests/test-fit-exact
	$(Q)echo; echo "derivatives: six methods on section 11's functions, in ulps of a quad reference"; \
	$(B)/bench/bench-derivatives
	$(Q)echo; bash tests/bench-fit.sh "$(B)/bin/fit-line" $(FIT_BENCH:%="%")

$(B)/gsl.ok:
	$(Q)mkdir -p $(B); printf '#include <gsl/gsl_deriv.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 \
	  || { pkgs=libgsl-dev; $(install_packages); }; touch $@

# The fit bench's helpers: the GSL program, the data generator, the timer.
$(B)/bench/bench-%: tests/bench-%.c tests/line-data.h | $(B)/gsl.ok
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(PROJECT_CFLAGS) $(CFLAGS) $(LDFLAGS) -Itests "$<" \
	  -o "$(tmp)" $(LDLIBS) -lgsl -lgslcblas -lm && mv -f "$(tmp)" "$@"

$(B)/bench/bench-derivatives: tests/bench-derivatives.c tests/quad-reference.h $(B)/obj/$(LIB) \
    $(HEADERS) $(B)/cc-facts | $(B)/gsl.ok
	$(call say,CC,$@)mkdir -p "$(@D)" && $(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests "$<" $(B)/obj/$(LIB) \
	  -o "$(tmp)" $(LDLIBS) -lgsl -lgslcblas $(quadmath) -lm && mv -f "$(tmp)" "$@"

# ---------------------------------------------------------------- install
# A manual page per program, made by help2man from its --help and --version.
MANS := $(PROGRAMS:%=$(B)/man/%.1)

$(B)/help2man.ok:
	$(Q)mkdir -p $(B); command -v help2man >/dev/null || { pkgs=help2man; $(install_packages); }; touch $@

$(B)/man/%.1: $(B)/bin/% | $(B)/help2man.ok
	$(call say,MAN,$@)mkdir -p "$(@D)" && help2man --no-info --section=1 \
	  --name="$$("$<" --help | sed -n '2s/\.$$//p')" --output="$(tmp)" "$<" && mv -f "$(tmp)" "$@"

install: $(BINS) $(B)/doc.pdf $(MANS)
	$(call say,INSTALL,$$DESTDIR$$PREFIX)install -d "$$DESTDIR$$BINDIR" "$$DESTDIR$$MANDIR" "$$DESTDIR$$DOCDIR" \
	  && install -m 755 $(BINS) "$$DESTDIR$$BINDIR" \
	  && install -m 644 $(MANS) "$$DESTDIR$$MANDIR" \
	  && install -m 644 $(B)/doc.pdf "$$DESTDIR$$DOCDIR/derivatives-to-ml.pdf"

# Removes exactly what install put there, and the doc folder if it is empty.
uninstall:
	$(call say,UNINSTALL,$$DESTDIR$$PREFIX)for p in $(PROGRAMS); do \
	  rm -f "$$DESTDIR$$BINDIR/$$p" "$$DESTDIR$$MANDIR/$$p.1"; done; \
	  rm -f "$$DESTDIR$$DOCDIR/derivatives-to-ml.pdf"; rmdir "$$DESTDIR$$DOCDIR" 2>/dev/null || true

# The lock file goes last (build-aux/lock.sh: a make waiting for it then
# locks again).
clean:
	$(call say,CLEAN,$(B)/)[ ! -d $(B) ] || find $(B) -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +; rm -rf $(B)

endif
