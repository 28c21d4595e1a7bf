package nbtest

import (
	"fmt"
	"go/scanner"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// HangulImport is the package a Korean notebook imports, blank, so that its
// figures can draw Hangul. It is the one import a ko/ cell may have that its
// en/ twin lacks: the English notebooks do not link the font.
const HangulImport = "github.com/factorlab/factorlab/pkg/plotting/hangul"

// TestLanguagePairs checks that every notebook under an en/ folder has a
// ko/ twin (and the other way round) whose code cells are the same program
// in the same order. The pairing rule, for notebooks and labs alike:
//
//   - the Go code of a pair of cells scans to the same Go tokens once
//     comments are dropped and every string literal counts as the same
//     token, whatever its text: titles, labels and printed sentences are
//     translated, the code is not;
//   - GoNB's command lines (those starting with % or !) are identical;
//   - the Korean cell may add `_ "…/pkg/plotting/hangul"` to an import.
//
// Text that a package prints by itself (pkg/lab's verdicts) follows the
// notebook's folder at run time instead; see pkg/lab.ResolveLanguage.
func TestLanguagePairs(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := Find(root, "notebooks")
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, p := range paths {
		has[p] = true
	}
	for _, p := range paths {
		twin, ok := swapLang(p)
		if !ok {
			continue
		}
		if !has[twin] {
			t.Errorf("%s has no translation at %s", p, twin)
			continue
		}
		if !isEnglish(p) {
			continue // compare each pair once
		}
		a, err := Parse(filepath.Join(root, p), p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(filepath.Join(root, twin), twin)
		if err != nil {
			t.Fatal(err)
		}
		ca, cb := codeCells(a), codeCells(b)
		if len(ca) != len(cb) {
			t.Errorf("%s has %d code cells, %s has %d", p, len(ca), twin, len(cb))
			continue
		}
		for i := range ca {
			if err := samePair(ca[i].Source, cb[i].Source); err != nil {
				t.Errorf("code cell %d differs between %s (cell %d) and %s (cell %d): %v", i+1, p, ca[i].Index, twin, cb[i].Index, err)
			}
		}
	}
}

// lexeme is one unit of a cell compared by samePair: a Go token (string
// literals reduced to their kind), or a whole GoNB command line.
type lexeme struct {
	text  string // what is compared
	shown string // what an error message quotes
	line  int    // 1-based line in the cell
}

// lexemes splits a GoNB cell into lexemes. With korean set, the blank
// import of HangulImport is left out.
func lexemes(src string, korean bool) ([]lexeme, error) {
	var (
		out  []lexeme
		code strings.Builder // Go lines, with command lines blanked to keep line numbers
	)
	lines := strings.Split(src, "\n")
	for _, l := range lines {
		if !isCommand(l) {
			code.WriteString(l)
		}
		code.WriteString("\n")
	}
	fset := token.NewFileSet()
	body := code.String()
	file := fset.AddFile("cell", fset.Base(), len(body))
	var errs scanner.ErrorList
	var s scanner.Scanner
	s.Init(file, []byte(body), func(pos token.Position, msg string) { errs.Add(pos, msg) }, 0)
	var toks []lexeme
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		line := fset.Position(pos).Line
		var lx lexeme
		switch {
		case tok == token.STRING:
			lx = lexeme{"STRING", lit, line}
		case tok == token.SEMICOLON:
			lx = lexeme{";", strings.ReplaceAll(lit, "\n", "end of line"), line}
		case tok.IsLiteral():
			lx = lexeme{tok.String() + " " + lit, lit, line}
		default:
			lx = lexeme{tok.String(), tok.String(), line}
		}
		toks = append(toks, lx)
	}
	if errs.Len() > 0 {
		return nil, fmt.Errorf("not Go tokens: %v", errs.Err())
	}
	if korean {
		toks = dropHangulImport(toks)
	}
	// Merge the command lines back in, in line order.
	j := 0
	for i, l := range lines {
		for j < len(toks) && toks[j].line <= i {
			out = append(out, toks[j])
			j++
		}
		if isCommand(l) {
			s := strings.TrimSpace(l)
			out = append(out, lexeme{s, s, i + 1})
		}
	}
	return append(out, toks[j:]...), nil
}

// isCommand reports whether a cell line is a GoNB command (%% and other
// %-commands, !shell lines) rather than Go.
func isCommand(line string) bool {
	s := strings.TrimSpace(line)
	return strings.HasPrefix(s, "%") || strings.HasPrefix(s, "!")
}

// dropHangulImport removes `_ "…/hangul"` (with its semicolon) from an
// import declaration, and the keyword too when the import stands alone.
func dropHangulImport(toks []lexeme) []lexeme {
	quoted := strconv.Quote(HangulImport)
	for i := 1; i < len(toks); i++ {
		if toks[i].text != "STRING" || (toks[i].shown != quoted && toks[i].shown != "`"+HangulImport+"`") || toks[i-1].text != "IDENT _" {
			continue
		}
		start, end := i-1, i+1
		if end < len(toks) && toks[end].text == ";" {
			end++
		}
		if start > 0 && toks[start-1].text == "import" {
			start--
		}
		return append(append([]lexeme{}, toks[:start]...), toks[end:]...)
	}
	return toks
}

// samePair reports how the Korean cell ko differs from the English cell en
// under the pairing rule, or nil.
func samePair(en, ko string) error {
	a, err := lexemes(en, false)
	if err != nil {
		return fmt.Errorf("English cell: %v", err)
	}
	b, err := lexemes(ko, true)
	if err != nil {
		return fmt.Errorf("Korean cell: %v", err)
	}
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return fmt.Errorf("the Korean cell goes on at its line %d with %q", b[i].line, b[i].shown)
		case i >= len(b):
			return fmt.Errorf("the English cell goes on at its line %d with %q", a[i].line, a[i].shown)
		case a[i].text != b[i].text:
			return fmt.Errorf("English line %d has %q where Korean line %d has %q", a[i].line, a[i].shown, b[i].line, b[i].shown)
		}
	}
	return nil
}

