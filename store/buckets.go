package store

// Every bucket and fixed key of the file, in one place, so that the schema
// drawn in the package doc (doc.go) can be checked against them and a new
// bucket cannot be added without being seen. TestSchemaTree walks a filled
// file and fails when it and the doc disagree.
var (
	// Root buckets.
	bucketMeta    = []byte("meta")    // schema version
	bucketTeams   = []byte("teams")   // <team id> -> board.Team
	bucketBoards  = []byte("boards")  // <board id>/ -> one bucket per board
	bucketAudit   = []byte("audit")   // team-level audit, and each board's
	bucketInvites = []byte("invites") // <code hash> -> invite
	bucketDuos    = []byte("duos")    // <duo id> -> board.Duo
	// <speerpunt id> -> board.Speerpunt: the network's, above every team.
	bucketSpeerpunten = []byte("speerpunten")

	// Inside a board's bucket, besides one bucket per board.Area and audit.
	bucketMeetings = []byte("meetings")
	bucketRetros   = []byte("retros")
	bucketArenas   = []byte("arenas")
	bucketPlan     = []byte("plan") // <year> -> board.PlanYear

	// Fixed keys.
	keySchema  = []byte("schema")  // in meta
	keyInfo    = []byte("info")    // in a board's bucket
	keyVersion = []byte("version") // in a board's bucket
)

// rootBuckets are created in a new file, in one transaction with its schema.
var rootBuckets = [][]byte{bucketMeta, bucketTeams, bucketBoards, bucketAudit, bucketSpeerpunten}
