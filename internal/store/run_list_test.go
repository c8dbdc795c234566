package store_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

func TestRunsNewestFirstAndFiltered(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []int64
	for _, p := range []string{"A", "B"} {
		pr := store.Profile{Name: p}
		if err := st.CreateProfile(ctx, &pr); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, pr.ID)
	}
	for i, kind := range []string{"preview", "sync", "sync"} {
		r := &store.Run{ProfileID: ids[i%2], Kind: kind}
		if err := st.StartRun(ctx, r); err != nil {
			t.Fatal(err)
		}
		r.Status, r.Sent = "done", i+1
		if err := st.FinishRun(ctx, r, []store.RunLine{{AutotaskInvoiceID: 7, Status: "sent"}}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.Runs(ctx, store.RunFilter{})
	if err != nil || len(all) != 3 || all[0].Sent != 3 || all[2].Kind != "preview" {
		t.Fatalf("all runs = %+v, %v", all, err)
	}
	syncs, err := st.Runs(ctx, store.RunFilter{ProfileID: ids[0], Kinds: []string{"sync"}})
	if err != nil || len(syncs) != 1 || syncs[0].Sent != 3 || syncs[0].ProfileID != ids[0] {
		t.Fatalf("profile A syncs = %+v, %v", syncs, err)
	}
	one, err := st.Run(ctx, all[1].ID)
	if err != nil || one.Kind != "sync" || one.Status != "done" || one.FinishedAt == "" {
		t.Fatalf("run = %+v, %v", one, err)
	}
	if _, err := st.Run(ctx, 999); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("missing run: %v", err)
	}
}
