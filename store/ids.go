package store

import bolt "go.etcd.io/bbolt"

// nextID hands out the next id of bucket b. bbolt's counter would wrap from
// 2⁶⁴−1 to 0 and then hand out ids that exist, overwriting what they name;
// this refuses at MaxID instead.
func nextID(b *bolt.Bucket) (uint64, error) {
	if b.Sequence() >= MaxID {
		return 0, ErrIDsExhausted
	}
	return b.NextSequence()
}

// putNext stores v, a new record, under the next id of bucket b; setID
// gives v that id before it is written.
func putNext(b *bolt.Bucket, v any, setID func(uint64)) (uint64, error) {
	id, err := nextID(b)
	if err != nil {
		return 0, err
	}
	setID(id)
	return id, putJSON(b, itob(id), v)
}
