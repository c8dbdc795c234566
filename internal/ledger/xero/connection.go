package xero

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// DefaultConnectionsURL lists the organisations a token may call.
const DefaultConnectionsURL = "https://api.xero.com/connections"

// Connection is one organisation the user let Billbridge call. TenantID goes
// into NewClient; ID is what DeleteConnection removes.
type Connection struct {
	ID             string   `json:"id"`
	TenantID       string   `json:"tenantId"`
	TenantType     string   `json:"tenantType"` // ORGANISATION, PRACTICE, …
	TenantName     string   `json:"tenantName"`
	AuthEventID    string   `json:"authEventId"`
	CreatedDateUTC DateTime `json:"createdDateUtc"`
	UpdatedDateUTC DateTime `json:"updatedDateUtc"`
}

// Connections lists the organisations httpClient's token is connected to.
// connectionsURL defaults to DefaultConnectionsURL.
func Connections(ctx context.Context, connectionsURL string, httpClient *http.Client) ([]Connection, error) {
	resp, err := connectionCall(ctx, http.MethodGet, connectionsURL, httpClient, "list connections")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var conns []Connection
	if err := json.NewDecoder(resp.Body).Decode(&conns); err != nil {
		return nil, fmt.Errorf("xero: list connections: decode answer: %w", err)
	}
	return conns, nil
}

// DeleteConnection disconnects one organisation (Xero's certification asks
// apps to do this rather than revoke the whole grant).
func DeleteConnection(ctx context.Context, connectionsURL string, httpClient *http.Client, id string) error {
	if connectionsURL == "" {
		connectionsURL = DefaultConnectionsURL
	}
	resp, err := connectionCall(ctx, http.MethodDelete, strings.TrimSuffix(connectionsURL, "/")+"/"+url.PathEscape(id), httpClient, "disconnect organisation")
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func connectionCall(ctx context.Context, method, u string, httpClient *http.Client, op string) (*http.Response, error) {
	if u == "" {
		u = DefaultConnectionsURL
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return nil, fmt.Errorf("xero: %s: %w", op, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := httpClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("xero: %s: %w", op, ctx.Err())
		}
		return nil, apperr.Wrap(fmt.Errorf("xero: %s: %w", op, err), apperr.Unavailable,
			"Billbridge could not reach Xero",
			"Check the internet connection, then try again; status.xero.com shows Xero outages.")
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		return nil, mapAPIError(readAPIError(resp, op), "the Xero organisation", time.Now())
	}
	return resp, nil
}
