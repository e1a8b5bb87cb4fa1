package kz.egov.workflow.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated browser tests only where Debian's Chromium and its chromedriver are installed
 * ({@code apt-get install chromium chromium-driver}; CI's .ci/run installs both); elsewhere they are skipped
 * with a message saying what is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
public @interface EnabledIfChromium {}
