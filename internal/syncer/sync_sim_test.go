package syncer_test

import (
	"context"
	"strings"
	"testing"
)

func TestFullMonthThenNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("500-invoice month")
	}
	e := newEnv(t, 500)
	ctx := context.Background()
	first, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first run: %s; Autotask calls %d, Xero calls %d", first, e.atCalls.Total(), e.xCalls.Total())
	if first.Sent < 100 || first.Failed != 0 || first.WrittenBack != first.Sent {
		t.Fatalf("first run: %s", first)
	}
	docs := e.ledgerDocs(t)
	for ref, n := range docs {
		if n != 1 {
			t.Errorf("%s is in Xero %d times", ref, n)
		}
	}
	if len(docs) != first.Sent {
		t.Errorf("Xero holds %d documents, the run sent %d", len(docs), first.Sent)
	}
	second, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Sent != 0 || second.WrittenBack != 0 {
		t.Fatalf("second run sent again: %s", second)
	}
	run, err := e.store.Run(ctx, second.RunID)
	if err != nil || !strings.Contains(run.Options, `"thru":"2024-05-31"`) {
		t.Fatalf("run %d keeps options %q (%v)", second.RunID, run.Options, err)
	}
	if len(e.ledgerDocs(t)) != first.Sent {
		t.Errorf("the second run changed Xero")
	}
}
