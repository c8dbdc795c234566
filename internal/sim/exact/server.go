// Package exactsim is a strict simulator of Exact Online's OAuth 2 service
// and of the REST API (OData v3) for the entities Billbridge uses. It is a
// real net/http server with Exact's paths, envelopes, headers, limits,
// validation messages and status rules, plus fault injection, a request log
// and a data file that keeps its state across restarts.
//
// Exact's rules that hurt integrations are enforced as Exact enforces them:
// 10-minute access tokens that may not be refreshed within 570 s of the last
// token request, rotating refresh tokens whose reuse kills the grant,
// https-only redirect URIs, 60 calls a minute and 5,000 a day per app and
// division, $select required where a sync endpoint exists, and the block of
// an endpoint after more than 10 failed calls in an hour.
//
// Time: TimeScale makes minutes, hours, days and token lifetimes pass
// faster, so tests need not wait; reset headers are real epoch milliseconds.
package exactsim

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// App is an app registered in Exact's App Center.
type App struct {
	ClientID, ClientSecret string
	RedirectURIs           []string // must be https
}

// Division is an administration (company) the demo user can reach.
type Division struct {
	Code                           int
	Description, Country, Currency string
	InvoicingModule                bool // salesinvoice/* is only available with it
	// VATCodes are set up besides the standard Dutch ones every division
	// is seeded with (0, 1 21 %, 2 9 %, 5 reverse charge), e.g. the rates
	// of the demo month's foreign customers.
	VATCodes []VATCode `json:",omitempty"`
}

// VATCode is an extra sales VAT code of a division: Code (at most three
// characters, stored space-padded as Exact does) and a percentage such as
// "20" or "8.875".
type VATCode struct {
	Code, Description, Percentage string
}

// DemoApp is the app of the demo profile. Treat it as a constant.
var DemoApp = App{ClientID: "BILLBRIDGE-EXACT-DEMO", ClientSecret: "demo-exact-secret",
	RedirectURIs: []string{"https://billbridge.example/oauth/relay"}}

// demoDivisions are used when Options.Divisions is nil.
var demoDivisions = []Division{
	{Code: 3112840, Description: "Demo MSP B.V.", Country: "NL", Currency: "EUR", InvoicingModule: true},
	{Code: 3112841, Description: "Demo MSP België BV", Country: "BE", Currency: "EUR"},
}

// Faults are injected failures. Zero values mean no faults.
type Faults struct {
	Status429Burst int           // the next N division API requests answer 429 (minute limit)
	ErrorRate      float64       // share of requests answered with Status5xx before any work
	Status5xx      int           // default 500
	ResetRate      float64       // share of requests whose connection is dropped AFTER the work
	Latency        time.Duration // added to every request (not time-scaled)
	Seed           int64
}

// Options configure a Server. Zero values take Exact's figures.
type Options struct {
	DataFile        string // load state from it when it exists; every change is written to it atomically
	Apps            []App
	Divisions       []Division
	TimeScale       float64
	MinuteLimit     int           // per app per division per clock minute; default 60
	DayLimit        int           // per app per division per UTC day; default 5000
	ErrorBlockLimit int           // errors per app/division/endpoint per hour before the block; default 10
	AccessTokenTTL  time.Duration // default 600 s
	MinRefreshAge   time.Duration // no token request within this of the last one; default 570 s
	RefreshTokenTTL time.Duration // default 30 days
	CodeTTL         time.Duration // authorisation code; default 3 minutes
	Faults          Faults
	Now             func() time.Time
	Logger          *slog.Logger
}

// Server is a simulator, ready to Start.
type Server struct {
	opts Options
	log  *slog.Logger
	ents entities
	apps map[string]App

	mu sync.Mutex // guards st
	st *state

	limits *limits
	faults *simhttp.FaultInjector
	reqlog simhttp.RequestLog[LoggedRequest]
	srv    simhttp.Listener
}

