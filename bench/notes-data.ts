/**
 * Synthetic reader's notes for the notes benchmarks: deterministic (seeded), any number, shaped
 * like a researcher's library — ~300-character quotes about Iran–DPRK missiles, sanctions and
 * ships, 0–3 tags of ~40, ~500 pages on ~30 sites, some notes linked to a claim, some with text.
 */
import { normaliseUrl } from '../lib/anchor/url';
import { siteOf } from '../lib/notes/normalise';
import { NOTE_CLAIM_STANCES, type DocumentRecord, type NewNote, type Note, type NoteCategory } from '../lib/notes/types';
import { prng } from './synthetic';

type Rand = () => number;

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
/** Like pick, but the first items come up far more often (a Zipf-like popularity). */
const pickSkewed = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() ** 2 * items.length)] as T;

/** A random (version 4 layout) UUID from the seeded generator. */
function uuid(rand: Rand): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(rand() * 16).toString(16);
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const SITES = [
  'reuters.com', 'apnews.com', 'bbc.co.uk', 'nytimes.com', 'washingtonpost.com', 'theguardian.com', 'ft.com', 'wsj.com',
  'bloomberg.com', '38north.org', 'nknews.org', 'armscontrolwonk.com', 'iranwire.com', 'al-monitor.com', 'thediplomat.com',
  'csis.org', 'nti.org', 'armscontrol.org', 'carnegieendowment.org', 'rand.org', 'sipri.org', 'fdd.org', 'crisisgroup.org',
  'en.yna.co.kr', 'koreaherald.com', 'japantimes.co.jp', 'lloydslist.com', 'un.org', 'home.treasury.gov', 'iranintl.com',
] as const;

export const TAGS = [
  'missiles', 'sanctions', 'shipping', 'nuclear', 'enrichment', 'ballistic', 'scud', 'nodong', 'shahab', 'hwasong',
  'khorramshahr', 'satellite imagery', 'un panel', 'treasury', 'ofac', 'irgc', 'komid', 'finance', 'oil', 'tankers',
  'ship-to-ship', 'ais', 'front companies', 'china', 'russia', 'syria', 'hezbollah', 'drones', 'space launch', 'engines',
  'centrifuges', '1980s', '1990s', '2010s', 'follow-up', 'to-verify', 'disputed', 'primary source', 'interview', 'timeline',
] as const;

const CATEGORIES: readonly NoteCategory[] = [
  ...Array<NoteCategory>(9).fill('key-fact'),
  ...Array<NoteCategory>(4).fill('supports'),
  ...Array<NoteCategory>(2).fill('contradicts'),
  ...Array<NoteCategory>(5).fill('question'),
];

const SECTIONS = ['world', 'asia-pacific', 'middle-east', 'analysis', 'news', 'features', 'security', 'reports', 'commentary'];

