package io.agrisense.edge.command;

/** A command that cannot be carried out; the message goes back to the operator as the reply's reason. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
