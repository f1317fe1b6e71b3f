package store

import (
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// DemoDuo names the duo CreateDemo makes.
const DemoDuo = "Duo De Regenboog / Het Palet"

// demoDuo adds a duo mid-cycle to the demo, coordinated by the actor: two
// teachers of two schools outside the file (they would join by a duo
// invite), a design in its second version after one visit with its
// nagesprek and lessen, and the next visit planned. The history is applied
// op by op at the days it would have happened, so it is a duo the rules
// could have made.
func (s *Store) demoDuo(tx *bolt.Tx, actor string, teamID uint64) error {
	now := s.now()
	day := func(n int, h, m int) time.Time {
		return board.Day(now).AddDate(0, 0, n).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	d, err := board.NewDuo(DemoDuo, teamID, actor, []board.Partner{{Name: "Lotte", School: "De Regenboog"}, {Name: "Mehmet", School: "Het Palet"}}, day(-28, 9, 0))
	if err != nil {
		return err
	}
	design := board.DesignVersion{Group: "groep 6", Subject: "rekenen: breuken vergelijken",
		Goal:      "Leerlingen kunnen twee breuken vergelijken en uitleggen welke groter is.",
		Criteria:  "Ik kan met een strook laten zien welke breuk groter is.\nIk kan het uitleggen aan mijn maatje.",
		Start:     "De meeste leerlingen kennen halven en kwarten; vergelijken met ongelijke noemers is nieuw.",
		Phases:    []board.LessonPhase{{Name: "terugblik en doel", Minutes: 5}, {Name: "instructie met stroken", Minutes: 15}, {Name: "inoefenen in tweetallen", Minutes: 20}, {Name: "afsluiting: exitticket", Minutes: 5}},
		Differ:    "Verlengde instructie aan de instructietafel; plusopdracht met drie breuken.",
		Check:     "Wisbordjes na de instructie; exitticket aan het eind.",
		Kijkvraag: "Welke leerlingen doen mee bij de check met wisbordjes, en wat doe ik als een deel het fout heeft?"}
	revised := design
	revised.Check = "Wisbordjes na de instructie, ook tussendoor bij het inoefenen; exitticket aan het eind."
	revised.Kijkvraag = "Hoe reageer ik op de wisbordjes: pas ik de uitleg aan voor wie het nog niet kan?"
	ops := []struct {
		by string
		at time.Time
		op board.DuoOp
	}{
		{"Lotte", day(-21, 15, 0), board.DuoOp{Kind: board.OpAddDesign, Design: design}},
		{"Mehmet", day(-20, 16, 0), board.DuoOp{Kind: board.OpPlanVisit, Visit: board.Visit{At: day(-14, 10, 30), Minutes: 20, Group: "groep 6", Teacher: "Lotte", Visitor: "Mehmet", Design: 1}}},
		{"Mehmet", day(-14, 10, 35), board.DuoOp{Kind: board.OpObserve, ID: 2, Text: "Bij de eerste check hielden bijna alle leerlingen hun wisbordje omhoog.", Kijkvraag: true}},
		{"Mehmet", day(-14, 10, 41), board.DuoOp{Kind: board.OpObserve, ID: 2, Text: "Bij de tweede check hadden zes leerlingen het fout; de uitleg ging verder zoals gepland.", Kijkvraag: true}},
		{"Mehmet", day(-14, 10, 47), board.DuoOp{Kind: board.OpObserve, ID: 2, Text: "Tweetallen gebruikten de stroken en legden het elkaar uit."}},
		{"Lotte", day(-14, 14, 0), board.DuoOp{Kind: board.OpTalk, ID: 2, Talk: board.Talk{
			Designer: "Ik wilde weten of iedereen meedoet bij de check. Ik had het gevoel dat ik niet wist wat ik met de foute antwoorden moest.",
			Saw:      "Ik zag bij de eerste check bijna iedereen meedoen; bij de tweede check zes foute bordjes, en je ging door met de uitleg.",
			Effect:   "De leerlingen die het fout hadden, gingen inoefenen zonder extra uitleg en raakten in het tweetal achter.",
			Try:      "Je kunt proberen na een foute check die leerlingen meteen aan de instructietafel te nemen."}}},
		{"Lotte", day(-14, 14, 20), board.DuoOp{Kind: board.OpAddLesson, ID: 2, Text: "Een check heeft pas zin als je er meteen op handelt."}},
		{"Mehmet", day(-14, 14, 22), board.DuoOp{Kind: board.OpAddLesson, ID: 2, Text: "Wisbordjes ook tussendoor, niet alleen na de instructie."}},
		{"Lotte", day(-10, 16, 0), board.DuoOp{Kind: board.OpReviseDesign, ID: 1, Design: revised, Seen: 1}},
		{"Lotte", day(-9, 16, 0), board.DuoOp{Kind: board.OpPlanVisit, Visit: board.Visit{At: day(10, 10, 30), Minutes: 20, Group: "groep 6", Teacher: "Lotte", Visitor: "Mehmet", Design: 1}}},
	}
	for _, o := range ops {
		if err := d.Apply(o.by, o.op, o.at); err != nil {
			return err
		}
	}
	b, err := tx.CreateBucketIfNotExists(bucketDuos)
	if err != nil {
		return err
	}
	if _, err := putNext(b, d, func(id uint64) { d.ID = id }); err != nil {
		return err
	}
	return s.audit(tx.Bucket(bucketAudit), Record{Actor: actor, Op: OpDuoCreate, TeamID: teamID, ItemID: d.ID, Label: d.Name})
}
