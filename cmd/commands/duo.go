package commands

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// exportDuo writes the duos in reach (the one whose name starts with name)
// as markdown: designs with their versions, visits, nagesprekken and
// lessen, with no pupil name.
func exportDuo(w io.Writer, env *Env, name string) error {
	duos, err := env.View.Duos()
	if err != nil {
		return err
	}
	out, err := env.Msg.DuoReport(duos, name, env.Now())
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// inviteDuo prints a one-time code that lets a new key into one duo as
// partner, and into nothing else.
func inviteDuo(w io.Writer, env *Env, name, partner string, ttl time.Duration) error {
	if ttl <= 0 || ttl > MaxInviteTTL {
		return badTTL(env.Msg.Lang, ttl)
	}
	duos, err := env.View.Duos()
	if err != nil {
		return err
	}
	for _, d := range duos {
		if strings.EqualFold(d.Name, strings.TrimSpace(name)) {
			code, exp, err := env.View.CreateDuoInvite(env.Who.Name, d.ID, partner, ttl)
			if err != nil {
				return fmt.Errorf("%s", env.Msg.Err(err))
			}
			_, err = fmt.Fprintf(w, "%s\n"+validUntilF(env.Msg.Lang)+"\n", code, d.Name, exp.Format("2006-01-02 15:04"))
			return err
		}
	}
	return fmt.Errorf(env.Msg.Duo.ErrNoDuoF, board.CleanLine(name, 60))
}

// Person is the view of one member over SSH: their teams, as Teams, and
// the duos they open as partner or coordinator, also across teams.
func Person(s *store.Store, id store.Identity) View {
	v := Teams(s, id.Teams).(teamsView)
	v.person = s.ForPerson(id)
	return v
}

// Duos are the duos in reach: all on the command line, the person's over
// SSH, none for a view of teams alone.
func (v teamsView) Duos() ([]board.Duo, error) {
	switch {
	case v.only == nil:
		return v.s.Duos()
	case v.person == nil:
		return nil, nil
	}
	return v.person.Duos()
}

func (v teamsView) CreateDuoInvite(by string, duoID uint64, partner string, ttl time.Duration) (string, time.Time, error) {
	if v.only == nil {
		return v.s.CreateDuoInvite(by, duoID, partner, ttl)
	}
	if v.person == nil {
		return "", time.Time{}, store.ErrNotFound
	}
	return v.person.CreateDuoInvite(by, duoID, partner, ttl)
}
