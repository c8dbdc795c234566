package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

func newExportProfile(t *testing.T, s *store.Store, name string) int64 {
	t.Helper()
	p := store.Profile{Name: name}
	if err := s.CreateProfile(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func batch(profile int64, n int) store.ExportBatch {
	return store.ExportBatch{ProfileID: profile, Actor: "user", Format: "csv", RowCount: n,
		Filters: `{"from":"2024-05-01"}`, Totals: `{"USD":"10.00"}`, FilePath: "/tmp/x.csv", SHA256: "ab12"}
}

func TestExportBatchLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := newExportProfile(t, s, "Acme")
	other := newExportProfile(t, s, "Other")

	b1 := batch(p, 3)
	if err := s.CreateExportBatch(ctx, &b1, []int64{10, 11, 12}); err != nil {
		t.Fatal(err)
	}
	if b1.ID == 0 || !b1.CreatedAt.Equal(fixedNow) {
		t.Fatalf("batch after create = %+v", b1)
	}
	// A deliberate re-export of item 12 puts it in a second batch.
	b2 := batch(p, 2)
	b2.Format = "xlsx"
	if err := s.CreateExportBatch(ctx, &b2, []int64{12, 13}); err != nil {
		t.Fatal(err)
	}
	// Another profile's exports never count for this one.
	b3 := batch(other, 1)
	if err := s.CreateExportBatch(ctx, &b3, []int64{14}); err != nil {
		t.Fatal(err)
	}

	exported := func() []int64 {
		m, err := s.ExportedItems(ctx, p, []int64{10, 11, 12, 13, 14, 15})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for id := range m {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return ids
	}
	if got := exported(); !slices.Equal(got, []int64{10, 11, 12, 13}) {
		t.Fatalf("exported = %v", got)
	}
	list, err := s.ExportBatches(ctx, p)
	if err != nil || len(list) != 2 || list[0].ID != b2.ID || list[1] != b1 {
		t.Fatalf("ExportBatches = %+v, %v (want b2, b1=%+v)", list, err, b1)
	}
	if items, err := s.ExportBatchItems(ctx, b1.ID); err != nil || !slices.Equal(items, []int64{10, 11, 12}) {
		t.Fatalf("ExportBatchItems = %v, %v", items, err)
	}

	if err := s.DeleteExportBatch(ctx, b1.ID); err != nil {
		t.Fatal(err)
	}
	// 10 and 11 are free again; 12 stays exported through b2.
	if got := exported(); !slices.Equal(got, []int64{12, 13}) {
		t.Fatalf("exported after delete = %v", got)
	}
	if _, err := s.ExportBatch(ctx, b1.ID); !errors.Is(err, store.ErrNotFound) || apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("deleted batch: %v", err)
	}
	if err := s.DeleteExportBatch(ctx, b1.ID); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("second delete: %v", err)
	}
	if got, err := s.ExportBatch(ctx, b2.ID); err != nil || got != b2 {
		t.Fatalf("other batch changed: %+v, %v", got, err)
	}
	if m, _ := s.ExportedItems(ctx, other, []int64{14}); !m[14] {
		t.Fatal("other profile's batch was affected")
	}

	// Deleting the profile removes its history.
	if err := s.DeleteProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExportBatch(ctx, b2.ID); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("batch of a deleted profile: %v", err)
	}
}

func TestCreateExportBatchRefuses(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := newExportProfile(t, s, "Acme")
	tests := []struct {
		name  string
		edit  func(*store.ExportBatch)
		items []int64
		code  apperr.Code // "" for a plain (internal) error
	}{
		{"unknown format", func(b *store.ExportBatch) { b.Format = "pdf" }, []int64{1}, apperr.Invalid},
		{"unknown profile", func(b *store.ExportBatch) { b.ProfileID = 999 }, []int64{1}, apperr.NotFound},
		{"count mismatch", func(b *store.ExportBatch) { b.RowCount = 2 }, []int64{1}, apperr.Internal},
		{"no checksum", func(b *store.ExportBatch) { b.SHA256 = "" }, []int64{1}, apperr.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := batch(p, 1)
			tt.edit(&b)
			err := s.CreateExportBatch(ctx, &b, tt.items)
			if err == nil || apperr.CodeOf(err) != tt.code {
				t.Fatalf("error = %v (code %s), want code %s", err, apperr.CodeOf(err), tt.code)
			}
			if m, _ := s.ExportedItems(ctx, p, tt.items); len(m) != 0 {
				t.Fatalf("a refused batch left items behind: %v", m)
			}
		})
	}
}
