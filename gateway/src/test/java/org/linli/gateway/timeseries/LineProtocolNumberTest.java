package org.linli.gateway.timeseries;

import com.influxdb.client.write.Point;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link LineProtocol#decimal} writes every double as influxdb-client's Point (NumberFormat) does. */
class LineProtocolNumberTest {

    private static String viaPoint(double v) {
        String line = Point.measurement("m").addField("f", v).time(1L, com.influxdb.client.domain.WritePrecision.MS)
                .toLineProtocol();
        return line.substring("m f=".length(), line.length() - " 1".length());
    }

    private static String ours(double v) {
        StringBuilder sb = new StringBuilder();
        LineProtocol.decimal(sb, v);
        return sb.toString();
    }

    @Test
    @DisplayName("200,000 doubles (random bits, and random values in the schema's ranges) format as Point formats them")
    void sameAsPoint() {
        // GIVEN random doubles: any bit pattern, and decimal values of every magnitude from 1e-9 to 1e12
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 100_000; i++) {
            double anyBits = Double.longBitsToDouble(random.nextLong());
            double scaled = Math.round(random.nextDouble(-1e6, 1e6)) / Math.pow(10, random.nextInt(0, 10))
                    * Math.pow(10, random.nextInt(-3, 7));
            for (double v : new double[]{anyBits, scaled}) {
                if (Double.isFinite(v)) {
                    // WHEN both format it THEN the text is the same
                    assertEquals(viaPoint(v), ours(v), "value bits " + Double.doubleToRawLongBits(v));
                }
            }
        }
    }
}
