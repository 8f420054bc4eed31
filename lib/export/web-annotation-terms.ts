/**
 * The Web Annotation terms of a note: the IRIs, property names and shapes that the writer
 * (web-annotation.ts) and the reader (web-annotation-read.ts) share.
 *
 * How a note maps (and back):
 * - `id`: `urn:uuid:<id>` when the id is a UUID (ours are), else `https://nexus-lens.invalid/notes/<id, percent-encoded>`.
 *   A foreign id of any other form becomes a UUID hashed from it (stableUuid), so importing the
 *   same file twice merges; an annotation without an id gets one hashed from its page and quote.
 * - `created` / `modified`: `created` / `updated`. `generated`: the export time.
 * - `motivation`: `questioning` for the category "question", else `highlighting` for a plain
 *   highlight (empty text), else `commenting`. Informative only: the category travels in a body.
 * - `body`: the note text as a TextualBody (purpose `commenting`, format text/markdown; absent when
 *   the text is empty); one TextualBody per tag (purpose `tagging`); the category as a TextualBody
 *   (purpose `classifying`, value `key-fact` | `supports` | `contradicts` | `question`); the linked
 *   claim as a SpecificResource (purpose `linking`, source `https://nexus-lens.invalid/claims/<claimId>`)
 *   carrying the stance under `https://nexus-lens.invalid/ns#claimStance`.
 * - `target`: `{ source: pageUrl, selector: [TextQuoteSelector, TextPositionSelector] }`.
 * - What Web Annotation has no term for (the normalised `url`, `title`, `site`, `anchor`) sits in
 *   properties named by absolute IRIs under `https://nexus-lens.invalid/ns#`: valid JSON-LD with the
 *   plain anno.jsonld context, ignored by tools that do not know them. `.invalid` never resolves.
 */
import type { AnchorState, NoteClaimStance, TextPositionSelector, TextQuoteSelector } from '../notes/types';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Namespace of our own properties. */
export const NEXUS_NS = 'https://nexus-lens.invalid/ns#';
/** Base of the IRIs that name claims of the database. */
export const CLAIM_IRI_BASE = 'https://nexus-lens.invalid/claims/';
/** Base of the IRIs of notes whose id is not a UUID. */
export const NOTE_IRI_BASE = 'https://nexus-lens.invalid/notes/';

/** Our properties that Web Annotation has no term for. */
export const URL_KEY = 'https://nexus-lens.invalid/ns#url';
export const TITLE_KEY = 'https://nexus-lens.invalid/ns#title';
export const SITE_KEY = 'https://nexus-lens.invalid/ns#site';
export const ANCHOR_KEY = 'https://nexus-lens.invalid/ns#anchor';
export const STANCE_KEY = 'https://nexus-lens.invalid/ns#claimStance';

/** A UUID in its usual written form, any case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The note's own text, a tag, or its category. */
export interface NoteTextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'classifying';
  value: string;
  format?: 'text/markdown';
}

/** The claim a note is about, and how it bears on it. */
export interface ClaimLinkBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
  [STANCE_KEY]?: NoteClaimStance;
}

/** One note as a Web Annotation. */
export interface NoteAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  generated: string;
  motivation: 'highlighting' | 'commenting' | 'questioning';
  body: (NoteTextualBody | ClaimLinkBody)[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
  [URL_KEY]: string;
  [TITLE_KEY]: string;
  [SITE_KEY]: string;
  [ANCHOR_KEY]?: AnchorState;
}

/** All notes of an export as one AnnotationCollection with one embedded page (absent when there are no notes). */
export interface NoteAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: NoteAnnotation[] };
}
