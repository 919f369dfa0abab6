import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.BASELINE_CONTENT_DIR ?? './content' }),
  schema: z.object({ title: z.string(), lang: z.enum(['ru', 'uk']), date: z.string(), event: z.string() }),
});

export const collections = { articles };
