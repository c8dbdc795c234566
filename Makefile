# Billbridge. Two commands matter on a fresh Debian 12 machine:
#   make demo   install what is missing, build, open the app
#   make test   install what is missing, then every test: Go, frontend, end to end
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
GOBIN := $(shell go env GOPATH)/bin
WAILS := $(GOBIN)/wails
TAGS := webkit2_41

.PHONY: deps frontend build demo test lint test-go test-frontend test-e2e windows clean

deps:
	scripts/deps.sh

frontend: deps
	cd frontend && npm run build

build: deps
	$(WAILS) build -tags $(TAGS) -m -nosyncgomod -trimpath
	@# wails build regenerates the TypeScript bindings: the committed ones must match the Go services.
	@if git rev-parse --git-dir >/dev/null 2>&1 && ! git -c core.fileMode=false diff --quiet -- frontend/wailsjs; then \
	  echo "frontend/wailsjs is out of date with app/: commit the regenerated bindings"; git diff --stat -- frontend/wailsjs; exit 1; fi

# The month end on the embedded demo (simulated Autotask and Xero; state in
# .demo/, so a second run sends nothing), then the window on the same data.
DEMO_DIR ?= $(CURDIR)/.demo
demo: build
	build/bin/billbridge --data-dir "$(DEMO_DIR)" --keyring memory demo
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "demo: no display here: opening the app under Xvfb and saving a screenshot to frontend/test-output/window.png"; \
	  DEMO_DIR="$(DEMO_DIR)" scripts/window-shot.sh build/bin/billbridge; \
	else \
	  build/bin/billbridge --data-dir "$(DEMO_DIR)" --keyring memory --demo; \
	fi

lint: frontend
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet -tags $(TAGS) ./...
	cd frontend && npm run typecheck

test-go: frontend
	scripts/with-keyring.sh env BILLBRIDGE_KEYRING_IT=1 go test -race -count=1 ./...

test-frontend: deps
	cd frontend && npx vitest run

test-e2e: build
	scripts/with-keyring.sh scripts/e2e.sh
	scripts/window-shot.sh build/bin/billbridge

# The Windows executable cross-builds from Linux with no C toolchain.
windows: frontend
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -tags desktop,production -trimpath -ldflags "-H windowsgui" -o build/bin/billbridge.exe .

test: lint test-go test-frontend test-e2e windows
	@echo "make test: all passed"

clean:
	rm -rf build/bin frontend/dist frontend/test-output