// New returns a server that is not yet listening.
func New(opts Options) (*Server, error) {
	if opts.Apps == nil {
		opts.Apps = []App{DemoApp}
	}
	if opts.Divisions == nil {
		opts.Divisions = demoDivisions
	}
	if len(opts.Divisions) == 0 {
		return nil, errors.New("exactsim: at least one division is needed")
	}
	for _, d := range opts.Divisions {
		for _, v := range d.VATCodes {
			if _, err := money.Parse(v.Percentage); err != nil || v.Code == "" || len(v.Code) > 3 {
				return nil, fmt.Errorf("exactsim: division %d: VAT code %q at %q: a code of 1 to 3 characters and a percentage are needed", d.Code, v.Code, v.Percentage)
			}
		}
	}
	if opts.TimeScale <= 0 {
		opts.TimeScale = 1
	}
	for _, d := range []struct {
		v   *int
		def int
	}{{&opts.MinuteLimit, 60}, {&opts.DayLimit, 5000}, {&opts.ErrorBlockLimit, 10}} {
		if *d.v <= 0 {
			*d.v = d.def
		}
	}
	for _, d := range []struct {
		v   *time.Duration
		def time.Duration
	}{{&opts.AccessTokenTTL, 600 * time.Second}, {&opts.MinRefreshAge, 570 * time.Second},
		{&opts.RefreshTokenTTL, 30 * 24 * time.Hour}, {&opts.CodeTTL, 3 * time.Minute}} {
		if *d.v <= 0 {
			*d.v = d.def
		}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	ents, err := loadEntities()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Logger, ents: ents, apps: map[string]App{}}
	for _, a := range opts.Apps {
		if a.ClientID == "" || a.ClientSecret == "" {
			return nil, fmt.Errorf("exactsim: app %q needs a client id and a secret", a.ClientID)
		}
		for _, ru := range a.RedirectURIs {
			if u, err := url.Parse(ru); err != nil || u.Scheme != "https" || u.Host == "" {
				return nil, fmt.Errorf("exactsim: app %s: redirect URI %q is not https (Exact registers https only)", a.ClientID, ru)
			}
		}
		s.apps[a.ClientID] = a
	}
	s.limits = newLimits(opts)
	s.faults = simhttp.NewFaultInjector(simhttp.Faults(opts.Faults))
	if err := s.loadState(); err != nil {
		return nil, err
	}
	return s, nil
}

// loadState reads DataFile when it exists, otherwise seeds the divisions.
func (s *Server) loadState() error {
	if s.opts.DataFile != "" {
		st, err := readState(s.opts.DataFile, s.ents)
		switch {
		case err == nil:
			s.st = st
			for _, d := range s.opts.Divisions { // divisions added since the file was written
				if s.st.Divisions[d.Code] == nil {
					s.st.Divisions[d.Code] = seedDivision(d, s.now())
				}
			}
			return nil
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
	}
	s.st = newState(s.opts.Divisions, s.now())
	return nil
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

// scaled converts a duration at Exact to simulator time.
func (s *Server) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / s.opts.TimeScale)
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves until Close.
func (s *Server) Start(addr string) error { return s.srv.Start(addr, s.Handler(), s.log, "exactsim") }

// URL is the server's base URL, "http://127.0.0.1:PORT/" (the country host).
func (s *Server) URL() string { return s.srv.URL() }

func (s *Server) AuthURL() string    { return s.URL() + "api/oauth2/auth" }
func (s *Server) TokenURL() string   { return s.URL() + "api/oauth2/token" }
func (s *Server) APIBaseURL() string { return s.URL() + "api/v1/" }

// Close stops the server. State is already persisted after every change.
func (s *Server) Close() error { return s.srv.Close() }

// SetFaults replaces the fault knobs and restarts their random sequence.
func (s *Server) SetFaults(f Faults) { s.faults.Set(simhttp.Faults(f)) }

// Divisions are the divisions the demo user can reach.
func (s *Server) Divisions() []Division { return slices.Clone(s.opts.Divisions) }

// persistLocked writes the state to DataFile; the caller holds s.mu.
func (s *Server) persistLocked() {
	if s.opts.DataFile == "" {
		return
	}
	if err := writeState(s.opts.DataFile, s.st); err != nil {
		s.log.Error("exactsim: persist", "file", s.opts.DataFile, "err", err)
	}
}
