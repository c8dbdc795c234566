package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// RunKindPurchases is the sync_runs kind of a purchases run (migration 0009).
const RunKindPurchases = "purchases"

// Bill dates a profile may choose (internal/procure's BillDate values).
const (
	BillDatePO            = "po-date"
	BillDateVendorInvoice = "vendor-invoice-date"
	BillDateReceived      = "received-date"
	BillDateShip          = "ship-date"
)

// PurchaseSettings are a profile's purchase choices. Accounts and the tax
// code are the ledger's own keys; "" leaves them unset.
type PurchaseSettings struct {
	BillDate           string `json:"billDate"`
	InventoryAccount   string `json:"inventoryAccount"`
	CostOfSalesAccount string `json:"costOfSalesAccount"`
	TaxCode            string `json:"taxCode"`
	CreateVendors      bool   `json:"createVendors"`
	Approve            bool   `json:"approve"`
}

// DefaultPurchaseSettings: bills dated the day the goods arrived, missing
// suppliers created (as customers are), drafts for the bookkeeper to approve.
var DefaultPurchaseSettings = PurchaseSettings{BillDate: BillDateReceived, CreateVendors: true}

// PurchaseSettingsOf reads a profile's settings; a profile without any gets
// DefaultPurchaseSettings.
func (s *Store) PurchaseSettingsOf(ctx context.Context, profileID int64) (PurchaseSettings, error) {
	out := DefaultPurchaseSettings
	err := s.db.QueryRowContext(ctx, `SELECT bill_date, inventory_account, cost_of_sales_account, tax_code, create_vendors, approve
		FROM purchase_settings WHERE profile_id = ?`, profileID).
		Scan(&out.BillDate, &out.InventoryAccount, &out.CostOfSalesAccount, &out.TaxCode, &out.CreateVendors, &out.Approve)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return DefaultPurchaseSettings, fmt.Errorf("store: read purchase settings: %w", err)
	}
	return out, nil
}

// SavePurchaseSettings stores a profile's settings.
func (s *Store) SavePurchaseSettings(ctx context.Context, profileID int64, p PurchaseSettings) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO purchase_settings (profile_id, bill_date, inventory_account, cost_of_sales_account, tax_code,
			create_vendors, approve, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (profile_id) DO UPDATE SET bill_date = excluded.bill_date, inventory_account = excluded.inventory_account,
			cost_of_sales_account = excluded.cost_of_sales_account, tax_code = excluded.tax_code, create_vendors = excluded.create_vendors,
			approve = excluded.approve, updated_at = excluded.updated_at`,
			profileID, p.BillDate, p.InventoryAccount, p.CostOfSalesAccount, p.TaxCode, p.CreateVendors, p.Approve, s.nowText())
		if err != nil {
			return fmt.Errorf("store: save purchase settings: %w", err)
		}
		return nil
	})
}
