package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// dumpDuos adds the duos to an export, as stored.
func dumpDuos(tx *bolt.Tx, d *Dump) (err error) {
	b := tx.Bucket(bucketDuos)
	if b == nil {
		return nil
	}
	d.DuoSeq = b.Sequence()
	d.Duos, err = appendRaw(d.Duos, b)
	return err
}

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
	}
}

// importDuos loads the duos of a checked export, cleaning every text.
func importDuos(tx *bolt.Tx, d *Dump) error {
	if len(d.Duos) == 0 {
		return nil
	}
	b, err := tx.CreateBucketIfNotExists(bucketDuos)
	if err != nil {
		return err
	}
	last := d.DuoSeq
	for _, raw := range d.Duos {
		var duo board.Duo
		if err := json.Unmarshal(raw, &duo); err != nil {
			return err
		}
		duo.Clean()
		if err := putJSON(b, itob(duo.ID), duo); err != nil {
			return err
		}
		last = max(last, duo.ID)
	}
	return b.SetSequence(last)
}
