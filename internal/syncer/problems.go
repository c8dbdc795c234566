package syncer

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

// Problem codes: each blocks its invoice until fixed.
const (
	ProblemUnmappedBillingCode = "unmapped_billing_code"
	ProblemUnmappedTax         = "unmapped_tax"
	ProblemUnknownTerm         = "unknown_payment_term"
	ProblemMissingEmail        = "missing_customer_email"
	ProblemUnfinished          = "line_sum_differs"
	ProblemRounding            = "rounding_beyond_cap"
	ProblemCurrency            = "currency_not_enabled"
	ProblemNoCompany           = "no_company"
)

// Problem is why an invoice cannot be sent, said so a person can fix it.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
}

// label names an invoice as the user knows it.
func label(inv autotask.Invoice) string {
	if inv.InvoiceNumber != "" {
		return "Invoice " + inv.InvoiceNumber
	}
	return fmt.Sprintf("Autotask invoice id %d", inv.ID)
}

func unmappedCode(inv autotask.Invoice, name string, id int64) Problem {
	return Problem{ProblemUnmappedBillingCode,
		fmt.Sprintf("%s: billing code %q (id %d) is not mapped to a ledger item", label(inv), name, id),
		"Map the billing code in Mappings → Billing codes, or accept the suggested item."}
}

func unmappedTax(inv autotask.Invoice, region, category string) Problem {
	return Problem{ProblemUnmappedTax,
		fmt.Sprintf("%s: tax region %q with tax category %q is not mapped to a ledger tax code", label(inv), region, category),
		"Map the pair in Mappings → Tax, or accept the suggested tax code."}
}

func unknownTerm(inv autotask.Invoice) Problem {
	return Problem{ProblemUnknownTerm,
		fmt.Sprintf("%s: payment term id %d is not one of Autotask's payment terms", label(inv), inv.PaymentTerm),
		"Set a payment term on the invoice's company in Autotask, or map the term in Mappings → Payment terms."}
}

func missingEmail(inv autotask.Invoice, company, ledgerKind string) Problem {
	return Problem{ProblemMissingEmail,
		fmt.Sprintf("%s: customer %q has no billing email address, which %s needs", label(inv), company, ledgerKind),
		"Add an email address to the company's billing contact in Autotask, then preview again."}
}

func unfinished(inv autotask.Invoice, sum money.Decimal) Problem {
	return Problem{ProblemUnfinished,
		fmt.Sprintf("%s: its billing items add up to %s but the invoice total is %s; Autotask has not finished the invoice",
			label(inv), sum.StringFixed(2), inv.InvoiceTotal.StringFixed(2)),
		"Wait until Autotask has finished processing the invoice (or check the API user may see every line of business), then preview again."}
}

func roundingBeyondCap(inv autotask.Invoice, diff, limit money.Decimal) Problem {
	return Problem{ProblemRounding,
		fmt.Sprintf("%s: rounding to the ledger's decimals leaves a difference of %s, more than the allowed adjustment of %s",
			label(inv), diff.StringFixed(2), limit.StringFixed(2)),
		"Raise the rounding adjustment limit in the profile's settings, or correct the rates in Autotask."}
}

func currencyOff(inv autotask.Invoice, cur money.Currency) Problem {
	return Problem{ProblemCurrency,
		fmt.Sprintf("%s: currency %s is not enabled in the ledger", label(inv), cur),
		fmt.Sprintf("Enable %s in the ledger's currency settings, then preview again.", cur)}
}

func noCompany(inv autotask.Invoice) Problem {
	return Problem{ProblemNoCompany,
		fmt.Sprintf("%s: its company could not be read from Autotask", label(inv)),
		"Check that the API user's security level may see the invoice's company."}
}
