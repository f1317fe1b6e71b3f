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
