package lab

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestResolveLanguage(t *testing.T) {
	for _, c := range []struct {
		langEnv, gonbDir string
		want             Language
	}{
		{"", "", English},
		{"ko", "", Korean},
		{"en", "", English},
		{" KO ", "", Korean},
		{"ko_KR.UTF-8", "", Korean},
		{"en-US", "/work/notebooks/labs/ko", English}, // the variable wins
		{"en", "/work/notebooks/labs/ko", English},
		{"ko", "/work/notebooks/labs/en", Korean},
		{"", "/work/notebooks/labs/ko", Korean},
		{"", "/work/notebooks/labs/solutions/ko", Korean},
		{"", "/work/notebooks/labs/ko/", Korean},
		{"", `C:\work\notebooks\labs\ko`, Korean},
		{"", "/work/notebooks/labs/en", English},
		{"", "/work/notebooks/labs/solutions/en", English},
		{"", "/work/notebooks/kor/labs", English}, // an element, not a substring
		{"", "/home/kodi/notebooks", English},
		{"", "/work/notebooks", English},
		{"fr", "/work/notebooks/labs/ko", Korean}, // unknown values are ignored
		{"fr", "", English},
	} {
		if got := ResolveLanguage(c.langEnv, c.gonbDir); got != c.want {
			t.Errorf("ResolveLanguage(%q, %q) = %v, want %v", c.langEnv, c.gonbDir, got, c.want)
		}
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Language
	}{
		{map[string]string{}, English},
		{map[string]string{"GONB_DIR": "/repo/notebooks/labs/ko"}, Korean},
		{map[string]string{"GONB_DIR": "/repo/notebooks/labs/solutions/en"}, English},
		{map[string]string{"GONB_DIR": "/repo/notebooks/labs/ko", "FACTORLAB_LANG": "en"}, English},
		{map[string]string{"FACTORLAB_LANG": "ko"}, Korean},
	} {
		if got := languageFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("environment %v gives %v, want %v", c.env, got, c.want)
		}
	}
	if CurrentLanguage() != English {
		t.Errorf("the tests run in English (TestMain), got %v", CurrentLanguage())
	}
}

