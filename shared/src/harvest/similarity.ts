// Text similarity for harvest notes: short sticky notes in English, Thai (no spaces between
// words) or mixed Thai/English. Pure and deterministic; no I/O, no Node APIs, so the same code
// runs in the browser and on the server.
//
// A note becomes three feature sets:
//   - tokens: words from Intl.Segmenter('th', word), which splits Thai into dictionary words and
//     also splits Latin text on spaces/punctuation; stop-words removed, English lightly stemmed;
//   - concepts: ids from a small bilingual concept map for civil-service workshops, so a Thai note
//     and an English note about the same thing meet ("ภัยพิบัติ" ~ "disaster");
//   - character 3-grams over the normalised text without spaces, for near-duplicates, spelling
//     variants and Thai text that the segmenter splits differently.
// The score is a weighted mix of token TF-IDF cosine, IDF-weighted concept cosine and 3-gram
// Jaccard, floored by the 3-gram Jaccard (a near-identical text is a duplicate whatever its words).

// ---------------------------------------------------------------------------------------------
// Normalisation

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const THAI_DIGITS = /[\u0E50-\u0E59]/g;

/**
 * NFC, lower case, zero-width characters and soft hyphens removed, Thai digits to ASCII, the
 * Thai repetition mark ๆ dropped (ดีๆ → ดี), a space between Thai and Latin/digit runs, "e-learning"-style single-letter prefixes joined
 * ("elearning"), every other run of punctuation, symbols and emoji turned into one space.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(ZERO_WIDTH, '')
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\u0E46/g, ' ')
    // a space at every Thai ↔ Latin/digit boundary: the segmenter would otherwise glue the
    // first Latin letter to the Thai word ("ผ่านe-learning" → "ผ่านe", "learning")
    .replace(/([\u0E00-\u0E7F])(?=[a-z0-9])/g, '$1 ')
    .replace(/([a-z0-9])(?=[\u0E00-\u0E7F])/g, '$1 ')
    .replace(/(^|[^\p{L}\p{N}])([a-z])[-‐‑](?=[a-z]{2})/gu, '$1$2')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Stop-words and stemming

/** English function words (and a few workshop fillers that carry no topic). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each etc few for ' +
    'from further had has have having he her here hers him his how i if in into is it its itself ' +
    'just let me more most much must my no nor not now of off on once only or other our ours out ' +
    'over own per please same shall she should so some such than that the their theirs them then ' +
    'there these they this those through thus to too under until up upon us very via was we were ' +
    'what when where which while who whom why will with within without would yet you your ' +
    'e.g ie eg vs need needs make makes made get getting new every each via'
  ).split(/\s+/),
);

/**
 * Thai function words. การ and ความ are nominalising prefixes (การพัฒนา "development", ความรู้
 * "knowledge"); the segmenter splits them off and we drop them as tokens, which is fine because
 * the concept map matches the whole phrase before stop-words are removed.
 */
export const THAI_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'และ ที่ ของ ใน การ ความ เป็น มี ให้ ได้ จะ กับ แก่ โดย เพื่อ ซึ่ง ไป มา ด้วย นี้ นั้น ' +
    'อย่าง ต้อง ควร ไม่ ใช่ แค่ หรือ แต่ ก็ ว่า คือ ถ้า เมื่อ จาก ถึง ทุก ณ ทาง แบบ ไว้ ยัง อยู่ ' +
    'ทำ เรา เขา สำหรับ ตาม ต่อ อื่น แล้ว อีก กัน ระหว่าง หลัง ก่อน ช่วง เช่น ๆ นะ ครับ ค่ะ คะ จ้ะ ' +
    'บาง หลาย ทั้ง ยิ่ง ขึ้น ลง เข้า ออก กว่า เอง ไหม อัน ซะ'
  ).split(/\s+/),
);

const VOWEL = /[aeiouy]/;

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && /[bcdghkmnprtvw]/.test(w[n - 1] as string)) return w.slice(0, -1);
  return w;
}

