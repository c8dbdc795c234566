package app_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	"github.com/billbridge/billbridge/internal/store"
)

// The paste sign-in as the Connections screen drives it, for QuickBooks
// Online (production keys) and Exact Online.
func TestLedgerPasteSignIns(t *testing.T) {
	qs, err := qbosim.New(qbosim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	es, err := exactsim.New(exactsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []interface{ Start(string) error }{qs, es} {
		if err := s.Start("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { qs.Close(); es.Close() })

	deps, _ := newDeps(t)
	var opened string
	deps.OpenBrowser = func(_ context.Context, u string) { opened = u }
	l := app.NewLedgers(deps)
	profiles := app.NewProfiles(deps)
	ctx := context.Background()
	newProfile := func(name, endpoint string) int64 {
		p, err := profiles.Create(app.CreateProfileInput{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerEndpoint: &endpoint}); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}

	// QuickBooks Online.
	qp := newProfile("Acme UK", qs.URL())
	if err := l.SaveApp(app.LedgerAppInput{ProfileID: qp, Ledger: "qbo", ClientID: qbosim.DemoApp.ClientID}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("an app without its secret was saved: %v", err)
	}
	if err := l.SaveApp(app.LedgerAppInput{ProfileID: qp, Ledger: "qbo", ClientID: qbosim.DemoApp.ClientID, ClientSecret: qbosim.DemoApp.ClientSecret}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.PasteFinish(qp, "qbo", "https://x.example/?code=a&state=b"); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("a paste with no sign-in started: %v", err)
	}
	if _, err := l.PasteStart(qp, "qbo", "https://billbridge.example/oauth/relay", ""); err != nil {
		t.Fatal(err)
	}
	landed, err := qs.Approve(opened, qbosim.DemoGB.RealmID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.PasteFinish(qp, "qbo", landed)
	if err != nil {
		t.Fatal(err)
	}
	if got.LedgerKind != "qbo" || got.LedgerTenantName != qbosim.DemoGB.Name {
		t.Fatalf("QuickBooks profile = %+v", got)
	}

	// Exact Online: sign in, then choose the division.
	ep := newProfile("Acme NL", es.URL())
	if err := l.SaveApp(app.LedgerAppInput{ProfileID: ep, Ledger: "exact", ClientID: exactsim.DemoApp.ClientID, ClientSecret: exactsim.DemoApp.ClientSecret}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.PasteStart(ep, "exact", exactsim.DemoApp.RedirectURIs[0], "nl"); err != nil {
		t.Fatal(err)
	}
	landed, err = es.Approve(opened)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.PasteFinish(ep, "exact", landed); err != nil {
		t.Fatal(err)
	}
	divs, err := l.ExactDivisions(ep)
	if err != nil || len(divs) == 0 {
		t.Fatalf("divisions = %v, %v", divs, err)
	}
	got, err = l.ChooseExactDivision(ep, divs[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.LedgerKind != "exact" || got.LedgerTenantName != divs[0].Description {
		t.Fatalf("Exact profile = %+v", got)
	}
}