// verbs returns the formatting verbs of a message, without argument
// indexes, sorted by the argument they format.
var (
	verbRE  = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*[0-9.]*([a-zA-Z%])`)
	indexRE = regexp.MustCompile(`\[\d+\]`)
)

func verbs(s string) []string {
	type v struct {
		arg  int
		verb string
	}
	var out []v
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(s, -1) {
		if m[3] == "%" {
			continue
		}
		arg := next
		if m[2] != "" {
			fmt.Sscan(m[2], &arg)
		}
		next = arg + 1
		out = append(out, v{arg, indexRE.ReplaceAllString(m[0], "")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].arg < out[j].arg })
	res := make([]string, len(out))
	for i, x := range out {
		res[i] = fmt.Sprintf("%d:%s", x.arg, x.verb)
	}
	return res
}

func TestEveryMessageHasBothLanguages(t *testing.T) {
	if len(messages) != int(msgCount) {
		t.Errorf("messages has %d entries, want %d (one per msg)", len(messages), msgCount)
	}
	for id := msg(0); id < msgCount; id++ {
		texts, ok := messages[id]
		if !ok {
			t.Errorf("message %d has no texts", id)
			continue
		}
		en, ko := texts[English], texts[Korean]
		if strings.TrimSpace(en) == "" || strings.TrimSpace(ko) == "" {
			t.Errorf("message %d: English %q, Korean %q: both must be given", id, en, ko)
			continue
		}
		if ve, vk := verbs(en), verbs(ko); strings.Join(ve, " ") != strings.Join(vk, " ") {
			t.Errorf("message %d: English %q formats %v, Korean %q formats %v", id, en, ve, ko, vk)
		}
		if strings.Contains(ko, "✓") != strings.Contains(en, "✓") || strings.Contains(ko, "✗") != strings.Contains(en, "✗") {
			t.Errorf("message %d: ✓/✗ differ between %q and %q", id, en, ko)
		}
	}
}

func TestTitlesKeepTaskIDs(t *testing.T) {
	for _, id := range []msg{msgTitleL11, msgTitleL12, msgTitleL13, msgTitleL21, msgTitleL22, msgTitleL23,
		msgTitleL31, msgTitleL32, msgTitleL33, msgTitleL41, msgTitleL42, msgTitleL51, msgTitleL52,
		msgTitleL61, msgTitleL62, msgTitleL63, msgTitleL71, msgTitleL72, msgTitleL81, msgTitleL82} {
		en, ko := trIn(English, id), trIn(Korean, id)
		if en[:5] != ko[:5] || !regexp.MustCompile(`^L\d\.\d `).MatchString(ko) {
			t.Errorf("titles %q and %q must start with the same task id", en, ko)
		}
	}
}

// inLanguage runs f with the verdicts in language l.
func inLanguage(l Language, f func()) {
	old := setLanguage(l)
	defer setLanguage(old)
	f()
}

// halfStretch stretches x only: S(2, 0.5) is wrong, S(3, 1) right.
func halfStretch(sx, sy float64) *mat.Dense { return mat.NewDense(2, 2, []float64{sx, 0, 0, 1}) }

func TestRenderings(t *testing.T) {
	for _, c := range []struct {
		lang     Language
		report   func() Report
		text, md string
	}{
		{English, func() Report { return CheckStretch(halfStretch) },
			`✗ L6.2 stretch matrix — 1 of 2 checks failed
  ✗ S(2, 0.5) — off by 0.5 at [1,1] (tolerance 2e-06)
      expected: [[2, 0], [0, 0.5]]
      got:      [[2, 0], [0, 1]]
      hint:     S = [[sx, 0], [0, sy]]: it scales x by sx and y by sy and mixes nothing
  ✓ S(3, 1) — matches (largest difference 0)
`, `**✗ L6.2 stretch matrix — 1 of 2 checks failed**

- ✗ **S(2, 0.5)** — off by 0.5 at [1,1] (tolerance 2e-06)
    - expected: ` + "`[[2, 0], [0, 0.5]]`" + `
    - got: ` + "`[[2, 0], [0, 1]]`" + `
    - *hint:* S = [[sx, 0], [0, sy]]: it scales x by sx and y by sy and mixes nothing
- ✓ **S(3, 1)** — matches (largest difference 0)
`},
		{Korean, func() Report { return CheckStretch(halfStretch) },
			`✗ L6.2 늘이기(stretching) 행렬 — 검사 2개 중 1개 실패
  ✗ S(2, 0.5) — [1,1]에서 0.5만큼 차이가 난다 (허용 오차 2e-06)
      기댓값: [[2, 0], [0, 0.5]]
      실제값: [[2, 0], [0, 1]]
      힌트:   S = [[sx, 0], [0, sy]]: x를 sx배, y를 sy배 할 뿐 두 좌표를 섞지 않는다
  ✓ S(3, 1) — 일치한다 (최대 차이 0)
`, `**✗ L6.2 늘이기(stretching) 행렬 — 검사 2개 중 1개 실패**

- ✗ **S(2, 0.5)** — [1,1]에서 0.5만큼 차이가 난다 (허용 오차 2e-06)
    - 기댓값: ` + "`[[2, 0], [0, 0.5]]`" + `
    - 실제값: ` + "`[[2, 0], [0, 1]]`" + `
    - *힌트:* S = [[sx, 0], [0, sy]]: x를 sx배, y를 sy배 할 뿐 두 좌표를 섞지 않는다
- ✓ **S(3, 1)** — 일치한다 (최대 차이 0)
`},
		{English, func() Report { return CheckStretch(stretch) },
			`✓ L6.2 stretch matrix — both checks passed
  ✓ S(2, 0.5) — matches (largest difference 0)
  ✓ S(3, 1) — matches (largest difference 0)
`, `**✓ L6.2 stretch matrix — both checks passed**

- ✓ **S(2, 0.5)** — matches (largest difference 0)
- ✓ **S(3, 1)** — matches (largest difference 0)
`},
		{Korean, func() Report { return CheckStretch(stretch) },
			`✓ L6.2 늘이기(stretching) 행렬 — 검사 2개 모두 통과
  ✓ S(2, 0.5) — 일치한다 (최대 차이 0)
  ✓ S(3, 1) — 일치한다 (최대 차이 0)
`, `**✓ L6.2 늘이기(stretching) 행렬 — 검사 2개 모두 통과**

- ✓ **S(2, 0.5)** — 일치한다 (최대 차이 0)
- ✓ **S(3, 1)** — 일치한다 (최대 차이 0)
`},
		{English, func() Report { return CheckStretch(nil) },
			`✗ L6.2 stretch matrix — 1 of 1 check failed
  ✗ Stretch — not implemented yet
      got:      nil
      hint:     replace the ` + "`// TODO`" + ` stub with your code, then run this cell again
`, ""},
		{Korean, func() Report { return CheckStretch(nil) },
			`✗ L6.2 늘이기(stretching) 행렬 — 검사 1개 중 1개 실패
  ✗ Stretch — 아직 구현되지 않음
      실제값: nil
      힌트:   ` + "`// TODO`" + ` stub을 여러분의 코드로 바꾼 뒤 이 셀을 다시 실행하자
`, ""},
	} {
		var text, md string
		inLanguage(c.lang, func() {
			r := c.report()
			text, md = r.String(), r.Markdown()
		})
		if text != c.text {
			t.Errorf("%v text:\n%s\nwant:\n%s", c.lang, text, c.text)
		}
		if c.md != "" && md != c.md {
			t.Errorf("%v Markdown:\n%s\nwant:\n%s", c.lang, md, c.md)
		}
	}
}

// TestKoreanHasNoEnglishLeftovers renders failing verdicts of every kind in
// Korean and checks that no English message text is left in them.
func TestKoreanHasNoEnglishLeftovers(t *testing.T) {
	var reports []Report
	old := setLanguage(Korean)
	defer setLanguage(old)
	{
		reports = []Report{
			CheckStretch(halfStretch), CheckStretch(nil),
			{Title: "x", Verdicts: []Verdict{
				Scalar("s", 1, 2, nil), Scalar("s", math.NaN(), 2, nil),
				Vector("v", []float64{1}, []float64{1, 2}, nil), Vector("v", []float64{1, 3}, []float64{1, 2}, nil),
				Matrix("m", mat.NewDense(1, 1, []float64{1}), mat.NewDense(2, 1, []float64{1, 2}), nil),
				Direction("d", []float64{0, 0}, []float64{1, 1}, nil), Direction("d", []float64{1, 0}, []float64{1, 1}, nil),
				Eigenpair("e", mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 3, []float64{1, 0}, nil),
				Eigenpair("e", mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 3, []float64{0, 0}, nil),
				Run("r", 0, func() { panic("boom") }),
			}},
		}
		reports[2].Add(Satisfies("A", mat.NewDense(2, 2, []float64{1, 2, 3, 4}),
			IsSquare(), IsSymmetric(), HasNegativeEigenvalue(), HasNonOrthogonalEigenvectors(), LacksRealEigenbasis())...)
		reports[2].Add(Satisfies("A", mat.NewDense(2, 2, []float64{1, 1, 0, 1}), LacksRealEigenbasis())...)
	}
	english := regexp.MustCompile(`\b(off by|expected|got|hint|tolerance|not implemented|matches|direction|panicked|elements|want|is square|is symmetric|eigenvalues|checks? (passed|failed))\b`)
	for _, r := range reports {
		for _, s := range []string{r.String(), r.Markdown()} {
			if m := english.FindString(s); m != "" {
				t.Errorf("Korean report has English %q:\n%s", m, s)
			}
			if strings.Contains(s, "%!") {
				t.Errorf("Korean report has a formatting error:\n%s", s)
			}
		}
	}
}
