// Normalised URLs: the examples that matter, and properties over generated URLs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrackingParam, normaliseUrl, siteOf } from '../../lib/anchor/url';

describe('normaliseUrl', () => {
  it('drops the fragment, tracking parameters, default port, "www." and trailing slash, and sorts the rest', () => {
    expect(normaliseUrl('  HTTPS://WWW.Example.COM:443/News/Seized-Tanker/?utm_source=tw&b=2&fbclid=x&a=1&UTM_Medium=y#comments ')).toBe(
      'https://example.com/News/Seized-Tanker?a=1&b=2',
    );
    expect(normaliseUrl('https://example.com/a?ref=rss&gclid=1&_ga=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&cmpid=7&ocid=8&smid=9')).toBe(
      'https://example.com/a',
    );
  });

  it('keeps the root slash, other ports, the scheme, repeated names in order, and values as written', () => {
    expect(normaliseUrl('http://example.com')).toBe('http://example.com/');
    expect(normaliseUrl('http://example.com/')).toBe('http://example.com/');
    expect(normaliseUrl('http://example.com:8080/a/')).toBe('http://example.com:8080/a');
    expect(normaliseUrl('http://example.com/a')).not.toBe(normaliseUrl('https://example.com/a'));
    expect(normaliseUrl('https://example.com/a?tag=b&id=7&tag=a')).toBe('https://example.com/a?id=7&tag=b&tag=a');
    expect(normaliseUrl('https://example.com/search?q=a+b%20c&page')).toBe('https://example.com/search?page&q=a+b%20c');
  });

  it('treats www. and the bare host alike, but not other subdomains', () => {
    expect(normaliseUrl('https://www.example.com/a')).toBe(normaliseUrl('https://example.com/a'));
    expect(normaliseUrl('https://www.www.example.com/a')).toBe('https://example.com/a');
    expect(normaliseUrl('https://www.com/a')).toBe('https://www.com/a');
    expect(normaliseUrl('https://amp.example.com/a')).toBe('https://amp.example.com/a');
  });

  it('drops credentials and a trailing dot in the host', () => {
    expect(normaliseUrl('https://reader:secret@example.com./a')).toBe('https://example.com/a');
  });

  it('uses a canonical link on the same host, absolute or relative', () => {
    const page = 'https://www.example.com/2025/06/tanker?utm_source=x&page=2';
    expect(normaliseUrl(page, 'https://example.com/2025/06/tanker-seized/')).toBe('https://example.com/2025/06/tanker-seized');
    expect(normaliseUrl(page, '/2025/06/tanker-seized#top')).toBe('https://example.com/2025/06/tanker-seized');
    expect(normaliseUrl('http://example.com/a', 'https://www.example.com/a')).toBe('https://example.com/a');
  });

  it('ignores a canonical link on another site, a non-web one, or garbage', () => {
    const page = 'https://attacker.example/copy';
    expect(normaliseUrl(page, 'https://news.example.org/tanker')).toBe('https://attacker.example/copy');
    expect(normaliseUrl(page, 'https://sub.attacker.example/copy')).toBe('https://attacker.example/copy');
    expect(normaliseUrl(page, 'javascript:alert(1)')).toBe('https://attacker.example/copy');
    expect(normaliseUrl(page, 'http://[')).toBe('https://attacker.example/copy');
    expect(normaliseUrl(page, '   ')).toBe('https://attacker.example/copy');
  });

  it('only drops the fragment of other URLs, and returns garbage trimmed without throwing', () => {
    expect(normaliseUrl('file:///home/reader/Saved%20page.html?x=1#part-2')).toBe('file:///home/reader/Saved%20page.html?x=1');
    expect(normaliseUrl('about:blank#x')).toBe('about:blank');
    expect(normaliseUrl('  not a url  ')).toBe('not a url');
    expect(normaliseUrl('http://exa mple.com/')).toBe('http://exa mple.com/');
    expect(normaliseUrl('')).toBe('');
  });
});

describe('siteOf', () => {
  it('gives the host in lower case without www.', () => {
    expect(siteOf('https://WWW.Example.COM:8443/a?b#c')).toBe('example.com');
    expect(siteOf('https://news.example.co.uk/a')).toBe('news.example.co.uk');
    expect(siteOf('file:///tmp/a.html')).toBe('');
    expect(siteOf(' garbage ')).toBe('garbage');
  });
});

/** Some names of tracking parameters, in mixed case, and utm_ ones with any ending. */
const trackingName = fc.oneof(
  fc.constantFrom('fbclid', 'GCLID', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_ga', 'ref', 'ref_src', 'cmpid', 'ocid', 'smid', 'Ref'),
  fc.stringMatching(/^[a-z0-9]{0,8}$/).map((rest) => `utm_${rest}`),
  fc.stringMatching(/^[a-z]{1,6}$/).map((rest) => `UTM_${rest}`),
);
const param = (name: fc.Arbitrary<string>) =>
  fc.tuple(name, fc.stringMatching(/^[a-zA-Z0-9%+._~-]{0,8}$/)).map(([k, v]) => `${k}=${v}`);
/** A web URL with ordinary and tracking parameters mixed, and maybe a fragment. */
const messyUrl = fc
  .tuple(
    fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: false, withFragments: false }),
    fc.array(fc.oneof(param(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)), param(trackingName)), { maxLength: 8 }),
    fc.option(fc.stringMatching(/^[a-zA-Z0-9#?/=&-]{0,12}$/)),
  )
  .map(([base, params, fragment]) => `${base}${params.length ? `?${params.join('&')}` : ''}${fragment === null ? '' : `#${fragment}`}`);

/** Messy web URLs, generated web URLs with fragments, and any string at all. */
const anyUrl = fc.oneof(messyUrl, fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string());

describe('normaliseUrl properties', () => {
  it('is idempotent, with or without a canonical link, on web URLs and on anything', () => {
    fc.assert(
      fc.property(anyUrl, fc.option(messyUrl), (url, canonical) => {
        const once = normaliseUrl(url, canonical ?? undefined);
        expect(normaliseUrl(once)).toBe(once);
      }),
    );
  });

  it('never keeps a tracking parameter or a fragment', () => {
    fc.assert(
      fc.property(messyUrl, (url) => {
        const normal = normaliseUrl(url);
        expect(normal).not.toContain('#');
        const names = [...new URL(normal).searchParams.keys()];
        expect(names.filter(isTrackingParam)).toEqual([]);
      }),
    );
  });

  it('never keeps the fragment of a file URL', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9/]{0,12}$/), fc.string(), (path, fragment) => {
        expect(normaliseUrl(`file:///${path}#${fragment}`)).toBe(`file:///${path}`);
      }),
    );
  });

  it('gives the same key with or without www., tracking parameters and fragment', () => {
    fc.assert(
      fc.property(messyUrl, (url) => {
        const www = url.replace(/^(https?:\/\/)(?:www\.)?/, '$1www.');
        expect(normaliseUrl(www)).toBe(normaliseUrl(url));
      }),
    );
  });
});
