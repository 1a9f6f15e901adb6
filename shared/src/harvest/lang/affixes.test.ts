import { describe, expect, it } from 'vitest';
import { conceptsOf } from '../concept-map';
import { noteStemmer, tokenize } from '../text';
import { filipinoStem, malayStem } from './affixes';

describe('malayStem: forms of one word meet (Malay and Indonesian)', () => {
  it.each<[string, string[], string]>([
    ['peN-…-an, di-, meN-, ber- (training)', ['pelatihan', 'latihan', 'dilatih', 'melatih', 'berlatih'], 'latih'],
    ['ke-…-an, peN-, meN- (leadership)', ['kepimpinan', 'kepemimpinan', 'pemimpin', 'memimpin'], 'pimpin'],
    ['peN-…-an, meN-…-i (service)', ['pelayanan', 'melayani'], 'layan'],
    ['meN- recoded: men+t (assessment)', ['penilaian', 'menilai'], 'tilai'],
    ['meng-/peng- before a vowel', ['pengambilan', 'mengambil'], 'ambil'],
    ['peng-/meng- before g, -an/-kan', ['penggunaan', 'menggunakan'], 'guna'],
    ['pel-/bel- + ajar, meng-, peng-…-an', ['pembelajaran', 'belajar', 'mengajar', 'pengajaran'], 'ajar'],
    ['ke-…-an keeps -kan-like roots (ke-bijak-an)', ['kebijakan', 'bijak'], 'bijak'],
    ['ke-ber-…-an (two prefixes)', ['keberlanjutan', 'berlanjut'], 'lanjut'],
    ['mem-per-…-i (three affixes)', ['memperbaiki', 'perbaikan', 'diperbaiki'], 'baik'],
    ['-nya and -lah come off first', ['pelatihannya', 'latihanlah'], 'latih'],
    ['peN-…-an, ke-…-an (complaints)', ['pengaduan', 'aduan'], 'aduan'],
  ])('%s', (_name, forms, root) => {
    for (const f of forms) expect(malayStem(f), f).toBe(root);
  });

  it.each<[string, string]>([
    ['asn', 'asn'], // short words and acronyms stay
    ['data', 'data'],
    ['bencana', 'bencana'], // no affix: unchanged
    ['integriti', 'integriti'],
    ['kpi2', 'kpi2'], // not all letters: unchanged
    ['pegawai', 'pegawai'], // pe+g is not a prefix
  ])('%s stays %s', (word, out) => {
    expect(malayStem(word)).toBe(out);
  });
});

describe('filipinoStem: forms of one word meet', () => {
  it.each<[string, string[], string]>([
    ['pag-/nag- + reduplication, -in (training)', ['pagsasanay', 'nagsasanay', 'sanayin'], 'sanay'],
    ['pam- recoded, -in- infix, ma+m- (leadership)', ['pamumuno', 'pinuno', 'mamumuno'], 'puno'],
    ['pag-/nag- with a consonant-cluster root', ['pagtatrabaho', 'nagtatrabaho', 'trabaho'], 'trabaho'],
    ['-um- and -in- infixes', ['bumili', 'binili'], 'bili'],
    ['ka-…-an + reduplicated vowel root', ['aaral', 'aralin'], 'aral'],
    ['ka-…-an', ['katiwalian', 'tiwali'], 'tiwali'],
    ['ka-…-han', ['kakayahan'], 'kaya'],
  ])('%s', (_name, forms, root) => {
    for (const f of forms) expect(filipinoStem(f), f).toBe(root);
  });

  it.each<[string, string]>([
    ['serbisyo', 'serbisyo'],
    ['reklamo', 'reklamo'],
    ['lgu', 'lgu'],
  ])('%s stays %s', (word, out) => {
    expect(filipinoStem(word)).toBe(out);
  });
});

describe('noteStemmer: the note language picks the stripper for its words', () => {
  it.each<[string, string, ReturnType<typeof noteStemmer>]>([
    ['Indonesian', 'Pelatihan untuk ASN di daerah dan kota', 'malay'],
    ['Malay', 'Kursus dalam talian untuk penjawat awam', 'malay'],
    ['Filipino', 'Pagsasanay ng mga kawani sa LGU', 'fil'],
    ['English', 'Training for the staff of ministries', 'en'],
    ['Vietnamese reads as English (no affixes to strip)', 'Đào tạo cho các công chức của bộ', 'en'],
    ['no function word at all: English, as before', 'KPI dashboard', 'en'],
  ])('%s', (_name, text, stemmer) => {
    expect(noteStemmer(tokenizeWords(text))).toBe(stemmer);
  });

  it('two notes in two forms of one word share a token', () => {
    expect(tokenize('Pelatihan untuk pegawai')).toContain('latih');
    expect(tokenize('Pegawai dilatih di daerah')).toContain('latih');
    expect(tokenize('Pagsasanay ng mga kawani')).toContain('sanay');
    expect(tokenize('Nagsasanay ang mga kawani')).toContain('sanay');
  });
});

describe('concept matching with affixes', () => {
  it.each<[string, string, string]>([
    ['an inflected form meets the listed term (id/ms "pemimpin")', 'Pegawai muda memimpin projek kementerian', 'leadership'],
    [
      'Malay form meets the Indonesian listed term (and women + leadership is women in leadership)',
      'Kepimpinan wanita dalam sektor awam',
      'womenleaders',
    ],
    ['Filipino -in- progressive meets the listed gerund (pagsusuri)', 'Sinusuri taun-taon ang mga kawani', 'performance'],
  ])('%s', (_name, text, concept) => {
    expect(conceptsOf(text)).toContain(concept);
  });

  it.each<[string, string, string]>([
    // a bare root is not its derivation: "lanjut usia" (old age) is not "berkelanjutan" (sustainable)
    ['lanjut usia is not sustainability', 'Kebijakan untuk penduduk lanjut usia', 'green'],
    // a root shared by two concepts' terms matches only as written
    ['pagbabago (change) is not makabago (innovative)', 'Pagbabago ng klima: kailangan ng aksyon', 'innovation'],
    ['pelatih (trainee) keeps latihan (training) to its written forms', 'Pegawai perlu dilatih setiap tahun', 'training'],
  ])('%s', (_name, text, concept) => {
    expect(conceptsOf(text)).not.toContain(concept);
  });
});

function tokenizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
