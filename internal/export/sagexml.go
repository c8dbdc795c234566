package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/money"
)

// SageXML writes Internetware/Zynk "Connect XML" (Connect XML Data Schema
// 1.1, the format Autotask's wizard names "Sage Line 50 or Sage Line 200 –
// IntraNetWare Connect XML"), which Zynk imports into Sage 50 and Sage 200.
// Autotask does not publish which elements its own export fills, so this
// layout is Billbridge's, modelled on the schema and the samples in
// shared/specs/sage ("Customer with Invoice.xml", "Credit note with Sales
// Payment.xml"): one <Company> with <Customers> then <Invoices>, elements in
// the schema's sequence order, no namespace.
//
// Mapping:
//   - Customer: Id = Autotask company id; CompanyName; AccountReference = the
//     company number when it fits Sage's 8 characters (else left out, for
//     Zynk to match on Id); VatNumber = tax id; CustomerInvoiceAddress from
//     the company address; Currency = the customer's currency.
//   - Invoice: Id = Autotask invoice id; CustomerId; InvoiceNumber;
//     CustomerOrderNumber = the invoice's order number; ForeignRate = the
//     currency's exchange rate in Autotask; Currency; Notes1 = comments
//     (60 characters); InvoiceDate; InvoiceItems; InvoiceType =
//     ServiceInvoice, or ServiceCredit when the items' net total is negative
//     (then every line is written with its sign flipped, so the credit note
//     carries positive amounts as in Sage's own credit notes).
//   - Item: Id = billing item id; Name = item name (60 characters);
//     Description; QtyOrdered; UnitPrice (4 decimals at most); TaxRate in
//     percent; TotalNet and TotalTax rounded to the currency; NominalCode =
//     the billing code's GL account when it fits 8 characters; Type = Service.
//
// Amounts are in the customer's currency, as on the invoice the customer
// received; no internal-currency twins (the Sage export is unaffected by
// multi-currency). TaxCode is left out: Sage tax codes (T0–T99) depend on
// the accountant's Sage set-up, not on anything Autotask holds.
type SageXML struct {
	buf      *bufio.Writer
	enc      *xml.Encoder
	cur      []*Row
	invoices int
}

// NewSageXML writes the declaration, the customers and opens <Invoices>.
func NewSageXML(w io.Writer, m Meta) (*SageXML, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	s := &SageXML{buf: buf, enc: xml.NewEncoder(buf)}
	s.enc.Indent("", "  ")
	if _, err := buf.WriteString(xml.Header); err != nil {
		return nil, fmt.Errorf("export: sage xml: %w", err)
	}
	err := s.enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "Company"}})
	if err == nil {
		err = s.enc.Encode(sageCustomers{Customers: customers(m.Accounts)})
	}
	if err == nil {
		err = s.enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "Invoices"}})
	}
	if err != nil {
		return nil, fmt.Errorf("export: sage xml: %w", err)
	}
	return s, nil
}

// Write collects the rows of the current invoice; rows must come grouped
// by invoice. Items not on an invoice cannot be a Sage document and are refused.
func (s *SageXML) Write(r *Row) error {
	if r.Invoice == nil {
		return fmt.Errorf("export: sage xml: item %d is not on an invoice", r.ItemID)
	}
	if len(s.cur) > 0 && s.cur[0].Invoice.ID != r.Invoice.ID {
		if err := s.flush(); err != nil {
			return err
		}
	}
	s.cur = append(s.cur, r)
	return nil
}

func (s *SageXML) flush() error {
	if len(s.cur) == 0 {
		return nil
	}
	inv := sageInvoiceOf(s.cur)
	s.cur = s.cur[:0]
	s.invoices++
	if err := s.enc.Encode(inv); err != nil {
		return fmt.Errorf("export: sage xml: invoice %s: %w", inv.InvoiceNumber, err)
	}
	return nil
}

func (s *SageXML) Close() error {
	if err := s.flush(); err != nil {
		return err
	}
	for _, name := range []string{"Invoices", "Company"} {
		if err := s.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}); err != nil {
			return fmt.Errorf("export: sage xml: %w", err)
		}
	}
	if err := s.enc.Flush(); err != nil {
		return fmt.Errorf("export: sage xml: %w", err)
	}
	if _, err := s.buf.WriteString("\n"); err != nil {
		return fmt.Errorf("export: sage xml: %w", err)
	}
	return s.buf.Flush()
}

type sageCustomers struct {
	XMLName   xml.Name       `xml:"Customers"`
	Customers []sageCustomer `xml:"Customer"`
}

type sageCustomer struct {
	ID               int64       `xml:"Id"`
	CompanyName      string      `xml:"CompanyName"`
	AccountReference string      `xml:"AccountReference,omitempty"`
	VatNumber        string      `xml:"VatNumber,omitempty"`
	InvoiceAddress   sageAddress `xml:"CustomerInvoiceAddress"`
	Currency         string      `xml:"Currency,omitempty"`
}

