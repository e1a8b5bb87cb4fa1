package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds a JSON request body before anything parses it: a declared {@code Content-Length} over the limit is
 * refused at once, a chunked body is read up to the limit and refused as soon as it passes it (413,
 * problem+json). A body within the limit is handed on from memory. Used for application submissions
 * ({@code egov.applications.limits.max-request-bytes}) and for engine-rest starts.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper json;

  RequestSizeLimit(long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !ApplicationLinks.BASE.equals(request.getRequestURI()
        .substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<byte[]> body = read(request, maxBytes);
    if (body.isEmpty()) {
      tooLarge(response, maxBytes, json);
      return;
    }
    chain.doFilter(new BufferedBody(request, body.get()), response);
  }

  /** The body, or empty when it is (or declares to be) longer than {@code maxBytes}. */
  static Optional<byte[]> read(HttpServletRequest request, long maxBytes) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      return Optional.empty();
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    try (InputStream in = request.getInputStream()) {
      byte[] chunk = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(chunk)) > 0) {
        total += n;
        if (total > maxBytes) {
          return Optional.empty();
        }
        buffer.write(chunk, 0, n);
      }
    }
    return Optional.of(buffer.toByteArray());
  }

  static void tooLarge(HttpServletResponse response, long maxBytes, ObjectMapper json) throws IOException {
    ProblemDetail problem = ApiErrors.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", List.of(
        "body: more than " + maxBytes + " bytes (" + (maxBytes >> 20) + " MiB); attachments are base64, a third"
            + " larger than their files"));
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType("application/problem+json");
    // the rest of an oversized body is not read: the connection is closed after the answer
    response.setHeader("Connection", "close");
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The request with its body read from memory. */
  public static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    public BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
          : Charset.forName(getCharacterEncoding());
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
