// Package syncer is the month-end engine: pull what a run needs from
// Autotask in batches, plan each invoice into a ledger document with the
// problems that block it (the preview), push the plan to the ledger in its
// largest batches under a journal, write back to Autotask, and read payments
// back.
//
// Never twice: every invoice has a journal row (store.JournalEntry) moved
// planned → sending → sent → written_back and committed before and after
// each call to the ledger. A row found 'sending' when a run starts is
// resolved by looking the document up in the ledger, never by sending again.
// Autotask is marked too (webServiceDate, or the ledger's number in
// invoiceNumber), so a second install or a re-run skips the invoice as well.
//
// Rounding: Autotask keeps 4 decimals, ledgers 2 on amounts. Each line's
// amount is round(quantity × unit price) as the ledger computes it; what
// that leaves against Autotask's own invoice total goes on one adjustment
// line when it is within the profile's cap (the run log names the invoice
// and the amount), and blocks the invoice when it is not.
package syncer
