/**
 * Where the site reads its content from. The build script and the tests point it elsewhere through the
 * environment (a fixture's content folder), so one code path builds every site.
 */
import { resolve } from 'node:path';

export const contentDir = resolve(process.env.BRIEFING_CONTENT_DIR ?? 'content');
