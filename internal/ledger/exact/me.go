package exact

import (
	"context"
	"fmt"
	"net/http"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Me is the signed-in user, from current/Me.
type Me struct {
	UserID          string `json:"UserID"`
	UserName        string `json:"UserName"`
	FullName        string `json:"FullName"`
	Email           string `json:"Email"`
	CurrentDivision int    `json:"CurrentDivision"`
	LanguageCode    string `json:"LanguageCode"`
}

var meFields = []string{"UserID", "UserName", "FullName", "Email", "CurrentDivision", "LanguageCode"}

// Me reads the signed-in user and the division Exact has selected for them.
// It is the one call that needs no division in its path.
func (c *Client) Me(ctx context.Context) (Me, error) {
	var p page[Me]
	r := request{method: http.MethodGet, global: true, path: "current/Me",
		query: Query{Select: meFields}.Encode(), op: "read current user"}
	if err := c.do(ctx, r, &p); err != nil {
		return Me{}, err
	}
	if len(p.D.Results) == 0 {
		return Me{}, apperr.New(apperr.Reconnect, "Exact Online did not say who is signed in",
			"Reconnect Exact Online in Billbridge's settings and sign in again.")
	}
	return p.D.Results[0], nil
}

// Division is one administration (company) the user can reach.
type Division struct {
	Code        int    `json:"Code"`
	Description string `json:"Description"`
	Country     string `json:"Country"`
	Currency    string `json:"Currency"`
	VATNumber   string `json:"VATNumber"`
	Current     bool   `json:"Current"`
	Hid         int    `json:"Hid"`
}

var divisionFields = []string{"Code", "Description", "Country", "Currency", "VATNumber", "Current", "Hid"}

// Divisions lists the divisions the user can reach (system/Divisions). The
// call needs a division in its path; a client made for division 0 asks
// current/Me for the user's current one first.
func (c *Client) Divisions(ctx context.Context) ([]Division, error) {
	l := list{op: "list divisions", path: "system/Divisions", query: Query{Select: divisionFields}}
	if c.division == 0 {
		me, err := c.Me(ctx)
		if err != nil {
			return nil, err
		}
		if me.CurrentDivision == 0 {
			return nil, fmt.Errorf("exact: list divisions: Exact named no current division")
		}
		l.global, l.path = true, fmt.Sprintf("%d/system/Divisions", me.CurrentDivision)
	}
	return getAll[Division](ctx, c, l)
}
