package xero_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/xero"
)

func TestConnections(t *testing.T) {
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		if r.Method == http.MethodDelete {
			return http.StatusNoContent, nil, ``
		}
		return 200, nil, `[{"id":"conn-1","authEventId":"ev-1","tenantId":"t-1","tenantType":"ORGANISATION","tenantName":"Acme NZ",
			"createdDateUtc":"2026-11-01T10:00:00.1833130","updatedDateUtc":"2026-11-01T10:00:00.1833130"}]`
	})
	url := f.srv.URL + "/connections"
	conns, err := xero.Connections(context.Background(), url, f.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if len(conns) != 1 || conns[0].TenantID != "t-1" || conns[0].TenantName != "Acme NZ" || conns[0].ID != "conn-1" || conns[0].CreatedDateUTC.IsZero() {
		t.Fatalf("connections %+v", conns)
	}
	if err := xero.DeleteConnection(context.Background(), url, f.srv.Client(), "conn-1"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if reqs[0].Method != "GET" || reqs[0].Path != "/connections" || reqs[1].Method != "DELETE" || reqs[1].Path != "/connections/conn-1" {
		t.Errorf("requests %+v", reqs)
	}
	if reqs[0].Header.Get("xero-tenant-id") != "" {
		t.Error("connections calls carry no tenant")
	}
}

func TestConnectionsRefused(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) { return 401, nil, `{"Detail":"TokenExpired"}` })
	_, err := xero.Connections(context.Background(), f.srv.URL+"/connections", f.srv.Client())
	if apperr.CodeOf(err) != apperr.Reconnect {
		t.Errorf("err = %v, want Reconnect", err)
	}
}
