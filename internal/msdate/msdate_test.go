package msdate_test

import (
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/msdate"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		want    time.Time
		wantOff int
		wantErr bool
	}{
		{"/Date(1574208000000)/", true, time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), 0, false},
		{"/Date(1574208000000+0000)/", true, time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), 0, false},
		{"/Date(1574208000000+1300)/", true, time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), 13 * 3600, false},
		{"/Date(1574208000000-0530)/", true, time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), -(5*3600 + 30*60), false},
		{"/Date(-86400000)/", true, time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), 0, false},
		{"/Date(99999999999999999999)/", true, time.Time{}, 0, true},
		{"2019-11-20", false, time.Time{}, 0, false},
		{"/Date(12a)/", false, time.Time{}, 0, false},
	}
	for _, tt := range tests {
		got, ok, err := msdate.Parse(tt.in)
		if ok != tt.ok || (err != nil) != tt.wantErr {
			t.Errorf("Parse(%q) ok=%v err=%v, want ok=%v err=%v", tt.in, ok, err, tt.ok, tt.wantErr)
			continue
		}
		if !ok || err != nil {
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("Parse(%q) = %v, want the instant %v", tt.in, got, tt.want)
		}
		if _, off := got.Zone(); off != tt.wantOff {
			t.Errorf("Parse(%q) offset %d, want %d", tt.in, off, tt.wantOff)
		}
	}
}
