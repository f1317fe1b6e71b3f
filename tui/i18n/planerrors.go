package i18n

import (
	"errors"
	"fmt"

	"github.com/verbeterbord/bord/board"
)

// planErr words the errors of the plan (speerpunten, measurements, BKA
// phases), each saying what to do; ok is false for any other error. Err
// asks it first, so every screen and command words them the same way.
func (m *Messages) planErr(err error) (string, bool) {
	t := translator(m.Lang)
	var pe *board.OutsidePeriodError
	var pc *board.PhaseConflictError
	switch {
	case errors.As(err, &pe):
		return fmt.Sprintf(t("De datum %s ligt buiten de planperiode %d–%d van het speerpunt. Kies een datum in die jaren of pas de planperiode aan.",
			"The date %s is outside the speerpunt's plan period %d–%d. Choose a date in those years or change the plan period."),
			pe.Date.Format("2006-01-02"), pe.FromYear, pe.ToYear), true
	case errors.As(err, &pc):
		who := ""
		if n := len(pc.Current.History); n > 0 {
			who = pc.Current.History[n-1].By
		}
		return fmt.Sprintf(t("%s zette %d net op BKA%d. Kijk of je de fase nog wilt wijzigen.",
			"%s just set %d to BKA%d. See whether you still want to change the phase."), who, pc.Current.Year, pc.Current.Phase), true
	case errors.Is(err, board.ErrSharedSpeerpunt):
		return t("Ook andere teams hebben doelen onder dit speerpunt; overleg met hen of met wie het ondersteuningsplan beheert.",
			"Other teams have goals under this speerpunt too; agree with them, or with whoever keeps the support plan."), true
	case errors.Is(err, board.ErrNotANumber):
		return t("Dat is geen getal. Schrijf bijvoorbeeld 3,5 of 1250.", "That is not a number. Write for example 3.5 or 1250."), true
	}
	return "", false
}
