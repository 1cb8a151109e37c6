# The two commands of the README:
#   make run   installs what is missing, builds redress and starts the interview
#   make test  installs what is missing (tools and test oracles too) and runs every test
# System packages install through apt-get, as root or through sudo, and only when missing.

SHELL := /bin/bash
SWIFT ?= swift
VENV := .venv
PYTHON := $(VENV)/bin/python3

# Needed to build: SQLite (the store), libxml2 (FoundationXML), OpenSSL's libcrypto (SHA-256),
# zlib (zip), pkg-config to find them.
BUILD_PACKAGES := libsqlite3-dev libxml2-dev libssl-dev zlib1g-dev pkg-config
# Needed by the tests as independent checkers: PDF tools and CJK fonts, python venv; and the
# PostgreSQL server the store's tests run their second engine against (a throwaway cluster,
# scripts/with-postgres, with openssl making its TLS certificates); OpenCC and PyYAML, which
# scripts/derive-zh-hant runs to derive the Traditional Chinese wording (a test checks the
# committed zh-Hant files are current).
TEST_PACKAGES := man-db poppler-utils poppler-data qpdf fonts-noto-cjk python3-venv unzip strace postgresql openssl \
  opencc python3-yaml
# PyPI test oracles: holiday calendar, docx reader, iCalendar parser, pty driver, PDF reader,
# GitHub's Markdown renderer (cmark-gfm) for the Markdown writer, a Chinese lunar calendar
# (borax) and an astronomy library (ephem) for the statutory holidays of years without a notice.
PY_ORACLES := chinesecalendar==1.11.0 python-docx==1.2.0 icalendar==7.3.0 pexpect==4.9.0 pypdf==7.1.0 \
  cmarkgfm==2025.10.22 borax==4.1.3 ephem==4.2.1

PREFIX ?= /usr/local
# The installed binary links the Swift standard library and Foundation statically, so a machine
# without Swift runs it: only Debian's shared libraries remain (libc, libstdc++, libsqlite3,
# libxml2, libz, libcrypto).
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib --product redress

.PHONY: run test build deps test-deps lint contract clean install uninstall man samples

run: deps build
	@echo
	.build/debug/redress new

build:
	$(SWIFT) build --product redress

test: deps test-deps lint
	$(SWIFT) build --build-tests
	$(MAKE) man
	scripts/with-postgres env REDRESS_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test --skip-build --parallel --num-workers 2
	$(MAKE) contract

contract:
	@if [ -x ../shared/tools/contract-check ]; then \
	  echo "contract-check:"; ../shared/tools/contract-check .build/debug/redress; \
	else echo "contract-check not found beside the repository; skipped"; fi

# The manual page, from the command definitions (argument-parser's manual generator, run on the
# debug build), into .build/man/redress.1.
man:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration debug \
	  --authors "the redress developers" > .build/generate-manual.log 2>&1 || { cat .build/generate-manual.log; exit 1; }
	@mkdir -p .build/man
	@cp "$$(find .build/plugins/GenerateManual/outputs -name redress.1 | head -1)" .build/man/redress.1
	@echo "manual page: .build/man/redress.1"

# `make install PREFIX=DIR` (default /usr/local): bin/redress, share/redress/{legal,templates},
# share/man/man1/redress.1 and the bash, zsh and fish completions; `make uninstall PREFIX=DIR`
# removes exactly those.
install: deps
	$(RELEASE_BUILD)
	$(MAKE) man
	scripts/install-tree "$(DESTDIR)$(PREFIX)" .build/release/redress .build/man/redress.1

uninstall:
	scripts/uninstall-tree "$(DESTDIR)$(PREFIX)"

# Sample documents for looking at by hand, into .build/samples (scripts/write-samples).
samples: build
	scripts/write-samples .build/samples

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

deps:
	@scripts/install-packages $(BUILD_PACKAGES)

test-deps:
	@scripts/install-packages $(TEST_PACKAGES)
	@if [ ! -x $(PYTHON) ] || ! $(PYTHON) -c 'import chinese_calendar, docx, icalendar, pexpect, pypdf, cmarkgfm, borax, ephem' 2>/dev/null; then \
	  echo "Installing the Python test oracles into $(VENV)"; \
	  python3 -m venv $(VENV) && $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PY_ORACLES); \
	fi

clean:
	rm -rf .build $(VENV)
