package io.roxxane.provisioner.engine;

/** How a delete ended: deleted, or deliberately kept with the reason. */
public record DeleteResult(boolean removed, String note) {
    public static DeleteResult deleted() {
        return new DeleteResult(true, "");
    }

    public static DeleteResult kept(String reason) {
        return new DeleteResult(false, reason);
    }
}
