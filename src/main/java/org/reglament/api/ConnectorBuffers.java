package org.reglament.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The size of the buffer Tomcat writes a connection's answers through ({@code socket.appWriteBufSize}, 8 KiB unless
 * set): Tomcat hands the socket at most that much per write call, so an action-matrix answer of about 29 KB took four
 * write calls and as many wake-ups of the reader at the other end. With {@code reglament.api.socket-write-buffer-bytes}
 * above the answer's size it takes one. Issue 17, point 3 (decisions over HTTP on two cores, the load generator on the
 * same cores): docs/benchmarks.md, "Over HTTP", has what it saved. The buffer is per connection (in heap, kept with the
 * connection's other buffers for reuse), so a thousand idle keep-alive connections hold 32 MB at the default.
 */
@Component
public class ConnectorBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final int writeBufferBytes;

    public ConnectorBuffers(@Value("${reglament.api.socket-write-buffer-bytes}") int writeBufferBytes) {
        this.writeBufferBytes = writeBufferBytes;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(writeBufferBytes)));
    }
}
