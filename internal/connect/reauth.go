package connect

import (
	"io"
	"net/http"

	"github.com/billbridge/billbridge/internal/oauth"
)

// reauth answers a 401 on a token the source still thought valid (another
// process replaced it, or the service expired it early) by reading the
// token again and repeating the request once. Only then is the 401 the
// caller's: a real "reconnect".
type reauth struct {
	ts   *oauth.TokenSource
	next http.RoundTripper // the oauth2 transport that adds the token
}

func (t *reauth) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	retry := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		if req.GetBody == nil {
			return resp, nil // the body cannot be sent again
		}
		body, err := req.GetBody()
		if err != nil {
			return resp, nil
		}
		retry.Body = body
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	t.ts.Reset()
	return t.next.RoundTrip(retry)
}
