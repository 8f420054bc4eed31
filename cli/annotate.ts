/** `nexus-lens annotate`: the extension's reading pipeline on saved pages, folders and URLs. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle, extractPlainText, type ExtractedArticle } from '../lib/article/extract';
import type { SentenceMatch, TopicVerdict } from '../lib/article/types';
import { compileIndex } from '../lib/claims/compile';
import { createEngine } from '../lib/claims/engine';
import { loadDatabaseFor } from './database';
import type { ClaimDatabase } from '../lib/claims/types';

/** One input's result, as `--json` prints it (documented in README.md; keep it stable). */
export interface AnnotationResult {
  file: string;
  title: string;
  topic: TopicVerdict;
  matches: { sentence: string; start: number; end: number; claimId: string; claim: string; stance: SentenceMatch['stance']; score: number }[];
}

/** Longest a URL fetch may take (ms). */
const FETCH_TIMEOUT_MS = 20_000;
const ARTICLE_EXTENSIONS = new Set(['.html', '.htm', '.txt']);

/** Expands folders into their article files (sorted, recursive); other inputs pass through. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = !/^https?:\/\//.test(input) && statSync(input).isDirectory();
    } catch {
      isDir = false; // a missing path is reported when it is read
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    for (const name of readdirSync(input).sort()) {
      const path = join(input, name);
      if (statSync(path).isDirectory()) out.push(...expandInputs([path]));
      else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(path);
    }
  }
  return out;
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype html|html|body|article|p|div)[\s>]/i.test(text.slice(0, 5_000));
}

/** Reads one input into an article, or throws an Error with a message fit for the user. */
export async function readInput(input: string, fetchFn: typeof fetch = fetch): Promise<ExtractedArticle> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetchFn(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (error) {
      throw new Error(`cannot reach ${input}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new Error(`${input} answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (type.includes('text/plain')) return extractPlainText(body);
    if (!type.includes('html') && !looksLikeHtml(body)) throw new Error(`${input} is not an HTML page (${type || 'no content type'})`);
    return extractArticle(parseHTML(body).document as unknown as Document, { consume: true });
  }
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no such file: ${input}` : `cannot read ${input}: ${code ?? String(error)}`);
  }
  const ext = extname(input).toLowerCase();
  if (ext === '.txt') return extractPlainText(text);
  if (text.includes('\u0000')) throw new Error(`${input} is not a text or HTML file`);
  if (ext === '.html' || ext === '.htm' || looksLikeHtml(text)) {
    return extractArticle(parseHTML(text).document as unknown as Document, { consume: true });
  }
  throw new Error(`${input} is neither HTML nor .txt`);
}

/** Runs the pipeline on one article. Off-topic documents report no matches unless forced. */
export async function annotateArticle(
  db: ClaimDatabase,
  engine: ReturnType<typeof createEngine>,
  file: string,
  article: ExtractedArticle,
  force: boolean,
): Promise<AnnotationResult> {
  const { topic, matches } = await engine.analyse(article);
  const statements = new Map(db.claims.map((c) => [c.id, c.statement]));
  return {
    file,
    title: article.title,
    topic,
    matches: topic.onTopic || force
      ? matches.map((m) => ({
          sentence: m.sentence,
          start: m.start,
          end: m.end,
          claimId: m.claimId,
          claim: statements.get(m.claimId) ?? '',
          stance: m.stance,
          score: m.score,
        }))
      : [],
  };
}

function printHuman(result: AnnotationResult, db: ClaimDatabase, out: (t: string) => void) {
  const sources = new Map(db.sources.map((s) => [s.id, s]));
  const claims = new Map(db.claims.map((c) => [c.id, c]));
  out(`\n${result.file}\n  “${result.title}”\n`);
  out(`  topic: ${result.topic.onTopic ? 'ON TOPIC' : 'off topic'} (score ${result.topic.score.toFixed(2)}) — ${result.topic.reasons.join('; ')}\n`);
  for (const m of result.matches) {
    const claim = claims.get(m.claimId);
    const support = claim?.evidence.filter((e) => e.stance !== 'disputes').map((e) => sources.get(e.source)?.publisher ?? e.source) ?? [];
    const dispute = claim?.evidence.filter((e) => e.stance === 'disputes').map((e) => sources.get(e.source)?.publisher ?? e.source) ?? [];
    out(`\n  [${m.stance}] ${m.score.toFixed(2)}  ${m.sentence}\n`);
    out(`    → ${m.claimId}: ${m.claim}\n`);
    out(`      corroborated by ${[...new Set(support)].join(', ') || 'none'}${dispute.length ? `; disputed by ${[...new Set(dispute)].join(', ')}` : ''}\n`);
  }
  if (result.matches.length === 0) out('  no claim matched\n');
}

export async function annotateCommand(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const json = args.includes('--json');
  const force = args.includes('--force');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--force');
  const inputs = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || inputs.length === 0) {
    err(unknown.length > 0 ? `nexus-lens annotate: unknown option '${unknown[0]}'\n` : 'nexus-lens annotate: give at least one file, folder or URL\n');
    return 2;
  }
  const db = loadDatabaseFor('annotate', err);
  if (!db) return 1;
  const engine = createEngine(compileIndex(db));
  const results: AnnotationResult[] = [];
  let failed = 0;
  for (const input of expandInputs(inputs)) {
    try {
      const result = await annotateArticle(db, engine, input, await readInput(input), force);
      results.push(result);
      if (!json) printHuman(result, db, out);
    } catch (error) {
      failed++;
      err(`nexus-lens annotate: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (json) out(`${JSON.stringify(results, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}
