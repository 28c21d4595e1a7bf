// Package graph reads small directed graphs, such as a web of linked pages,
// and builds the matrices that rank their nodes: the column-stochastic link
// matrix of a random surfer and the Google matrix of PageRank (Brin and
// Page, 1998),
//
//	G = α·P + (1 − α)/n · 𝟙𝟙ᵀ,
//
// where P[i][j] = 1/outdeg(j) if j links to i, and a node without out-links
// (a dangling node) links to every node. G is column-stochastic and
// positive, so its dominant eigenvalue is 1, with a positive eigenvector, the
// PageRank, and every other eigenvalue has modulus at most α: power
// iteration on G converges at least as fast as αᵗ.
//
// Bad data (a malformed line, a self-link, a repeated link, no links)
// returns an error naming the input and the line; impossible settings (α
// outside [0, 1]) panic with ErrSettings.
package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"gonum.org/v1/gonum/mat"
)

var (
	// ErrFormat is wrapped by every error about a malformed graph file.
	ErrFormat = errors.New("graph: malformed input")
	// ErrSettings is the panic value for a damping factor outside [0, 1].
	ErrSettings = errors.New("graph: invalid settings")
)

// Graph is a directed graph whose nodes have names.
type Graph struct {
	names []string
	index map[string]int
	out   [][]int // out[j] lists the nodes j links to, in file order
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.names) }

// Name returns the name of node i (0-based, in order of first appearance).
func (g *Graph) Name(i int) string { return g.names[i] }

// OutDegree returns the number of links out of node i.
func (g *Graph) OutDegree(i int) int { return len(g.out[i]) }

// InDegree returns the number of links into node i.
func (g *Graph) InDegree(i int) int {
	n := 0
	for _, links := range g.out {
		for _, k := range links {
			if k == i {
				n++
			}
		}
	}
	return n
}

// ReadEdges reads a graph as a list of links, one per line: two
// whitespace-separated node names "from to". Text after '#' is a comment,
// and a line with one name declares a node (which may have no links).
// Nodes are numbered in order of first appearance. name labels errors. It
// returns an error naming the line for a line of more than two names, a
// link from a node to itself, or a link given twice, and an error if there
// is no link at all.
func ReadEdges(r io.Reader, name string) (*Graph, error) {
	g := &Graph{index: map[string]int{}}
	node := func(s string) int {
		i, ok := g.index[s]
		if !ok {
			i = len(g.names)
			g.index[s] = i
			g.names = append(g.names, s)
			g.out = append(g.out, nil)
		}
		return i
	}
	seen := map[[2]int]int{}
	sc := bufio.NewScanner(r)
	line, links := 0, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if c := strings.IndexByte(text, '#'); c >= 0 {
			text = text[:c]
		}
		f := strings.Fields(text)
		switch len(f) {
		case 0:
			continue
		case 1:
			node(f[0])
			continue
		case 2:
		default:
			return nil, fmt.Errorf("%w: %s line %d: %d names, want \"from to\"", ErrFormat, name, line, len(f))
		}
		if f[0] == f[1] {
			return nil, fmt.Errorf("%w: %s line %d: %s links to itself", ErrFormat, name, line, f[0])
		}
		from, to := node(f[0]), node(f[1])
		if first, dup := seen[[2]int{from, to}]; dup {
			return nil, fmt.Errorf("%w: %s line %d: link %s → %s already on line %d", ErrFormat, name, line, f[0], f[1], first)
		}
		seen[[2]int{from, to}] = line
		g.out[from] = append(g.out[from], to)
		links++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s after line %d: %v", ErrFormat, name, line, err)
	}
	if links == 0 {
		return nil, fmt.Errorf("%w: %s has no links", ErrFormat, name)
	}
	return g, nil
}

// Google returns the n×n Google matrix G = α·P + (1 − α)/n·𝟙𝟙ᵀ with damping
// factor alpha (0.85 in Brin and Page): column j is where a surfer on node
// j goes next, following one of j's links at random with probability α (any
// node, if j has none) and jumping to a random node otherwise. With
// alpha = 1 it is the link matrix P itself. It panics with ErrSettings if
// alpha is not in [0, 1].
func (g *Graph) Google(alpha float64) *mat.Dense {
	if !(alpha >= 0 && alpha <= 1) {
		panic(ErrSettings)
	}
	n := g.Len()
	m := mat.NewDense(n, n, nil)
	for j, links := range g.out {
		for i := range n {
			p := 1 / float64(n) // dangling: everywhere
			if len(links) > 0 {
				p = 0
			}
			m.Set(i, j, alpha*p+(1-alpha)/float64(n))
		}
		for _, i := range links {
			m.Set(i, j, m.At(i, j)+alpha/float64(len(links)))
		}
	}
	return m
}

// DefaultDamping is the damping factor α of Brin and Page (1998).
const DefaultDamping = 0.85
