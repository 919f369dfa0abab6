import { readFileSync, readdirSync } from 'node:fs';
import { normalizeForAnalysis, splitSentences } from './src/lib/text.ts';
import { parseSeed } from './src/lib/seed.ts';
const arts = readdirSync('seeds').map(f => parseSeed(f, readFileSync('seeds/'+f)).seed!);
const paras = arts.flatMap(a => a.paragraphs.map(p => p.text));
const sents = paras.flatMap(p => splitSentences(p, 'ru').map(s => s.text));
console.log(paras.length, sents.length);
const W = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
for (const [name, fn] of [
  ['split', () => { for (const p of paras) splitSentences(p + ' ', 'ru'); }],
  ['normalize', () => { for (const s of sents) normalizeForAnalysis(s + ' '); }],
  ['lower', () => { for (const s of sents) (s + ' ').toLowerCase(); }],
  ['nfc', () => { for (const s of sents) (s + ' ').normalize('NFC'); }],
  ['words', () => { for (const s of sents) (s + ' ').match(W); }],
] as const) {
  const t = performance.now();
  for (let r = 0; r < 300; r++) fn();
  console.log(name, (performance.now() - t).toFixed(0), 'ms');
}
