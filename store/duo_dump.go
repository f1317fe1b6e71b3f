package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// stripObservations leaves the raw observations of every visit out of an
// export that may leave the school, as ExportWithoutNotes does with arena
// notes: what was seen in a class may hold a pupil's name.
func stripObservations(d *Dump, now time.Time) error {
	for i, raw := range d.Duos {
		var duo board.Duo
		if err := json.Unmarshal(raw, &duo); err != nil {
			return err
		}
		for j := range duo.Visits {
			if v := &duo.Visits[j]; len(v.Observations) > 0 {
				v.Observations, v.ObservationsDeleted = nil, now
			}
		}
		var err error
		if d.Duos[i], err = json.Marshal(duo); err != nil {
			return err
		}
	}
	return nil
}

// checkDuos checks the duos of an export: readable, ids in range and
// unique, and a coordinating team that is in the export.
func (c *dumpCheck) duos(d *Dump, teams map[uint64]bool) {
	if len(d.Duos) > 0 {
		c.seq("duo_seq", d.DuoSeq)
	}
	seen := map[uint64]bool{}
	for i, raw := range d.Duos {
		path := fmt.Sprintf("duos[%d]", i)
		var duo board.Duo
		if err := json.Unmarshal(raw, &duo); err != nil {
			c.add(path, DumpUnknown, err)
			continue
		}
		c.id(path+".id", duo.ID, seen)
		if !teams[duo.TeamID] {
			c.add(path+".team_id", DumpMissing, duo.TeamID)
		}
		for j, p := range duo.Partners {
			if p.TeamID != 0 && !teams[p.TeamID] {
				c.add(fmt.Sprintf("%s.partners[%d].team_id", path, j), DumpMissing, p.TeamID)
			}
		}
		// Designs, visits, observations and lessons share the duo's one
		// counter: every id unique and below it, or the next one made
		// would take an id in use (and edit or delete both).
		inner := map[uint64]bool{}
		check := func(p string, id uint64) {
			c.id(p, id, inner)
			c.below(p, id, duo.NextID)
		}
		for j, ds := range duo.Designs {
			check(fmt.Sprintf("%s.designs[%d].id", path, j), ds.ID)
		}
		for j, v := range duo.Visits {
			vp := fmt.Sprintf("%s.visits[%d]", path, j)
			check(vp+".id", v.ID)
			for k, o := range v.Observations {
				check(fmt.Sprintf("%s.observations[%d].id", vp, k), o.ID)
			}
			for k, l := range v.Lessons {
				check(fmt.Sprintf("%s.lessons[%d].id", vp, k), l.ID)
			}
		}
	}
}

// importDuos loads the duos of a checked export, cleaning every text.
func importDuos(tx *bolt.Tx, d *Dump) error {
	if len(d.Duos) == 0 {
		return nil
	}
	return putRaised(tx, bucketDuos, d.Duos, d.DuoSeq, (*board.Duo).Clean, func(duo *board.Duo) uint64 { return duo.ID })
}
