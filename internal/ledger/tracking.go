package ledger

// TrackingOption is a value a sales line can be tagged with for reporting:
// an option of a Xero tracking category, or a QuickBooks Online class.
// Exact Online's equivalent (cost centres) is not read.
type TrackingOption struct {
	ID       string `json:"id"`       // Xero's TrackingOptionID; QuickBooks' Class Id
	Category string `json:"category"` // the Xero tracking category's name; "" for a class
	Name     string `json:"name"`     // the option's name; a class's fully qualified name
	// Active is false for an archived option (or one in an archived
	// category) and an inactive class: new lines cannot use them.
	Active bool `json:"active"`
}

// Label names the option as the ledger shows it: "Region: North", or a class's name.
func (o TrackingOption) Label() string {
	if o.Category == "" {
		return o.Name
	}
	return o.Category + ": " + o.Name
}

// Tracking is the option a line is tagged with; the zero value tags nothing.
type Tracking struct {
	ID       string `json:"id,omitempty"`
	Category string `json:"category,omitempty"`
	Name     string `json:"name,omitempty"`
}

// TrackingOf is what a line carries for option o.
func TrackingOf(o TrackingOption) Tracking {
	return Tracking{ID: o.ID, Category: o.Category, Name: o.Name}
}
