package exactsim

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// seedDivision creates a division with the reference data a Dutch or
// Belgian administration starts with: VAT codes, journals, revenue
// accounts, payment conditions, currencies, a few items and customers.
func seedDivision(div Division, now time.Time) *divisionData {
	d := &divisionData{Division: div, Tables: map[string][]record{}, Counters: map[string]int64{}}
	base := func(r record) record {
		r["Division"] = int64(div.Code)
		r["Created"], r["Modified"] = now, now
		return r
	}
	for _, v := range []struct {
		code, desc, pct, typ string
	}{{"0", "0% BTW", "0", "E"}, {"1", "21% BTW verkoop excl.", "0.21", "E"}, {"2", "9% BTW verkoop excl.", "0.09", "E"}, {"5", "BTW verlegd", "0", "N"}} {
		d.insert("VatCode", base(record{"ID": newID(), "Code": fmt.Sprintf("%-3s", v.code), "Description": v.desc,
			"Percentage": money.MustParse(v.pct), "Type": v.typ, "VATTransactionType": "S", "Charged": false, "IsBlocked": false}))
	}
	for _, v := range div.VATCodes {
		d.insert("VatCode", base(record{"ID": newID(), "Code": fmt.Sprintf("%-3s", v.Code), "Description": v.Description,
			"Percentage": money.MustParse(v.Percentage).Mul(money.MustParse("0.01")), "Type": "E", "VATTransactionType": "S", "Charged": false, "IsBlocked": false}))
	}
	// Journals: sales journal 70 numbers 1–999999; 71 is a second sales journal.
	for _, j := range []struct {
		code, desc    string
		typ, from, to int64
	}{{"70", "Verkoopboek", 20, 1, 999999}, {"71", "Verkoopboek projecten", 20, 71000000, 71999999}, {"20", "Bank", 12, 1, 999999}} {
		d.insert("Journal", base(record{"ID": newID(), "Code": j.code, "Description": j.desc, "Type": j.typ,
			"Currency": div.Currency, "AllowVAT": j.typ == 20, "IsBlocked": false, "_numFrom": j.from, "_numTo": j.to}))
	}
	for _, g := range []struct {
		code, desc string
		typ        int64
	}{{"8000", "Omzet dienstverlening", 110}, {"8010", "Omzet hardware", 110}, {"8020", "Omzet licenties", 110},
		{"8090", "Omzet overig", 110}, {"1300", "Debiteuren", 20}, {"1500", "Te betalen BTW", 50}} {
		d.insert("GLAccount", base(record{"ID": newID(), "Code": g.code, "Description": g.desc, "Type": g.typ,
			"BalanceSide": "C", "BalanceType": balanceType(g.typ), "IsBlocked": false}))
	}
	for _, p := range []struct {
		code, desc string
		days       int64
	}{{"00", "Direct", 0}, {"14", "14 dagen", 14}, {"30", "30 dagen", 30}} {
		d.insert("PaymentCondition", base(record{"ID": newID(), "Code": p.code, "Description": p.desc, "PaymentDays": p.days}))
	}
	for _, c := range [][2]string{{"EUR", "Euro"}, {"USD", "US Dollar"}, {"GBP", "Pond sterling"}} {
		d.insert("Currency", record{"Code": c[0], "Description": c[1], "AmountPrecision": money.MustParse("0.01"),
			"PricePrecision": money.MustParse("0.01"), "Created": now, "Modified": now})
	}
	seedPurchaseBooks(d, base)
	revenue := d.find("GLAccount", "Code", "8000")
	hardware := d.find("GLAccount", "Code", "8010")
	for _, it := range []struct {
		code, desc, price string
		gl                record
	}{{"MANAGED", "Managed services", "95.00", revenue}, {"LABOUR", "Arbeid", "85.00", revenue}, {"HARDWARE", "Hardware", "0", hardware}} {
		d.insert("Item", base(record{"ID": newID(), "Code": it.code, "Description": it.desc, "IsSalesItem": true,
			"SalesVatCode": "1  ", "GLRevenue": it.gl.str("ID"), "GLRevenueCode": it.gl.str("Code"),
			"StandardSalesPrice": money.MustParse(it.price), "Unit": "pc"}))
	}
	for _, a := range [][2]string{{"Bakkerij De Vries", "Amsterdam"}, {"Jansen Logistiek B.V.", "Rotterdam"}} {
		code := d.next("account", 1000)
		d.insert("Account", base(record{"ID": newID(), "Code": padCode(fmt.Sprint(code)), "Name": a[0], "City": a[1],
			"Country": div.Country, "Status": "C", "IsSales": true, "IsSupplier": false, "Blocked": false}))
	}
	return d
}

func balanceType(glType int64) string {
	if glType >= 110 {
		return "W" // profit and loss
	}
	return "B"
}

// padCode right-aligns an account code in Exact's 18 characters.
func padCode(code string) string { return fmt.Sprintf("%18s", code) }
