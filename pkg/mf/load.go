package mf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ParseError reports a malformed line of a ratings file. It wraps
// ErrMalformed, which wraps ErrData.
type ParseError struct {
	Format string // "u.data" or "ratings.csv"
	Line   int    // 1-based line number
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("mf: %s line %d: %s", e.Format, e.Line, e.Reason)
}

// Unwrap returns ErrMalformed.
func (e *ParseError) Unwrap() error { return ErrMalformed }

// ReadUData reads MovieLens-100k's u.data: one rating per line, four
// tab-separated fields "user item rating timestamp" with integer ids and
// timestamp. Users and items are renumbered 0, 1, … in increasing id
// order; Ratings.UserID and ItemID give the file's ids back.
//
// Either every line is read or nothing is returned: a malformed line (wrong
// number of fields, an id or timestamp that is not a non-negative integer, a
// rating that is not a finite number, a second rating of the same user and
// item, a line longer than 1 MiB) gives a *ParseError naming the line and
// the reason. An empty input is an error wrapping ErrData. Blank lines are
// skipped. It panics with ErrNil if r is nil.
func ReadUData(r io.Reader) (*Ratings, error) {
	return readRatings(r, "u.data", '\t', "")
}

// ReadRatingsCSV reads MovieLens's ratings.csv (ml-latest, ml-25m, …): a
// header line "userId,movieId,rating,timestamp", then one comma-separated
// rating per line. It renumbers ids and fails exactly like ReadUData; a
// missing or different header is a *ParseError for line 1.
func ReadRatingsCSV(r io.Reader) (*Ratings, error) {
	return readRatings(r, "ratings.csv", ',', "userId,movieId,rating,timestamp")
}

type rawRating struct {
	user, item int64
	value      float64
	line       int
}

// maxLine is the longest line a ratings file may have.
const maxLine = 1 << 20

func readRatings(r io.Reader, format string, sep byte, header string) (*Ratings, error) {
	if r == nil {
		panic(ErrNil)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	fail := func(line int, reason string, args ...any) error {
		return &ParseError{Format: format, Line: line, Reason: fmt.Sprintf(reason, args...)}
	}
	var raw []rawRating
	seen := make(map[[2]int64]int)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if header != "" && line == 1 {
			if strings.TrimPrefix(text, "\ufeff") != header {
				return nil, fail(line, "header is %q, want %q", text, header)
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, string(sep))
		if len(fields) != 4 {
			return nil, fail(line, "%d fields, want 4 (user, item, rating, timestamp) separated by %q", len(fields), string(sep))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		user, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil || user < 0 {
			return nil, fail(line, "user id %q is not a non-negative integer", fields[0])
		}
		item, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil || item < 0 {
			return nil, fail(line, "item id %q is not a non-negative integer", fields[1])
		}
		value, err := strconv.ParseFloat(fields[2], 64)
		if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
			return nil, fail(line, "rating %q is not a finite number", fields[2])
		}
		if ts, err := strconv.ParseInt(fields[3], 10, 64); err != nil || ts < 0 {
			return nil, fail(line, "timestamp %q is not a non-negative integer", fields[3])
		}
		key := [2]int64{user, item}
		if first, dup := seen[key]; dup {
			return nil, fail(line, "duplicate rating of item %d by user %d (first on line %d)", item, user, first)
		}
		seen[key] = line
		raw = append(raw, rawRating{user: user, item: item, value: value, line: line})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fail(line+1, "line longer than %d bytes", maxLine)
		}
		return nil, fmt.Errorf("mf: reading %s after line %d: %w", format, line, err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%w: %s has no ratings", ErrEmpty, format)
	}
	userIDs := uniqueSorted(raw, func(x rawRating) int64 { return x.user })
	itemIDs := uniqueSorted(raw, func(x rawRating) int64 { return x.item })
	rs := make([]Rating, len(raw))
	for n, x := range raw {
		u, _ := slices.BinarySearch(userIDs, x.user)
		i, _ := slices.BinarySearch(itemIDs, x.item)
		rs[n] = Rating{User: u, Item: i, Value: x.value}
	}
	return &Ratings{users: len(userIDs), items: len(itemIDs), r: rs, userIDs: userIDs, itemIDs: itemIDs}, nil
}

func uniqueSorted(raw []rawRating, id func(rawRating) int64) []int64 {
	ids := make([]int64, len(raw))
	for n, x := range raw {
		ids[n] = id(x)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
