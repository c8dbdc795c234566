package app

import (
	"fmt"
	"strings"
	"sync"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// Ledgers connects QuickBooks Online and Exact Online (Xero is on
// Profiles). Both want the user's own app keys; both may need the "paste the
// address you landed on" sign-in, because their production redirects must be
// https.
type Ledgers struct {
	deps Deps

	mu       sync.Mutex
	qboPaste map[int64]pendingQBO
	exPaste  map[int64]connect.ExactPaste
}

type pendingQBO struct {
	redirect string
	pending  oauth.Pending
}

func NewLedgers(deps Deps) *Ledgers {
	return &Ledgers{deps: deps, qboPaste: map[int64]pendingQBO{}, exPaste: map[int64]connect.ExactPaste{}}
}

// LedgerAppInput is the user's own app at Intuit or Exact.
type LedgerAppInput struct {
	ProfileID    int64  `json:"profileId"`
	Ledger       string `json:"ledger"` // "qbo" or "exact"
	ClientID     string `json:"clientId"`
	ClientSecret string `json:"clientSecret"`
	Sandbox      bool   `json:"sandbox"` // QuickBooks development keys
}

// SaveApp keeps the app's client id and secret in the keychain; for
// QuickBooks it also chooses the sandbox or production API.
func (l *Ledgers) SaveApp(in LedgerAppInput) error {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return fmt.Errorf("app: save ledger app: %w", err)
	}
	id, secret := strings.TrimSpace(in.ClientID), strings.TrimSpace(in.ClientSecret)
	var idName, secretName, where string
	switch in.Ledger {
	case store.LedgerQBO:
		idName, secretName, where = secrets.QBOClientID, secrets.QBOClientSecret, "developer.intuit.com → your app → Keys & credentials"
	case store.LedgerExact:
		idName, secretName, where = secrets.ExactClientID, secrets.ExactClientSecret, "apps.exactonline.com → Manage my apps → your app"
	default:
		return apperr.New(apperr.Invalid, fmt.Sprintf("Unknown ledger %q", in.Ledger), "Choose QuickBooks Online or Exact Online.")
	}
	if id == "" || secret == "" || strings.ContainsAny(id+secret, " \t") {
		return apperr.New(apperr.Invalid, "Both the client id and the client secret are needed", "Copy them from "+where+".")
	}
	if err := l.deps.Secrets.Set(p.ID, idName, id); err != nil {
		return fmt.Errorf("app: save ledger app: %w", err)
	}
	if err := l.deps.Secrets.Set(p.ID, secretName, secret); err != nil {
		return fmt.Errorf("app: save ledger app: %w", err)
	}
	if in.Ledger == store.LedgerQBO && !isSimulator(p) {
		endpoint := ""
		if in.Sandbox {
			endpoint = qbo.SandboxBaseURL
		}
		if _, err := l.deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerEndpoint: &endpoint}); err != nil {
			return fmt.Errorf("app: save ledger app: %w", err)
		}
	}
	audit(l.deps, p.ID, in.Ledger+".app", "Saved the app keys for "+ledgerName(in.Ledger))
	return nil
}

// isSimulator: the profile points at a simulator on this computer (demo,
// tests), whose address must not be replaced.
func isSimulator(p store.Profile) bool {
	return strings.HasPrefix(p.LedgerEndpoint, "http://127.0.0.1") || strings.HasPrefix(p.LedgerEndpoint, "http://localhost")
}

func ledgerName(kind string) string {
	switch kind {
	case store.LedgerQBO:
		return "QuickBooks Online"
	case store.LedgerExact:
		return "Exact Online"
	default:
		return "Xero"
	}
}

// ConnectQBO signs in with development keys, whose redirect may be
// http://localhost: the browser comes back to Billbridge by itself.
func (l *Ledgers) ConnectQBO(profileID int64) (ProfileDTO, error) {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: connect quickbooks: %w", err)
	}
	p, err = connect.ConnectQBO(ctx, l.deps.connectDeps(), p, "", l.deps.opener(ctx))
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: connect quickbooks: %w", err)
	}
	audit(l.deps, p.ID, "qbo.signin", "Connected QuickBooks Online company "+p.LedgerTenantName)
	return profileDTO(l.deps, p), nil
}

