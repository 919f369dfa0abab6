/**
 * Is dist/ already what a build would write? A make-style check for `npm run build`: the key covers
 * everything a build reads (content/, src/, public/, the Astro config, the lockfile and the BRIEFING_*
 * settings; the generated articles by size and modification time), and the stamp also records the file list of the output folder, so a deleted or added output
 * file forces a build. Nothing changed → the Astro build and the Pagefind index are skipped.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

export interface BuildPaths {
  root: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
}

export function buildPaths(root: string, env: NodeJS.ProcessEnv = process.env): BuildPaths {
  return {
    root,
    contentDir: resolve(root, env.BRIEFING_CONTENT_DIR ?? 'content'),
    outDir: resolve(root, env.BRIEFING_OUT_DIR ?? 'dist'),
    cacheDir: resolve(root, env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro'),
  };
}

/**
 * Every BRIEFING_* setting is an input of the build (a new one is, without anyone remembering to list it)
 * except these, which change how the build runs, not what it writes.
 */
const NOT_OUTPUT_SETTINGS = new Set([
  'BRIEFING_CACHE_DIR', 'BRIEFING_CONCURRENCY', 'BRIEFING_WORKERS', 'BRIEFING_SEEDS_DIR', 'BRIEFING_SLOW_TESTS',
  'BRIEFING_SITE_KEY', 'BRIEFING_SEARCH_INDEX_LATER',
]);
const settingsOf = (env: NodeJS.ProcessEnv): string[] =>
  Object.keys(env).filter((name) => name.startsWith('BRIEFING_') && !NOT_OUTPUT_SETTINGS.has(name)).sort();

/**
 * sha256 over every input of a build. `withoutArticles`: leave out the generated articles — the site key
 * of src/pipeline/reuse.ts, to which each article page adds its own values.
 */
export async function inputsKey(
  paths: BuildPaths,
  env: NodeJS.ProcessEnv = process.env,
  { withoutArticles = false } = {},
): Promise<string> {
  const hash = createHash('sha256');
  for (const name of settingsOf(env)) hash.update(`${name}=${env[name] ?? ''}\0`);
  const articles = join(paths.contentDir, 'articles');
  const inputs = [
    ...(await filesUnder(paths.contentDir)).filter((file) => !withoutArticles || !file.startsWith(articles + sep)),
    ...(await filesUnder(join(paths.root, 'src'))),
    ...(await filesUnder(join(paths.root, 'public'))),
    join(paths.root, 'astro.config.mjs'),
    join(paths.root, 'package-lock.json'),
  ];
  for (const file of inputs) {
    hash.update(`${relative(paths.root, file)}\0`);
    if (file.startsWith(articles + sep)) {
      // The generated articles (10,000 files: reading them took 1.2 s of every build) by size and
      // modification time, as make does; every tool that writes them (the ingest, an editor, git) sets it.
      const { size, mtimeNs } = statSync(file, { bigint: true, throwIfNoEntry: false }) ?? { size: -1n, mtimeNs: 0n };
      hash.update(`${size}:${mtimeNs}\0`);
    } else {
      hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
    }
  }
  return hash.digest('hex');
}

/**
 * The output folder as a list of files and sizes (hashed). scripts/build.ts makes it while the ingest runs,
 * which does not write there: for the 23,000 files of 10,000 articles it took ~0.8 s.
 */
export async function outputListing(outDir: string): Promise<string> {
  const files = await filesUnder(outDir);
  // Synchronous stats: for 14,000 files a twentieth of the time of as many promises.
  const sizes = files.map((f) => `${relative(outDir, f)}:${statSync(f).size}`);
  return createHash('sha256').update(sizes.join('\n')).digest('hex');
}

const stampPath = (paths: BuildPaths) => join(paths.cacheDir, 'briefing-build.json');

/**
 * The last build, as the output folder shows it: `outputAsLeft` — dist/ holds what that build finished
 * writing (whatever its inputs were); `upToDate` — and its inputs had this key. One listing of dist/ for both
 * (`output`: one made earlier, of the folder as it still is).
 */
export async function lastBuild(
  paths: BuildPaths,
  key: string,
  output: Promise<string> = outputListing(paths.outDir),
): Promise<{ upToDate: boolean; outputAsLeft: boolean }> {
  const stamp = await readStamp(paths);
  const outputAsLeft = stamp !== undefined && stamp.output === (await output);
  return { upToDate: outputAsLeft && stamp.key === key, outputAsLeft };
}

interface Stamp { key: string; output: string }

async function readStamp(paths: BuildPaths): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(stampPath(paths), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

export async function recordBuild(paths: BuildPaths, key: string): Promise<void> {
  await mkdir(paths.cacheDir, { recursive: true });
  await writeFile(stampPath(paths), JSON.stringify({ key, output: await outputListing(paths.outDir) }));
}

/** Every file below a folder, sorted (none if it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
