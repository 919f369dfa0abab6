/**
 * Build a real site from fixture seeds: the same `scripts/build.ts` a user runs (ingest → astro build →
 * Pagefind), in a child process, with seeds, content, output and cache in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface FixtureSite {
  dir: string;
  seedsDir: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
}

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A fresh folder with the given seeds and the project's editor content (taxonomy, entities, events). */
export async function prepareSite(name: string, seedSources: string[], extraEvents: string[] = []): Promise<FixtureSite> {
  await mkdir(join(ROOT, 'test/.tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'test/.tmp', `${name}-`));
  const site: FixtureSite = {
    dir,
    seedsDir: join(dir, 'seeds'),
    contentDir: join(dir, 'content'),
    outDir: join(dir, 'dist'),
    cacheDir: join(dir, 'cache'),
  };
  await mkdir(site.seedsDir, { recursive: true });
  for (const source of seedSources) {
    const files = (await readdir(source)).filter((f) => f.endsWith('.txt'));
    for (const f of files) await cp(join(source, f), join(site.seedsDir, f));
  }
  await mkdir(join(site.contentDir, 'events'), { recursive: true });
  for (const f of ['components.yaml', 'entities.yaml']) await cp(join(ROOT, 'content', f), join(site.contentDir, f));
  await cp(join(ROOT, 'content/events'), join(site.contentDir, 'events'), { recursive: true });
  for (const source of extraEvents) await cp(source, join(site.contentDir, 'events'), { recursive: true });
  return site;
}

export function runScript(script: string, site: FixtureSite, args: string[] = [], env: Record<string, string> = {}): Promise<BuildRun> {
  return runNodeScript(join(ROOT, 'scripts', script), args, {
    CI: 'true',
    BRIEFING_SEEDS_DIR: site.seedsDir,
    BRIEFING_CONTENT_DIR: site.contentDir,
    BRIEFING_OUT_DIR: site.outDir,
    BRIEFING_CACHE_DIR: site.cacheDir,
    ...env,
  });
}

/** Run a script of the project with the pinned Node, in the project root, without vitest's environment. */
export function runNodeScript(path: string, args: string[], env: Record<string, string> = {}): Promise<BuildRun> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [path, ...args], {
      cwd: ROOT,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr, ms: performance.now() - started }));
  });
}

export const buildSite = (site: FixtureSite, base = '/', args: string[] = [], env: Record<string, string> = {}) =>
  runScript('build.ts', site, args, { BRIEFING_BASE: base, ...env });

/** The environment without what vitest adds to it (BASE_URL, MODE, NODE_ENV …), which would leak into Astro. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return env;
}
