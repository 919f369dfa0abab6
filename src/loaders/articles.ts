/**
 * Content loader for the generated articles (content/articles/*.mdx).
 *
 * The ingest writes these files from a syntax tree and they hold only the project's own two components
 * (<S>, <Claim>) around plain text, so they are read with the MDX parser (micromark + mdxjs, via
 * src/lib/mdx.ts) straight into data and rendered by the pages' templates — one parse per changed file,
 * no JavaScript module per article. Anything else in a file (ESM, expressions, other JSX) is refused by
 * the parser with the file and line: a generated file that was edited by hand never runs code.
 * The ingest leaves the parsed form of each file it wrote in the cache (keyed by the file's sha256), so a
 * file the ingest just wrote is not parsed twice; any other file is parsed and added to it. Each entry of
 * the collection is that key; the site model (src/model.ts) reads the article from the cache.
 * A file whose size and modification time (ns) are those recorded with its entry is not even read: at
 * 10,000 articles reading and hashing every file took ~3 s of each rebuild, the stat 0.05 s.
 * After a complete pass the cache entries no entry of the collection names are removed: the loader is the
 * only one that knows every key in use (the store keeps the keys of the files it did not read).
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseArticle } from '../lib/mdx.ts';
import type { ArticleDocument } from '../lib/types.ts';
import { handOverParsed, parsedCacheDir, parsedKey, pruneParsed, readParsedByKey, writeParsedByKey } from '../pipeline/parsed-cache.ts';
import { articleSchema } from '../schemas/article.ts';

export interface ArticlesLoaderOptions {
  /** Absolute path of the folder of generated articles. */
  dir: string;
}

/** Stops the build on a file whose fields are not what the ingest writes (e.g. edited by hand). */
function checkArticle(doc: ArticleDocument, file: string): void {
  const checked = articleSchema.safeParse({ ...doc.frontMatter, paragraphs: doc.paragraphs });
  if (checked.success) return;
  const fields = checked.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`).join('; ');
  throw new Error(`${file} does not have the fields the ingest writes (${fields}). Regenerate it: delete it and run \`npm run ingest\` (or \`npm run ingest -- --force\`).`);
}

export function articlesLoader({ dir: folder }: ArticlesLoaderOptions): Loader {
  return {
    name: 'briefing:articles',
    load: async ({ store, parseData, generateDigest, logger, watcher, config }) => {
      const cache = parsedCacheDir(fileURLToPath(config.cacheDir));
      const dir = pathToFileURL(`${folder.replace(/\/?$/, '/')}`);
      let syncing = 0; // passes under way: the watcher starts one per event, and they may overlap
      const sync = async (): Promise<void> => {
        syncing += 1;
        try {
          await pass();
        } finally {
          syncing -= 1;
        }
        // Not after a refused file (the throw skips this), nor while another pass may hold a key it has not
        // stored yet. The store then names every key in use, those of files skipped unread included.
        if (syncing === 0) pruneParsed(cache, new Set(store.keys().map((id) => store.get(id)?.data.parsed as string)));
      };
      const pass = async (): Promise<void> => {
        const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
        const seen = new Set<string>();
        let parsed = 0;
        for (const file of files) {
          const id = file.slice(0, -'.mdx'.length);
          seen.add(id);
          const path = new URL(file, dir);
          const { size, mtimeNs } = statSync(path, { bigint: true });
          const stamp = `${size}:${mtimeNs}:`;
          const previous = store.get(id);
          if (previous?.digest?.toString().startsWith(stamp)) continue;
          const text = readFileSync(path, 'utf8');
          const digest = stamp + generateDigest(text);
          if (previous?.digest?.toString().endsWith(digest.slice(stamp.length))) {
            store.set({ ...previous, digest }); // the same text, written again
            continue;
          }
          const key = parsedKey(text);
          const cached = readParsedByKey(cache, key);
          const doc = cached ?? parseArticle(text, `content/articles/${file}`);
          checkArticle(doc, `content/articles/${file}`);
          if (!cached) writeParsedByKey(cache, key, doc);
          handOverParsed(key, doc);
          // The entry is only the key: Astro rewrites its whole data store on every build (src/content.config.ts).
          store.set({ id, data: await parseData({ id, data: { parsed: key } }), digest });
          parsed += 1;
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        logger.info(`${files.length} articles (${parsed} loaded, ${files.length - parsed} unchanged)`);
      };
      await sync();
      if (watcher) {
        const folder = fileURLToPath(dir);
        watcher.add(folder);
        const onChange = (path: string): void => {
          if (path.startsWith(folder) && path.endsWith('.mdx')) void sync();
        };
        watcher.on('add', onChange);
        watcher.on('change', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
