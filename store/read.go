package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// appendAll appends every JSON value of bucket b, in key order, to dst. A
// missing bucket (a board that never had an arena) adds nothing.
func appendAll[T any](dst []T, b *bolt.Bucket) ([]T, error) {
	return appendFrom(dst, b, nil)
}

// appendFrom is appendAll from key from on (nil: from the first).
func appendFrom[T any](dst []T, b *bolt.Bucket, from []byte) ([]T, error) {
	if b == nil {
		return dst, nil
	}
	c := b.Cursor()
	k, v := c.First()
	if from != nil {
		k, v = c.Seek(from)
	}
	for ; k != nil; k, v = c.Next() {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return dst, err
		}
		dst = append(dst, x)
	}
	return dst, nil
}

// appendRaw appends a copy of every value of bucket b, in key order, to
// dst: bbolt's slices are only valid inside the transaction.
func appendRaw(dst []json.RawMessage, b *bolt.Bucket) ([]json.RawMessage, error) {
	err := b.ForEach(func(_, v []byte) error {
		dst = append(dst, json.RawMessage(append([]byte(nil), v...)))
		return nil
	})
	return dst, err
}

// viewed is what read finds in one read-only transaction.
func viewed[T any](s *Store, read func(tx *bolt.Tx) (T, error)) (T, error) {
	var v T
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = read(tx)
		return err
	})
	return v, err
}

// nameTaken is ErrExists when a record of b, read as a T, is called name
// (in any case): teams and duos go by their names.
func nameTaken[T any](b *bolt.Bucket, name string, nameOf func(*T) string) error {
	return b.ForEach(func(_, v []byte) error {
		var other T
		if json.Unmarshal(v, &other) == nil && equalFold(nameOf(&other), name) {
			return ErrExists
		}
		return nil
	})
}