/**
 * A deliberately small English suffix stripper (not Porter): plural -s/-es/-ies, -ing, -ed,
 * -ation/-tion → -at/-t, -ment, -ive, -ly, final -e, and a doubled final consonant
 * (planning → plan, programme → program). It only has to map the forms people write on notes
 * (train/training/trained, participate/participation, corruption/corrupt) to the same stem.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  // plurals
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // inflections
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  // derivations
  if (w.endsWith('ation') && w.length >= 8) w = w.slice(0, -3);
  else if (w.endsWith('tion') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ment') && w.length >= 8) w = w.slice(0, -4);
  else if (w.endsWith('ive') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return undouble(w);
}

// ---------------------------------------------------------------------------------------------
// Segmentation and tokens

const THAI_CHAR = /[\u0E00-\u0E7F]/;
const LATIN_WORD = /^[a-z]+$/;

let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
  // The Thai locale's word break dictionary also handles Latin, digits and spaces, so one
  // segmenter covers mixed Thai/English text.
  return (segmenter ??= new Intl.Segmenter('th', { granularity: 'word' }));
}

/** A word of the normalised text, with its offsets (used to match concept phrases). */
interface Word {
  text: string;
  start: number;
  end: number;
}

/** Word-like segments of already-normalised text. */
function segmentWords(norm: string): Word[] {
  const out: Word[] = [];
  for (const s of wordSegmenter().segment(norm)) {
    if (s.isWordLike) out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

/** Word segments of a text after normalisation, before stop-words and stemming. */
export function words(text: string): string[] {
  return segmentWords(normalise(text)).map((w) => w.text);
}

/** A word as the concept matcher sees it: English stemmed, nothing dropped. */
function phraseTokenOf(word: string): string {
  return LATIN_WORD.test(word) ? stem(word) : word;
}

function tokenOf(word: string): string | null {
  if (THAI_CHAR.test(word)) {
    if (THAI_STOP_WORDS.has(word)) return null;
    return word;
  }
  if (LATIN_WORD.test(word)) {
    if (word.length < 2 || ENGLISH_STOP_WORDS.has(word)) return null;
    return stem(word);
  }
  // digits, other scripts, or mixed letters/digits ("kpi2", "360")
  if (/^\p{N}+$/u.test(word) && word.length < 2) return null;
  return word;
}

/** Content tokens: segmented, stop-words removed, English stemmed. Order kept, repeats kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of segmentWords(normalise(text))) {
    const t = tokenOf(w.text);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Distinct character n-grams (default 3) of the normalised text with spaces removed. */
export function charNgrams(text: string, n = 3, alreadyNormalised = false): string[] {
  const chars = Array.from((alreadyNormalised ? text : normalise(text)).replace(/\s+/g, ''));
  if (chars.length === 0) return [];
  if (chars.length < n) return [chars.join('')];
  const set = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) set.add(chars.slice(i, i + n).join(''));
  return [...set];
}

// ---------------------------------------------------------------------------------------------
// Concept map

export interface Concept {
  id: string;
  /** English label shown when this concept names a suggested group. */
  label: string;
  /** English words or phrases; matched on stemmed words, so inflections match too. */
  en: string[];
  /** Thai words or phrases; matched on the normalised text at word-segment boundaries. */
  th: string[];
  /**
   * Present in most notes of a civil-service workshop (civil servants, agencies, ASEAN…): it
   * weighs little, so sharing only this concept does not make two notes related.
   */
  generic?: boolean;
}

/**
 * A small bilingual concept map for civil-service workshops (ASEAN work-plan themes). It is a
 * thesaurus, not a classifier: several concepts can match one note, generic ones (civil
 * servants, ASEAN, agencies) get a low IDF weight because they occur in many notes.
 */
export const CONCEPTS: readonly Concept[] = [
  { id: 'training', label: 'Training', en: ['training', 'train', 'course', 'elearning', 'workshop', 'curriculum', 'seminar'], th: ['ฝึกอบรม', 'อบรม', 'หลักสูตร', 'สัมมนา'] },
  { id: 'capacity', label: 'Capacity building', en: ['capacity building', 'capacity development', 'capacity', 'competency', 'competence', 'skill', 'upskill', 'reskill', 'upskilling', 'reskilling'], th: ['พัฒนาศักยภาพ', 'ศักยภาพ', 'สมรรถนะ', 'ทักษะ', 'พัฒนาบุคลากร'] },
  { id: 'leadership', label: 'Leadership', en: ['leadership', 'leader', 'leaders'], th: ['ภาวะผู้นำ', 'ผู้นำ'] },
  { id: 'executives', label: 'Senior executives', en: ['executive', 'senior official', 'senior management', 'top management', 'director'], th: ['ผู้บริหาร', 'ผู้บริหารระดับสูง'] },
  { id: 'mentoring', label: 'Mentoring and coaching', en: ['mentoring', 'mentor', 'coaching', 'coach'], th: ['พี่เลี้ยง', 'โค้ช'] },
  { id: 'digital', label: 'Digital', en: ['digital', 'online', 'mobile', 'app', 'application', 'website', 'portal', 'platform', 'digitalisation', 'digitalization', 'eservice'], th: ['ดิจิทัล', 'ดิจิตอล', 'ออนไลน์', 'แอป', 'แอปพลิเคชัน', 'เว็บไซต์', 'แพลตฟอร์ม', 'อิเล็กทรอนิกส์'] },
  { id: 'egov', label: 'Digital government', en: ['egovernment', 'digital government', 'one stop service', 'one stop shop', 'onestop', 'one stop', 'single window', 'government portal'], th: ['รัฐบาลดิจิทัล', 'รัฐบาลอิเล็กทรอนิกส์', 'ครบวงจร', 'จุดเดียว', 'เบ็ดเสร็จ'] },
  { id: 'innovation', label: 'Innovation', en: ['innovation', 'innovative', 'innovate', 'creative', 'sandbox'], th: ['นวัตกรรม', 'สร้างสรรค์'] },
  { id: 'ai', label: 'Artificial intelligence', en: ['ai', 'artificial intelligence', 'chatbot', 'machine learning'], th: ['ปัญญาประดิษฐ์', 'แชทบอท'] },
  { id: 'data', label: 'Data', en: ['data', 'open data', 'statistics', 'analytics', 'big data'], th: ['ข้อมูล', 'ข้อมูลเปิด', 'สถิติ'] },
  { id: 'mobility', label: 'Staff mobility', en: ['mobility', 'secondment', 'seconded', 'job rotation', 'rotation', 'transfer', 'attachment'], th: ['การโยกย้าย', 'โยกย้าย', 'หมุนเวียน', 'ยืมตัว'] },
  { id: 'exchange', label: 'Exchange programmes', en: ['exchange', 'exchange programme', 'study visit', 'study tour'], th: ['แลกเปลี่ยน', 'ดูงาน'] },
  { id: 'knowledge', label: 'Knowledge sharing', en: ['knowledge sharing', 'knowledge', 'best practice', 'good practice', 'lessons learned', 'lesson learned', 'community of practice', 'knowledge management'], th: ['แบ่งปันความรู้', 'ความรู้', 'แนวปฏิบัติที่ดี', 'การจัดการความรู้', 'ถอดบทเรียน', 'บทเรียน'] },
  { id: 'collaboration', label: 'Cooperation', en: ['cooperation', 'collaboration', 'partnership', 'joint', 'network', 'networking'], th: ['ความร่วมมือ', 'ร่วมมือ', 'เครือข่าย', 'ร่วมกัน'], generic: true },
  { id: 'ethics', label: 'Ethics', en: ['ethics', 'ethical', 'code of ethics', 'code of conduct', 'morality', 'moral'], th: ['จริยธรรม', 'ประมวลจริยธรรม', 'ศีลธรรม'] },
  { id: 'integrity', label: 'Integrity and transparency', en: ['integrity', 'transparency', 'transparent', 'accountability', 'accountable', 'good governance', 'honesty'], th: ['ความโปร่งใส', 'โปร่งใส', 'ซื่อสัตย์', 'สุจริต', 'ธรรมาภิบาล', 'ตรวจสอบได้'] },
  { id: 'anticorruption', label: 'Anti-corruption', en: ['corruption', 'anti corruption', 'anticorruption', 'bribery', 'bribe', 'graft', 'fraud', 'whistleblower', 'whistleblowing', 'conflict of interest'], th: ['ทุจริต', 'ต่อต้านการทุจริต', 'คอร์รัปชัน', 'คอร์รัปชั่น', 'คอรัปชั่น', 'สินบน', 'ผลประโยชน์ทับซ้อน', 'แจ้งเบาะแส'] },
  { id: 'procurement', label: 'Procurement', en: ['procurement', 'purchasing', 'tender', 'bidding'], th: ['จัดซื้อจัดจ้าง', 'จัดซื้อ', 'ประมูล'] },
  { id: 'gender', label: 'Gender equality', en: ['gender', 'gender equality', 'gender mainstreaming', 'lgbt', 'lgbtq'], th: ['เพศ', 'ความเท่าเทียมทางเพศ', 'มิติเพศ', 'ความหลากหลายทางเพศ'] },
  { id: 'women', label: 'Women', en: ['women', 'woman', 'female', 'girl'], th: ['ผู้หญิง', 'สตรี', 'หญิง'] },
  { id: 'inclusion', label: 'Inclusion', en: ['inclusive', 'inclusion', 'vulnerable', 'marginalised', 'marginalized', 'equity', 'equality', 'equal', 'diversity'], th: ['ความเท่าเทียม', 'เท่าเทียม', 'กลุ่มเปราะบาง', 'เปราะบาง', 'ความหลากหลาย', 'ไม่ทิ้งใครไว้ข้างหลัง'] },
  { id: 'disability', label: 'Persons with disabilities', en: ['disability', 'disabilities', 'disabled', 'accessibility', 'wheelchair', 'sign language'], th: ['ผู้พิการ', 'คนพิการ', 'พิการ', 'ภาษามือ'] },
  { id: 'elderly', label: 'Older persons', en: ['elderly', 'older persons', 'older people', 'ageing', 'aging', 'senior citizen', 'aged society'], th: ['ผู้สูงอายุ', 'สูงอายุ', 'สูงวัย', 'ผู้สูงวัย', 'คนชรา', 'สังคมสูงอายุ'] },
  { id: 'youth', label: 'Youth', en: ['youth', 'young', 'young people', 'gen z', 'millennial', 'student', 'intern', 'internship', 'graduate', 'new generation', 'next generation'], th: ['เยาวชน', 'คนรุ่นใหม่', 'รุ่นใหม่', 'นักศึกษา', 'ฝึกงาน', 'คนหนุ่มสาว', 'นักเรียน'] },
  { id: 'disaster', label: 'Disaster resilience', en: ['disaster', 'flood', 'earthquake', 'typhoon', 'emergency', 'crisis', 'pandemic', 'business continuity', 'disaster risk', 'evacuation'], th: ['ภัยพิบัติ', 'น้ำท่วม', 'แผ่นดินไหว', 'พายุ', 'ฉุกเฉิน', 'วิกฤต', 'โรคระบาด', 'อุทกภัย', 'สาธารณภัย'] },
  { id: 'climate', label: 'Climate change', en: ['climate', 'climate change', 'global warming', 'carbon', 'emission', 'net zero', 'greenhouse'], th: ['สภาพภูมิอากาศ', 'ภูมิอากาศ', 'โลกร้อน', 'คาร์บอน', 'ก๊าซเรือนกระจก', 'ปล่อยก๊าซ'] },
  { id: 'green', label: 'Green government', en: ['green', 'environment', 'environmental', 'energy', 'sustainable', 'sustainability', 'waste', 'recycle', 'recycling', 'paperless'], th: ['สิ่งแวดล้อม', 'พลังงาน', 'ยั่งยืน', 'ความยั่งยืน', 'สีเขียว', 'ขยะ', 'รีไซเคิล'] },
  { id: 'performance', label: 'Performance management', en: ['performance', 'kpi', 'kpis', 'appraisal', 'evaluation', 'performance management', 'indicator', 'assessment'], th: ['ผลการปฏิบัติงาน', 'ประเมินผล', 'ตัวชี้วัด', 'การประเมิน', 'ประเมิน'] },
  { id: 'pay', label: 'Pay and incentives', en: ['pay', 'salary', 'remuneration', 'compensation', 'incentive', 'reward', 'bonus', 'benefit package'], th: ['เงินเดือน', 'ค่าตอบแทน', 'แรงจูงใจ', 'สวัสดิการ', 'โบนัส'] },
  { id: 'recruitment', label: 'Recruitment', en: ['recruitment', 'recruit', 'hiring', 'hire', 'selection', 'talent acquisition', 'attract talent'], th: ['สรรหา', 'รับสมัคร', 'คัดเลือก', 'บรรจุ', 'จ้างงาน'] },
  { id: 'merit', label: 'Merit system', en: ['merit', 'merit system', 'meritocracy', 'merit based', 'competitive exam'], th: ['ระบบคุณธรรม', 'คุณธรรม'] },
  { id: 'career', label: 'Career and promotion', en: ['promotion', 'career', 'career path', 'advancement', 'talent management', 'succession'], th: ['เลื่อนตำแหน่ง', 'ความก้าวหน้า', 'เส้นทางอาชีพ', 'สายอาชีพ'] },
  { id: 'wellbeing', label: 'Well-being', en: ['wellbeing', 'well being', 'mental health', 'work life balance', 'burnout', 'stress'], th: ['สุขภาพจิต', 'ความเป็นอยู่ที่ดี', 'สมดุลชีวิต', 'หมดไฟ', 'ความเครียด'] },
  { id: 'service', label: 'Public service delivery', en: ['public service', 'service delivery', 'citizen service', 'government service', 'public services'], th: ['การให้บริการประชาชน', 'บริการประชาชน', 'บริการสาธารณะ', 'บริการภาครัฐ'], generic: true },
  { id: 'citizens', label: 'Citizens', en: ['citizen', 'people', 'resident', 'community'], th: ['ประชาชน', 'พลเมือง', 'ชุมชน'], generic: true },
  { id: 'participation', label: 'Public participation', en: ['participation', 'participate', 'consultation', 'consult', 'feedback', 'survey', 'public hearing', 'engagement', 'satisfaction', 'complaint'], th: ['การมีส่วนร่วม', 'มีส่วนร่วม', 'รับฟังความคิดเห็น', 'ความคิดเห็น', 'ความเห็น', 'ประชาพิจารณ์', 'แบบสอบถาม', 'ความพึงพอใจ', 'ร้องเรียน'] },
  { id: 'policy', label: 'Policy and regulation', en: ['policy', 'regulation', 'law', 'legislation', 'rule', 'regulatory'], th: ['นโยบาย', 'กฎหมาย', 'กฎระเบียบ', 'ระเบียบ'], generic: true },
  { id: 'budget', label: 'Budget', en: ['budget', 'budgeting', 'funding', 'fund', 'finance', 'financial'], th: ['งบประมาณ', 'การเงิน', 'เงินทุน'] },
  { id: 'local', label: 'Local and rural', en: ['rural', 'remote', 'local government', 'province', 'provincial', 'village'], th: ['ชนบท', 'ห่างไกล', 'ท้องถิ่น', 'จังหวัด', 'หมู่บ้าน'] },
  { id: 'workforce', label: 'Civil servants', en: ['civil servant', 'civil service', 'public servant', 'public official', 'public officer', 'government official', 'staff', 'personnel', 'employee', 'workforce', 'human resource', 'hr', 'officer'], th: ['ข้าราชการ', 'เจ้าหน้าที่', 'บุคลากร', 'พนักงาน', 'ทรัพยากรบุคคล', 'รับราชการ', 'ราชการ'], generic: true },
  { id: 'agencies', label: 'Government agencies', en: ['ministry', 'agency', 'department', 'government agency', 'government', 'public sector'], th: ['หน่วยงาน', 'กระทรวง', 'กรม', 'ส่วนราชการ', 'ภาครัฐ', 'หน่วยงานรัฐ', 'รัฐ'], generic: true },
  { id: 'asean', label: 'ASEAN cooperation', en: ['asean', 'regional', 'region', 'member state', 'member states', 'cross border', 'international'], th: ['อาเซียน', 'ภูมิภาค', 'ประเทศสมาชิก', 'ระหว่างประเทศ'], generic: true },
];

interface CompiledConcepts {
  /** Stemmed English phrase (token sequence, stop-words removed) → concept ids. */
  enPhrases: Array<{ tokens: string[]; id: string }>;
  /** First token of a phrase → indexes into enPhrases. */
  enByFirst: Map<string, number[]>;
  /** Thai phrases (normalised), by their first two UTF-16 units. */
  thByPrefix: Map<string, Array<{ text: string; id: string }>>;
  labels: Map<string, string>;
  /** Prior weight of each concept id (generic concepts weigh less). */
  prior: Map<string, number>;
}

let compiled: CompiledConcepts | null = null;
function concepts(): CompiledConcepts {
  if (compiled) return compiled;
  const enPhrases: CompiledConcepts['enPhrases'] = [];
  const enByFirst = new Map<string, number[]>();
  const thByPrefix: CompiledConcepts['thByPrefix'] = new Map();
  const labels = new Map<string, string>();
  const prior = new Map<string, number>();
  for (const c of CONCEPTS) {
    labels.set(c.id, c.label);
    prior.set(c.id, c.generic ? GENERIC_CONCEPT_WEIGHT : 1);
    for (const p of c.en) {
      const tokens = segmentWords(normalise(p)).map((w) => phraseTokenOf(w.text));
      if (tokens.length === 0) continue;
      const first = tokens[0] as string;
      const list = enByFirst.get(first) ?? [];
      list.push(enPhrases.length);
      enByFirst.set(first, list);
      enPhrases.push({ tokens, id: c.id });
    }
    for (const p of c.th) {
      const text = normalise(p);
      const list = thByPrefix.get(text.slice(0, 2)) ?? [];
      list.push({ text, id: c.id });
      thByPrefix.set(text.slice(0, 2), list);
    }
  }
  compiled = { enPhrases, enByFirst, thByPrefix, labels, prior };
  return compiled;
}

/** English label of a concept id (undefined for an unknown id). */
export function conceptLabel(id: string): string | undefined {
  return concepts().labels.get(id);
}

/** Weight factor of a generic concept (see Concept.generic). */
export const GENERIC_CONCEPT_WEIGHT = 0.35;

/** Prior weight of a concept id: 1, or GENERIC_CONCEPT_WEIGHT for a generic concept. */
export function conceptPrior(id: string): number {
  return concepts().prior.get(id) ?? 1;
}

function matchConcepts(norm: string, segs: Word[]): string[] {
  const tokens = segs.map((s) => phraseTokenOf(s.text));
  const cc = concepts();
  const found = new Set<string>();
  // English: contiguous sequences of stemmed words (stop-words included, so "new generation"
  // needs the "new").
  for (let i = 0; i < tokens.length; i++) {
    const starts = cc.enByFirst.get(tokens[i] as string);
    if (!starts) continue;
    for (const k of starts) {
      const p = cc.enPhrases[k] as CompiledConcepts['enPhrases'][number];
      let ok = i + p.tokens.length <= tokens.length;
      for (let j = 1; ok && j < p.tokens.length; j++) ok = tokens[i + j] === p.tokens[j];
      if (ok) found.add(p.id);
    }
  }
  // Thai: substring of the normalised text that starts and ends on word-segment boundaries
  // (so แปล does not match inside เปลี่ยนแปลง). Spaces between the segments are allowed.
  if (THAI_CHAR.test(norm)) {
    const ends = new Set<number>();
    for (const s of segs) ends.add(s.end);
    for (const s of segs) {
      const candidates = cc.thByPrefix.get(norm.slice(s.start, s.start + 2));
      if (!candidates) continue;
      for (const p of candidates) {
        if (!found.has(p.id) && norm.startsWith(p.text, s.start) && ends.has(s.start + p.text.length)) found.add(p.id);
      }
    }
  }
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Features and index

export interface NoteFeatures {
  id: string;
  text: string;
  /** normalise(text) */
  norm: string;
  /** Content tokens (see tokenize). */
  tokens: string[];
  /** First surface word seen for each token (for labels: "training" rather than "train"). */
  surface: Map<string, string>;
  /** Matched concept ids, sorted. */
  concepts: string[];
  /** Distinct character 3-grams. */
  grams: string[];
}

/** Features of one text; independent of any other note. */
export function features(text: string, id = ''): NoteFeatures {
  const norm = normalise(text);
  const segs = segmentWords(norm);
  const tokens: string[] = [];
  const surface = new Map<string, string>();
  for (const s of segs) {
    const t = tokenOf(s.text);
    if (t === null) continue;
    tokens.push(t);
    if (!surface.has(t)) surface.set(t, s.text);
  }
  return { id, text, norm, tokens, surface, concepts: matchConcepts(norm, segs), grams: charNgrams(norm, 3, true) };
}

/** Weights of the score components. They need not sum to 1; the score is divided by their sum. */
export interface SimilarityWeights {
  tokens: number;
  concepts: number;
  grams: number;
}

export const DEFAULT_WEIGHTS: Readonly<SimilarityWeights> = { tokens: 0.45, concepts: 0.35, grams: 0.2 };

/** Sparse vector: sorted term ids and L2-normalised weights. */
interface Sparse {
  ids: Int32Array;
  w: Float64Array;
}

/** Note features compiled against an index: integer ids, IDF weights, sorted arrays. */
export interface CompiledNote {
  tokens: Sparse;
  concepts: Sparse;
  /** Sorted distinct 3-gram ids. */
  grams: Int32Array;
}

export interface SimilarityIndex {
  notes: NoteFeatures[];
  compiled: CompiledNote[];
  /** Note id → position in notes (first occurrence). */
  position: Map<string, number>;
  /** Number of notes the IDF is computed over. */
  size: number;
  tokenIds: Map<string, number>;
  conceptIds: Map<string, number>;
  gramIds: Map<string, number>;
  tokenIdf: Float64Array;
  conceptIdf: Float64Array;
  /** Concept id strings by concept index. */
  conceptNames: string[];
  weights: SimilarityWeights;
}

/**
 * Background weight in the concept vectors' norm (see sparse). Concept weights are IDF divided
 * by the largest possible IDF, ln(1 + N), so they lie in (0, 1] whatever the number of notes:
 * two notes that share a single specific concept (weight ≈ 0.5–0.8) still score high, two that
 * share a single generic one (weight ≈ 0.1–0.2 after GENERIC_CONCEPT_WEIGHT) do not.
 */
export const CONCEPT_BACKGROUND = 0.25;

function idf(df: number, n: number): number {
  return Math.log(1 + n / Math.max(df, 1));
}

function intern(map: Map<string, number>, key: string, df: number[] | null): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
    if (df) df.push(0);
  }
  return id;
}

