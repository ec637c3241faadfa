import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens and resolves to the server's base URL (`http://127.0.0.1:54321`); port 0 picks a free one. */
export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

/** Closes the server on Ctrl-C or SIGTERM, then lets the process end. */
export function closeOnSignals(server: Server, onClose: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => {
        onClose();
        resolve();
      });
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
