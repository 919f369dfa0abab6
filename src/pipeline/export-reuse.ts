/**
 * The previous build's `data/events.json`, reused an event at a time. An event's piece of the export (its
 * JSON text) depends only on the event — everything it holds is in its digest (`eventDigest`, src/model.ts) —
 * and on the code (the site key), so when both are unchanged, its bytes are copied from the previous file
 * instead of serialised and encoded again. At 10,000 articles the export is ~75 MB, and making it again took
 * ~1.4 s of each rebuild's one rendering thread.
 *
 * The previous file is set aside with the reused pages (src/pipeline/reuse.ts, only after a whole build); an
 * index in the cache gives each event's bytes in it, written when an export is complete. Anything that does
 * not match (another site key, a file of another size) reuses nothing.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportPiece } from '../lib/export.ts';
import { EXPORT_PATH, readJson, reuseDir } from './reuse.ts';

const indexFile = (cacheDir: string) => join(cacheDir, 'briefing-export.json');

interface ExportIndex {
  siteKey: string;
  /** The size of the export file the pieces are in. */
  size: number;
  /** Each event's piece, by the event's digest. */
  pieces: Record<string, [offset: number, length: number]>;
  /** How many pieces that export copied from the one before (for the tests and the curious). */
  reused: number;
}

export interface ExportReuse {
  /** The bytes the previous export had for the event with this digest, or undefined. */
  reused(digest: string): Uint8Array | undefined;
  /** This export wrote the piece of the event with this digest: `length` bytes at `offset`. */
  record(digest: string, offset: number, length: number): void;
  /** This export is complete (`size` bytes): its index is written for the next build. */
  save(size: number): void;
}

export function exportReuse(cacheDir: string, siteKey: string): ExportReuse {
  const previousFile = join(reuseDir(cacheDir), EXPORT_PATH);
  const previous = readJson<ExportIndex>(indexFile(cacheDir));
  rmSync(indexFile(cacheDir), { force: true }); // until this export is complete
  const usable = previous?.siteKey === siteKey && existsSync(previousFile) && statSync(previousFile).size === previous.size;
  let fd = usable ? openSync(previousFile, 'r') : undefined;
  const pieces: ExportIndex['pieces'] = {};
  let reused = 0;
  return {
    reused(digest) {
      const at = fd === undefined ? undefined : previous!.pieces[digest];
      if (at === undefined) return undefined;
      const bytes = Buffer.allocUnsafe(at[1]);
      if (readSync(fd!, bytes, 0, at[1], at[0]) !== at[1]) return undefined;
      reused += 1;
      return bytes;
    },
    record(digest, offset, length) {
      pieces[digest] = [offset, length];
    },
    save(size) {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      writeFileSync(indexFile(cacheDir), JSON.stringify({ siteKey, size, pieces, reused } satisfies ExportIndex));
    },
  };
}

/**
 * The export's bytes, from its pieces (src/lib/export.ts); with `reuse`, each event's piece is recorded where
 * it lands, and the index saved once the last piece is out. `digestOf`: an event's digest.
 */
export function* exportBytes(
  pieces: Iterable<ExportPiece>,
  reuse: ExportReuse | undefined,
  digestOf: (event: NonNullable<ExportPiece['event']>) => string,
): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let size = 0;
  for (const { text, event } of pieces) {
    const bytes = typeof text === 'string' ? encoder.encode(text) : text;
    if (event && reuse) reuse.record(digestOf(event), size, bytes.length);
    size += bytes.length;
    yield bytes;
  }
  reuse?.save(size);
}
