package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

// The month end on the demo, as the screens drive it: map, preview, send the
// ticked invoices, send the rest, preview again, read the run log, export.
func TestMonthEndOnTheDemo(t *testing.T) {
	deps, dir := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID

	// Mappings: nothing accepted yet, suggestions for every code; accepting
	// them covers every billing code and tax pair.
	maps := app.NewMappings(deps)
	before, err := maps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Codes) == 0 || before.Coverage[0].Mapped != 0 || before.Codes[0].State != "suggested" || len(before.Accounts) == 0 || len(before.TaxCodes) == 0 {
		t.Fatalf("before: %d codes, coverage %+v, first %+v", len(before.Codes), before.Coverage, before.Codes[0])
	}
	n, err := maps.AcceptAll(id, "")
	if err != nil || n == 0 {
		t.Fatalf("accept all = %d, %v", n, err)
	}
	after, err := maps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range after.Coverage[:2] {
		if c.Mapped != c.Total {
			t.Errorf("after accepting: %d of %d %s", c.Mapped, c.Total, c.Kind)
		}
	}

	code := after.Codes[0]
	err = maps.Save(app.MappingInput{ProfileID: id, Kind: "billing_code", SourceKey: itoa(code.ID), Target: code.ItemCode, Target2: "999-no-such"})
	if pub := apperr.Public(err); pub.Code != apperr.Invalid || pub.Fix == "" {
		t.Fatalf("bad account accepted: %+v", pub)
	}
	if err := maps.Save(app.MappingInput{ProfileID: id, Kind: "payment_term", SourceKey: itoa(after.Terms[0].ID), Target: "21"}); err != nil {
		t.Fatal(err)
	}
	if err := maps.Clear(id, "payment_term", itoa(after.Terms[0].ID)); err != nil {
		t.Fatal(err)
	}

	// Sync: the form proposes the demo month; the preview has ready invoices
	// and the half-processed one blocked with its fix.
	sy := app.NewSync(deps, nil)
	def, err := sy.Defaults(id)
	if err != nil || def.Thru != "2024-05-31" || !def.Draft {
		t.Fatalf("defaults = %+v, %v", def, err)
	}
	form := app.SyncInput{ProfileID: id, Thru: def.Thru, MaxAgeDays: def.MaxAgeDays, LineMode: def.LineMode}
	if _, err := sy.Preview(app.SyncInput{ProfileID: id, Thru: "31/05/2024"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("a bad date: %v", err)
	}
	pre, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	var ready []int64
	blocked := false
	for _, inv := range pre.Invoices {
		switch inv.Status {
		case "ready":
			ready = append(ready, inv.InvoiceID)
			if inv.CustomerName == "" || len(inv.Lines) == 0 || inv.DocStatus != "draft" || inv.Total == "" {
				t.Errorf("ready invoice %+v", inv)
			}
		case "blocked":
			blocked = blocked || (len(inv.Problems) > 0 && inv.Problems[0].Fix != "")
		}
	}
	if pre.Ready != len(ready) || pre.Ready < 10 || !blocked {
		t.Fatalf("preview: %d ready, %d blocked (with fix: %v)", pre.Ready, pre.Blocked, blocked)
	}

	// Send two ticked invoices, then the rest.
	var mu sync.Mutex
	var events []app.ProgressDTO
	sy = app.NewSync(deps, func(_ context.Context, name string, data ...interface{}) {
		mu.Lock()
		defer mu.Unlock()
		if p, ok := data[0].(app.ProgressDTO); ok && name == app.ProgressEvent {
			events = append(events, p)
		}
	})
	two, err := sy.Send(app.SendInput{Options: form, InvoiceIDs: ready[:2]})
	if err != nil {
		t.Fatal(err)
	}
	if two.Sent != 2 || two.Failed != 0 || two.WrittenBack != 2 {
		t.Fatalf("ticked send: %s", two.Summary)
	}
	if len(events) == 0 || events[0].Label == "" {
		t.Errorf("no progress events: %+v", events)
	}
	rest, err := sy.Send(app.SendInput{Options: form})
	if err != nil {
		t.Fatal(err)
	}
	if rest.Sent != len(ready)-2 || rest.Failed != 0 {
		t.Fatalf("rest: %s", rest.Summary)
	}
	sentLine := false
	for _, l := range rest.Lines {
		sentLine = sentLine || (l.Status == "sent" && l.CompanyName != "")
	}
	if !sentLine {
		t.Errorf("no sent line with a company in %+v", rest.Lines[:min(3, len(rest.Lines))])
	}
	again, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	if again.Ready != 0 || again.AlreadySent != len(ready) || again.Blocked != pre.Blocked {
		t.Fatalf("second preview: %d ready, %d already sent, %d blocked", again.Ready, again.AlreadySent, again.Blocked)
	}
	if sy.Cancel() {
		t.Errorf("cancel with nothing running reported a run")
	}

	// Runs: the two sends, newest first, with their lines; previews on request.
	runs := app.NewRuns(deps)
	list, err := runs.List(app.RunListInput{ProfileID: id})
	if err != nil || len(list) != 2 || list[0].ID != rest.RunID || list[1].Sent != 2 || list[0].Thru != "2024-05-31" || list[0].ProfileName == "" {
		t.Fatalf("runs = %+v, %v", list, err)
	}
	withPreviews, _ := runs.List(app.RunListInput{IncludePreviews: true})
	if len(withPreviews) != 4 {
		t.Errorf("with previews: %d runs, want 4", len(withPreviews))
	}
	lines, err := runs.Lines(two.RunID)
	if err != nil {
		t.Fatal(err)
	}
	sent := 0
	for _, l := range lines {
		if l.Status == "sent" && l.LedgerNumber != "" {
			sent++
		}
	}
	if sent != 2 {
		t.Errorf("run lines: %d sent with a ledger number, want 2", sent)
	}
	if _, err := runs.Lines(99999); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("missing run: %v", err)
	}

	// Exports: a file in the data folder's exports folder by default.
	ex := app.NewExports(deps)
	ed, err := ex.Defaults(id)
	if err != nil || ed.From != "2024-05-01" || ed.To != "2024-05-31" {
		t.Fatalf("export defaults = %+v, %v", ed, err)
	}
	batch, err := ex.Export(app.ExportInput{Filter: app.ExportFilterInput{ProfileID: id, Format: "csv", From: ed.From, To: ed.To, OnlyInvoiced: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(batch.FilePath, filepath.Join(dir, "exports")+string(filepath.Separator)) || !strings.HasSuffix(batch.FilePath, ".csv") {
		t.Errorf("default path = %s", batch.FilePath)
	}
	if _, err := os.Stat(batch.FilePath); err != nil {
		t.Error(err)
	}
	named, err := ex.Export(app.ExportInput{Filter: app.ExportFilterInput{ProfileID: id, Format: "xlsx", From: ed.From, To: ed.To, IncludeExported: true}, Path: "may"})
	if err != nil || named.FilePath != filepath.Join(dir, "exports", "may.xlsx") {
		t.Errorf("named export = %s, %v", named.FilePath, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
