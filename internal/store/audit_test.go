package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

func TestAuditNewestFirstAndFiltered(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	acme, other := store.Profile{Name: "Acme"}, store.Profile{Name: "Other"}
	for _, p := range []*store.Profile{&acme, &other} {
		if err := s.CreateProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	entries := []store.AuditEntry{
		{ProfileID: &acme.ID, Actor: "user", Action: "profile.create", Detail: "Acme"},
		{Actor: "user", Action: "settings.update", Detail: "theme=dark", At: fixedNow.Add(time.Hour)},
		{ProfileID: &other.ID, Actor: "cli", Action: "sync.run", At: fixedNow.Add(2 * time.Hour)},
		{ProfileID: &acme.ID, Actor: "scheduler", Action: "sync.run", At: fixedNow.Add(2 * time.Hour)},
	}
	for _, e := range entries {
		if err := s.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}

	actions := func(es []store.AuditEntry) string {
		var out string
		for _, e := range es {
			out += fmt.Sprintf("%s/%s;", e.Actor, e.Action)
		}
		return out
	}
	tests := []struct {
		name   string
		filter store.AuditFilter
		want   string
	}{
		{"all, newest first, ties by insertion", store.AuditFilter{},
			"scheduler/sync.run;cli/sync.run;user/settings.update;user/profile.create;"},
		{"one profile", store.AuditFilter{ProfileID: &acme.ID}, "scheduler/sync.run;user/profile.create;"},
		{"limit", store.AuditFilter{Limit: 2}, "scheduler/sync.run;cli/sync.run;"},
		{"profile without entries", store.AuditFilter{ProfileID: ptr[int64](999)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := s.Audit(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := actions(es); got != tt.want {
				t.Errorf("Audit(%+v) = %s, want %s", tt.filter, got, tt.want)
			}
		})
	}

	es, _ := s.Audit(ctx, store.AuditFilter{ProfileID: &acme.ID})
	last := es[len(es)-1]
	if last.ID == 0 || *last.ProfileID != acme.ID || !last.At.Equal(fixedNow) || last.Detail != "Acme" {
		t.Errorf("oldest Acme entry = %+v; want its id, profile, the clock's time and detail", last)
	}
	if _, err := s.Audit(ctx, store.AuditFilter{Limit: -1}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("negative limit: %v; want invalid", err)
	}
}

func TestAppendAuditChecks(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if err := s.AppendAudit(ctx, store.AuditEntry{Actor: "user"}); err == nil {
		t.Error("entry without an action was accepted")
	}
	if err := s.AppendAudit(ctx, store.AuditEntry{ProfileID: ptr[int64](42), Actor: "user", Action: "x"}); !isNotFound(err) {
		t.Errorf("entry for a missing profile: %v; want not found (foreign keys on)", err)
	}
}

func TestDeleteProfileKeepsAuditDetached(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := store.Profile{Name: "Acme"}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, store.AuditEntry{ProfileID: &p.ID, Actor: "user", Action: "profile.create"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(ctx, store.AuditFilter{})
	if err != nil || len(es) != 1 || es[0].ProfileID != nil || es[0].Action != "profile.create" {
		t.Errorf("audit after delete = %+v, %v; want the entry kept with no profile", es, err)
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.AppendAudit(ctx, store.AuditEntry{Actor: "user", Action: "x"}); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, filepath.Join(dir, store.FileName))
	for _, q := range []string{"UPDATE audit_log SET detail = 'changed'", "DELETE FROM audit_log"} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s succeeded; the audit log must be append-only", q)
		}
	}
}

// Writers in several goroutines share the pool; busy_timeout and
// immediate write transactions must keep SQLITE_BUSY from surfacing.
func TestConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*4)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				p := store.Profile{Name: fmt.Sprintf("writer %d profile %d", w, i)}
				if err := s.CreateProfile(ctx, &p); err != nil {
					errs <- err
					continue
				}
				if _, err := s.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerKind: ptr(store.LedgerXero)}); err != nil {
					errs <- err
				}
				if err := s.AppendAudit(ctx, store.AuditEntry{ProfileID: &p.ID, Actor: "test", Action: "write"}); err != nil {
					errs <- err
				}
				if _, err := s.UpdateSettings(ctx, store.SettingsUpdate{LastProfileID: &p.ID}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	ps, err := s.Profiles(ctx)
	if err != nil || len(ps) != writers*each {
		t.Errorf("profiles = %d, %v; want %d", len(ps), err, writers*each)
	}
	es, err := s.Audit(ctx, store.AuditFilter{Limit: store.MaxAuditLimit})
	if err != nil || len(es) != writers*each {
		t.Errorf("audit entries = %d, %v; want %d", len(es), err, writers*each)
	}
}
