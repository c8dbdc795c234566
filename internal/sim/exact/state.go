package exactsim

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/billbridge/billbridge/internal/atomicfile"
)

// state is everything the simulator remembers; it is what DataFile holds.
type state struct {
	Codes     map[string]*authCode     `json:"codes"`
	Grants    map[string]*grant        `json:"grants"`
	Access    map[string]*accessToken  `json:"access"`
	Refresh   map[string]*refreshToken `json:"refresh"`
	Divisions map[int]*divisionData    `json:"-"`
}

// divisionData is one administration's books. Tables hold records by
// picqer entity name (Account, SalesEntry, …), oldest first.
type divisionData struct {
	Division  Division
	Tables    map[string][]record
	Seq       int64            // insertion order of records (_seq)
	Timestamp int64            // the sync endpoints' row version (_ts)
	Counters  map[string]int64 // next numbers: account codes, invoice and entry numbers per journal
}

// fileState is the data file's layout; records are decoded against their
// entity's field list when read back.
type fileState struct {
	*state
	Divisions []fileDivision `json:"divisions"`
}

type fileDivision struct {
	Division  Division                     `json:"division"`
	Seq       int64                        `json:"seq"`
	Timestamp int64                        `json:"timestamp"`
	Counters  map[string]int64             `json:"counters"`
	Tables    map[string][]json.RawMessage `json:"tables"`
}

func newState(divs []Division, now time.Time) *state {
	st := &state{Codes: map[string]*authCode{}, Grants: map[string]*grant{},
		Access: map[string]*accessToken{}, Refresh: map[string]*refreshToken{}, Divisions: map[int]*divisionData{}}
	for _, d := range divs {
		st.Divisions[d.Code] = seedDivision(d, now)
	}
	return st
}

func readState(path string, ents entities) (*state, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("exactsim: read data file: %w", err)
	}
	fs := fileState{state: &state{}}
	if err := json.Unmarshal(raw, &fs); err != nil {
		return nil, fmt.Errorf("exactsim: data file %s: %w", path, err)
	}
	st := fs.state
	if st.Codes == nil || st.Grants == nil || st.Access == nil || st.Refresh == nil {
		return nil, fmt.Errorf("exactsim: data file %s is incomplete", path)
	}
	st.Divisions = map[int]*divisionData{}
	for _, fd := range fs.Divisions {
		dd := &divisionData{Division: fd.Division, Seq: fd.Seq, Timestamp: fd.Timestamp, Counters: fd.Counters, Tables: map[string][]record{}}
		for table, rows := range fd.Tables {
			e := ents[table]
			if e == nil {
				return nil, fmt.Errorf("exactsim: data file %s: unknown table %s", path, table)
			}
			for _, row := range rows {
				r, err := ents.decode(e, row, true)
				if err != nil {
					return nil, fmt.Errorf("exactsim: data file %s: %s: %w", path, table, err)
				}
				dd.Tables[table] = append(dd.Tables[table], r)
			}
		}
		st.Divisions[fd.Division.Code] = dd
	}
	return st, nil
}

// writeState replaces path atomically: a crash leaves the old or the new file.
func writeState(path string, st *state) error {
	fs := fileState{state: st}
	for _, dd := range st.Divisions {
		fd := fileDivision{Division: dd.Division, Seq: dd.Seq, Timestamp: dd.Timestamp, Counters: dd.Counters, Tables: map[string][]json.RawMessage{}}
		for table, rows := range dd.Tables {
			for _, r := range rows {
				b, err := json.Marshal(r)
				if err != nil {
					return fmt.Errorf("exactsim: encode %s: %w", table, err)
				}
				fd.Tables[table] = append(fd.Tables[table], b)
			}
		}
		fs.Divisions = append(fs.Divisions, fd)
	}
	raw, err := json.Marshal(fs)
	if err != nil {
		return fmt.Errorf("exactsim: encode state: %w", err)
	}
	// 0o600: the state holds tokens and client data; only the user reads it.
	if err := atomicfile.WriteFile(path, raw, 0o600); err != nil {
		return fmt.Errorf("exactsim: write state: %w", err)
	}
	return nil
}

// insert adds r to table with a new sequence number and sync timestamp.
func (d *divisionData) insert(table string, r record) {
	d.Seq++
	r["_seq"] = d.Seq
	d.touch(r)
	d.Tables[table] = append(d.Tables[table], r)
}

// touch gives r a new sync timestamp, as every change does at Exact.
func (d *divisionData) touch(r record) {
	d.Timestamp++
	r["_ts"] = d.Timestamp
}

// find returns the record of table whose field equals value.
func (d *divisionData) find(table, field, value string) record {
	for _, r := range d.Tables[table] {
		if r.str(field) == value {
			return r
		}
	}
	return nil
}

// next returns the next number of a counter.
func (d *divisionData) next(counter string, start int64) int64 {
	n := d.Counters[counter]
	if n < start {
		n = start
	}
	d.Counters[counter] = n + 1
	return n
}

// newID returns a random UUID (version 4), the shape of Exact's ids.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("exactsim: random: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// randomToken returns n random bytes, hex-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("exactsim: random: %v", err))
	}
	return hex.EncodeToString(b)
}
