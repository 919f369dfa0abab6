/**
 * What a generated article (content/articles/*.mdx, written by `npm run ingest`) holds: its front matter
 * (src/lib/article.ts, ArticleRecord) plus its analysed paragraphs. The content loader checks every file it
 * reads against it, so a hand-edited file with a wrong field stops the build with the file and the field.
 */
import { z } from 'astro/zod';

const lang = z.enum(['ru', 'uk']);
const status = z.enum(['agreed', 'announced', 'draft', 'expected']);

export const articleSchema = z.object({
  id: z.string(),
  seed: z.string(),
  title: z.string(),
  titleSource: z.enum(['front-matter', 'derived']),
  date: z.string().nullable(),
  dateSource: z.enum(['front-matter', 'date-line', 'inferred']).nullable(),
  lang,
  langSource: z.enum(['front-matter', 'detected']),
  outlet: z.string().nullable(),
  outletSource: z.enum(['front-matter', 'inferred']).nullable(),
  url: z.string().nullable(),
  event: z.string().nullable(),
  kind: z.enum(['preview', 'draft', 'outcome']),
  overrides: z.object({ add: z.array(z.string()), remove: z.array(z.string()) }),
  sources: z.array(z.string()),
  dateHints: z.array(z.any()),
  features: z.any(),
  facts: z.any(),
  encoding: z.string(),
  seedHash: z.string(),
  textHash: z.string(),
  paragraphs: z.array(
    z.object({
      line: z.number(),
      sentences: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          trailing: z.string().optional(),
          components: z.array(z.string()),
          status: status.optional(),
        }),
      ),
    }),
  ),
});
