package graph_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/graph"
)

// PageRank of a three-page web by power iteration on the Google matrix.
// Page c is linked from both other pages and ranks first; the values agree
// with numpy 1.24's eig of the same matrix to the digits shown.
func ExampleGraph_Google() {
	web, err := graph.ReadEdges(strings.NewReader("a b\na c\nb c\nc a\n"), "web")
	if err != nil {
		panic(err)
	}
	res, err := decomp.PowerIteration(web.Google(graph.DefaultDamping), nil, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		panic(err)
	}
	total := 0.0
	for _, v := range res.Vector {
		total += v
	}
	for i, v := range res.Vector {
		fmt.Printf("%s %.4f\n", web.Name(i), v/total)
	}
	// Output:
	// a 0.3878
	// b 0.2148
	// c 0.3974
}
