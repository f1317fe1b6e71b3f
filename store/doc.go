// Package store keeps bord's data in one bbolt file: teams, boards and their
// items, an audit record for every change, and a change feed that tells
// subscribers (every open screen) when a board has a new version.
//
// The bucket schema, every bucket (name/) and key of the file; <...> is a
// key that varies. The names are in buckets.go, and TestSchemaTree fails when
// a filled file and this tree disagree:
//
//	meta/
//	  schema              -> uint64, the schema version (migrations run on Open)
//	teams/
//	  <team id>           -> board.Team as JSON
//	audit/                team-level changes (team created, member added) and speerpunten
//	  <seq>               -> Record as JSON
//	invites/              one-time codes to join a team
//	  <code hash>         -> invite as JSON (hex SHA-256 of the code)
//	duos/                 lesson-design duos across teams, made by the first one
//	  <duo id>            -> board.Duo as JSON (designs, visits, nagesprekken)
//	speerpunten/          the network's, shared by every team's board
//	  <speerpunt id>      -> board.Speerpunt as JSON (its Meta carries its version)
//	boards/
//	  <board id>/
//	    info              -> board.Info as JSON
//	    version           -> uint64, bumped by every change to the board
//	    checkin/
//	      <item id>       -> the item as JSON (its Meta carries its own version)
//	    success/
//	      <item id>       -> the item as JSON
//	    goal/
//	      <item id>       -> the item as JSON
//	    action/
//	      <item id>       -> the item as JSON
//	    planning/
//	      <item id>       -> the item as JSON
//	    parking/
//	      <item id>       -> the item as JSON
//	    audit/
//	      <seq>           -> Record as JSON
//	    meetings/         bordsessies, made by the first one
//	      <meeting id>    -> board.Meeting as JSON
//	    retros/           retrospectives, made by the first one
//	      <retro id>      -> board.Retro as JSON
//	    arenas/           leerlingarena's, made by the first one
//	      <arena id>      -> board.Arena as JSON
//	    plan/             plan years, made by the first phase set
//	      <year>          -> board.PlanYear as JSON
//
// Ids and sequence numbers are 8-byte big-endian, so keys sort numerically.
//
// Rules this package keeps: every change is one read-write transaction that
// validates, checks the version the user saw (edits and deletes), writes, and
// appends its audit record. Changes that commute (adding an item, a card, a
// note, a vote, a measurement) take no version; a stale edit is refused with
// a ConflictError naming who changed it, and a forced save writes only the
// fields its user changed. Every aggregate changes one way, an op applied in
// one transaction (ChangeItem, ChangeRetro, ChangeArena, ChangeMeeting). What
// was valid when an item was deleted stays valid for its undo. A change is
// acknowledged only after bbolt has
// committed it to disk (fsync stays on); subscribers are told after commit and
// never block a writer. Open checks an existing file read-only (bbolt's
// consistency check, that it is bord's, its schema) before writing a byte to
// it, and migrates it only when its schema is older; a damaged, foreign or
// newer file is refused unchanged. Ids never wrap (MaxID), and Import checks
// a whole export before writing any of it. A View (view.go) reaches only
// some teams, and with ForPerson the duos its person is in (duo_access.go):
// it is what a member's session gets. Backup, compaction into a
// fresh file (so deleted text leaves the file's bytes) and retention of arena
// notes (and of duo observations) are here too. It must never log or print
// item contents.
package store
