/**
 * Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): JSON-LD that other
 * annotation tools and Web Annotation Protocol servers read. How each field maps is described in
 * web-annotation-terms.ts; the reader for such files is web-annotation-read.ts.
 */
import type { Note } from '../notes/types';
import { compareNotes } from './bundle';
import { stableUuid } from './hash';
import {
  ANCHOR_KEY,
  ANNO_CONTEXT,
  CLAIM_IRI_BASE,
  NOTE_IRI_BASE,
  SITE_KEY,
  STANCE_KEY,
  TITLE_KEY,
  URL_KEY,
  UUID_PATTERN,
  type NoteAnnotation,
  type NoteAnnotationCollection,
} from './web-annotation-terms';

export { parseWebAnnotation } from './web-annotation-read';
export {
  ANNO_CONTEXT,
  CLAIM_IRI_BASE,
  NEXUS_NS,
  NOTE_IRI_BASE,
  type ClaimLinkBody,
  type NoteAnnotation,
  type NoteAnnotationCollection,
  type NoteTextualBody,
} from './web-annotation-terms';

/** The annotation IRI of a note id. */
function annotationId(id: string): string {
  return UUID_PATTERN.test(id) ? `urn:uuid:${id}` : `${NOTE_IRI_BASE}${encodeURIComponent(id.toWellFormed())}`;
}

function motivationOf(note: Note): NoteAnnotation['motivation'] {
  if (note.category === 'question') return 'questioning';
  return note.text === '' ? 'highlighting' : 'commenting';
}

function toAnnotation(note: Note, generated: string): NoteAnnotation {
  const body: NoteAnnotation['body'] = [];
  if (note.text !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: note.text, format: 'text/markdown' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: note.category });
  if (note.claimId !== undefined) {
    body.push({
      type: 'SpecificResource',
      purpose: 'linking',
      source: `${CLAIM_IRI_BASE}${encodeURIComponent(note.claimId.toWellFormed())}`,
      ...(note.claimStance !== undefined && { [STANCE_KEY]: note.claimStance }),
    });
  }
  const { quote, position } = note.target;
  return {
    id: annotationId(note.id),
    type: 'Annotation',
    created: note.created,
    modified: note.updated,
    generated,
    motivation: motivationOf(note),
    body,
    target: {
      source: note.pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
    [URL_KEY]: note.url,
    [TITLE_KEY]: note.title,
    [SITE_KEY]: note.site,
    ...(note.anchor !== undefined && { [ANCHOR_KEY]: note.anchor }),
  };
}

/**
 * The notes as a Web Annotation AnnotationCollection (JSON-LD; serialise with JSON.stringify),
 * annotations in the same order as our JSON export. The collection and page ids are UUIDs hashed
 * from the export time and the note ids, so the same export gives the same document.
 */
export function toWebAnnotation(notes: readonly Note[], exportedAt = new Date()): NoteAnnotationCollection {
  const generated = exportedAt.toISOString();
  const sorted = [...notes].sort(compareNotes);
  const key = JSON.stringify([generated, sorted.map((note) => note.id)]);
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${stableUuid(`collection ${key}`)}`,
    type: 'AnnotationCollection',
    label: 'Nexus Lens notes',
    total: sorted.length,
    ...(sorted.length > 0 && {
      first: {
        id: `urn:uuid:${stableUuid(`page 1 ${key}`)}`,
        type: 'AnnotationPage' as const,
        startIndex: 0 as const,
        items: sorted.map((note) => toAnnotation(note, generated)),
      },
    }),
  };
}
