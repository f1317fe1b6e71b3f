package main

import (
	"errors"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/verbeterbord/bord/cmd/owner"
	"github.com/verbeterbord/bord/tui/i18n"
	gossh "golang.org/x/crypto/ssh"
)

// errNoOwner: nobody answers on the file's socket; whatever holds the
// file is no owner (a bord of an older version, bord compact of one).
var errNoOwner = errors.New("no owner on the socket")

// forward runs cmd in the owner of o.db, when one answers within wait,
// and returns forwarded with the owner's exit status.
func (o *options) forward(cmd *cobra.Command, args []string, msg *i18n.Messages, wait time.Duration) error {
	if o.held != nil || o.db == "" {
		return errNoOwner
	}
	path, err := owner.Socket(o.db)
	if err != nil {
		return errNoOwner
	}
	conn, err := owner.Dial(path, wait)
	if err != nil {
		return errNoOwner
	}
	words, err := forwardArgs(cmd, args, msg.Lang, o.user())
	if err != nil {
		conn.Close()
		return err
	}
	sess, done, err := dialSession(conn, o.user())
	if err != nil {
		return errNoOwner
	}
	defer done()
	sess.Stdout, sess.Stderr = cmd.Root().OutOrStdout(), cmd.Root().ErrOrStderr()
	err = sess.Run(shellQuote(words))
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return forwarded{0}
	case errors.As(err, &exit):
		return forwarded{exit.ExitStatus()}
	}
	return err
}

// forwardArgs are the words that run cmd with args in the owner: the
// command's path, the flags given (--db left out: the owner has its file;
// --lang and --as always, so the owner answers in this process's language
// and under its name) and the arguments. Files are named absolutely: the
// owner runs in another directory.
func forwardArgs(cmd *cobra.Command, args []string, lang i18n.Lang, user string) ([]string, error) {
	words := strings.Fields(cmd.CommandPath())[1:]
	words = append(words, "--lang="+string(lang), "--as="+user)
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "db" || f.Name == "lang" || f.Name == "as" {
			return
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if _, isFile := f.Annotations[cobra.BashCompFilenameExt]; isFile && v != "-" {
				if v, err = filepath.Abs(v); err != nil {
					return
				}
			}
			words = append(words, "--"+f.Name+"="+v)
		}
	})
	words = append(words, "--")
	for _, a := range args {
		if cmd.Annotations[fileArgs] != "" {
			if a, err = filepath.Abs(a); err != nil {
				return nil, err
			}
		}
		words = append(words, a)
	}
	return words, err
}

// fileArgs marks a command whose arguments are file names.
const fileArgs = "bord/file-args"

// fileCommand is a command on one FILE. It carries the fileArgs mark, so a
// later bord that forwards it to the owner sends the name absolute: the
// owner runs in another directory.
func fileCommand(use, short string, run func(*cobra.Command, []string) error) *cobra.Command {
	return &cobra.Command{
		Use:         use,
		Short:       short,
		Args:        cobra.ExactArgs(1),
		Annotations: map[string]string{fileArgs: "yes"},
		RunE:        run,
	}
}

// shellQuote joins words so that the server's split (POSIX shell words,
// as gliderlabs' Session.Command does it) gives them back unchanged.
func shellQuote(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}
