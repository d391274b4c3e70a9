/**
 * Privacy mechanisms that every other package relies on: the keyed pseudonym
 * ({@link fr.passerelle.privacy.HmacKey}), whose secret never enters the database, and the
 * disclosure thresholds ({@link fr.passerelle.privacy.Thresholds}) that decide which numbers may
 * leave the server.
 */
package fr.passerelle.privacy;
