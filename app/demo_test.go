package app_test

import (
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

// "Try with demo data" leaves a profile connected to Autotask and Xero whose
// connection test reads the demo month.
func TestDemoStartConnectsAProfile(t *testing.T) {
	deps, _ := newDeps(t)
	d := app.NewDemo(deps)
	t.Cleanup(func() { d.Stop() })
	st, err := d.Start()
	if err != nil {
		t.Fatal(err)
	}
	if !st.Running || !st.Profile.IsDemo || !st.Profile.AutotaskConnected || st.Profile.LedgerKind != "xero" || st.Profile.LedgerTenantName == "" {
		t.Fatalf("demo status = %+v", st)
	}
	// A second click reuses the running simulators and the same profile.
	again, err := d.Start()
	if err != nil || again.Profile.ID != st.Profile.ID || again.AutotaskURL != st.AutotaskURL {
		t.Fatalf("second start = %+v, %v", again, err)
	}
	profiles := app.NewProfiles(deps)
	res, err := profiles.TestAutotask(st.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Invoices == 0 || res.Companies == 0 || res.RequestsLimit != 10000 {
		t.Fatalf("connection test = %+v", res)
	}
	list, err := profiles.List()
	if err != nil || len(list) != 2 { // the Xero and the Exact demo profiles
		t.Fatalf("List = %v, %v", list, err)
	}
}

func TestConnectionTestSaysWhatToFix(t *testing.T) {
	deps, _ := newDeps(t)
	profiles := app.NewProfiles(deps)
	p, err := profiles.Create(app.CreateProfileInput{Name: "No creds"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = profiles.TestAutotask(p.ID)
	pub := apperr.Public(err)
	if pub.Code != apperr.Reconnect || pub.Fix == "" {
		t.Fatalf("error = %+v", pub)
	}
	if err := profiles.SaveXeroApp(app.XeroAppInput{ProfileID: p.ID, ClientID: "short"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("short client id accepted: %v", err)
	}
	if _, err := profiles.ConnectXero(p.ID); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("connect without an app: %v", err)
	}
}
