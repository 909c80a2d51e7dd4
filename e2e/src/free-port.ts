import { createServer } from 'node:net';

/**
 * Finds a TCP port on `host` that is free right now, by binding port 0 and closing the listener.
 * Another process could take the port before the caller binds it, so callers retry on EADDRINUSE.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`Binding port 0 on ${host} returned no TCP address.`));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
