package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
)

// utf8BOM makes Excel open the file as UTF-8 rather than the system code
// page, so "Bäckerei Müller" and "株式会社" survive a double-click.
const utf8BOM = "\ufeff"

// CSV writes RFC 4180 CSV (comma, CRLF line ends, quotes where needed),
// UTF-8 with a byte-order mark, one header row then one row per item, with
// the internal-currency twins at the end.
type CSV struct {
	buf  *bufio.Writer
	w    *csv.Writer
	cols []Column
	rec  []string
}

// NewCSV writes the BOM and the header row.
func NewCSV(w io.Writer) (*CSV, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	c := &CSV{buf: buf, w: csv.NewWriter(buf), cols: Columns(true)}
	c.w.UseCRLF = true
	c.rec = make([]string, len(c.cols))
	if _, err := buf.WriteString(utf8BOM); err != nil {
		return nil, fmt.Errorf("export: csv: %w", err)
	}
	if err := c.w.Write(ColumnNames(true)); err != nil {
		return nil, fmt.Errorf("export: csv: header: %w", err)
	}
	return c, nil
}

func (c *CSV) Write(r *Row) error {
	for i, col := range c.cols {
		c.rec[i] = col.Value(r).String()
	}
	if err := c.w.Write(c.rec); err != nil {
		return fmt.Errorf("export: csv: item %d: %w", r.ItemID, err)
	}
	return nil
}

func (c *CSV) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	if err := c.buf.Flush(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}