type sageAddress struct {
	Company   string `xml:"Company"`
	Address1  string `xml:"Address1,omitempty"`
	Address2  string `xml:"Address2,omitempty"`
	Town      string `xml:"Town,omitempty"`
	Postcode  string `xml:"Postcode,omitempty"`
	County    string `xml:"County,omitempty"`
	Country   string `xml:"Country,omitempty"`
	Telephone string `xml:"Telephone,omitempty"`
}

type sageInvoice struct {
	XMLName             xml.Name    `xml:"Invoice"`
	ID                  int64       `xml:"Id"`
	CustomerID          int64       `xml:"CustomerId"`
	InvoiceNumber       string      `xml:"InvoiceNumber"`
	CustomerOrderNumber string      `xml:"CustomerOrderNumber,omitempty"`
	AccountReference    string      `xml:"AccountReference,omitempty"`
	ForeignRate         string      `xml:"ForeignRate"`
	Currency            string      `xml:"Currency,omitempty"`
	Notes1              string      `xml:"Notes1,omitempty"`
	InvoiceDate         string      `xml:"InvoiceDate"`
	InvoiceAddress      sageAddress `xml:"InvoiceAddress"`
	Items               []sageItem  `xml:"InvoiceItems>Item"`
	InvoiceType         string      `xml:"InvoiceType"`
}

type sageItem struct {
	ID          int64  `xml:"Id"`
	Name        string `xml:"Name"`
	Description string `xml:"Description,omitempty"`
	QtyOrdered  string `xml:"QtyOrdered"`
	UnitPrice   string `xml:"UnitPrice"`
	TaxRate     string `xml:"TaxRate"`
	TotalNet    string `xml:"TotalNet"`
	TotalTax    string `xml:"TotalTax"`
	NominalCode string `xml:"NominalCode,omitempty"`
	Type        string `xml:"Type"`
}

func customers(accounts []*Account) []sageCustomer {
	out := make([]sageCustomer, 0, len(accounts))
	for _, a := range accounts {
		out = append(out, sageCustomer{ID: a.ID, CompanyName: a.Name, AccountReference: fitOrEmpty(a.Number, 8),
			VatNumber: a.TaxID, InvoiceAddress: addressOf(a), Currency: a.Currency})
	}
	return out
}

func addressOf(a *Account) sageAddress {
	return sageAddress{Company: a.Name, Address1: a.Address1, Address2: a.Address2, Town: a.City,
		Postcode: a.PostalCode, County: a.State, Country: a.Country, Telephone: a.Phone}
}

// sageInvoiceOf builds one invoice from its rows.
func sageInvoiceOf(rows []*Row) sageInvoice {
	first := rows[0]
	inv, acct := first.Invoice, first.Account
	var net money.Decimal
	for _, r := range rows {
		net = net.Add(r.ExtendedPrice)
	}
	credit := net.IsNegative()
	sign := func(d money.Decimal) money.Decimal {
		if credit {
			return d.Neg()
		}
		return d
	}
	rate := inv.ExchangeRate
	if rate.IsZero() {
		rate = money.FromInt(1)
	}
	out := sageInvoice{ID: inv.ID, CustomerID: acct.ID, InvoiceNumber: inv.Number, CustomerOrderNumber: inv.OrderNumber,
		AccountReference: fitOrEmpty(acct.Number, 8), ForeignRate: rate.String(), Currency: first.Currency,
		Notes1: truncate(inv.Comments, 60), InvoiceDate: inv.Date.UTC().Format("2006-01-02T15:04:05"),
		InvoiceAddress: addressOf(acct), InvoiceType: "ServiceInvoice"}
	if credit {
		out.InvoiceType = "ServiceCredit"
	}
	cur := first.currency()
	for _, r := range rows {
		out.Items = append(out.Items, sageItem{ID: r.ItemID, Name: truncate(r.ItemName, 60), Description: r.Description,
			QtyOrdered: money.RoundQuantity(sign(r.Quantity)).String(), UnitPrice: money.RoundUnitPrice(r.Rate).String(),
			TaxRate: r.TaxRate.String(), TotalNet: money.RoundAmount(sign(r.ExtendedPrice), cur).String(),
			TotalTax: money.RoundAmount(sign(r.TaxDollars), cur).String(), NominalCode: fitOrEmpty(r.GLAccount, 8), Type: "Service"})
	}
	return out
}

// truncate shortens s to at most n characters (not bytes).
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// fitOrEmpty returns s when Sage can take it in a field of n characters.
func fitOrEmpty(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		return ""
	}
	return s
}
