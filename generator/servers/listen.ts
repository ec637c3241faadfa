import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SdkgenError } from '../errors.js';

/**
 * Listens and resolves to the server's base URL (`http://127.0.0.1:54321`); port 0 picks a free one.
 * A port in use or an address that cannot be bound rejects with an `SdkgenError` saying what to do.
 */
export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Node throws a RangeError with a stack for these; the user typed them.
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      reject(new SdkgenError(`--port must be a whole number from 0 to 65535, not ${port}`, { hint: 'pass --port 0 for a free one' }));
      return;
    }
    const fail = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new SdkgenError(`port ${port} on ${host} is in use`, { hint: 'stop what listens there, pass another --port, or --port 0 for a free one', cause: error });
    case 'EACCES':
    case 'EPERM':
      return new SdkgenError(`not allowed to listen on port ${port} on ${host} (${error.code})`, { hint: 'ports below 1024 need privileges: pass --port 1024 or above, or --port 0 for a free one', cause: error });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SdkgenError(`cannot listen on ${host}: no such address on this machine (${error.code})`, { hint: 'pass --host 127.0.0.1, or an address of one of this machine\'s interfaces', cause: error });
    default:
      return error;
  }
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
