package app

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/accounts"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// Accounts is "accounts both ways" for Exact Online profiles: Autotask
// companies and Exact accounts linked, created and updated in the direction
// the profile chose, with every conflict listed.
type Accounts struct{ deps Deps }

func NewAccounts(deps Deps) *Accounts { return &Accounts{deps: deps} }

// AccountSettingsDTO is a profile's direction ("to-ledger", "to-autotask"
// or "both") and the Autotask resource that owns companies it creates (0:
// the API user's own).
type AccountSettingsDTO struct {
	ProfileID       int64  `json:"profileId"`
	Direction       string `json:"direction"`
	OwnerResourceID int64  `json:"ownerResourceId"`
}

// AccountLineDTO is one action of an accounts run.
type AccountLineDTO struct {
	Action    string `json:"action"` // link, create-ledger, create-autotask, update-ledger, update-autotask, conflict, suggestion, problem
	Status    string `json:"status"` // planned, done, failed, skipped
	CompanyID int64  `json:"companyId"`
	AccountID string `json:"accountId"`
	Name      string `json:"name"`
	Message   string `json:"message"`
	Fix       string `json:"fix"`
}

// AccountsResultDTO is what a run (or a dry run) did or would do.
type AccountsResultDTO struct {
	RunID     int64            `json:"runId"` // 0 for a dry run
	Direction string           `json:"direction"`
	Done      int              `json:"done"`
	Failed    int              `json:"failed"`
	Problems  int              `json:"problems"`
	Conflicts int              `json:"conflicts"`
	Calls     int64            `json:"calls"`
	Lines     []AccountLineDTO `json:"lines"`
}

// Settings returns a profile's accounts settings.
func (a *Accounts) Settings(profileID int64) (AccountSettingsDTO, error) {
	s, err := a.deps.Store.AccountSettingsOf(a.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return AccountSettingsDTO{}, fmt.Errorf("app: accounts settings: %w", err)
	}
	return AccountSettingsDTO{ProfileID: profileID, Direction: s.Direction, OwnerResourceID: s.OwnerResourceID}, nil
}

// SaveSettings stores a profile's direction and owner.
func (a *Accounts) SaveSettings(in AccountSettingsDTO) (AccountSettingsDTO, error) {
	switch in.Direction {
	case store.AccountsToLedger, store.AccountsToAutotask, store.AccountsBoth:
	default:
		return AccountSettingsDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a direction", in.Direction),
			"Choose Autotask → Exact, Exact → Autotask, or both ways.")
	}
	if in.OwnerResourceID < 0 {
		return AccountSettingsDTO{}, apperr.New(apperr.Invalid, "The owner's resource ID cannot be negative", "Enter an Autotask resource ID, or 0 for the API user.")
	}
	err := a.deps.Store.SaveAccountSettings(a.deps.Lifecycle.Context(), in.ProfileID,
		store.AccountSettings{Direction: in.Direction, OwnerResourceID: in.OwnerResourceID})
	if err != nil {
		return AccountSettingsDTO{}, fmt.Errorf("app: save accounts settings: %w", err)
	}
	audit(a.deps, in.ProfileID, "accounts.settings", fmt.Sprintf("Accounts both ways: direction %s, owner resource %d", in.Direction, in.OwnerResourceID))
	return a.Settings(in.ProfileID)
}

// Run links, creates and updates accounts; with dryRun it only says what it
// would do and changes nothing.
func (a *Accounts) Run(profileID int64, dryRun bool) (AccountsResultDTO, error) {
	ctx := a.deps.Lifecycle.Context()
	p, err := a.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return AccountsResultDTO{}, fmt.Errorf("app: accounts: %w", err)
	}
	s, err := a.deps.Store.AccountSettingsOf(ctx, profileID)
	if err != nil {
		return AccountsResultDTO{}, fmt.Errorf("app: accounts: %w", err)
	}
	r, counter, err := runner.Accounts(ctx, a.deps.connectDeps(), p, s.OwnerResourceID)
	if err != nil {
		return AccountsResultDTO{}, err
	}
	res, err := r.Run(ctx, accounts.Options{DryRun: dryRun})
	out := AccountsResultDTO{RunID: res.RunID, Direction: res.Direction, Done: res.Done, Failed: res.Failed, Problems: res.Problems,
		Conflicts: res.Conflicts, Calls: counter.Total(), Lines: []AccountLineDTO{}}
	for _, l := range res.Lines {
		out.Lines = append(out.Lines, AccountLineDTO{Action: l.Action, Status: l.Status, CompanyID: l.CompanyID, AccountID: l.AccountID,
			Name: l.Name, Message: l.Message, Fix: l.Fix})
	}
	if err != nil {
		return out, fmt.Errorf("app: accounts: %w", err)
	}
	if !dryRun {
		audit(a.deps, profileID, "accounts.run", res.String())
	}
	return out, nil
}
