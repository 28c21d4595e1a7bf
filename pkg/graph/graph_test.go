package graph_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/graph"
)

func TestReadEdgesAndGoogle(t *testing.T) {
	g, err := graph.ReadEdges(strings.NewReader("# a tiny web\na b\na c   # two links out of a\nb c\nc a\nd\n"), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 || g.Name(3) != "d" || g.OutDegree(0) != 2 || g.InDegree(2) != 2 || g.OutDegree(3) != 0 {
		t.Fatalf("graph has %d nodes, node 3 %q, out(a) %d, in(c) %d, out(d) %d", g.Len(), g.Name(3), g.OutDegree(0), g.InDegree(2), g.OutDegree(3))
	}
	const alpha = 0.85
	m := g.Google(alpha)
	// Column-stochastic and positive.
	for j := range 4 {
		sum := 0.0
		for i := range 4 {
			if m.At(i, j) <= 0 {
				t.Errorf("G[%d][%d] = %v, want > 0", i, j, m.At(i, j))
			}
			sum += m.At(i, j)
		}
		if math.Abs(sum-1) > 1e-15 {
			t.Errorf("column %d sums to %v, want 1", j, sum)
		}
	}
	// a → b with a's two links: α/2 + (1 − α)/4; the dangling d: 1/4.
	if got, want := m.At(1, 0), alpha/2+(1-alpha)/4; math.Abs(got-want) > 1e-15 {
		t.Errorf("G[b][a] = %v, want %v", got, want)
	}
	if got := m.At(2, 3); math.Abs(got-0.25) > 1e-15 {
		t.Errorf("G[c][d] = %v, want 1/4 (dangling node)", got)
	}
}

func TestReadEdgesErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a b\na b c\n", "web line 2: 3 names"},
		{"a b\nc c\n", "web line 2: c links to itself"},
		{"a b\n\nb a\na b\n", "web line 4: link a → b already on line 1"},
		{"a\n# nothing\n", "web has no links"},
	} {
		_, err := graph.ReadEdges(strings.NewReader(tc.in), "web")
		if !errors.Is(err, graph.ErrFormat) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want ErrFormat containing %q", err, tc.want)
		}
	}
}

func TestGooglePanics(t *testing.T) {
	g, _ := graph.ReadEdges(strings.NewReader("a b\n"), "x")
	defer func() {
		if r := recover(); r != graph.ErrSettings {
			t.Errorf("Google(1.5) panicked with %v, want ErrSettings", r)
		}
	}()
	g.Google(1.5)
}
