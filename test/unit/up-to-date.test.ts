/**
 * The build key covers every BRIEFING_* setting that changes the output, and none that only changes how it runs;
 * the last build's stamp says whether dist/ is as it left it.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPaths, inputsKey, lastBuild, outputListing, recordBuild } from '../../src/pipeline/up-to-date.ts';

const root = mkdtempSync(join(tmpdir(), 'briefing-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'content'), { recursive: true });
writeFileSync(join(root, 'content/components.yaml'), 'components: []\n');
const paths = buildPaths(root, {});
const key = (env: NodeJS.ProcessEnv) => inputsKey(paths, env);

describe('inputsKey', () => {
  it('changes with any output setting, including ones added later', async () => {
    const base = await key({});
    expect(await key({ BRIEFING_BASE: '/briefing/' })).not.toBe(base);
    expect(await key({ BRIEFING_SOURCES_PAGE_SIZE: '8' })).not.toBe(base);
    expect(await key({ BRIEFING_SOME_NEW_SETTING: 'x' })).not.toBe(base);
  });
  it('does not change with settings that only change how the build runs', async () => {
    const base = await key({});
    expect(await key({ BRIEFING_CONCURRENCY: '2', BRIEFING_WORKERS: '0', BRIEFING_CACHE_DIR: '/tmp/x', BRIEFING_SITE_KEY: 'k', PATH: '/bin' })).toBe(base);
  });
  it('changes with the content', async () => {
    const base = await key({});
    writeFileSync(join(root, 'content/components.yaml'), 'components: [] # edited\n');
    expect(await key({})).not.toBe(base);
  });
  it('changes when a generated article is written again, and leaves it out of the site key', async () => {
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'content/articles/a.mdx'), 'one');
    const base = await key({});
    const site = await inputsKey(paths, {}, { withoutArticles: true });
    writeFileSync(join(root, 'content/articles/a.mdx'), 'two');
    utimesSync(join(root, 'content/articles/a.mdx'), new Date(), new Date(Date.now() + 5000));
    expect(await key({})).not.toBe(base);
    expect(await inputsKey(paths, {}, { withoutArticles: true })).toBe(site);
  });
});

describe('lastBuild', () => {
  const built = { ...paths, outDir: join(root, 'dist'), cacheDir: join(root, 'cache') };
  it('is up to date with the key it recorded while dist/ holds the same files, and not after a file is added', async () => {
    mkdirSync(join(built.outDir, 'articles/a'), { recursive: true });
    writeFileSync(join(built.outDir, 'articles/a/index.html'), '<html></html>');
    await recordBuild(built, 'k1');
    expect(await lastBuild(built, 'k1')).toEqual({ upToDate: true, outputAsLeft: true });
    expect(await lastBuild(built, 'k2')).toEqual({ upToDate: false, outputAsLeft: true });
    const before = outputListing(built.outDir); // as the build lists dist/ while the ingest runs
    writeFileSync(join(built.outDir, 'stray.html'), 'x');
    expect(await lastBuild(built, 'k1')).toEqual({ upToDate: false, outputAsLeft: false });
    // Given a listing, it compares that one: the folder as it was when listed.
    expect(await lastBuild(built, 'k1', before)).toEqual({ upToDate: true, outputAsLeft: true });
  });
});
