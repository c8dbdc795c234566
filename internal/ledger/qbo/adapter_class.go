package qbo

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/ledger"
)

// classes lists every class, inactive ones included (QuickBooks' query
// leaves them out unless asked), so a mapping to one can be named and
// refused. A class is sent on a line as ClassRef by its Id.
func (a *Adapter) classes(ctx context.Context) ([]ledger.TrackingOption, error) {
	cs, err := Query[Class](ctx, a.c, "Class", "Active in (true, false)")
	if err != nil {
		return nil, fmt.Errorf("qbo: settings: classes: %w", err)
	}
	out := make([]ledger.TrackingOption, 0, len(cs))
	for _, c := range cs {
		name := c.FullyQualifiedName
		if name == "" {
			name = c.Name
		}
		out = append(out, ledger.TrackingOption{ID: c.ID, Name: name, Active: c.Active == nil || *c.Active})
	}
	return out, nil
}
