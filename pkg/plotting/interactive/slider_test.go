package interactive_test

import (
	"testing"
	"time"

	"github.com/factorlab/factorlab/pkg/plotting"
	"github.com/factorlab/factorlab/pkg/plotting/interactive"
)

func TestSliderOutsideNotebook(t *testing.T) {
	calls := 0
	draw := func(int) (plotting.Drawer, error) { calls++; return nil, nil }
	if err := interactive.Slider("k", 1, 10, 5, time.Second, draw); err != nil || calls != 0 {
		t.Errorf("outside a notebook: err %v, %d draws; want nil and none", err, calls)
	}
	for _, bad := range [][3]int{{1, 10, 11}, {1, 10, 0}, {5, 4, 5}} {
		if err := interactive.Slider("k", bad[0], bad[1], bad[2], time.Second, draw); err == nil {
			t.Errorf("Slider(min %d, max %d, value %d): want an error", bad[0], bad[1], bad[2])
		}
	}
}
