// Package store keeps bord's data in one bbolt file: teams, boards and their
// items, an audit record for every change, and a change feed that tells
// subscribers (every open screen) when a board has a new version.
//
// The bucket schema:
//
//	meta/
//	  schema            -> uint64, the schema version (migrations run on Open)
//	teams/
//	  <team id>         -> board.Team as JSON
//	audit/              team-level changes (team created, member added)
//	  <seq>             -> Record as JSON
//	boards/
//	  <board id>/
//	    info            -> board.Info as JSON
//	    version         -> uint64, bumped by every change to the board
//	    checkin/ success/ goal/ action/ planning/ parking/
//	      <item id>     -> the item as JSON (its Meta carries its own version)
//	    audit/
//	      <seq>         -> Record as JSON
//
// Ids and sequence numbers are 8-byte big-endian, so keys sort numerically.
//
// Rules this package keeps: every change is one read-write transaction that
// validates, checks the version the user saw (edits and deletes), writes, and
// appends its audit record; a change is acknowledged only after bbolt has
// committed it to disk (fsync stays on); subscribers are told after commit and
// never block a writer. It must never log or print item contents.
package store
