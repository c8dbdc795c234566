package app

import (
	"runtime"

	"github.com/billbridge/billbridge/internal/version"
)

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
