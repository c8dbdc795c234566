package oauth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// pasteLifetime bounds how long a pending paste sign-in stays usable;
// providers' codes live minutes (Xero's about 5), so anything older is dead.
const pasteLifetime = 30 * time.Minute

// BeginPaste starts an authorisation that needs no local listener: the
// redirect URI is p.RelayURL (the https page registered with the provider),
// and the user pastes the address they landed on into ExchangePasted. The
// app keeps the returned Pending until then.
func BeginPaste(p Provider) (authURL string, pending Pending, err error) {
	if err := p.check(); err != nil {
		return "", Pending{}, err
	}
	if p.RelayURL == "" {
		return "", Pending{}, fmt.Errorf("oauth: %s: paste sign-in needs a relay (redirect) URL", p.Name)
	}
	pending, authURL, err = begin(p, p.RelayURL, "")
	return authURL, pending, err
}

// ExchangePasted finishes a paste sign-in: it reads code, state (checked
// against pending in constant time) and realmId from the pasted address —
// a whole URL, or just its query — and exchanges the code.
func ExchangePasted(ctx context.Context, p Provider, pastedURL string, pending Pending, httpClient *http.Client) (Grant, error) {
	if err := p.check(); err != nil {
		return Grant{}, err
	}
	q, err := pastedQuery(pastedURL)
	if err != nil {
		return Grant{}, apperr.Wrap(fmt.Errorf("oauth: %s: paste: %w", p.Name, err), apperr.Invalid,
			"The pasted address is not the one the sign-in ended on",
			fmt.Sprintf("Copy the whole address from the browser's address bar after allowing access in %s, and paste it again.", p.Name))
	}
	if pending.State == "" || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(pending.State)) != 1 {
		return Grant{}, refusedState(p.Name)
	}
	if !pending.Created.IsZero() && time.Since(pending.Created) > pasteLifetime {
		return Grant{}, apperr.New(apperr.Invalid,
			fmt.Sprintf("This %s sign-in was started too long ago", p.Name),
			"Start the connection again and paste the address within a few minutes.")
	}
	if e := q.Get("error"); e != "" {
		return Grant{}, authorizeError(p.Name, e, q.Get("error_description"))
	}
	cb := Callback{Code: q.Get("code"), State: q.Get("state"), RealmID: q.Get("realmId")}
	if cb.Code == "" {
		return Grant{}, apperr.New(apperr.Invalid, "The pasted address has no sign-in code",
			fmt.Sprintf("Copy the whole address from the browser's address bar after allowing access in %s.", p.Name))
	}
	return exchange(ctx, p, pending, cb, httpClient)
}

// pastedQuery accepts what people paste: a full URL (with or without
// surrounding spaces or quotes), or a bare query string.
func pastedQuery(s string) (url.Values, error) {
	s = strings.Trim(strings.TrimSpace(s), `"'<>`)
	if s == "" {
		return nil, fmt.Errorf("nothing pasted")
	}
	raw := s
	if i := strings.IndexByte(s, '?'); i >= 0 {
		raw = s[i+1:]
	} else if strings.Contains(s, "://") {
		return nil, fmt.Errorf("the address has no query")
	}
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, err
	}
	if q.Get("state") == "" {
		return nil, fmt.Errorf("the address has no state")
	}
	return q, nil
}
