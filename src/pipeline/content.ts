/** The editor-owned content the ingest and the check read: component taxonomy, entity gazetteer, events. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';
import type { EditorContent } from '../lib/article.ts';
import { parseTaxonomy } from '../lib/components.ts';
import type { EventDef } from '../lib/events.ts';
import { parseEntities } from '../lib/names.ts';
import type { Problem } from '../lib/types.ts';

export interface LoadedEditorContent {
  content?: EditorContent;
  /** The files as read, so a worker thread can parse its own copy. */
  texts?: EditorTexts;
  problems: Problem[];
  /** Changes whenever anything the analysis depends on changes. */
  key: string;
}

export async function loadEditorContent(contentDir: string): Promise<LoadedEditorContent> {
  const problems: Problem[] = [];
  const read = async (name: string): Promise<string | undefined> => {
    try {
      return await readFile(join(contentDir, name), 'utf8');
    } catch {
      problems.push({ severity: 'error', file: `content/${name}`, message: 'is missing', hint: `restore content/${name} from the repository` });
      return undefined;
    }
  };
  const taxonomyText = await read('components.yaml');
  const entitiesText = await read('entities.yaml');
  const key = createHash('sha256').update(`${taxonomyText}\0${entitiesText}`).digest('hex');
  if (taxonomyText === undefined || entitiesText === undefined) return { problems, key };
  const taxonomy = parseTaxonomy(taxonomyText, 'content/components.yaml');
  const entities = parseEntities(entitiesText, 'content/entities.yaml');
  problems.push(...taxonomy.problems, ...entities.problems);
  if (!taxonomy.taxonomy || !entities.entities) return { problems, key };
  return { content: { taxonomy: taxonomy.taxonomy, entities: entities.entities }, texts: { taxonomyText, entitiesText }, problems, key };
}

export interface EditorTexts {
  taxonomyText: string;
  entitiesText: string;
}

/** Editor content from texts already known to be valid (a worker thread's copy). */
export function editorContentFrom(texts: EditorTexts): EditorContent {
  const taxonomy = parseTaxonomy(texts.taxonomyText, 'content/components.yaml').taxonomy;
  const entities = parseEntities(texts.entitiesText, 'content/entities.yaml').entities;
  if (!taxonomy || !entities) throw new Error('editor content changed while the ingest ran');
  return { taxonomy, entities };
}

/** Event definitions from content/events/*.mdx front matter (the body is the optional summary). */
export async function loadEventDefs(contentDir: string): Promise<{ events: EventDef[]; problems: Problem[] }> {
  const dir = join(contentDir, 'events');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
  const events: EventDef[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const data = match ? (YAML.parse(match[1]!) as Partial<EventDef> | null) : null;
    const slug = file.slice(0, -'.mdx'.length);
    if (!data?.title || !data.date || !data.place) {
      problems.push({
        severity: 'error',
        file: `content/events/${file}`,
        line: 1,
        message: 'needs front matter with title (en, ru, uk), date (YYYY-MM-DD) and place (en, ru, uk)',
        hint: 'copy the front matter of an existing event file and edit it',
      });
      continue;
    }
    events.push({ ...data, slug } as EventDef);
  }
  return { events, problems };
}
