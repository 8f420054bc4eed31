/**
 * Normalised document URLs, the key that finds a page's notes: one article reached by several URLs
 * (with tracking parameters, a fragment, "www." or not, a trailing slash) finds the same notes.
 */

/**
 * Query parameters that say how the reader arrived, not what they read; dropped, compared in
 * lower case. News pages use `ref` for referrers; a site that uses it for content (a Git branch)
 * loses nothing worse than sharing notes across its variants.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Ad click identifiers: Facebook, Google, DoubleClick, Microsoft, Yandex, X, TikTok, LinkedIn, Pinterest, Adobe.
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'epik',
  's_kwcid', 'ef_id', 's_cid',
  // Analytics state carried in the URL: Google Analytics, HubSpot, Yandex.
  '_ga', '_gl', '_hsenc', '_hsmi', '_openstat',
  // E-mail campaigns: Mailchimp, Marketo, Omeda, Vero.
  'mc_cid', 'mc_eid', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  // Sharing and referrers: Instagram, X, generic.
  'igshid', 'igsh', 'ref', 'ref_src', 'ref_url', 'sr_share',
  // Publishers' and platforms' campaign tags: Guardian, NYT, MSN, Yahoo, FT, AT Internet, BBC,
  // comScore, Webtrends, Alibaba.
  'cmp', 'cmpid', 'smid', 'smtyp', 'ocid', 'ncid', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'ftag', 'xtor',
  'at_medium', 'at_campaign', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee', 'wt.mc_id', 'wt_mc_id',
  'spm',
]);

/** Families of tracking parameters: Google Analytics (utm_), Matomo (mtm_), Piwik (pk_), HubSpot ads (hsa_). */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'mtm_', 'pk_', 'hsa_'];

/** Whether a query parameter (decoded name, any case) is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** A host as the reader thinks of it: lower case, no trailing dot, no leading "www." labels. */
function bareHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.length > 1 && host.endsWith('.')) host = host.slice(0, -1);
  // Strip "www." only while a dotted name remains ("www.com" stays), repeatedly so the result is stable.
  while (host.startsWith('www.') && host.indexOf('.', 4) > 0) host = host.slice(4);
  return host;
}

/** The decoded name of a raw `name=value` query pair. */
function paramName(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function parse(url: string, base?: URL): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** The normal form of a parsed http(s) URL (see normaliseUrl). */
function normaliseHttp(url: URL): string {
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  // Raw pairs are kept as written (re-encoding could change what a server reads); sorted by raw
  // name, stably, so repeated names keep their order.
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .map((pair) => ({ pair, name: pair.split('=', 1)[0] as string }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ pair }) => pair);
  const query = pairs.length ? `?${pairs.join('&')}` : '';
  // User name and password are dropped: they say who fetched the page, and must not sit in a key.
  return `${url.protocol}//${bareHost(url.hostname)}${port}${path}${query}`;
}

/**
 * The key under which an article's notes are stored. For http(s): no fragment, no tracking
 * parameters (TRACKING_PARAMS, TRACKING_PREFIXES), other parameters sorted by name, scheme and host
 * in lower case without "www.", no default port, no credentials, no trailing slash but the root's.
 * The scheme is kept: http and https may serve different documents, and a site that moved to https
 * has its canonical link to bring the two together.
 *
 * `canonical` (the page's `<link rel=canonical>`, absolute or relative to `url`) is used instead
 * when it is http(s) on the same host as `url`, ignoring "www.". Another site is refused: a page
 * could otherwise declare someone else's article canonical and have the reader's notes on that
 * article painted on itself, where its scripts can read the highlights. (So an AMP copy on another
 * subdomain does not join its article: registrable domains would need the public suffix list, too
 * large for a content script.)
 *
 * Other URLs (file:, about:) lose only their fragment; anything unparseable is returned trimmed.
 * Never throws. Idempotent.
 */
export function normaliseUrl(url: string, canonical?: string): string {
  const trimmed = url.trim();
  const parsed = parse(trimmed);
  if (!parsed) return trimmed;
  if (!isHttp(parsed)) {
    const hash = trimmed.indexOf('#');
    return hash < 0 ? trimmed : trimmed.slice(0, hash);
  }
  const declared = canonical?.trim() ? parse(canonical.trim(), parsed) : null;
  if (declared && isHttp(declared) && bareHost(declared.hostname) === bareHost(parsed.hostname)) {
    return normaliseHttp(declared);
  }
  return normaliseHttp(parsed);
}

/** The site of a URL for filters: its host in lower case without "www."; '' for URLs without a host; unparseable input trimmed. */
export function siteOf(url: string): string {
  const trimmed = url.trim();
  const parsed = parse(trimmed);
  return parsed ? bareHost(parsed.hostname) : trimmed;
}
