// Package xerosim is a strict simulator of Xero's identity service (OAuth 2.0
// with PKCE and rotating refresh tokens, connections) and of the Accounting
// API 2.0 for the entities Billbridge uses. It is a real net/http server with
// Xero's paths, headers, limits, validation messages and status rules, plus
// fault injection and a request log. Every request body is checked against a
// compact schema derived from Xero's OpenAPI description (schema.json).
//
// Time: TimeScale makes minutes, days and token lifetimes pass faster, so
// tests need not wait; Retry-After is written in real seconds.
package xerosim

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
	"github.com/billbridge/billbridge/internal/sim/xero/internal/specschema"
)

// Client is an app registered with the simulated Xero developer portal.
type Client struct {
	ClientID     string
	ClientSecret string // "" = PKCE-only native app
	RedirectURIs []string
	Granular     bool // created after March 2026: broad accounting.transactions refused
}

// Org is an organisation the demo user can grant.
type Org struct {
	TenantID, Name, CountryCode, BaseCurrency string
	// Currencies are enabled besides the base one (a multi-currency plan).
	Currencies []string `json:",omitempty"`
	// TaxRates are added to the country's standard ones, as an accountant
	// adds rates in Xero (TaxType TAX002, TAX003, … when left empty).
	TaxRates []OrgTaxRate `json:",omitempty"`
}

// OrgTaxRate is a sales tax rate an organisation adds; Rate in percent.
type OrgTaxRate struct {
	Name, TaxType, Rate string
}

// DemoClient is the app of the demo profile. Treat it as a constant.
var DemoClient = Client{ClientID: "BILLBRIDGE-DEMO-CLIENT", RedirectURIs: []string{
	"http://localhost:53682/callback", "http://localhost:53683/callback",
	"http://localhost:53684/callback", "http://localhost:53685/callback",
}, Granular: true}

// demoOrg is the organisation used when Options.Orgs is nil.
var demoOrg = Org{TenantID: "6f3c8a52-1d2e-4b7a-9c1f-0a5e2d4b8c31", Name: "Demo MSP Ltd", CountryCode: "GB", BaseCurrency: "GBP"}

// Faults are injected failures. Zero values mean no faults.
type Faults struct {
	Status429Burst int           // the next N API requests answer 429 (minute limit)
	ErrorRate      float64       // share of requests answered with Status5xx before any work is done
	Status5xx      int           // default 500
	ResetRate      float64       // share of requests whose connection is dropped AFTER the work is done
	Latency        time.Duration // added to every request (not time-scaled)
	Seed           int64
}

// Options configure a Server.
type Options struct {
	DataFile                                 string // load state from it if it exists; persist every change (atomic write)
	Clients                                  []Client
	Orgs                                     []Org
	TimeScale                                float64
	MinuteLimit                              int // per organisation per rolling minute; default 60
	DayLimit                                 int // per organisation per rolling day; default 5000
	Concurrent                               int // per organisation; default 5
	AppMinuteLimit                           int // per app across organisations; default 10000
	AccessTokenTTL, RefreshTokenTTL, CodeTTL time.Duration
	Faults                                   Faults
	Now                                      func() time.Time
	Logger                                   *slog.Logger
}

// Server is a simulator, ready to Start.
type Server struct {
	opts    Options
	log     *slog.Logger
	schema  *specschema.Schema
	clients map[string]Client
	signKey []byte // signs the JWT-shaped tokens

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
	if opts.Clients == nil {
		opts.Clients = []Client{DemoClient}
	}
	if opts.Orgs == nil {
		opts.Orgs = []Org{demoOrg}
	}
	if opts.TimeScale <= 0 {
		opts.TimeScale = 1
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&opts.MinuteLimit, 60)
	def(&opts.DayLimit, 5000)
	def(&opts.Concurrent, 5)
	def(&opts.AppMinuteLimit, 10000)
	defd := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	defd(&opts.AccessTokenTTL, 30*time.Minute)
	defd(&opts.RefreshTokenTTL, 60*24*time.Hour)
	defd(&opts.CodeTTL, 5*time.Minute)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	sch, err := loadSchema()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Logger, schema: sch, clients: map[string]Client{}}
	for _, c := range opts.Clients {
		if c.ClientID == "" {
			return nil, fmt.Errorf("xerosim: a client has no ClientID")
		}
		s.clients[c.ClientID] = c
	}
	s.limits = newLimits(opts)
	s.faults = simhttp.NewFaultInjector(simhttp.Faults(opts.Faults))
	s.idem = newIdempotency(s.scaled(6 * time.Minute))
	if err := s.loadState(); err != nil {
		return nil, err
	}
	s.signKey = []byte(s.st.SignKey)
	return s, nil
}

// loadState reads DataFile when it exists, otherwise seeds the organisations.
func (s *Server) loadState() error {
	if s.opts.DataFile != "" {
		st, err := readState(s.opts.DataFile)
		switch {
		case err == nil:
			s.st = st
			for _, o := range s.opts.Orgs { // organisations added since the file was written
				if s.st.Orgs[o.TenantID] == nil {
					s.st.Orgs[o.TenantID] = seedOrg(o, s.now())
				}
			}
			return nil
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
	}
	s.st = newState(s.opts.Orgs, s.now())
	return nil
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

// scaled converts a duration at Xero to simulator time.
func (s *Server) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / s.opts.TimeScale)
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves until Close.
func (s *Server) Start(addr string) error { return s.srv.Start(addr, s.Handler(), s.log, "xerosim") }

// URL is the server's base URL, "http://127.0.0.1:PORT/".
func (s *Server) URL() string { return s.srv.URL() }

func (s *Server) AuthorizeURL() string   { return s.URL() + "identity/connect/authorize" }
func (s *Server) TokenURL() string       { return s.URL() + "identity/connect/token" }
func (s *Server) RevokeURL() string      { return s.URL() + "identity/connect/revocation" }
func (s *Server) ConnectionsURL() string { return s.URL() + "connections" }
func (s *Server) APIBaseURL() string     { return s.URL() + "api.xro/2.0/" }

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
		s.log.Error("xerosim: persist", "file", s.opts.DataFile, "err", err)
	}
}

// Orgs are the organisations a user of this simulator can grant.
func (s *Server) Orgs() []Org { return slices.Clone(s.opts.Orgs) }
