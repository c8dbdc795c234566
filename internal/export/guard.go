package export

// formulaStarts are the first characters that make Excel, LibreOffice and
// Google Sheets read a text cell as a formula (or, for tab and carriage
// return, hide one after whitespace). OWASP's "CSV injection" guidance.
const formulaStarts = "=+-@\t\r"

// Neutralize makes text safe to open in a spreadsheet: text that begins
// with one of = + - @ tab or carriage return gets a leading apostrophe, so
// the program shows it as text instead of evaluating it. Only text cells
// pass through here; numbers stay numbers (a negative amount is written as
// a number, never as text).
func Neutralize(s string) string {
	if s != "" && containsByte(formulaStarts, s[0]) {
		return "'" + s
	}
	return s
}

func containsByte(set string, b byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == b {
			return true
		}
	}
	return false
}
