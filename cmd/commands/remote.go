package commands

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
)

// remote is the tree served over SSH: the shared commands and a help that
// lists only them.
func remote(env *Env) *cobra.Command {
	run := func(_ *cobra.Command, f func(*Env) error) error { return f(env) }
	root := &cobra.Command{
		Use:           "bord",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { fmt.Fprintln(c.OutOrStdout(), env.Msg.ExecHelp) })
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return fmt.Errorf("%s\n%s", board.CleanLine(err.Error(), 200), env.Msg.ExecHelp)
	})
	root.SetHelpCommand(&cobra.Command{
		Use: "help",
		RunE: noArgs(run, func(c *cobra.Command, env *Env) error {
			_, err := fmt.Fprintln(c.OutOrStdout(), env.Msg.ExecHelp)
			return err
		}),
	})
	root.AddCommand(Export(run), Invite(run), Whoami(run))
	return root
}

// Remote reports whether name is a command served over SSH, so a log can
// name it (and only it: arguments are content).
func Remote(name string) bool {
	return slices.Contains([]string{"export", "invite", "whoami", "help"}, name)
}

// Run runs the words an SSH client sent as a command, writing to out and
// errOut; the error is for errOut and a non-zero exit.
func Run(env *Env, args []string, out, errOut io.Writer) error {
	if len(args) == 0 {
		return errors.New(env.Msg.NoPTY)
	}
	// Before cobra: it would read "rm -rf /" as flags of the root.
	if !Remote(args[0]) {
		return fmt.Errorf(env.Msg.UnknownCommandF, board.CleanLine(args[0], 40))
	}
	root := remote(env)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetIn(eofReader{})
	return root.Execute()
}

// eofReader: no command reads input; cobra must not reach the server's.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
