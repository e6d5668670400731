package io.bulliontracker.refresh;

/** A refresh is already running, on this replica or on another one (it holds the advisory lock). */
public class RefreshBusyException extends RuntimeException {

    public RefreshBusyException(String message) {
        super(message, null, false, false);
    }
}
