package i18n

import (
	"fmt"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
)

// DuoMessages are the words of the duo screens (gezamenlijk lesontwerp and
// lesbezoek), the coordinator's overview and the duo report.
type DuoMessages struct {
	Duo, Duos, NoDuos, Coordinator, Partners, Left, Step, Stalled, LastVisit, NextVisit, ThisPeriod                              string
	Designs, NoDesign, Version, By, Changed, Visits, NoVisits, Visitor, Teacher, Tried, Copy                                     string
	Observations, NoObservations, Kijkvraag, Talk, Lessons, NoLessons, Action, Minutes, School, Time                             string
	NameMask, ObservationsDeleted, RemindF, CaptureHint, TalkModel, TalkOrder, Nothing, DiffNone                                 string
	NewDuo, FieldName, FieldPartnerF, HintPartner, NewDesign, EditDesign, Revise, PlanVisit, NewLesson                           string
	FieldDate, FieldDesign, HintPhases, HintDesign, AskPastF, AskDeleteDesign, AskDeleteInUse                                    string
	ErrTooFewPartners, ErrNotPartner, ErrDesignInUse, ErrNoTeam, ErrPartnerInTeam, ErrNoBoard, ErrNoDuoF, ErrPartnerF, ErrPhases string
	KeyDuos, KeyNewDesign, KeyRevise, KeyVersion, KeyCompare, KeyPlan, KeyCapture, KeyTalk, KeyLesson                            string
	KeyKijkvraag, KeyToAction, KeyOverview                                                                                       string
	Tabs                                                                                                                         [3]string
	Steps                                                                                                                        map[board.DuoStep]string
	Fields                                                                                                                       map[string]string
	TalkSteps                                                                                                                    map[string]string
}

// err words the duo's own errors; ok is false for any other.
func (d *DuoMessages) err(e error) (string, bool) {
	if s, ok := sentence(e, []wording{
		{board.ErrTooFewPartners, d.ErrTooFewPartners}, {board.ErrNotPartner, d.ErrNotPartner},
		{board.ErrDesignInUse, d.ErrDesignInUse}, {board.ErrNoTeam, d.ErrNoTeam}, {board.ErrPartnerInTeam, d.ErrPartnerInTeam},
	}); ok {
		return s, true
	}
	if v, ok := board.AsValidation(e); ok && v.Field == "partner" {
		return fmt.Sprintf(d.ErrPartnerF, v.Value), true
	}
	return "", false
}

// DuoLabels returns the words of a duo report.
func (m *Messages) DuoLabels() board.DuoLabels {
	d := &m.Duo
	return board.DuoLabels{
		Duo: d.Duo, Coordinator: d.Coordinator, Partners: d.Partners, Left: d.Left, Step: d.Step, Designs: d.Designs,
		Version: d.Version, By: d.By, Changed: d.Changed, Visits: d.Visits, Visitor: d.Visitor, Teacher: d.Teacher,
		Tried: d.Tried, Copy: d.Copy, Observations: d.Observations, Kijkvraag: d.Kijkvraag, Talk: d.Talk,
		Lessons: d.Lessons, Action: d.Action, Nothing: m.MdNothing, NameMask: m.NameMask,
		ObservationsDeleted: d.ObservationsDeleted, Minutes: d.Minutes, Steps: d.Steps, Fields: d.Fields, TalkSteps: d.TalkSteps,
	}
}

// DuoReport renders the duos in reach as markdown: the one whose name
// starts with name, or all of them for "". The CLI and the SSH server
// both export through it.
func (m *Messages) DuoReport(duos []board.Duo, name string, now time.Time) (string, error) {
	var parts []string
	for i := range duos {
		if name == "" || strings.HasPrefix(strings.ToLower(duos[i].Name), strings.ToLower(strings.TrimSpace(name))) {
			parts = append(parts, board.MarkdownDuo(&duos[i], m.DuoLabels(), now))
		}
	}
	if len(parts) == 0 {
		return "", fmt.Errorf(m.Duo.ErrNoDuoF, board.CleanLine(name, 60))
	}
	return strings.Join(parts, "\n"), nil
}