/**
 * `background` adds a constant dimension that no other note shares to the norm, so a note whose
 * only term is a low-weight one does not get cosine 1 with another such note.
 */
function sparse(counts: Map<number, number>, weight: (id: number) => number, background = 0): Sparse {
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const w = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    // sub-linear TF: a word repeated on a sticky note is emphasis, not twice the topic
    const v = (1 + Math.log(counts.get(id) as number)) * weight(id);
    w[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm + (ids.length > 0 ? background * background : 0));
  if (norm > 0) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / norm;
  return { ids, w };
}

/**
 * Features for every note and IDF over the set. Term ids are assigned in note order, so the
 * index (and everything computed from it) is a pure function of the input array.
 */
export function buildIndex(
  notes: ReadonlyArray<{ id: string; text: string }>,
  weights: SimilarityWeights = DEFAULT_WEIGHTS,
): SimilarityIndex {
  const feats = notes.map((n) => features(n.text, n.id));
  const tokenIds = new Map<string, number>();
  const conceptIds = new Map<string, number>();
  const gramIds = new Map<string, number>();
  const tokenDf: number[] = [];
  const conceptDf: number[] = [];
  for (const f of feats) {
    for (const t of new Set(f.tokens)) tokenDf[intern(tokenIds, t, tokenDf)]! += 1;
    for (const c of f.concepts) conceptDf[intern(conceptIds, c, conceptDf)]! += 1;
    for (const g of f.grams) intern(gramIds, g, null);
  }
  const n = feats.length;
  const tokenIdf = Float64Array.from(tokenDf, (df) => idf(df, n));
  const conceptIdf = Float64Array.from(conceptDf, (df) => idf(df, n));
  const compiledNotes = feats.map((f) => compileNote(f, tokenIds, conceptIds, gramIds, tokenIdf, conceptIdf, n));
  const position = new Map<string, number>();
  feats.forEach((f, i) => {
    if (!position.has(f.id)) position.set(f.id, i);
  });
  const conceptNames: string[] = [];
  for (const [name, id] of conceptIds) conceptNames[id] = name;
  return {
    notes: feats,
    compiled: compiledNotes,
    position,
    size: n,
    tokenIds,
    conceptIds,
    gramIds,
    tokenIdf,
    conceptIdf,
    conceptNames,
    weights,
  };
}

