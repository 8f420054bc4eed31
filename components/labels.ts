/** Reader-facing labels and input parsing shared by the page's toolbar and the panels. */
import type { NoteCategory } from '../lib/notes/types';

export const CATEGORY_LABEL: Record<NoteCategory, string> = {
  'key-fact': 'Key fact',
  supports: 'Supports',
  contradicts: 'Contradicts',
  question: 'Question',
};

/** Tags as typed ("Nodong, timeline"): trimmed, lower case, without empties or repeats. */
export function parseTagInput(input: string): string[] {
  return [...new Set(input.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
