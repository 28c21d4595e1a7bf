package mf_test

import (
	"fmt"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

func TestSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("MovieLens-sized")
	}
	r, err := mf.Synthetic(nil, newRand(1))
	if err != nil {
		t.Fatal(err)
	}
	if u, i := r.Dims(); u != 943 || i != 1682 || r.Len() != 100000 {
		t.Errorf("default synthetic set: %d×%d with %d ratings, want 943×1682 with 100000", u, i, r.Len())
	}
	if _, err := mf.NewRatings(943, 1682, r.All()); err != nil {
		t.Errorf("synthetic ratings are not a valid set: %v", err)
	}
	r2, _ := mf.Synthetic(nil, newRand(1))
	for i := 0; i < r.Len(); i += 997 {
		if r.At(i) != r2.At(i) {
			t.Fatal("same seed gave different synthetic ratings")
		}
	}
}

func ExampleSynthetic() {
	r, _ := mf.Synthetic(nil, newRand(1)) // MovieLens-100k's shape
	users, items := r.Dims()
	fmt.Println(users, items, r.Len())
	// Output:
	// 943 1682 100000
}
