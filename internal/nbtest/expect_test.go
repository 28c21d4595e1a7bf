package nbtest

// expectations lists, for every notebook, what a clean run must print and
// draw. Numbers are compared with tolerances, never digit by digit.
var expectations = map[string]Expect{
	"notebooks/00_welcome.ipynb": {
		Texts: []string{"A = ⎡4  1⎤", "    ⎣2  3⎦", "A is 2×2"},
		Numbers: []Number{
			Near(`trace (\S+),`, 7, 1e-9),
			Near(`determinant (\S+)`, 10, 1e-9),
		},
		Images: 1,
	},
}
