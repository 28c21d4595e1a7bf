package lab

import (
	"os"
	"testing"
)

// SetLanguage lets the external tests choose the language of the verdicts.
// It returns the previous language.
var SetLanguage = setLanguage

// TestMain runs the tests in English, whatever FACTORLAB_LANG or GONB_DIR
// say; tests that check Korean switch to it and back.
func TestMain(m *testing.M) {
	setLanguage(English)
	os.Exit(m.Run())
}
