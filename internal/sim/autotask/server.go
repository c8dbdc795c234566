// Package autotasksim is a strict simulator of the Autotask PSA REST API
// v1.0 for the billing entities: a real net/http server with Autotask's
// paths, headers, query model, paging, errors, thresholds and thread limits,
// plus fault injection and a request log. Its data is a plain JSON Dataset
// keyed by entity name with Autotask's own field names (see fields.json,
// generated from Autotask's published OpenAPI description).
package autotasksim

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// Credential is one API user the simulator accepts.
type Credential struct {
	UserName, Secret, IntegrationCode string
	Active                            bool
	ResourceID                        int64
}

// DemoCredential is the API user of the demo data. Treat it as a constant.
var DemoCredential = Credential{UserName: "api@demo-msp.example", Secret: "demo-secret", IntegrationCode: "BILLBRIDGE-DEMO", Active: true, ResourceID: 29682885}

// Faults are injected failures. Zero values mean no faults.
type Faults struct {
	Status429Burst int           // the next N requests answer 429
	ErrorRate      float64       // share of requests answered with Status5xx
	Status5xx      int           // status for ErrorRate failures; default 500
	ResetRate      float64       // share of requests whose connection is dropped
	Latency        time.Duration // added to every request (not time-scaled)
	Seed           int64         // seeds the random choices, for repeatable tests
}

// Options configure a Server.
type Options struct {
	Data               Dataset      // initial data (nil = empty)
	DataFile           string       // load from it when it exists (overrides Data); persist every change to it
	Credentials        []Credential // accepted API users (nil = DemoCredential)
	TimeScale          float64      // 1 = real time; 3600 makes the hourly window pass in one second
	HourlyThreshold    int          // requests per rolling hour per database; default 10000
	ThreadsPerEndpoint int          // concurrent requests per integration code per entity; default 3
	PageSize           int          // records per page; default 500 as in Autotask
	Faults             Faults
	Logger             *slog.Logger
	Now                func() time.Time
}

// Server is a running (or ready to run) simulator.
type Server struct {
	opts   Options
	schema *schema
	log    *slog.Logger

	mu       sync.RWMutex // guards st
	st       *store
	udfNames map[string]map[string]string // entity → lower name → name

	limits *limits
	reqlog simhttp.RequestLog[LoggedRequest]
	srv    simhttp.Listener
}

// New validates the data (every field must exist in fields.json with the
// right type) and returns a server that is not yet listening.
func New(opts Options) (*Server, error) {
	if opts.Credentials == nil {
		opts.Credentials = []Credential{DemoCredential}
	}
	if opts.TimeScale <= 0 {
		opts.TimeScale = 1
	}
	if opts.HourlyThreshold <= 0 {
		opts.HourlyThreshold = 10000
	}
	if opts.ThreadsPerEndpoint <= 0 {
		opts.ThreadsPerEndpoint = 3
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 500
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	sch, err := loadSchema()
	if err != nil {
		return nil, err
	}
	data := opts.Data
	if opts.DataFile != "" {
		if _, statErr := os.Stat(opts.DataFile); statErr == nil {
			if data, err = LoadDataset(opts.DataFile); err != nil {
				return nil, err
			}
		} else if !errors.Is(statErr, os.ErrNotExist) {
			return nil, fmt.Errorf("autotasksim: data file: %w", statErr)
		}
	}
	st, err := newStore(sch, data)
	if err != nil {
		return nil, fmt.Errorf("autotasksim: dataset: %w", err)
	}
	s := &Server{
		opts: opts, schema: sch, log: opts.Logger, st: st,
		udfNames: collectUDFNames(st),
		limits:   newLimits(opts),
	}
	return s, nil
}

func collectUDFNames(st *store) map[string]map[string]string {
	out := map[string]map[string]string{}
	for name, t := range st.tables {
		m := map[string]string{}
		for _, r := range t.rows {
			list, _ := r["userDefinedFields"].([]any)
			for _, it := range list {
				mm, _ := it.(map[string]any)
				if n, _ := mm["name"].(string); n != "" {
					m[strings.ToLower(n)] = n
				}
			}
		}
		out[name] = m
	}
	return out
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves until Close.
func (s *Server) Start(addr string) error {
	return s.srv.Start(addr, s.Handler(), s.log, "autotasksim")
}

// URL is the server's base URL, "http://127.0.0.1:PORT/".
func (s *Server) URL() string { return s.srv.URL() }

// ZoneLookupURL replaces https://webservices.autotask.net/atservicesrest/.
func (s *Server) ZoneLookupURL() string { return s.URL() + "atservicesrest/" }

// Close stops the server. Data is already persisted after every change.
func (s *Server) Close() error { return s.srv.Close() }

// SetFaults replaces the fault knobs (and restarts the random sequence).
func (s *Server) SetFaults(f Faults) { s.limits.setFaults(f) }

// Dataset returns a deep copy of the current data.
func (s *Server) Dataset() Dataset {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.dataset()
}

// persist writes the store to DataFile; the caller holds s.mu.
func (s *Server) persist() error {
	if s.opts.DataFile == "" {
		return nil
	}
	d := Dataset{}
	for name, t := range s.st.tables {
		if len(t.rows) > 0 {
			d[name] = t.rows
		}
	}
	return d.Save(s.opts.DataFile)
}
