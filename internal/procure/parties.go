package procure

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"

	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// payee is the ledger party of a planned document — the supplier of a bill
// or an order, the employee of an expense report — pointing into the
// document, so that linking and creating parties is written once.
type payee struct {
	source   int64  // the Autotask company or resource
	label    string // the document, for problems
	vendor   Vendor // as it is created when missing
	create   bool
	id       *string // the document's ledger party; "" until linked or created
	problems *[]Problem
}

func (p *Planned) payee(label string) payee {
	b := &p.Bill
	return payee{source: b.VendorCompanyID, label: label + " " + b.Reference, create: p.CreateVendor, id: &b.VendorID, problems: &p.Problems,
		vendor: Vendor{Name: b.VendorName, AccountNumber: b.VendorNumber, Currency: b.Currency}}
}

func (p *PlannedOrder) payee() payee {
	o := &p.Order
	return payee{source: o.VendorCompanyID, label: "Purchase order " + o.Number, create: p.CreateVendor, id: &o.VendorID, problems: &p.Problems,
		vendor: Vendor{Name: o.VendorName, AccountNumber: o.VendorNumber, Currency: o.Currency}}
}

// partyKind names parties in errors and the log.
type partyKind struct{ plural, one, attr string }

var (
	suppliers = partyKind{"suppliers", "supplier", "company"}
	employees = partyKind{"employees", "employee", "resource"}
)

// createParties creates the parties the payees ask for, once per Autotask
// id, in one call keyed by keyParts and those ids, and returns the ids the
// ledger gave; one the ledger refuses is logged and left out.
func createParties(ctx context.Context, l Ledger, log *slog.Logger, kind partyKind, ps []payee, keyParts ...string) (map[int64]string, error) {
	var create []Vendor
	var sources []int64
	ids := map[int64]string{}
	for _, p := range ps {
		if p.create && !slices.Contains(sources, p.source) {
			create, sources = append(create, p.vendor), append(sources, p.source)
		}
	}
	if len(create) == 0 {
		return ids, nil
	}
	res, err := l.CreateVendors(ctx, create, key(slices.Concat(keyParts, []string{fmt.Sprint(sources)})...))
	if err != nil {
		return nil, fmt.Errorf("procure: create %s: %w", kind.plural, err)
	}
	for i, r := range res {
		if r.Err != nil {
			logOr(log).Warn(kind.one+" not created", kind.attr, sources[i], "err", r.Err)
			continue
		}
		ids[sources[i]] = r.ID
	}
	return ids, nil
}

// supplierLinks is where bills and orders keep their suppliers: one set of
// links per organisation, for both.
type supplierLinks struct {
	st           *store.Store
	profileID    int64
	organisation string
	ledger       Ledger
	log          *slog.Logger
}

// ready creates the missing suppliers of the documents to send (when
// allowed), stores every link made — so the next run finds a supplier by
// link even if its name changes — and blocks a document whose supplier the
// ledger did not accept.
func (s supplierLinks) ready(ctx context.Context, ps []payee, matched map[int64]mapping.Link, t *tally, keyParts ...string) error {
	ids, err := createParties(ctx, s.ledger, s.log, suppliers, ps, keyParts...)
	if err != nil {
		return err
	}
	t.created += len(ids)
	for id, l := range matched {
		if l.By != "link" {
			ids[id] = l.CustomerID
		}
	}
	var links []store.ProcureLink
	for id, v := range ids {
		links = append(links, store.ProcureLink{Kind: store.ProcureLinkVendor, SourceKey: strconv.FormatInt(id, 10), Target: v})
	}
	for _, p := range ps {
		if id, ok := ids[p.source]; ok {
			*p.id = id
		}
		if *p.id == "" {
			*p.problems = append(*p.problems, Problem{ProblemVendorMissing,
				fmt.Sprintf("%s: the ledger did not accept supplier %q", p.label, p.vendor.Name),
				"Read the log for the ledger's reason, create or link the supplier, and run again."})
		}
	}
	if len(links) == 0 {
		return nil
	}
	return s.st.SaveProcureLinks(ctx, s.profileID, s.organisation, links)
}

// planInput reads what bill and order planning need besides Autotask: the
// ledger's suppliers and items, the stored links and the journal of
// journalOrg.
func (s supplierLinks) planInput(ctx context.Context, journalOrg string) (PlanInput, error) {
	in := PlanInput{VendorLinks: map[int64]string{}}
	var err error
	if in.Vendors, err = s.ledger.Vendors(ctx); err != nil {
		return in, fmt.Errorf("procure: ledger suppliers: %w", err)
	}
	if in.Items, err = s.ledger.Items(ctx); err != nil {
		return in, fmt.Errorf("procure: ledger items: %w", err)
	}
	vl, err := s.st.ProcureLinks(ctx, s.profileID, s.organisation, store.ProcureLinkVendor)
	if err != nil {
		return in, err
	}
	pl, err := s.st.ProcureLinks(ctx, s.profileID, s.organisation, store.ProcureLinkProduct)
	if err != nil {
		return in, err
	}
	if in.Journal, err = s.st.ProcureJournal(ctx, s.profileID, journalOrg); err != nil {
		return in, err
	}
	for id, l := range keyed[int64](vl, func(l store.ProcureLink) string { return l.SourceKey }) {
		in.VendorLinks[id] = l.Target
	}
	in.ProductLinks = keyed[int64](pl, func(l store.ProcureLink) string { return l.SourceKey })
	return in, nil
}

// keyed indexes stored links by their source key, an Autotask id; a key
// that is not a number names nothing in Autotask and is passed over.
func keyed[K ~int | ~int64, L any](links []L, source func(L) string) map[K]L {
	out := make(map[K]L, len(links))
	for _, l := range links {
		if id, err := strconv.ParseInt(source(l), 10, 64); err == nil {
			out[K(id)] = l
		}
	}
	return out
}
