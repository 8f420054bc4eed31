/**
 * The fields of a note, shared by the page's toolbar (inside its closed shadow root) and the panels'
 * note editor: category, Markdown text, tags, the claim it is about and how the passage bears on it.
 * Controlled: values in, changes out; the form and its buttons belong to the caller.
 */
import type { Ref } from 'preact';
import { NOTE_CATEGORIES, NOTE_CLAIM_STANCES, type NoteCategory, type NoteClaimStance } from '../lib/notes/types';
import { CATEGORY_LABEL } from './labels';

/** Values and change callbacks of the fields. */
export interface NoteFieldsProps {
  category: NoteCategory;
  onCategory(category: NoteCategory): void;
  text: string;
  onText(text: string): void;
  /** The text field, for a caller that focuses it when the form opens. */
  textRef?: Ref<HTMLTextAreaElement>;
  /** Tags as typed, comma-separated (see parseTagInput). */
  tags: string;
  onTags(tags: string): void;
  /** The linked claim's id, or '' for none. */
  claimId: string;
  /** Claims the reader may link the note to; without them the link cannot change (the panels). */
  claimChoices?: { id: string; label: string }[];
  onClaimId?(claimId: string): void;
  claimStance: NoteClaimStance;
  onClaimStance(stance: NoteClaimStance): void;
}

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

/** The fields, as labels with their controls, for the caller's form. */
export function NoteFields(props: NoteFieldsProps) {
  const { claimChoices = [] } = props;
  return (
    <>
      <label>
        Category
        <select value={props.category} onChange={(e) => props.onCategory(valueOf(e) as NoteCategory)}>
          {NOTE_CATEGORIES.map((c) => (
            <option value={c}>{CATEGORY_LABEL[c]}</option>
          ))}
        </select>
      </label>
      <label>
        Note (Markdown)
        <textarea ref={props.textRef} value={props.text} onInput={(e) => props.onText(valueOf(e))} />
      </label>
      <label>
        Tags (comma-separated)
        <input value={props.tags} onInput={(e) => props.onTags(valueOf(e))} />
      </label>
      {claimChoices.length > 0 && props.onClaimId && (
        <label>
          About a claim
          <select value={props.claimId} onChange={(e) => props.onClaimId?.(valueOf(e))}>
            <option value="">None</option>
            {claimChoices.map((c) => (
              <option value={c.id}>{c.label}</option>
            ))}
          </select>
        </label>
      )}
      {props.claimId && (
        <label>
          Bearing on the claim
          <select value={props.claimStance} onChange={(e) => props.onClaimStance(valueOf(e) as NoteClaimStance)}>
            {NOTE_CLAIM_STANCES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
