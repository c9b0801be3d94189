package dev.jobintel.store;

import java.sql.SQLException;

/**
 * The database server answered and refused the login: a wrong user or password, or no such
 * database. Unlike a server that cannot be reached, waiting does not help; a person must act.
 */
public final class LoginRefusedException extends StoreException {

    LoginRefusedException(String url, String username, boolean passwordGiven, SQLException cause) {
        super("cannot log in to " + url + (username == null ? "" : " as " + username) + ": " + cause.getMessage()
                + " (the user comes from the URL's user parameter, database.username, or --to-user for the target of a "
                + "db copy; the password only from the environment variable "
                + Database.PASSWORD_VARIABLE + (passwordGiven ? "" : ", which is not set") + ")", cause);
    }

    /**
     * Whether the server refused this login: SQLSTATE class 28 (invalid authorization), 08004 (the
     * server rejected the connection, as when it asks for a password and none was given) or
     * 3D000 (no such database).
     */
    static boolean refused(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || state.equals("08004") || state.equals("3D000"));
    }
}
