/**
 * `npm run dev` for real: scripts/dev.ts on a free port with a fixture's seeds; editing a seed and adding
 * one must show up on the served pages (the ingest re-runs, the content loader picks up the file).
 * Polls over HTTP until the text appears (bounded by the test timeout, no timed assertion).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSite, ROOT } from '../helpers/site.ts';
import { changed, snapshot, writeSeed } from './ingest-helpers.ts';

let child: ChildProcess | undefined;
let output = '';

afterAll(() => {
  // The dev server runs in its own process group: end it and anything it started.
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === 'object' && address ? address.port : 0;
}

/** What vitest adds to the environment (BASE_URL, MODE, VITEST …) would leak into Astro's Vite. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return env;
}

async function pollFor(url: string, text: string): Promise<string> {
  // A guard against hanging, not a timing assertion: fail with the server's log instead of a bare timeout.
  const giveUp = Date.now() + 90_000;
  for (;;) {
    if (child?.exitCode !== null) throw new Error(`dev server exited:\n${output}`);
    if (Date.now() > giveUp) throw new Error(`"${text}" never appeared at ${url}; dev server log:\n${output}`);
    const body = await fetch(url).then((r) => (r.ok ? r.text() : ''), () => '');
    if (body.includes(text)) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('npm run dev', () => {
  it('re-ingests when a seed changes or is added, and serves the new text', async () => {
    const site = await prepareSite('ingest-dev', [join(ROOT, 'seeds')]);
    const port = await freePort();
    child = spawn(process.execPath, [join(ROOT, 'scripts/dev.ts'), '--port', String(port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...cleanEnv(), CI: 'true', BRIEFING_SEEDS_DIR: site.seedsDir, BRIEFING_CONTENT_DIR: site.contentDir, BRIEFING_CACHE_DIR: site.cacheDir },
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    const id = '000_4e4c541c79a5c744';
    const seed = join(site.seedsDir, `${id}.txt`);
    await pollFor(`${base}/articles/${id}/`, '<article');

    await writeFile(seed, `${await readFile(seed, 'utf8')}Новый абзац от редактора: маркер-ЖЖ17.\n`);
    await pollFor(`${base}/articles/${id}/`, 'маркер-ЖЖ17');
    const seedsAfterEdit = await snapshot(site.seedsDir);

    await writeSeed(site, 'new-seed.txt', ' date 2026-01-06 Совсем новая статья о Париже: маркер-ЖЖ18.\n');
    await pollFor(`${base}/articles/new-seed/`, 'маркер-ЖЖ18');
    expect(output).toMatch(/ingest \(seeds\/000_4e4c541c79a5c744\.txt changed\): 1 written/);
    // The dev server and its ingest wrote nothing into seeds/ (only the test's own new file appeared).
    expect(changed(seedsAfterEdit, await snapshot(site.seedsDir))).toEqual(['new-seed.txt']);
  }, 150_000);
});
