package kz.egov.workflow.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads CRLs and asks OCSP responders, over HTTP(S) or from a local file ({@code file:} addresses). */
public class RevocationFetcher {

  private final HttpClient http;
  private final Duration readTimeout;

  public RevocationFetcher(Duration connectTimeout, Duration readTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.readTimeout = readTimeout;
  }

  public byte[] get(String url, long maxBytes) throws IOException {
    URI uri = uri(url);
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      Path path = Path.of(uri);
      if (Files.size(path) > maxBytes) {
        throw new IOException(url + " is larger than " + maxBytes + " bytes");
      }
      return Files.readAllBytes(path);
    }
    return send(HttpRequest.newBuilder(uri).timeout(readTimeout).GET().build(), url, maxBytes);
  }

  public byte[] postOcsp(String url, byte[] request) throws IOException {
    HttpRequest post = HttpRequest.newBuilder(uri(url)).timeout(readTimeout)
        .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
    return send(post, url, 1024 * 1024);
  }

  private byte[] send(HttpRequest request, String url, long maxBytes) throws IOException {
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
          total += n;
          if (total > maxBytes) {
            throw new IOException(url + " sent more than " + maxBytes + " bytes");
          }
          out.write(buffer, 0, n);
        }
        return out.toByteArray();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + url, e);
    }
  }

  private static URI uri(String url) throws IOException {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
          || scheme.equalsIgnoreCase("file"))) {
        throw new IOException("unsupported address " + url + " (http, https or file only)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IOException("not an address: " + url, e);
    }
  }
}
