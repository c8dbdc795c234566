// Package qbosim is a strict simulator of Intuit's OAuth 2.0 service and of
// the QuickBooks Online Accounting API v3 for the entities Billbridge uses.
// It is a real net/http server with Intuit's paths, envelopes, Fault bodies
// and codes, SyncToken concurrency, uniqueness rules, US (automated sales
// tax, TAX/NON line codes) and non-US (a tax code per line,
// GlobalTaxCalculation) tax behaviour, the query language subset, batch,
// requestid idempotency, change data capture and the per-realm limits, plus
// fault injection and a request log. Request bodies are checked against a
// field list derived from Intuit's XSDs (fields.json).
//
// Time: TimeScale makes minutes and token lifetimes pass faster, so tests
// need not wait; Retry-After is written in real seconds.
package qbosim

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// App is an app registered on the simulated Intuit developer portal.
type App struct {
	ClientID, ClientSecret string
	RedirectURIs           []string
}

// Company is a QuickBooks Online company the demo user can connect.
type Company struct {
	RealmID, Name string
	Country       string // "US", or e.g. "GB", "CA", "AU": decides the tax model
	HomeCurrency  string
	MultiCurrency bool
}

// DemoApp is the app of the demo profile (development keys: http://localhost
// redirects are allowed). Treat it as a constant.
var DemoApp = App{ClientID: "BILLBRIDGE-QBO-DEMO", ClientSecret: "demo-qbo-secret", RedirectURIs: []string{
	"http://localhost:53682/callback", "http://localhost:53683/callback",
	"http://localhost:53684/callback", "http://localhost:53685/callback",
	"https://billbridge.example/oauth/relay",
}}

// DemoUS and DemoGB are the companies used when Options.Companies is nil.
var (
	DemoUS = Company{RealmID: "9341452519127001", Name: "Demo MSP Inc", Country: "US", HomeCurrency: "USD"}
	DemoGB = Company{RealmID: "9341452519127002", Name: "Demo MSP Ltd", Country: "GB", HomeCurrency: "GBP", MultiCurrency: true}
)

// Faults are injected failures. Zero values mean no faults.
type Faults struct {
	Status429Burst int           // the next N API requests answer 429 (ThrottleExceeded)
	ErrorRate      float64       // share of requests answered with Status5xx before any work is done
	Status5xx      int           // default 500
	ResetRate      float64       // share of requests whose connection is dropped AFTER the work is done
	Latency        time.Duration // added to every request (not time-scaled)
	Seed           int64
}

// Options configure a Server.
type Options struct {
	DataFile                        string // load state from it if it exists; persist every change (atomic write)
	Apps                            []App
	Companies                       []Company
	TimeScale                       float64
	PerMinute                       int // requests per realm per rolling minute; default 500
	Concurrent                      int // in-flight requests per realm; default 10
	BatchPerMinute                  int // batch requests per realm per rolling minute; default 40
	AccessTokenTTL, RefreshTokenTTL time.Duration
	Faults                          Faults
	Now                             func() time.Time
	Logger                          *slog.Logger
}

// Server is a simulator, ready to Start.
type Server struct {
	opts   Options
	log    *slog.Logger
	fields *fieldSchema
	apps   map[string]App

	mu sync.Mutex // guards st and everything reached from it
	st *state

	limits *limits
	idem   *idempotency
	faults *simhttp.FaultInjector
	reqlog simhttp.RequestLog[LoggedRequest]
	srv    simhttp.Listener
}

// New returns a server that is not yet listening.
func New(opts Options) (*Server, error) {
	if opts.Apps == nil {
		opts.Apps = []App{DemoApp}
	}
	if opts.Companies == nil {
		opts.Companies = []Company{DemoUS, DemoGB}
	}
	if opts.TimeScale <= 0 {
		opts.TimeScale = 1
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&opts.PerMinute, 500)
	def(&opts.Concurrent, 10)
	def(&opts.BatchPerMinute, 40)
	if opts.AccessTokenTTL <= 0 {
		opts.AccessTokenTTL = time.Hour
	}
	if opts.RefreshTokenTTL <= 0 {
		opts.RefreshTokenTTL = 100 * 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	fs, err := loadFields()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Logger, fields: fs, apps: map[string]App{}}
	for _, a := range opts.Apps {
		if a.ClientID == "" || a.ClientSecret == "" {
			return nil, fmt.Errorf("qbosim: an app needs a ClientID and a ClientSecret")
		}
		for _, u := range a.RedirectURIs {
			if err := checkRedirectURI(u); err != nil {
				return nil, err
			}
		}
		s.apps[a.ClientID] = a
	}
	for _, c := range opts.Companies {
		if c.RealmID == "" || c.Country == "" || c.HomeCurrency == "" {
			return nil, fmt.Errorf("qbosim: company %q needs RealmID, Country and HomeCurrency", c.Name)
		}
	}
	s.limits = newLimits(opts)
	s.faults = simhttp.NewFaultInjector(simhttp.Faults(opts.Faults))
	s.idem = newIdempotency()
	if err := s.loadState(); err != nil {
		return nil, err
	}
	return s, nil
}

// loadState reads DataFile when it exists, otherwise seeds the companies.
func (s *Server) loadState() error {
	if s.opts.DataFile != "" {
		st, err := readState(s.opts.DataFile)
		switch {
		case err == nil:
			s.st = st
			for _, c := range s.opts.Companies { // companies added since the file was written
				if s.st.Realms[c.RealmID] == nil {
					s.st.Realms[c.RealmID] = seedRealm(c, s.now())
				}
			}
			return nil
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
	}
	s.st = newState(s.opts.Companies, s.now())
	return nil
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

// scaled converts a duration at Intuit to simulator time.
func (s *Server) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / s.opts.TimeScale)
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves until Close.
func (s *Server) Start(addr string) error { return s.srv.Start(addr, s.Handler(), s.log, "qbosim") }

// URL is the server's base URL, "http://127.0.0.1:PORT/".
func (s *Server) URL() string { return s.srv.URL() }

func (s *Server) AuthorizeURL() string { return s.URL() + "connect/oauth2" }
func (s *Server) TokenURL() string     { return s.URL() + "oauth2/v1/tokens/bearer" }
func (s *Server) RevokeURL() string    { return s.URL() + "v2/oauth2/tokens/revoke" }
func (s *Server) APIBaseURL() string   { return s.URL() + "v3/company/" }

// Close stops the server. State is already persisted after every change.
func (s *Server) Close() error { return s.srv.Close() }

// SetFaults replaces the fault knobs and restarts their random sequence.
func (s *Server) SetFaults(f Faults) { s.faults.Set(simhttp.Faults(f)) }

// persistLocked writes the state to DataFile; the caller holds s.mu.
func (s *Server) persistLocked() {
	if s.opts.DataFile == "" {
		return
	}
	if err := writeState(s.opts.DataFile, s.st); err != nil {
		s.log.Error("qbosim: persist", "file", s.opts.DataFile, "err", err)
	}
}
