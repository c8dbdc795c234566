package exactsim

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// expr is a parsed $filter expression, evaluated against one record.
type expr interface {
	eval(r record) any
}

type (
	fieldRef  string
	literal   struct{ v any }
	guidLit   string // compared without regard to case
	notExpr   struct{ x expr }
	logicExpr struct {
		op   string // and, or
		l, r expr
	}
	cmpExpr struct {
		op   string // eq ne gt ge lt le
		l, r expr
	}
	callExpr struct {
		fn   string
		args []expr
	}
)

func (f fieldRef) eval(r record) any { return r[string(f)] }
func (l literal) eval(record) any    { return l.v }
func (g guidLit) eval(record) any    { return g }
func (n notExpr) eval(r record) any  { b, _ := n.x.eval(r).(bool); return !b }
func (l logicExpr) eval(r record) any {
	a, _ := l.l.eval(r).(bool)
	if l.op == "and" && !a {
		return false
	}
	if l.op == "or" && a {
		return true
	}
	b, _ := l.r.eval(r).(bool)
	return b
}

func (c cmpExpr) eval(r record) any {
	n, ok := compare(c.l.eval(r), c.r.eval(r))
	switch c.op {
	case "eq":
		return ok && n == 0
	case "ne":
		return !ok || n != 0
	case "gt":
		return ok && n > 0
	case "ge":
		return ok && n >= 0
	case "lt":
		return ok && n < 0
	case "le":
		return ok && n <= 0
	}
	return false
}

func (c callExpr) eval(r record) any {
	str := func(i int) string {
		switch v := c.args[i].eval(r).(type) {
		case string:
			return v
		case guidLit:
			return string(v)
		}
		return ""
	}
	switch c.fn {
	case "trim":
		return strings.TrimSpace(str(0))
	case "tolower":
		return strings.ToLower(str(0))
	case "toupper":
		return strings.ToUpper(str(0))
	case "substringof": // substringof('needle', Field)
		return strings.Contains(str(1), str(0))
	case "startswith":
		return strings.HasPrefix(str(0), str(1))
	case "endswith":
		return strings.HasSuffix(str(0), str(1))
	}
	return nil
}

// compare orders two values of compatible types; ok is false when they
// cannot be compared (such as null against a value).
func compare(a, b any) (int, bool) {
	if a == nil || b == nil {
		return 0, a == nil && b == nil
	}
	if ga, ok := a.(guidLit); ok {
		a = strings.ToLower(string(ga))
		if s, ok := b.(string); ok {
			b = strings.ToLower(s)
		}
	}
	if gb, ok := b.(guidLit); ok {
		b = strings.ToLower(string(gb))
		if s, ok := a.(string); ok {
			a = strings.ToLower(s)
		}
	}
	toDec := func(v any) (money.Decimal, bool) {
		switch x := v.(type) {
		case int64:
			return money.FromInt(x), true
		case money.Decimal:
			return x, true
		}
		return money.Decimal{}, false
	}
	if da, ok := toDec(a); ok {
		if db, ok := toDec(b); ok {
			return da.Cmp(db), true
		}
		return 0, false
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return strings.Compare(x, y), ok
	case bool:
		y, ok := b.(bool)
		if !ok || x == y {
			return 0, ok
		}
		return 1, true
	case time.Time:
		y, ok := b.(time.Time)
		return x.Compare(y), ok
	}
	return 0, false
}

// parseFilter parses the OData v3 subset Exact clients use; fields must
// exist on e. The error text is what a 400 carries.
func parseFilter(s string, e *entity) (expr, error) {
	p := &filterParser{src: s, ent: e}
	if err := p.lex(); err != nil {
		return nil, err
	}
	x, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf("Syntax error at position %d in '%s'.", p.toks[p.pos].at, s)
	}
	return x, nil
}

type token struct {
	kind string // ident, str, num, guid, datetime, punct
	text string
	at   int
}

type filterParser struct {
	src  string
	ent  *entity
	toks []token
	pos  int
}

