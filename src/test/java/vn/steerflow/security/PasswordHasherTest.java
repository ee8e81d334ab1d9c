package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final String PASSWORD = "Demo@steerflow2026";

  @Test
  void theStoredHashIsPbkdf2HmacSha256WithItsIterationCountAndARandomSalt() throws Exception {
    String stored = new PasswordHasher(600_000).hash(PASSWORD.toCharArray());

    assertThat(stored).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    String[] parts = stored.split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] hash = Base64.getDecoder().decode(parts[3]);
    assertThat(salt).hasSize(16);
    assertThat(hash).hasSize(32);
    // Recomputed independently: the stored hash is PBKDF2-HMAC-SHA256 of the password and salt at
    // the stored count, not something else that merely looks like it.
    byte[] expected =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 600_000, 256))
            .getEncoded();
    assertThat(hash).isEqualTo(expected);

    assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), stored)).isTrue();
    assertThat(PasswordHasher.verify("Demo@steerflow2027".toCharArray(), stored)).isFalse();
    // A per-member salt: the same password never hashes the same twice.
    assertThat(new PasswordHasher(600_000).hash(PASSWORD.toCharArray()).split("\\$")[2])
        .isNotEqualTo(parts[2]);
  }

  @Test
  void theConfiguredIterationCountIsAtLeastOwasps600000() throws IOException {
    Properties config = new Properties();
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/microprofile-config.properties")) {
      config.load(in);
    }
    assertThat(Integer.parseInt(config.getProperty("steerflow.password.iterations")))
        .isGreaterThanOrEqualTo(600_000);
  }

  @Test
  void aHashStoredWithAnotherCountStillVerifiesAndTheUnusableMarkerNeverDoes() {
    String older = new PasswordHasher(1_000).hash(PASSWORD.toCharArray());
    assertThat(older).startsWith("pbkdf2-sha256$1000$");
    assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), older)).isTrue();

    assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), PasswordHasher.UNUSABLE)).isFalse();
    assertThat(PasswordHasher.verify("".toCharArray(), PasswordHasher.UNUSABLE)).isFalse();
    assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), null)).isFalse();
  }
}
