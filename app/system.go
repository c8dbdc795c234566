package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/billbridge/billbridge/internal/support"
	"github.com/billbridge/billbridge/internal/version"
)

// LogFileName is the app's log in the data folder.
const LogFileName = "billbridge.log"

// System answers "what is running, and where is my data" for Settings and the
// About box.
type System struct{ deps Deps }

func NewSystem(deps Deps) *System { return &System{deps: deps} }

// SystemInfo describes this installation.
type SystemInfo struct {
	Version      string `json:"version"`
	OS           string `json:"os"`
	DataDir      string `json:"dataDir"`
	DatabasePath string `json:"databasePath"`
}

// Info returns the version and where the data lives.
func (s *System) Info() (SystemInfo, error) {
	return SystemInfo{
		Version:      version.String(),
		OS:           runtime.GOOS,
		DataDir:      s.deps.DataDir,
		DatabasePath: s.deps.Store.Path(),
	}, nil
}

// SaveSupportBundle writes a zip for support (version, settings, profiles,
// activity, the log; no secrets) into the data folder and returns its path.
func (s *System) SaveSupportBundle() (string, error) {
	dir := filepath.Join(s.deps.DataDir, "support")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("app: support bundle: %w", err)
	}
	now := time.Now()
	path := filepath.Join(dir, "billbridge-support-"+now.UTC().Format("20060102-150405")+".zip")
	if err := support.Write(s.deps.Lifecycle.Context(), s.deps.Store, filepath.Join(s.deps.DataDir, LogFileName), path, now); err != nil {
		return "", err
	}
	return path, nil
}