func (p *filterParser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case c == '(' || c == ')' || c == ',':
			p.toks = append(p.toks, token{"punct", string(c), i})
			i++
		case c == '\'':
			j, text := i+1, strings.Builder{}
			for {
				if j >= len(s) {
					return fmt.Errorf("Unterminated string literal at %d in '%s'.", i, s)
				}
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						text.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				text.WriteByte(s[j])
				j++
			}
			p.toks = append(p.toks, token{"str", text.String(), i})
			i = j + 1
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j < len(s) && (s[j] == 'M' || s[j] == 'm' || s[j] == 'L' || s[j] == 'l') { // 1.5M, 10L suffixes
				p.toks = append(p.toks, token{"num", s[i:j], i})
				i = j + 1
				continue
			}
			p.toks = append(p.toks, token{"num", s[i:j], i})
			i = j
		case c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			word := s[i:j]
			if (word == "guid" || word == "datetime") && j < len(s) && s[j] == '\'' {
				end := strings.IndexByte(s[j+1:], '\'')
				if end < 0 {
					return fmt.Errorf("Unterminated literal at %d in '%s'.", i, s)
				}
				p.toks = append(p.toks, token{word, s[j+1 : j+1+end], i})
				i = j + 2 + end
				continue
			}
			p.toks = append(p.toks, token{"ident", word, i})
			i = j
		default:
			return fmt.Errorf("Syntax error: character '%c' is not valid at position %d in '%s'.", c, i, s)
		}
	}
	return nil
}

func (p *filterParser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{kind: "eof", at: len(p.src)}
}

func (p *filterParser) or() (expr, error) {
	l, err := p.and()
	for err == nil && p.peek().kind == "ident" && p.peek().text == "or" {
		p.pos++
		var r expr
		if r, err = p.and(); err == nil {
			l = logicExpr{"or", l, r}
		}
	}
	return l, err
}

func (p *filterParser) and() (expr, error) {
	l, err := p.unary()
	for err == nil && p.peek().kind == "ident" && p.peek().text == "and" {
		p.pos++
		var r expr
		if r, err = p.unary(); err == nil {
			l = logicExpr{"and", l, r}
		}
	}
	return l, err
}

func (p *filterParser) unary() (expr, error) {
	if t := p.peek(); t.kind == "ident" && t.text == "not" {
		p.pos++
		x, err := p.unary()
		return notExpr{x}, err
	}
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	switch t.text {
	case "eq", "ne", "gt", "ge", "lt", "le":
		if t.kind != "ident" {
			break
		}
		p.pos++
		r, err := p.operand()
		if err != nil {
			return nil, err
		}
		return cmpExpr{t.text, l, r}, nil
	}
	return l, nil
}

var knownFuncs = map[string]int{"trim": 1, "tolower": 1, "toupper": 1, "substringof": 2, "startswith": 2, "endswith": 2}

func (p *filterParser) operand() (expr, error) {
	t := p.peek()
	p.pos++
	switch t.kind {
	case "str":
		return literal{t.text}, nil
	case "guid":
		return guidLit(t.text), nil
	case "datetime":
		d, err := parseISODate(t.text)
		if err != nil {
			return nil, fmt.Errorf("Unrecognized 'Edm.DateTime' literal 'datetime'%s'' in '%s'.", t.text, p.src)
		}
		return literal{d}, nil
	case "num":
		txt := strings.TrimRight(t.text, "MmLl")
		if !strings.Contains(txt, ".") {
			n, err := strconv.ParseInt(txt, 10, 64)
			if err == nil {
				return literal{n}, nil
			}
		}
		d, err := money.Parse(txt)
		if err != nil {
			return nil, fmt.Errorf("Invalid number '%s' in '%s'.", t.text, p.src)
		}
		return literal{d}, nil
	case "punct":
		if t.text == "(" {
			x, err := p.or()
			if err != nil {
				return nil, err
			}
			if p.peek().text != ")" {
				return nil, fmt.Errorf("')' or operator expected at position %d in '%s'.", p.peek().at, p.src)
			}
			p.pos++
			return x, nil
		}
	case "ident":
		switch t.text {
		case "true", "false":
			return literal{t.text == "true"}, nil
		case "null":
			return literal{nil}, nil
		}
		if n, ok := knownFuncs[t.text]; ok && p.peek().text == "(" {
			p.pos++
			c := callExpr{fn: t.text}
			for i := 0; i < n; i++ {
				if i > 0 {
					if p.peek().text != "," {
						return nil, fmt.Errorf("',' expected at position %d in '%s'.", p.peek().at, p.src)
					}
					p.pos++
				}
				a, err := p.or()
				if err != nil {
					return nil, err
				}
				c.args = append(c.args, a)
			}
			if p.peek().text != ")" {
				return nil, fmt.Errorf("')' expected at position %d in '%s'.", p.peek().at, p.src)
			}
			p.pos++
			return c, nil
		}
		if _, ok := p.ent.kinds[t.text]; !ok {
			return nil, fmt.Errorf("No property '%s' exists in type '%s' at position %d.", t.text, p.ent.typeName(), t.at)
		}
		return fieldRef(t.text), nil
	}
	return nil, fmt.Errorf("Expression expected at position %d in '%s'.", t.at, p.src)
}