func TestSamePair(t *testing.T) {
	const en = `import (
	"fmt"

	"github.com/factorlab/factorlab/pkg/plotting"
)

%%
// Plot the eigenvectors.
fig := must.M1(plotting.Eigenvectors(A, &plotting.EigenSettings{Title: "eigenvectors"}))
fmt.Printf("λ = %g\n", l) // the eigenvalue
!echo hi`
	for _, c := range []struct {
		name, ko string
		ok       bool
	}{
		{"identical", en, true},
		{"translated strings and comments", strings.NewReplacer(
			`"eigenvectors"`, `"고유벡터"`, `"λ = %g\n"`, "`고윳값 λ = %g\n`",
			"// Plot the eigenvectors.", "// 고유벡터를 그린다.", "// the eigenvalue", "/* 고윳값 */").Replace(en), true},
		{"Hangul import added", strings.Replace(en, `"fmt"`, `"fmt"`+"\n\t_ \""+HangulImport+`"`, 1), true},
		{"Hangul import on its own", "import _ \"" + HangulImport + "\"\n" + en, true},
		{"Hangul import not blank", strings.Replace(en, `"fmt"`, `"fmt"`+"\n\thangul \""+HangulImport+`"`, 1), false},
		{"another blank import", strings.Replace(en, `"fmt"`, `"fmt"`+"\n\t_ \"image/png\"", 1), false},
		{"changed argument", strings.Replace(en, "(A,", "(B,", 1), false},
		{"changed number", strings.Replace(en, "λ = %g\\n\", l)", "λ = %g\\n\", 2*l)", 1), false},
		{"string became an identifier", strings.Replace(en, `"eigenvectors"`, `name`, 1), false},
		{"changed command", strings.Replace(en, "!echo hi", "!echo 안녕", 1), false},
		{"dropped command", strings.Replace(en, "\n%%", "", 1), false},
		{"extra statement", en + "\nfmt.Println()", false},
	} {
		err := samePair(en, c.ko)
		if (err == nil) != c.ok {
			t.Errorf("%s: samePair = %v, want ok %t", c.name, err, c.ok)
		}
	}
	if err := samePair(en, "fmt.Println(\"unterminated)"); err == nil || !strings.Contains(err.Error(), "Korean cell: not Go tokens") {
		t.Errorf("a cell that does not scan: %v", err)
	}
}

func codeCells(nb *Notebook) []Cell {
	var cs []Cell
	for _, c := range nb.Cells {
		if c.Type == "code" {
			cs = append(cs, c)
		}
	}
	return cs
}

// topLevelTwins pairs English notebooks that live at the top of
// notebooks/, as the entry point, with their Korean twins.
var topLevelTwins = map[string]string{
	"notebooks/00_welcome.ipynb": "notebooks/ko/00_welcome.ipynb",
}

// isEnglish reports whether p is the English side of a pair.
func isEnglish(p string) bool {
	_, top := topLevelTwins[p]
	return top || strings.Contains(p, "/en/")
}

// swapLang maps a path with an /en/ or /ko/ folder, or one of
// topLevelTwins, to its twin.
func swapLang(p string) (string, bool) {
	for en, ko := range topLevelTwins {
		switch p {
		case en:
			return ko, true
		case ko:
			return en, true
		}
	}
	switch {
	case strings.Contains(p, "/en/"):
		return strings.Replace(p, "/en/", "/ko/", 1), true
	case strings.Contains(p, "/ko/"):
		return strings.Replace(p, "/ko/", "/en/", 1), true
	}
	return "", false
}

func TestSwapLang(t *testing.T) {
	for in, want := range map[string]string{
		"notebooks/en/01_x.ipynb":       "notebooks/ko/01_x.ipynb",
		"notebooks/labs/ko/L1.ipynb":    "notebooks/labs/en/L1.ipynb",
		"notebooks/00_welcome.ipynb":    "notebooks/ko/00_welcome.ipynb",
		"notebooks/ko/00_welcome.ipynb": "notebooks/00_welcome.ipynb",
		"notebooks/01_other.ipynb":      "",
		"notebooks/tenor/x.ipynb":       "",
	} {
		got, ok := swapLang(in)
		if got != want || ok != (want != "") {
			t.Errorf("swapLang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestKoreanCodeCells checks that the Korean notebooks' code cells are what
// scripts/ko_code_cells.py makes of the English ones: the translations of
// the printed text and figure labels have one home, the script's table, and
// no English sentence is left in a Korean cell.
func TestKoreanCodeCells(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed to run scripts/ko_code_cells.py: %v", err)
	}
	cmd := exec.Command(py, filepath.Join(root, "scripts", "ko_code_cells.py"), "--check")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("scripts/ko_code_cells.py --check: %v\n%s\nAdd the new strings to the script's KO table and run it without --check.", err, out)
	}
}