const SUBJECTS = [
  'North Korea', 'Iran', 'Pyongyang', 'Tehran', 'The DPRK', 'Iranian engineers', 'North Korean technicians',
  'The Islamic Revolutionary Guard Corps', 'KOMID, the Korea Mining Development Trading Corporation,',
  'Shahid Hemmat Industrial Group', 'A front company registered in Dalian', 'Officials in Pyŏngyang',
  'The Aerospace Industries Organization', 'Green Pine Associated Corporation', 'A delegation from Tehran',
];
const VERBS = [
  'supplied', 'shipped', 'sold', 'transferred', 'delivered', 'helped develop', 'tested', 'reverse-engineered', 'paid for',
  'financed', 'exchanged data on', 'brokered the sale of',
];
const OBJECTS = [
  'Nodong medium-range missiles', 'Scud-B and Scud-C missiles', 'Shahab-3 airframes', 'Hwasŏng-12 engine components',
  'liquid-fuel rocket engines', 'solid-propellant motors', 'the Khorramshahr ballistic missile', 'Musudan technology',
  'centrifuge components', 'guidance and telemetry equipment', 'carbon fibre and aluminium alloys',
  'a space launch vehicle', 'the Simorgh satellite launcher', 'Unha-3 stage separation technology',
  'BM-25 missiles', 'missile test data', 'heavy transporter-erector-launchers', 'refined petroleum',
];
const ADVERBIALS = [
  'to Iran', 'to the DPRK', 'through Chinese intermediaries', 'aboard the cargo ship Wise Honest',
  'on chartered Il-76 flights via Beijing', 'in a ship-to-ship transfer in the East China Sea',
  'despite UN Security Council resolution 1718', 'in violation of resolution 2231',
  'according to the UN Panel of Experts', 'according to US Treasury sanctions designations',
  'in the late 1980s', 'between 2015 and 2017', 'after the 2016 sanctions', 'during the Iran–Iraq war',
  'through the port of Nampo', 'via Bandar Abbas', 'with payment in crude oil', 'under cover of a trade fair',
];
const SHIP_SENTENCES = [
  'The tanker {ship} switched off its AIS transponder near {port} for eleven days.',
  'Satellite imagery showed the {ship} moored at {port} beside a crane loading sealed containers.',
  'The flag registry of {ship} was withdrawn after investigators linked it to sanctioned owners.',
  'Customs officers inspected the {ship} at {port} and found missile parts declared as machinery.',
  'The {ship} changed its name twice and reported false positions while sailing toward {port}.',
];
const SANCTION_SENTENCES = [
  'The Treasury Department designated {entity} for facilitating procurement for the missile program.',
  'The UN Panel of Experts reported that {entity} used shell companies to evade sanctions on arms sales.',
  'The European Union froze the assets of {entity} under its restrictive measures against proliferation.',
  'OFAC said {entity} moved funds through accounts in third countries to pay for the shipments.',
  'Analysts doubted the report, noting that {entity} denied any role and no hardware was recovered.',
];
const CONTEXT_SENTENCES = [
  '{person} visited {place} in {month} {year}, {source} reported.',
  '{source} said the partnership between Tehran and Pyongyang had deepened since {year}.',
  'According to {source}, around {n} North Korean specialists worked at {place} in {year}.',
  '{source} cited satellite photos of {place} taken in {month} {year} showing new construction.',
  'The relationship was described by {source} as a strategic alliance rather than a commercial one.',
  '{person} denied that the leadership in Pyongyang had any role in the launch at {place}.',
  'A launch from {place} on {month} {n}, {year} used a first stage that resembled a Nodong cluster.',
];
const PEOPLE = [
  'Kim Jong Un', 'Kim Jong Il', 'Hassan Tehrani Moghaddam', 'Mohsen Fakhrizadeh', 'Kim Yong Chol', 'Ali Akbar Salehi',
  'Ri Su Yong', 'Amir Ali Hajizadeh', 'Choe Son Hui', 'Mahmoud Ahmadinejad', 'Akbar Hashemi Rafsanjani', 'Jang Song Thaek',
];
const PLACES = [
  'Sohae', 'Semnan', 'Shahrud', 'Tonghae', 'Musudan-ri', 'Parchin', 'Natanz', 'Fordow', 'the Imam Khomeini Spaceport',
  'Sinpo', 'the Yongbyon complex', 'Mirim airfield',
];
const SOURCES = [
  'Yonhap', 'Kyodo', 'the Washington Post', 'Die Welt', 'Asahi Shimbun', 'a defector', 'a Japanese government official',
  'a UN diplomat', 'IRNA', 'KCNA', 'Fars news agency', 'a former CIA analyst', 'the Congressional Research Service',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHIPS = ['Wise Honest', 'Yuk Tung', 'Chon Ma San', 'Rye Song Gang 1', 'Ji Song 6', 'Lighthouse Winmore', 'Sam Jong 2'];
const PORTS = ['Nampo', 'Bandar Abbas', 'Chabahar', 'Chongjin', 'Latakia', 'Dalian', 'Vladivostok', 'Wonsan'];
const ENTITIES = [
  'KOMID', 'Green Pine', 'the Korea Ryonbong General Corporation', 'Mahan Air', 'Shahid Bakeri Industrial Group',
  'a Hong Kong trading firm', 'the Ocean Maritime Management Company', 'a shipping agent in Singapore',
];
const NOTE_TEXTS = [
  'Compare with the Panel of Experts report, paragraph {n}.',
  '**Check**: does the Treasury designation name the same vessel?',
  'Source is anonymous — treat as unverified until a second outlet confirms.',
  'Same figure as the 2017 CRS report; possibly copied from it.',
  'Question: were the engines delivered or only the test data?',
  'Contradicts the IAEA statement from the same month. See [the report](https://www.iaea.org/) and my earlier note.',
  'Useful timeline detail for the chapter on {year}.',
  'Key quote for the briefing. Ask the author where the shipping records came from.',
  'The dates do not match the satellite images: {year} or {year2}?',
];
const HEADLINE_STARTS = [
  'Iran and North Korea', 'North Korean missile experts', 'UN report', 'US sanctions', 'Satellite images', 'Tehran and Pyongyang',
  'Analysts', 'Shipping data', 'Leaked documents', 'Treasury',
];
const HEADLINE_ENDS = [
  'deepen missile cooperation', 'seen in Iran ahead of test', 'details illicit ship-to-ship transfers',
  'target procurement network', 'show launcher activity at Sohae', 'renew long-range missile collaboration',
  'question claims of nuclear cooperation', 'reveal tanker’s hidden voyages', 'link arms trade to oil payments',
  'name front companies in sanctions case',
];
const CLAIM_SYSTEMS = ['scud-b', 'nodong', 'shahab-3', 'musudan', 'hwasong-12', 'khorramshahr', 'unha-3', 'simorgh', 'bm-25', 'ghadr'];
const CLAIM_RELATIONS = ['transfer-to-iran', 'joint-testing', 'engine-cooperation', 'technicians-in-iran', 'payment-in-oil', 'shipment-seized'];

/** Claim ids in the style of the bundled database (a-z, digits, single hyphens); the first are linked most. */
export const CLAIM_IDS: readonly string[] = CLAIM_SYSTEMS.flatMap((system, i) =>
  CLAIM_RELATIONS.map((relation, j) => `dprk-${system}-${relation}-${1985 + ((i * 7 + j * 5) % 38)}`),
);

function fill(template: string, rand: Rand): string {
  // A sentence starting with a placeholder starts with a capital.
  const filled = template
    .replace('{ship}', pick(rand, SHIPS))
    .replace('{port}', pick(rand, PORTS))
    .replace('{entity}', pick(rand, ENTITIES))
    .replace('{person}', pick(rand, PEOPLE))
    .replace('{place}', pick(rand, PLACES))
    .replace('{source}', pick(rand, SOURCES))
    .replace('{month}', pick(rand, MONTHS))
    .replace('{n}', String(20 + Math.floor(rand() * 180)))
    .replace('{year2}', String(1987 + Math.floor(rand() * 37)))
    .replace('{year}', String(1987 + Math.floor(rand() * 37)));
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function sentence(rand: Rand): string {
  const kind = rand();
  if (kind < 0.12) return fill(pick(rand, SHIP_SENTENCES), rand);
  if (kind < 0.24) return fill(pick(rand, SANCTION_SENTENCES), rand);
  if (kind < 0.5) return fill(pick(rand, CONTEXT_SENTENCES), rand);
  const extra = rand() < 0.4 ? ` ${pick(rand, ADVERBIALS)}` : '';
  return `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, ADVERBIALS)}${extra}.`;
}

/** Whole sentences until about `length` characters (a highlight is usually a sentence or three). */
function passage(rand: Rand, length: number): string {
  let text = sentence(rand);
  while (text.length < length) text += ` ${sentence(rand)}`;
  return text;
}

/** One article of the library: where it is and what it is called. */
interface Page {
  pageUrl: string;
  url: string;
  title: string;
  site: string;
  /** When the reader first read it (ms since the epoch). */
  visited: number;
}

function pages(rand: Rand, count: number): Page[] {
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  return Array.from({ length: count }, (_, i) => {
    const host = pick(rand, SITES);
    const www = host.split('.').length === 2 && rand() < 0.6 ? 'www.' : '';
    const visited = start + Math.floor(rand() * span);
    const day = new Date(visited).toISOString().slice(0, 10);
    const title = `${pick(rand, HEADLINE_STARTS)} ${pick(rand, HEADLINE_ENDS)}`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const tracking = rand() < 0.3 ? `?utm_source=newsletter&utm_medium=email&utm_campaign=${day}` : '';
    const pageUrl = `https://${www}${host}/${pick(rand, SECTIONS)}/${day.replaceAll('-', '/')}/${slug}-${i}${tracking}`;
    const url = normaliseUrl(pageUrl);
    return { pageUrl, url, title, site: siteOf(url) ?? host, visited };
  });
}

/** The synthetic library: `count` notes on `pageCount` pages, the same for the same seed. */
export function syntheticNotes(count: number, seed = 7, pageCount = 500): Note[] {
  const rand = prng(seed);
  const library = pages(rand, pageCount);
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    // Some pages are read closely (many notes), most have a few.
    const page = library[Math.floor(rand() ** 1.6 * library.length)] as Page;
    const created = page.visited + Math.floor(rand() * 3_600_000);
    const updated = rand() < 0.7 ? created : created + Math.floor(rand() * 60 * 86_400_000);
    const exact = passage(rand, 200 + Math.floor(rand() * 200));
    const start = Math.floor(rand() * 20_000);
    const tagCount = pick(rand, [0, 0, 0, 1, 1, 1, 1, 2, 2, 3]);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pickSkewed(rand, TAGS)))];
    const linked = rand() < 0.3;
    const claimId = linked ? pickSkewed(rand, CLAIM_IDS) : undefined;
    const claimStance = linked && rand() < 0.6 ? pick(rand, NOTE_CLAIM_STANCES) : undefined;
    const text = rand() < 0.4 ? fill(pick(rand, NOTE_TEXTS), rand) + (rand() < 0.3 ? ` ${sentence(rand)}` : '') : '';
    notes.push({
      id: uuid(rand),
      url: page.url,
      pageUrl: page.pageUrl,
      title: page.title,
      site: page.site,
      target: {
        quote: { type: 'TextQuoteSelector', exact, prefix: sentence(rand).slice(-32), suffix: ` ${sentence(rand)}`.slice(0, 32) },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
      },
      category: pick(rand, CATEGORIES),
      text,
      tags,
      ...(claimId !== undefined && { claimId }),
      ...(claimStance !== undefined && { claimStance }),
      created: new Date(created).toISOString(),
      updated: new Date(updated).toISOString(),
    });
  }
  return notes;
}

/** The document records the notes imply: one per page, first and last sight from its notes. */
export function documentsOf(notes: readonly Note[]): DocumentRecord[] {
  const documents = new Map<string, DocumentRecord>();
  for (const note of notes) {
    const known = documents.get(note.url);
    if (!known) {
      documents.set(note.url, { url: note.url, title: note.title, site: note.site, firstSeen: note.created, lastSeen: note.updated });
      continue;
    }
    if (note.created < known.firstSeen) known.firstSeen = note.created;
    if (note.updated > known.lastSeen) known.lastSeen = note.updated;
  }
  return [...documents.values()];
}

/** What the reader supplies to save `note` (the repository adds id, site and times). */
export function asNewNote(note: Note): NewNote {
  return {
    url: note.url,
    pageUrl: note.pageUrl,
    title: note.title,
    target: note.target,
    category: note.category,
    text: note.text,
    tags: note.tags,
    ...(note.claimId !== undefined && { claimId: note.claimId }),
    ...(note.claimStance !== undefined && { claimStance: note.claimStance }),
  };
}