/**
 * Compile features against an index's vocabulary. Terms the index has not seen get the IDF of
 * a term seen once (and a fresh id past the vocabulary, so they can still match each other).
 */
function compileNote(
  f: NoteFeatures,
  tokenIds: Map<string, number>,
  conceptIds: Map<string, number>,
  gramIds: Map<string, number>,
  tokenIdf: Float64Array,
  conceptIdf: Float64Array,
  n: number,
  extra?: Map<string, number>,
): CompiledNote {
  const rare = idf(1, Math.max(n, 1));
  const maxIdf = rare;
  const idOf = (vocab: Map<string, number>, key: string, prefix: string): number => {
    const id = vocab.get(key);
    if (id !== undefined) return id;
    const k = prefix + key;
    let e = extra?.get(k);
    if (e === undefined && extra) {
      e = -1 - extra.size;
      extra.set(k, e);
    }
    return e ?? -1;
  };
  const tc = new Map<number, number>();
  for (const t of f.tokens) {
    const id = idOf(tokenIds, t, 't:');
    tc.set(id, (tc.get(id) ?? 0) + 1);
  }
  const cc = new Map<number, number>();
  const prior = new Map<number, number>();
  for (const c of f.concepts) {
    const id = idOf(conceptIds, c, 'c:');
    cc.set(id, 1);
    prior.set(id, conceptPrior(c));
  }
  const gs = new Set<number>();
  for (const g of f.grams) gs.add(idOf(gramIds, g, 'g:'));
  return {
    tokens: sparse(tc, (id) => (id >= 0 ? (tokenIdf[id] as number) : rare)),
    concepts: sparse(cc, (id) => ((id >= 0 ? (conceptIdf[id] as number) : rare) / maxIdf) * (prior.get(id) as number), CONCEPT_BACKGROUND),
    grams: Int32Array.from([...gs].sort((a, b) => a - b)),
  };
}

