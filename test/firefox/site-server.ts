// The fake amoCRM and Instagram under their real https URLs for a real Firefox. Content scripts'
// own fetches are not seen by WebDriver's request interception, so the browser talks to a local
// proxy instead: every CONNECT to a host we fake is answered by an HTTPS server with a throwaway
// self-signed certificate (accepted by that browser session only), every other host is refused, so
// nothing leaves the machine and no port or DNS setting of the machine is touched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeHandler } from '../fakes/http';

export interface SiteServer {
  /** The proxy's port on 127.0.0.1 (Firefox's `network.proxy.*` prefs point here). */
  port: number;
  /** `host:port` of every CONNECT that was refused (a host we do not fake). */
  refused: string[];
  /** `METHOD url status` of every request served. */
  served: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for the faked hosts, made with openssl in a temporary folder. */
export function selfSignedCertificate(hosts: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=Reglament test',
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'openssl is not installed (apt-get install openssl)' : `openssl failed: ${String(error)}`, {
      cause: error,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the proxy; `route(host)` names the fake answering a host, or null to refuse it. */
export async function startSiteServer(route: (host: string) => FakeHandler | null, hosts: string[]): Promise<SiteServer> {
  const refused: string[] = [];
  const served: string[] = [];
  const sockets = new Set<Socket>();

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const handler = route(host);
    const url = `https://${host}${req.url ?? '/'}`;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    try {
      const reply = handler
        ? await handler({
            method: req.method ?? 'GET',
            url,
            headers,
            body: chunks.length ? Buffer.concat(chunks).toString() : undefined,
          })
        : { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not faked' };
      served.push(`${req.method} ${url} ${reply.status}`);
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    } catch (error) {
      served.push(`${req.method} ${url} 500`);
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  };

  const tls = createHttpsServer(selfSignedCertificate(hosts), (req, res) => void answer(req, res));
  const proxy = createHttpServer((req, res) => {
    // Plain http through the proxy: nothing of ours speaks it.
    refused.push(req.url ?? '');
    res.writeHead(403).end();
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const [host, port] = target.split(':');
    if (port !== '443' || !host || !route(host)) {
      refused.push(target);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head);
      tls.emit('connection', socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    served,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}
