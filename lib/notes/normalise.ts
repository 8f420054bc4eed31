/** Normal forms of the reader's tags and of a page's site, shared by the repository and the schema upgrades. */

/**
 * Tags as the database keeps them: trimmed, inner white space collapsed, lower case, empty ones
 * removed, duplicates dropped (the first occurrence keeps its place).
 */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normal = tag.trim().replace(/\s+/g, ' ').toLowerCase();
    if (normal) seen.add(normal);
  }
  return [...seen];
}

/** A normalised site filter value: lower case, trimmed, without a leading "www.". */
export function normaliseSite(site: string): string {
  return site.trim().toLowerCase().replace(/^www\./, '');
}

/** The site of a URL: its host name in lower case, without a leading "www."; `undefined` when the URL does not parse. */
export function siteOf(url: string): string | undefined {
  try {
    return normaliseSite(new URL(url).hostname);
  } catch {
    return undefined;
  }
}
