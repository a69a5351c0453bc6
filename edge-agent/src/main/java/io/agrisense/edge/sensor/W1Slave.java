package io.agrisense.edge.sensor;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text the Linux w1_therm driver returns from {@code w1_slave} for a DS18B20: the 9 scratchpad bytes with the
 * kernel's CRC verdict, then the same bytes with the temperature in millidegrees:
 * <pre>
 * 91 01 4b 46 7f ff 0c 10 b5 : crc=b5 YES
 * 91 01 4b 46 7f ff 0c 10 b5 t=25062
 * </pre>
 */
public final class W1Slave {

    private static final Pattern CRC_LINE =
            Pattern.compile("((?:[0-9a-f]{2} ){9}): crc=([0-9a-f]{2}) (YES|NO)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPERATURE_LINE =
            Pattern.compile("((?:[0-9a-f]{2} ){9})t=(-?\\d+)", Pattern.CASE_INSENSITIVE);
    /** 0x0550 = +85 °C, the temperature register's power-on reset value (DS18B20 datasheet table 1, note). */
    static final int POWER_ON_RESET_RAW = 0x0550;

    private W1Slave() {
    }

    /** Temperature in °C, after checking the file's structure, both CRC verdicts and the known failure patterns. */
    public static double celsius(String text, String label) throws SensorException {
        String[] lines = text.strip().split("\\R");
        if (lines.length < 2) {
            throw new SensorException(label + ": w1_slave has " + lines.length + " line(s), expected 2: '"
                    + text.strip() + "'");
        }
        Matcher crcLine = CRC_LINE.matcher(lines[0].strip());
        Matcher temperatureLine = TEMPERATURE_LINE.matcher(lines[1].strip());
        if (!crcLine.matches() || !temperatureLine.matches()) {
            throw new SensorException(label + ": w1_slave is not in the w1_therm format: '" + text.strip() + "'");
        }
        byte[] scratchpad = bytes(crcLine.group(1));
        if (!Arrays.equals(scratchpad, bytes(temperatureLine.group(1)))) {
            throw new SensorException(label + ": the two lines of w1_slave show different scratchpads");
        }
        if (crcLine.group(3).equalsIgnoreCase("NO")) {
            throw new SensorException(label + ": the kernel reports a CRC error (crc=" + crcLine.group(2)
                    + " NO): noise on the 1-Wire line, a long cable or a missing 4.7 kΩ pull-up");
        }
        int computed = DallasCrc8.crc(scratchpad, 0, 8);
        if (computed != (scratchpad[8] & 0xFF)) {
            throw new SensorException(String.format(Locale.ROOT, "%s: scratchpad CRC mismatch: byte 9 is 0x%02x, "
                    + "CRC-8 of bytes 1-8 is 0x%02x", label, scratchpad[8] & 0xFF, computed));
        }
        boolean allZero = true;
        for (byte b : scratchpad) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new SensorException(label + ": all-zero scratchpad (its CRC is 0 too): the data line is shorted to ground");
        }
        int raw = (short) (((scratchpad[1] & 0xFF) << 8) | (scratchpad[0] & 0xFF));
        if (raw == POWER_ON_RESET_RAW) {
            throw new SensorException(label + ": 85 °C power-on reset value: the conversion did not run "
                    + "(insufficient power, check VDD or the parasite-power pull-up)");
        }
        double fromScratchpad = fromRaw(raw, scratchpad[4]);
        double reported = Integer.parseInt(temperatureLine.group(2)) / 1000.0;
        if (Math.abs(reported - fromScratchpad) > 0.07) {
            throw new SensorException(String.format(Locale.ROOT, "%s: t=%s disagrees with the scratchpad (%.4f °C)",
                    label, temperatureLine.group(2), fromScratchpad));
        }
        return reported;
    }

    /**
     * Temperature register to °C: two's complement in 1/16 °C, with the low bits undefined at 9, 10 and 11-bit
     * resolution (datasheet "Operation - measuring temperature", configuration register R1 R0).
     */
    public static double fromRaw(int raw, byte configuration) {
        int resolution = 9 + ((configuration >> 5) & 0b11);
        int undefinedBits = 12 - resolution;
        int masked = (raw >> undefinedBits) << undefinedBits;
        return masked / 16.0;
    }

    /** The file text for a scratchpad, as w1_therm writes it; used by the simulated 1-Wire directory. */
    public static String render(byte[] scratchpad, boolean crcOk, int milliCelsius) {
        StringBuilder hex = new StringBuilder();
        for (byte b : scratchpad) {
            hex.append(String.format("%02x ", b & 0xFF));
        }
        return hex + ": crc=" + String.format("%02x", scratchpad[8] & 0xFF) + (crcOk ? " YES" : " NO") + "\n"
                + hex + "t=" + milliCelsius + "\n";
    }

    private static byte[] bytes(String group) {
        return HexFormat.of().parseHex(group.replace(" ", ""));
    }
}
