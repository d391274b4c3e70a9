package fr.passerelle.ingest;

/** A record that cannot be imported; the message names what is wrong. */
public final class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String message) {
        super(message);
    }
}
