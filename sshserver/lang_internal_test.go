package sshserver

import (
	"testing"

	"github.com/verbeterbord/bord/tui/i18n"
)

// OpenSSH sends LANG from SendEnv and again from SetEnv; the last one is
// what the user asked for.
func TestLangOf(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want i18n.Lang
	}{
		{nil, i18n.NL},
		{[]string{"LANG=en_GB.UTF-8"}, i18n.EN},
		{[]string{"LANG=C.UTF-8", "LANG=en_GB.UTF-8"}, i18n.EN},
		{[]string{"LANG=en_GB.UTF-8", "LANG=nl_NL.UTF-8"}, i18n.NL},
		{[]string{"LANG=en_GB.UTF-8", "LC_ALL=nl_NL.UTF-8"}, i18n.NL},
	} {
		if got := langOf(tc.env); got != tc.want {
			t.Errorf("langOf(%q) = %v, want %v", tc.env, got, tc.want)
		}
	}
}
