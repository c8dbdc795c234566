package app

import (
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// CreateMissingItems creates in the ledger, as purchasable items, the
// products the window's preview holds back for want of one (code = SKU,
// Autotask's unit cost, the inventory asset or cost of sales account of
// the purchase settings), links each product to its item, and returns how
// many it created. The same missing items give the same idempotency key,
// so a repeated click creates nothing twice; once they exist the preview
// finds them and a second click creates none.
func (s *Purchases) CreateMissingItems(in PurchaseInput) (int, error) {
	ctx := s.deps.Lifecycle.Context()
	eng, _, err := s.open(ctx, in)
	if err != nil {
		return 0, err
	}
	res, err := eng.CreateMissingItems(ctx)
	if err != nil {
		return 0, fmt.Errorf("app: create missing purchase items: %w", err)
	}
	if len(res.Created) > 0 {
		codes := make([]string, len(res.Created))
		for i, it := range res.Created {
			codes[i] = it.Code
		}
		audit(s.deps, in.ProfileID, "purchases.items", fmt.Sprintf("Created %d purchase items in the ledger: %s", len(codes), strings.Join(codes, ", ")))
	}
	if len(res.Refused) > 0 {
		refused := make([]string, len(res.Refused))
		for i, r := range res.Refused {
			refused[i] = fmt.Sprintf("%s (%v)", r.Item.Code, r.Err)
		}
		return len(res.Created), apperr.New(apperr.Invalid,
			fmt.Sprintf("The ledger refused %d of the items: %s", len(refused), strings.Join(refused, "; ")),
			"Fix the product in Autotask (SKU, name) or the purchase settings' accounts, or create the item in the ledger by hand, then preview again.")
	}
	return len(res.Created), nil
}
