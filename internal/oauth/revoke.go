package oauth

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Revoke asks the provider to revoke token (send the refresh token: that
// ends the whole grant; Xero then drops every connection the user made for
// the app). RFC 7009 form by default, Intuit's JSON body when p.RevokeJSON.
// A provider without a revocation endpoint (Exact Online) is an error the
// caller can show: the user removes the app in the provider's own settings.
func Revoke(ctx context.Context, p Provider, token string, httpClient *http.Client) error {
	if p.RevokeURL == "" {
		return apperr.New(apperr.Invalid,
			fmt.Sprintf("%s has no way for Billbridge to end the connection itself", p.Name),
			fmt.Sprintf("Remove Billbridge from the connected apps in your %s settings.", p.Name))
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	var body io.Reader
	contentType := "application/x-www-form-urlencoded"
	if p.RevokeJSON {
		b, err := json.Marshal(map[string]string{"token": token})
		if err != nil {
			return fmt.Errorf("oauth: %s: revoke: %w", p.Name, err)
		}
		body, contentType = bytes.NewReader(b), "application/json"
	} else {
		form := url.Values{"token": {token}, "token_type_hint": {"refresh_token"}}
		if p.authStyle() == oauth2.AuthStyleInParams {
			form.Set("client_id", p.ClientID)
			if p.ClientSecret != "" {
				form.Set("client_secret", p.ClientSecret)
			}
		}
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.RevokeURL, body)
	if err != nil {
		return fmt.Errorf("oauth: %s: revoke: %w", p.Name, err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	if p.authStyle() == oauth2.AuthStyleInHeader || p.RevokeJSON {
		req.SetBasicAuth(url.QueryEscape(p.ClientID), url.QueryEscape(p.ClientSecret))
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return apperr.Wrap(fmt.Errorf("oauth: %s: revoke: %w", p.Name, err), apperr.Unavailable,
			fmt.Sprintf("%s could not be reached to end the connection", p.Name),
			"Check your internet connection and try again.")
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	// RFC 7009: an unknown or already invalid token is a success (200).
	if resp.StatusCode/100 != 2 {
		return apperr.Wrap(fmt.Errorf("oauth: %s: revoke: HTTP %d", p.Name, resp.StatusCode), apperr.Unavailable,
			fmt.Sprintf("%s did not confirm that the connection was ended", p.Name),
			fmt.Sprintf("Try again, or remove Billbridge from the connected apps in your %s settings.", p.Name))
	}
	return nil
}
