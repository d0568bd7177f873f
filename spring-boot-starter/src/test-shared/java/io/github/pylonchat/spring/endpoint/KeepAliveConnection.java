package io.github.pylonchat.spring.endpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection to a server on the loopback address that sends {@code GET} requests one
 * after the other over the same socket (reconnecting only when the server closes it), so that a
 * load test knows exactly how many connections it uses and spends little of the shared CPU on the
 * client side. Reads bodies by {@code Content-Length} or chunked.
 */
final class KeepAliveConnection implements Closeable {
  /** One answer: status, headers (names case-insensitive) and body as UTF-8 text. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    /** The first value of the header, or null. */
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveConnection(int port) {
    this.port = port;
  }

  /** {@code GET path} with the {@code Cookie} header {@code cookie} (none when null). */
  Answer get(String path, String cookie) throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = new BufferedOutputStream(socket.getOutputStream());
    }
    StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
        .append(port).append("\r\n");
    if (cookie != null) {
      request.append("Cookie: ").append(cookie).append("\r\n");
    }
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();

    String statusLine = readLine();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    Answer answer = new Answer(status, headers, new String(body(status, headers), StandardCharsets.UTF_8));
    if ("close".equalsIgnoreCase(answer.header("Connection"))) {
      close();
    }
    return answer;
  }

  private byte[] body(int status, Map<String, List<String>> headers) throws IOException {
    if (status == 204 || status == 304) {
      return new byte[0];
    }
    List<String> encoding = headers.get("Transfer-Encoding");
    if (encoding != null && encoding.contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(readLine().strip(), 16); size > 0; size = Integer.parseInt(readLine().strip(), 16)) {
        body.write(in.readNBytes(size));
        readLine();
      }
      readLine(); // the empty line after the last chunk (no trailers here)
      return body.toByteArray();
    }
    List<String> length = headers.get("Content-Length");
    return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.get(0)));
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
