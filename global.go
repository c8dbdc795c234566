package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// globals are the options that come before any command.
type globals struct {
	dataDir  string // where the database and logs live
	keyring  string // "system" (the OS keychain) or "memory" (tests, demo: forgotten at exit)
	logLevel slog.Level
	demo     bool // open the window with the demo simulators running
}

// parseGlobal reads the leading --data-dir / --keyring flags (and their
// environment variables) and returns the rest of the command line.
func parseGlobal(args []string) (globals, []string, error) {
	g := globals{dataDir: os.Getenv("BILLBRIDGE_DATA_DIR"), keyring: os.Getenv("BILLBRIDGE_KEYRING")}
	if strings.EqualFold(os.Getenv("BILLBRIDGE_LOG"), "debug") {
		g.logLevel = slog.LevelDebug
	}
	for len(args) > 0 && strings.HasPrefix(args[0], "--") {
		name, value, hasValue := strings.Cut(args[0], "=")
		switch name {
		case "--data-dir", "--keyring":
		case "--demo":
			g.demo, args = true, args[1:]
			continue
		default:
			return g, args, nil // a command's own flag, or Wails' dev flags
		}
		if !hasValue {
			if len(args) < 2 {
				return g, nil, fmt.Errorf("%s needs a value", name)
			}
			value, args = args[1], args[1:]
		}
		args = args[1:]
		if name == "--data-dir" {
			g.dataDir = value
		} else {
			g.keyring = value
		}
	}
	if g.dataDir == "" {
		dir, err := store.DefaultDir()
		if err != nil {
			return g, nil, fmt.Errorf("find the data folder: %w (set --data-dir)", err)
		}
		g.dataDir = dir
	}
	abs, err := filepath.Abs(g.dataDir)
	if err != nil {
		return g, nil, fmt.Errorf("data folder %q: %w", g.dataDir, err)
	}
	g.dataDir = abs
	switch g.keyring {
	case "", "system":
		g.keyring = "system"
	case "memory":
	default:
		return g, nil, fmt.Errorf("--keyring must be system or memory, not %q", g.keyring)
	}
	return g, args, nil
}

func (g globals) secrets() secrets.Store {
	if g.keyring == "memory" {
		return secrets.NewMemory()
	}
	return secrets.NewKeyring("Billbridge")
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}
