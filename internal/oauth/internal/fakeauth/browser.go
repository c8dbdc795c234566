package fakeauth

import (
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"sync"
)

// Browser plays the user's web browser: it opens the authorisation URL,
// clicks Allow or Deny on the consent page, and follows the redirect to the
// app (unless Stay, which stops at the redirect, as a user who copies the
// address would).
type Browser struct {
	Deny bool // click Deny instead of Allow
	Stay bool // do not follow the redirect back to the app

	mu       sync.Mutex
	landedOn string
	status   int
	page     string
}

var consentLink = regexp.MustCompile(`id="(allow|deny)" href="([^"]+)"`)

// Open implements the app's "open this URL in the browser".
func (b *Browser) Open(authURL string) error {
	client := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		b.mu.Lock()
		b.landedOn = req.URL.String()
		b.mu.Unlock()
		if b.Stay {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := client.Get(authURL)
	if err != nil {
		return fmt.Errorf("browser: open %s: %w", authURL, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("browser: authorisation page: HTTP %d: %s", resp.StatusCode, body)
	}
	want := "allow"
	if b.Deny {
		want = "deny"
	}
	var href string
	for _, m := range consentLink.FindAllStringSubmatch(string(body), -1) {
		if m[1] == want {
			href = html.UnescapeString(m[2])
		}
	}
	if href == "" {
		return errors.New("browser: no consent link")
	}
	resp, err = client.Get(resp.Request.URL.ResolveReference(mustParse(href)).String())
	if err != nil {
		return fmt.Errorf("browser: consent: %w", err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	b.mu.Lock()
	b.status, b.page = resp.StatusCode, string(body)
	b.mu.Unlock()
	return nil
}

// LandedOn is the last address the browser was redirected to.
func (b *Browser) LandedOn() string { b.mu.Lock(); defer b.mu.Unlock(); return b.landedOn }

// Page is the status and body of the last page the browser showed.
func (b *Browser) Page() (int, string) { b.mu.Lock(); defer b.mu.Unlock(); return b.status, b.page }