function dot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.w[i++] as number) * (b.w[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function intersectCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      s++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

export interface SimilarityDetail {
  /** Final score in [0, 1]. */
  score: number;
  /** Cosine of the TF-IDF token vectors. */
  tokens: number;
  /** Cosine of the IDF-weighted concept vectors. */
  concepts: number;
  /** Jaccard of the character 3-gram sets. */
  grams: number;
}

/**
 * Combine the components: a weighted mean, floored by the 3-gram Jaccard. When neither note
 * matched any concept the concept channel carries no evidence either way, so it is left out of
 * the mean instead of counting as 0; when only one did, it counts as 0.
 */
export function combine(
  parts: { tokens: number; concepts: number | null; grams: number },
  w: SimilarityWeights = DEFAULT_WEIGHTS,
): number {
  const total = w.tokens + w.grams + (parts.concepts === null ? 0 : w.concepts);
  if (total <= 0) return 0;
  const mixed = (w.tokens * parts.tokens + w.grams * parts.grams + (parts.concepts === null ? 0 : w.concepts * parts.concepts)) / total;
  return Math.min(1, Math.max(mixed, parts.grams));
}

/** Score two compiled notes (same index). */
export function compiledSimilarity(a: CompiledNote, b: CompiledNote, w: SimilarityWeights = DEFAULT_WEIGHTS): SimilarityDetail {
  const t = dot(a.tokens, b.tokens);
  const ca = a.concepts.ids.length;
  const cb = b.concepts.ids.length;
  const c = ca > 0 && cb > 0 ? dot(a.concepts, b.concepts) : 0;
  const inter = intersectCount(a.grams, b.grams);
  const union = a.grams.length + b.grams.length - inter;
  const g = union > 0 ? inter / union : 0;
  return { score: combine({ tokens: t, concepts: ca > 0 || cb > 0 ? c : null, grams: g }, w), tokens: t, concepts: c, grams: g };
}

type NoteLike = string | { id?: string; text: string };

function compiledFor(x: NoteLike, ctx: SimilarityIndex, extra: Map<string, number>): CompiledNote {
  if (typeof x !== 'string' && x.id !== undefined) {
    const at = ctx.position.get(x.id);
    if (at !== undefined && ctx.notes[at]?.text === x.text) return ctx.compiled[at] as CompiledNote;
  }
  const text = typeof x === 'string' ? x : x.text;
  return compileNote(features(text), ctx.tokenIds, ctx.conceptIds, ctx.gramIds, ctx.tokenIdf, ctx.conceptIdf, ctx.size, extra);
}

/** Components and score of the similarity of two notes; see similarity(). */
export function similarityDetail(a: NoteLike, b: NoteLike, ctx?: SimilarityIndex): SimilarityDetail {
  const index = ctx ?? buildIndex([]);
  const extra = new Map<string, number>();
  return compiledSimilarity(compiledFor(a, index, extra), compiledFor(b, index, extra), index.weights);
}

/**
 * Similarity in [0, 1] of two notes (texts, or `{ id, text }` of notes in `ctx`). `ctx` supplies
 * the IDF weights (build it once with buildIndex over the whole note set); without it every
 * term weighs the same. Symmetric, and 1 for two texts that normalise to the same string.
 */
export function similarity(a: NoteLike, b: NoteLike, ctx?: SimilarityIndex): number {
  return similarityDetail(a, b, ctx).score;
}