// PasteStart opens the ledger's sign-in in the browser for the paste
// sign-in. redirectURL is the https address registered with the app
// (QuickBooks production keys, Exact); country picks Exact's site.
func (l *Ledgers) PasteStart(profileID int64, ledger, redirectURL, country string) (string, error) {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return "", fmt.Errorf("app: sign in: %w", err)
	}
	redirectURL = strings.TrimSpace(redirectURL)
	var authURL string
	switch ledger {
	case store.LedgerQBO:
		u, pending, err := connect.BeginQBOPaste(l.deps.connectDeps(), p, redirectURL)
		if err != nil {
			return "", err
		}
		l.mu.Lock()
		l.qboPaste[profileID] = pendingQBO{redirect: redirectURL, pending: pending}
		l.mu.Unlock()
		authURL = u
	case store.LedgerExact:
		ep, err := connect.BeginExactPaste(l.deps.connectDeps(), p, country, redirectURL)
		if err != nil {
			return "", err
		}
		l.mu.Lock()
		l.exPaste[profileID] = ep
		l.mu.Unlock()
		authURL = ep.AuthURL
	default:
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("Unknown ledger %q", ledger), "Choose QuickBooks Online or Exact Online.")
	}
	if err := l.deps.opener(ctx)(authURL); err != nil {
		return "", err
	}
	return authURL, nil
}

// PasteFinish exchanges the pasted address. QuickBooks is then connected;
// for Exact the user chooses a division next (ExactDivisions).
func (l *Ledgers) PasteFinish(profileID int64, ledger, pasted string) (ProfileDTO, error) {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: sign in: %w", err)
	}
	l.mu.Lock()
	q, haveQ := l.qboPaste[profileID]
	e, haveE := l.exPaste[profileID]
	l.mu.Unlock()
	notStarted := apperr.New(apperr.Invalid, "No sign-in is waiting for a pasted address", "Press “Open sign-in page” first, allow access, then paste the address.")
	switch {
	case ledger == store.LedgerQBO && haveQ:
		p, err = connect.FinishQBOPaste(ctx, l.deps.connectDeps(), p, q.redirect, pasted, q.pending)
	case ledger == store.LedgerExact && haveE:
		p, err = connect.FinishExactPaste(ctx, l.deps.connectDeps(), p, pasted, e)
	default:
		return ProfileDTO{}, notStarted
	}
	if err != nil {
		return ProfileDTO{}, err
	}
	l.mu.Lock()
	delete(l.qboPaste, profileID)
	delete(l.exPaste, profileID)
	l.mu.Unlock()
	audit(l.deps, p.ID, ledger+".signin", "Signed in to "+ledgerName(ledger))
	return profileDTO(l.deps, p), nil
}

// ExactDivisionDTO is an Exact administration the user can reach.
type ExactDivisionDTO struct {
	Code        int    `json:"code"`
	Description string `json:"description"`
	Country     string `json:"country"`
	Currency    string `json:"currency"`
	Current     bool   `json:"current"`
}

// ExactDivisions lists the divisions after the Exact sign-in.
func (l *Ledgers) ExactDivisions(profileID int64) ([]ExactDivisionDTO, error) {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: exact divisions: %w", err)
	}
	divs, err := connect.ExactDivisions(ctx, l.deps.connectDeps(), p)
	if err != nil {
		return nil, err
	}
	out := make([]ExactDivisionDTO, 0, len(divs))
	for _, d := range divs {
		out = append(out, ExactDivisionDTO{Code: d.Code, Description: d.Description, Country: d.Country, Currency: d.Currency, Current: d.Current})
	}
	return out, nil
}

// ChooseExactDivision makes a division the profile's ledger.
func (l *Ledgers) ChooseExactDivision(profileID int64, d ExactDivisionDTO) (ProfileDTO, error) {
	ctx := l.deps.Lifecycle.Context()
	p, err := l.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: choose exact division: %w", err)
	}
	p, err = connect.ChooseExactDivision(ctx, l.deps.connectDeps(), p, exact.Division{Code: d.Code, Description: d.Description, Country: d.Country, Currency: d.Currency})
	if err != nil {
		return ProfileDTO{}, err
	}
	audit(l.deps, p.ID, "exact.division", "Invoices will go to the Exact division "+d.Description)
	return profileDTO(l.deps, p), nil
}
