/**
 * The per-person layer as stored: a record's steps ({@link fr.passerelle.person.Visit}), reading
 * records back ({@link fr.passerelle.person.PersonRecords}), what a set of records adds to or removes
 * from the live aggregates ({@link fr.passerelle.person.AggregateDelta}) and the writers' lock. Read
 * only by import, erasure, retention, key rotation and publication; no reader ever reaches it.
 */
package fr.passerelle.person;
