package org.linli.drivers.onvif;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XML from devices we do not trust. SOAP has no use for a DOCTYPE, so any DOCTYPE is refused outright:
 * that closes external entities (file/URL disclosure), billion laughs and DTD fetches in one rule. The other
 * settings are defence in depth in case a parser ignores that feature. Bodies are read with a cap so a camera
 * cannot make us buffer an endless answer.
 */
public final class SecureXml {
    /** Default cap on an ONVIF response body. Real answers are a few KiB; a GetProfiles with 16 profiles ~60 KiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** Reads at most maxBytes from in; one byte more fails with PAYLOAD_TOO_LARGE without reading the rest. */
    public static byte[] readCapped(InputStream in, int maxBytes) throws IOException, DecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new DecodeException(DecodeFailure.PAYLOAD_TOO_LARGE, "body exceeds " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    public static Document parse(byte[] xml) throws DecodeException {
        return parse(new InputSource(new ByteArrayInputStream(xml)));
    }

    public static Document parse(String xml) throws DecodeException {
        return parse(new InputSource(new StringReader(xml)));
    }

    private static Document parse(InputSource source) throws DecodeException {
        try {
            DocumentBuilder builder = newBuilder();
            return builder.parse(source);
        } catch (SAXException e) {
            String msg = String.valueOf(e.getMessage());
            DecodeFailure reason = looksHostile(msg) ? DecodeFailure.HOSTILE_XML : DecodeFailure.MALFORMED_XML;
            throw new DecodeException(reason, "XML refused: " + firstLine(msg), e);
        } catch (IOException e) {
            // With every external access disabled, an IOException here means something tried to resolve one.
            throw new DecodeException(DecodeFailure.HOSTILE_XML, "XML refused: external access attempted", e);
        }
    }

    private static DocumentBuilder newBuilder() throws DecodeException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // the factory is not guaranteed thread-safe; builders are cheap
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING); // also keeps "[Fatal Error]" lines off stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser cannot be configured securely", e);
        }
    }

    private static boolean looksHostile(String msg) {
        String m = msg.toLowerCase(Locale.ROOT);
        return m.contains("doctype") || m.contains("entity") || m.contains("jaxp0001") || m.contains("external");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "0");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "128");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("JDK XML parser lacks a required security feature", e);
        }
        return f;
    }
}
