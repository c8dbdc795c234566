// Command fieldgen derives the QuickBooks Online simulator's fields.json from
// Intuit's XSDs. Run it from the repository root when the schemas change:
//
//	go run ./internal/sim/qbo/internal/fieldgen ../shared/specs/qbo internal/sim/qbo/fields.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/billbridge/billbridge/internal/sim/qbo/internal/xsdfields"
)

// Files are the schema files the simulator's entities are declared in.
var Files = []string{"IntuitBaseTypes.xsd", "IntuitNamesTypes.xsd", "Finance.xsd", "SalesTax.xsd"}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: fieldgen SPECDIR OUT.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "fieldgen:", err)
		os.Exit(1)
	}
}

func run(dir, outPath string) error {
	var files [][]byte
	for _, f := range Files {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		files = append(files, raw)
	}
	sch, err := xsdfields.Derive("Intuit QBO v3 XSD (minor version 75)", files...)
	if err != nil {
		return err
	}
	out, err := json.MarshalIndent(sch, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(outPath, append(out, '\n'), 0o644)
}
