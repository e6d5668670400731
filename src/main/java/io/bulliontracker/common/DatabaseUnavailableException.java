package io.bulliontracker.common;

/** The database did not answer in time or could not be reached: the client should retry later (503). */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
