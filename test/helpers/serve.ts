/** A plain static file server for a built site, mounted under a base path (like any file server would). */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface Served {
  url: string;
  close(): Promise<void>;
  /** Every path requested, with its status: to check what a page loads. */
  log: { path: string; status: number; bytes: number }[];
}

export async function serve(root: string, base = '/'): Promise<Served> {
  const log: Served['log'] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: Buffer | string, type = 'text/plain') => {
      log.push({ path, status, bytes: Buffer.byteLength(body) });
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (!path.startsWith(base)) return send(404, 'not found');
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) return send(403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    log,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
