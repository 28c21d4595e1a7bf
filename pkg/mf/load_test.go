package mf_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

// The first lines of MovieLens-100k's u.data (GroupLens; not redistributed
// here beyond these three lines' format).
const uData = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"

func TestReadUData(t *testing.T) {
	r, err := mf.ReadUData(strings.NewReader(uData))
	if err != nil {
		t.Fatal(err)
	}
	if u, i := r.Dims(); u != 3 || i != 3 || r.Len() != 3 {
		t.Fatalf("%d users × %d items, %d ratings; want 3×3, 3", u, i, r.Len())
	}
	// Ids are renumbered in increasing order: users 22, 186, 196.
	first := r.At(0)
	if r.UserID(first.User) != 196 || r.ItemID(first.Item) != 242 || first.Value != 3 || first.User != 2 {
		t.Errorf("first rating %+v maps to user %d item %d", first, r.UserID(first.User), r.ItemID(first.Item))
	}
}

func TestReadRatingsCSV(t *testing.T) {
	in := "\ufeffuserId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,4.5,964981247\r\n\r\n6,3,0.5,964982224\r\n"
	r, err := mf.ReadRatingsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if u, i := r.Dims(); u != 2 || i != 2 || r.Len() != 3 || r.At(1).Value != 4.5 {
		t.Errorf("got %d×%d with %d ratings, second %+v", u, i, r.Len(), r.At(1))
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		csv      bool
		line     int
		reason   string
	}{
		{"fields", "1\t2\t3\n1\t2\n", false, 1, "3 fields"},
		{"user", "1\t2\t3\t4\nx\t2\t3\t4\n", false, 2, `user id "x"`},
		{"negative item", "1\t-2\t3\t4\n", false, 1, `item id "-2"`},
		{"rating", "1\t2\tfive\t4\n", false, 1, `rating "five"`},
		{"NaN rating", "1\t2\tNaN\t4\n", false, 1, `rating "NaN" is not a finite number`},
		{"timestamp", "1\t2\t3\tyesterday\n", false, 1, `timestamp "yesterday"`},
		{"duplicate", "1\t2\t3\t4\n5\t6\t3\t4\n1\t2\t5\t9\n", false, 3, "first on line 1"},
		{"commas in u.data", "1,2,3,4\n", false, 1, "1 fields"},
		{"header", "user,movie,rating,timestamp\n1,2,3,4\n", true, 1, "header"},
		{"csv rating", "userId,movieId,rating,timestamp\n1,2,3,4\n1,3,,4\n", true, 3, `rating ""`},
	} {
		var err error
		if tc.csv {
			_, err = mf.ReadRatingsCSV(strings.NewReader(tc.in))
		} else {
			_, err = mf.ReadUData(strings.NewReader(tc.in))
		}
		var pe *mf.ParseError
		if !errors.As(err, &pe) || pe.Line != tc.line || !strings.Contains(pe.Reason, tc.reason) || !errors.Is(err, mf.ErrData) {
			t.Errorf("%s: error %v, want line %d with %q", tc.name, err, tc.line, tc.reason)
		}
	}
	for _, in := range []string{"", "\n\n"} {
		if r, err := mf.ReadUData(strings.NewReader(in)); !errors.Is(err, mf.ErrData) || r != nil {
			t.Errorf("empty input %q: %v, %v; want nil and ErrData", in, r, err)
		}
	}
	if r, err := mf.ReadRatingsCSV(strings.NewReader("userId,movieId,rating,timestamp\n")); !errors.Is(err, mf.ErrData) || r != nil {
		t.Errorf("header only: %v, %v; want nil and ErrData", r, err)
	}
}

// checkLoaded checks the invariants of any successful load.
func checkLoaded(t *testing.T, r *mf.Ratings, err error) {
	if err != nil {
		if r != nil {
			t.Fatalf("error %v returned with ratings", err)
		}
		if !errors.Is(err, mf.ErrData) {
			t.Fatalf("error %v does not wrap ErrData", err)
		}
		return
	}
	users, items := r.Dims()
	if _, err := mf.NewRatings(users, items, r.All()); err != nil {
		t.Fatalf("loaded ratings are not a valid set: %v", err)
	}
}

func FuzzReadUData(f *testing.F) {
	f.Add(uData)
	f.Add("1\t2\t3\t4\n1\t2\t3\t4\n")
	f.Add("1\t2\t3.5\t4\r\n\n9\t9\t-1e308\t0")
	f.Add("\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := mf.ReadUData(strings.NewReader(in))
		checkLoaded(t, r, err)
	})
}

func FuzzReadRatingsCSV(f *testing.F) {
	f.Add("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n")
	f.Add("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,1,4.0,964982703\n")
	f.Add("userId,movieId,rating,timestamp\r\n1,1,Inf,1\r\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := mf.ReadRatingsCSV(strings.NewReader(in))
		checkLoaded(t, r, err)
	})
}

func ExampleReadUData() {
	// u.data as distributed with MovieLens-100k: user, item, rating,
	// timestamp separated by tabs.
	r, err := mf.ReadUData(strings.NewReader(uData))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Len(), "ratings")
	_, err = mf.ReadUData(strings.NewReader("196\t242\t3\t881250949\n186\t302\tthree\t891717742\n"))
	fmt.Println(err)
	// Output:
	// 3 ratings
	// mf: u.data line 2: rating "three" is not a finite number
}

func ExampleReadRatingsCSV() {
	r, err := mf.ReadRatingsCSV(strings.NewReader("userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	x := r.At(1)
	fmt.Println(r.UserID(x.User), r.ItemID(x.Item), x.Value)
	// Output:
	// 1 1029 3
}
