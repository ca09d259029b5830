package org.linli.gateway.mqtt;

/**
 * Why a connect failed, in one line an operator can act on. Paho wraps the interesting part (a refused certificate,
 * a refused password, a closed port) in a generic MqttException, so the message of the innermost cause is added.
 */
final class ConnectFailure {
    private ConnectFailure() {
    }

    static String describe(Throwable error) {
        String top = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == error) {
            return top;
        }
        String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return top.contains(rootText) ? top : top + " (" + rootText + ")";
    }
}
