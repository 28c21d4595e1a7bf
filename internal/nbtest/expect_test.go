package nbtest

import "fmt"

// expectations lists, for every notebook, what a clean run must print and
// draw. Numbers are compared with tolerances, never digit by digit. Groups of
// notebooks keep their entries in their own expect_*_test.go file and add
// them with register.
var expectations = map[string]Expect{
	"notebooks/00_welcome.ipynb": {
		Texts: []string{"A = ⎡4  1⎤", "    ⎣2  3⎦", "A is 2×2"},
		Numbers: []Number{
			Near(`trace (\S+),`, 7, 1e-9),
			Near(`determinant (\S+)`, 10, 1e-9),
		},
		Images: 1,
	},
	// The Korean welcome: the same program, printing in Korean.
	"notebooks/ko/00_welcome.ipynb": {
		Texts:  []string{"A = ⎡4  1⎤", "    ⎣2  3⎦", "A는 2×2 행렬"},
		Absent: []string{"A is 2×2"},
		Numbers: []Number{
			Near(`대각합\(trace\) (\S+),`, 7, 1e-9),
			Near(`행렬식\(determinant\) (\S+)`, 10, 1e-9),
		},
		Images:  1,
		Figures: []string{"단위원과 A에 의한 그 상", "단위원 위의 x"},
	},
}

// register adds a group of expectations; a notebook listed twice is a
// programming error.
func register(group map[string]Expect) bool {
	for k, v := range group {
		if _, dup := expectations[k]; dup {
			panic(fmt.Sprintf("nbtest: %s has two expectation entries", k))
		}
		expectations[k] = v
	}
	return true
}
