// Package fieldspec derives the Exact simulator's compact field list from
// the picqer entity description (../shared/specs/exact/picqer-entities.json).
// Only the entities the simulator serves are kept, each field reduced to the
// kind the simulator needs to parse and print it.
package fieldspec

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Served are the picqer entity names the simulator serves.
var Served = []string{
	"Account", "SyncAccount", "Item", "SalesEntry", "SalesEntryLine", "SalesInvoice", "SalesInvoiceLine",
	"SyncSalesInvoice", "PrintedSalesInvoice", "VatCode", "PaymentCondition", "Currency", "Journal",
	"GLAccount", "Receivable", "SyncPaymentTerm", "Me", "SystemDivision", "PurchaseOrder", "PurchaseOrderLine",
	"PurchaseEntry", "PurchaseEntryLine", "GeneralJournalEntry", "GeneralJournalEntryLine", "ReportingBalance",
}

// Field kinds.
const (
	KindString  = "string"
	KindInt     = "int"
	KindBool    = "bool"
	KindDecimal = "decimal" // picqer's float: amounts, quantities, rates; never float64 in the simulator
	KindDate    = "date"    // picqer's string for dates: /Date(ms)/ out, ISO-8601 in
	KindLines   = "lines"   // a nested collection (deep insert)
	KindOther   = "other"   // a nested type the simulator does not accept on input
)

// Entity is one served entity.
type Entity struct {
	URL        string      `json:"url"`
	PrimaryKey string      `json:"primaryKey"`
	Fields     [][2]string `json:"fields"` // [name, kind], in picqer's order
}

// Fields maps picqer entity names to their entity.
type Fields map[string]Entity

// Derive builds the field list from the picqer JSON document.
func Derive(raw []byte) (Fields, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("fieldspec: parse: %w", err)
	}
	out := Fields{}
	for _, name := range Served {
		body, ok := doc[name]
		if !ok {
			return nil, fmt.Errorf("fieldspec: entity %s missing from the spec", name)
		}
		var e struct {
			URL        string      `json:"url"`
			PrimaryKey string      `json:"primaryKey"`
			Properties [][3]string `json:"properties"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, fmt.Errorf("fieldspec: entity %s: %w", name, err)
		}
		ent := Entity{URL: e.URL, PrimaryKey: e.PrimaryKey}
		for _, p := range e.Properties {
			ent.Fields = append(ent.Fields, [2]string{p[0], kind(p[0], p[1])})
		}
		out[name] = ent
	}
	return out, nil
}

// kind maps picqer's PHP type to a field kind. picqer types dates as
// string; Exact's reference names them …Date, …Time, Created and Modified.
func kind(name, php string) string {
	switch {
	case php == "int":
		return KindInt
	case php == "bool":
		return KindBool
	case php == "float":
		return KindDecimal
	case strings.HasSuffix(php, "Line[]"):
		return KindLines
	case php == "string" && (strings.HasSuffix(name, "Date") || strings.HasSuffix(name, "Time") ||
		name == "Created" || name == "Modified" || strings.HasPrefix(name, "FreeDateField")):
		return KindDate
	case php == "string":
		return KindString
	}
	return KindOther
}

// Names returns the entity names in a stable order.
func (f Fields) Names() []string {
	n := make([]string, 0, len(f))
	for k := range f {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}
