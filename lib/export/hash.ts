/**
 * A stable UUID from any string, so an annotation imported from another tool gets the same note id
 * every time it is imported (and re-imports merge instead of duplicating). Synchronous and pure:
 * not cryptographic, just well mixed.
 */

/** Four 32-bit lanes, each with its own seed and multiplier (odd constants from well-known hashes). */
const LANES: readonly (readonly [seed: number, multiplier: number])[] = [
  [0x811c9dc5, 0x01000193],
  [0x9e3779b1, 0x5bd1e995],
  [0x85ebca77, 0xcc9e2d51],
  [0xc2b2ae3d, 0x1b873593],
];

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A version-8 (custom) UUID made of a 128-bit hash of `text`'s UTF-16 code units: the same text
 * always gives the same UUID, different texts practically never share one.
 */
export function stableUuid(text: string): string {
  const words = LANES.map(([seed, multiplier]) => {
    let h = (seed ^ text.length) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), multiplier);
      h ^= h >>> 15;
    }
    return finalise(h);
  });
  // Let every lane depend on the others, so a collision in one lane is not a collision overall.
  const mixed = words.map((word, i) => finalise(word ^ Math.imul(words[(i + 1) % 4] ?? 0, 0x27d4eb2f)));
  const hex = mixed.map((word) => word.toString(16).padStart(8, '0')).join('');
  // Version 8 in the 13th digit; the RFC 9562 variant (10xx) in the 17th.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
