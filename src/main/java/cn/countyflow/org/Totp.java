package cn.countyflow.org;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits — what
 * authenticator apps (Google/Microsoft Authenticator, FreeOTP …) compute from a Base32 secret.
 */
public final class Totp {
    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret: 20 random bytes (160 bits, as RFC 4226 recommends), Base32 without padding. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    /** The code for the 30-second step that holds {@code at}. */
    public static String code(String base32Secret, Instant at) {
        return hotp(base32Decode(base32Secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), DIGITS);
    }

    /** Whether {@code code} is the code of the step at {@code at} or of one step before or after (clock drift). */
    public static boolean verify(String base32Secret, String code, Instant at) {
        if (code == null || !code.trim().matches("\\d{" + DIGITS + "}")) return false;
        byte[] key = base32Decode(base32Secret);
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        for (long s = step - 1; s <= step + 1; s++) {
            if (java.security.MessageDigest.isEqual(hotp(key, s, DIGITS).getBytes(), code.trim().getBytes())) return true;
        }
        return false;
    }

    /** The address authenticator apps read (as a QR code or typed): otpauth://totp/CountyFlow:user?secret=…. */
    public static String uri(String username, String base32Secret) {
        return "otpauth://totp/CountyFlow:" + username + "?secret=" + base32Secret + "&issuer=CountyFlow&digits="
                + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** RFC 4226: HMAC-SHA1 of the counter, dynamic truncation, the last {@code digits} decimal digits. */
    static String hotp(byte[] key, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    static byte[] base32Decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) throw new IllegalArgumentException("not Base32");
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
