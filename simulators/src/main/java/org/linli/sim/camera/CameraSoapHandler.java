package org.linli.sim.camera;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.onvif.Dom;
import org.linli.drivers.onvif.SecureXml;
import org.linli.drivers.onvif.SoapEnvelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Routes HTTP requests of one simulated camera: authentication first, then service path and operation. */
final class CameraSoapHandler implements HttpHandler {
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final SimulatedCamera camera;
    private final SimAuth auth;
    private final DeviceResponses device;
    private final MediaResponses media;
    private final SimEventService events;
    private final String topicPrefix;

    CameraSoapHandler(SimulatedCamera camera, SimAuth auth, DeviceResponses device, MediaResponses media,
            SimEventService events, String topicPrefix) {
        this.camera = camera;
        this.auth = auth;
        this.device = device;
        this.media = media;
        this.events = events;
        this.topicPrefix = topicPrefix;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals(CameraPaths.SNAPSHOT)) {
                snapshot(ex);
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "POST SOAP 1.2 here".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Document doc = SecureXml.parse(SecureXml.readCapped(ex.getRequestBody(), MAX_REQUEST_BYTES));
            Optional<Element> content = SoapEnvelope.bodyContent(doc);
            if (content.isEmpty()) {
                sendSoap(ex, SimAnswer.senderFault(SimSoap.invalidArgs("not a SOAP 1.2 envelope with a body")));
                return;
            }
            String op = content.get().getLocalName();
            if (!op.equals("GetSystemDateAndTime") && !authenticated(ex, doc)) {
                return;
            }
            sendSoap(ex, route(path, op, content.get()));
        } catch (DecodeException e) {
            sendSoap(ex, SimAnswer.senderFault(SimSoap.invalidArgs("refused request XML: " + e.reason().id())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers 401 (HTTP Digest/Basic modes) or a NotAuthorized fault (WS-Security mode) and returns false on failure. */
    private boolean authenticated(HttpExchange ex, Document doc) throws IOException {
        if (camera.options().authMode() == CameraSimOptions.AuthMode.HTTP_BASIC) {
            return basicAuthenticated(ex);
        }
        if (camera.options().authMode() == CameraSimOptions.AuthMode.HTTP_DIGEST) {
            if (auth.digestOk(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestMethod())) {
                return true;
            }
            ex.getResponseHeaders().add("WWW-Authenticate", auth.challenge());
            send(ex, 401, "text/html", "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        if (auth.wsSecurityOk(doc)) {
            return true;
        }
        sendSoap(ex, SimAnswer.senderFault(SimSoap.notAuthorized()));
        return false;
    }

    private SimAnswer route(String path, String op, Element request) throws InterruptedException {
        if (path.startsWith(CameraPaths.SUBSCRIPTION)) {
            String id = path.substring(CameraPaths.SUBSCRIPTION.length());
            if (!id.matches("\\d{1,9}")) {
                return new SimAnswer(404, SimSoap.resourceUnknown(path));
            }
            return events.onSubscription(Integer.parseInt(id), op, request);
        }
        String body = switch (path + "#" + op) {
            case CameraPaths.DEVICE + "#GetSystemDateAndTime" -> device.systemDateAndTime(camera.cameraNow());
            case CameraPaths.DEVICE + "#GetServices" -> device.services();
            case CameraPaths.DEVICE + "#GetCapabilities" -> device.capabilities();
            case CameraPaths.DEVICE + "#GetDeviceInformation" -> device.deviceInformation(camera.serialNumber());
            case CameraPaths.DEVICE + "#GetScopes" -> device.scopes();
            case CameraPaths.MEDIA + "#GetProfiles" -> media.profiles();
            case CameraPaths.MEDIA + "#GetVideoSources" -> media.videoSources();
            case CameraPaths.EVENTS + "#GetEventProperties" -> events.eventProperties();
            default -> null;
        };
        if (body != null) {
            return SimAnswer.ok(body, topicPrefix);
        }
        if (path.equals(CameraPaths.MEDIA) && (op.equals("GetSnapshotUri") || op.equals("GetStreamUri"))) {
            return mediaUri(op, request);
        }
        if (path.equals(CameraPaths.EVENTS) && op.equals("CreatePullPointSubscription")) {
            return events.create(request);
        }
        return SimAnswer.receiverFault(SimSoap.actionNotSupported(op));
    }

    private SimAnswer mediaUri(String op, Element request) {
        String token = Dom.pathText(request, "ProfileToken");
        if (!MediaResponses.knownProfile(token)) {
            return SimAnswer.senderFault(SimSoap.fault("s:Sender", "ter:InvalidArgVal", "No such profile: " + token,
                    ""));
        }
        String body = op.equals("GetSnapshotUri") ? media.snapshotUri(token) : media.streamUri(token, "127.0.0.1");
        return SimAnswer.ok(body, topicPrefix);
    }

    private boolean basicAuthenticated(HttpExchange ex) throws IOException {
        if (auth.basicOk(ex.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        ex.getResponseHeaders().add("WWW-Authenticate", auth.basicChallenge());
        send(ex, 401, "text/html", "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /** Snapshots need HTTP Digest in every mode but Basic, as on most real cameras; a Basic camera wants Basic. */
    private void snapshot(HttpExchange ex) throws IOException {
        if (camera.options().authMode() == CameraSimOptions.AuthMode.HTTP_BASIC) {
            if (basicAuthenticated(ex)) {
                send(ex, 200, "image/jpeg", camera.snapshotJpeg());
            }
            return;
        }
        if (!auth.digestOk(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestMethod())) {
            ex.getResponseHeaders().add("WWW-Authenticate", auth.challenge());
            send(ex, 401, "text/html", "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(ex, 200, "image/jpeg", camera.snapshotJpeg());
    }

    private static void sendSoap(HttpExchange ex, SimAnswer answer) throws IOException {
        send(ex, answer.status(), "application/soap+xml; charset=utf-8",
                answer.envelope().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
