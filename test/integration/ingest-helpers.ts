/** Shared by the ingest-, check-, hostile- and determinism- tests: fixture folders, snapshots, generated text. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArticle } from '../../src/lib/mdx.ts';
import type { IngestOptions } from '../../src/pipeline/ingest.ts';
import type { FixtureSite } from '../helpers/site.ts';

export interface FileState {
  sha: string;
  mtimeMs: number;
  size: number;
}

/** Every file under `dir` (recursively, relative paths) with its bytes' hash and its mtime. */
export async function snapshot(dir: string): Promise<Map<string, FileState>> {
  const out = new Map<string, FileState>();
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else {
        const s = await stat(path);
        out.set(relative(dir, path), { sha: createHash('sha256').update(await readFile(path)).digest('hex'), mtimeMs: s.mtimeMs, size: s.size });
      }
    }
  };
  await walk(dir);
  return out;
}

/** The files whose bytes or mtime differ between two snapshots, plus added and removed ones. */
export function changed(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => {
      const a = before.get(n);
      const b = after.get(n);
      return !a || !b || a.sha !== b.sha || a.mtimeMs !== b.mtimeMs;
    })
    .sort();
}

export const ingestOptions = (site: FixtureSite, extra: Partial<IngestOptions> = {}): IngestOptions => ({
  root: site.dir,
  seedsDir: site.seedsDir,
  contentDir: site.contentDir,
  ...extra,
});

export const writeSeed = (site: FixtureSite, name: string, data: string | Uint8Array) => writeFile(join(site.seedsDir, name), data);

/** The paragraphs of a generated article, read back with the site's own strict reader. */
export async function generatedParagraphs(site: FixtureSite, id: string): Promise<string[]> {
  const doc = parseArticle(await readFile(join(site.contentDir, 'articles', `${id}.mdx`), 'utf8'), `${id}.mdx`);
  return doc.paragraphs.map((p) => p.sentences.map((s) => s.text + (s.trailing ?? '')).join(''));
}

/** A short Russian article on the Paris summit, distinct per `tag`, dated unless `date` is null. */
export function article(tag: string, date: string | null = '2026-01-06'): string {
  const lead = `Союзники Украины договорились в Париже о многонациональных силах, сообщает Reuters (${tag}).`;
  return `${date ? ` date ${date} ` : ''}${lead}\nВторой абзац статьи ${tag}.\n`;
}
