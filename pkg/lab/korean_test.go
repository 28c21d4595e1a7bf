package lab_test

import (
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/lab"
)

// TestEveryCheckInKorean runs every lab's solution and stub with Korean
// verdicts: the solutions pass with a Korean headline, the stubs say
// 아직 구현되지 않음, and no text is left unformatted.
func TestEveryCheckInKorean(t *testing.T) {
	old := lab.SetLanguage(lab.Korean)
	defer lab.SetLanguage(old)
	for _, r := range solutions.reports() {
		s := r.String() + r.Markdown()
		if !r.Passed() || !strings.Contains(s, "✓ "+r.Title+" — ") || strings.Contains(s, "✗") {
			t.Errorf("solution in Korean:\n%s", r)
		}
		if strings.Contains(s, "passed") || strings.Contains(s, "%!") {
			t.Errorf("Korean report has English or a formatting error:\n%s", s)
		}
	}
	for _, r := range stubs.reports() {
		s := r.String() + r.Markdown()
		for _, want := range []string{"✗ " + r.Title + " — ", "아직 구현되지 않음", "힌트"} {
			if !strings.Contains(s, want) {
				t.Errorf("stub in Korean lacks %q:\n%s", want, s)
			}
		}
		if strings.Contains(s, "not implemented") || strings.Contains(s, "failed") || strings.Contains(s, "%!") {
			t.Errorf("Korean report has English or a formatting error:\n%s", s)
		}
	}
}
