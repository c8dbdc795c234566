package app

import (
	"fmt"
	"sync"

	"github.com/billbridge/billbridge/internal/demo"
)

// Demo is "Try with demo data": it starts the simulated Autotask, Xero and
// Exact Online inside the app and connects two demo profiles to them: the
// Xero one (Profile) and the Exact one (ExactProfile), with its own smaller
// Autotask month.
type Demo struct {
	deps Deps
	mu   sync.Mutex
	sims *demo.Sims
}

func NewDemo(deps Deps) *Demo { return &Demo{deps: deps} }

// DemoStatus says whether the simulators run and which profiles use them.
type DemoStatus struct {
	Running     bool       `json:"running"`
	AutotaskURL string     `json:"autotaskUrl"`
	XeroURL     string     `json:"xeroUrl"`
	Profile     ProfileDTO `json:"profile"` // the Xero demo profile
	// The Exact demo: its own Autotask, the Exact simulator and its profile.
	ExactAutotaskURL string     `json:"exactAutotaskUrl"`
	ExactURL         string     `json:"exactUrl"`
	ExactProfile     ProfileDTO `json:"exactProfile"`
}

// Start runs the simulators (once) and connects both demo profiles.
func (d *Demo) Start() (DemoStatus, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	ctx := d.deps.Lifecycle.Context()
	if d.sims == nil {
		sims, err := demo.Start(d.deps.DataDir, demo.Options{Logger: d.deps.Logger})
		if err != nil {
			return DemoStatus{}, fmt.Errorf("app: start demo: %w", err)
		}
		d.sims = sims
	}
	p, err := demo.EnsureProfile(ctx, d.deps.connectDeps(), d.sims.Endpoints())
	if err != nil {
		return DemoStatus{}, fmt.Errorf("app: start demo: %w", err)
	}
	ep, err := demo.EnsureExactProfile(ctx, d.deps.connectDeps(), d.sims.ExactEndpoints())
	if err != nil {
		return DemoStatus{}, fmt.Errorf("app: start demo: %w", err)
	}
	audit(d.deps, p.ID, "demo.start", "Started the demo: simulated Autotask and Xero on this computer")
	audit(d.deps, ep.ID, "demo.start", "Started the demo: simulated Autotask and Exact Online on this computer")
	return DemoStatus{Running: true, AutotaskURL: d.sims.Autotask.URL(), XeroURL: d.sims.Xero.URL(), Profile: profileDTO(d.deps, p),
		ExactAutotaskURL: d.sims.ExactAutotask.URL(), ExactURL: d.sims.Exact.URL(), ExactProfile: profileDTO(d.deps, ep)}, nil
}

// Stop ends the simulators; their data stays for next time. Main calls it on
// shutdown too.
func (d *Demo) Stop() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sims == nil {
		return nil
	}
	err := d.sims.Close()
	d.sims = nil
	return err
}
