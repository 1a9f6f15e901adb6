// The multilingual concept map: one concept reached from every language, labels in the UI
// language, and the shape of the data files.
import { describe, expect, it } from 'vitest';
import { areRelatedTopics, conceptLabel, conceptsOf, conceptTopic, isGenericConcept, longestMatches, type Span } from './concept-map';
import { CONCEPT_INFO, LEXICONS, type ConceptId } from './lexicon';

describe('concept lookup in every language', () => {
  // [language, note, concept it must match]
  it.each<[string, string, string]>([
    ['en', 'Online training courses', 'training'],
    ['th', 'จัดอบรมข้าราชการ', 'training'],
    ['vi', 'Đào tạo trực tuyến cho công chức', 'training'],
    ['vi without tone marks', 'dao tao truc tuyen cho cong chuc', 'training'],
    ['id', 'Pelatihan daring untuk ASN', 'training'],
    ['ms', 'Kursus latihan dalam talian', 'training'],
    ['fil', 'Online na pagsasanay para sa mga kawani', 'training'],
    ['km', 'វគ្គបណ្តុះបណ្តាលតាមអនឡាញ', 'training'],
    ['km, other subscript spelling', 'វគ្គបណ្ដុះបណ្ដាល', 'training'],
    ['lo', 'ຫຼັກສູດຝຶກອົບຮົມອອນລາຍ', 'training'],
    ['my', 'နိုင်ငံ့ဝန်ထမ်းများအတွက် သင်တန်း', 'training'],
    ['en', 'Flood early warning', 'disaster'],
    ['th', 'แผนรับมือภัยพิบัติ', 'disaster'],
    ['vi', 'Ứng phó thiên tai và lũ lụt', 'disaster'],
    ['id', 'Kesiapsiagaan bencana', 'disaster'],
    ['ms', 'Pelan tindakan banjir', 'disaster'],
    ['fil', 'Paghahanda sa sakuna at bagyo', 'disaster'],
    ['km', 'ការត្រៀមបង្ការគ្រោះមហន្តរាយ', 'disaster'],
    ['lo', 'ແຜນຮັບມືໄພພິບັດ', 'disaster'],
    ['my', 'သဘာဝဘေးအန္တရာယ် ကြိုတင်ပြင်ဆင်ရေး', 'disaster'],
    ['vi', 'Phòng chống tham nhũng', 'anticorruption'],
    ['id', 'Cegah korupsi dan gratifikasi', 'anticorruption'],
    ['ms', 'Membanteras rasuah', 'anticorruption'],
    ['fil', 'Labanan ang katiwalian', 'anticorruption'],
    ['km', 'ប្រឆាំងអំពើពុករលួយ', 'anticorruption'],
    ['lo', 'ຕ້ານການສໍ້ລາດບັງຫຼວງ', 'anticorruption'],
    ['my', 'အကျင့်ပျက်ခြစားမှု တိုက်ဖျက်ရေး', 'anticorruption'],
    ['my, slash between ကျား and မ', 'ကျား/မ တန်းတူညီမျှမှု', 'gender'],
    ['mixed id + English acronym', 'Penilaian kinerja berbasis KPI', 'performance'],
    ['fil, a word with its linker (babae + -ng)', 'Mentoring para sa mga babaeng kawani', 'women'],
    ['en, accessibility is disability', 'Ramps and braille signs at every office', 'disability'],
    ['th', 'ลดขั้นตอนการขออนุญาตก่อสร้าง', 'redtape'],
    ['vi', 'Chảy máu chất xám khỏi khu vực công', 'retention'],
    ['lo', 'ຫຼຸດການເຮັດວຽກລ່ວງເວລາ', 'wellbeing'],
    ['km', 'ការគ្រប់គ្រងផ្អែកលើលទ្ធផលនៅក្រសួង', 'performance'],
    ['ms, logistics beside a topic word', 'Bilik latihan di aras 3', 'logistics'],
    ['vi, logistics beside a topic word', 'Hội thảo chuyển đổi số ở tầng 5', 'logistics'],
  ])('%s: %s → %s', (_lang, text, concept) => {
    expect(conceptsOf(text)).toContain(concept);
  });

  // Close topics: the sharper concept is matched and the broader one it refines is dropped.
  // [language, note, concept it must match, concept it must not keep]
  it.each<[string, string, string, string]>([
    ['en, training needs are training', 'Do a training needs analysis in every ministry', 'trainingneeds', 'performance'],
    ['vi, training needs are training', 'Khảo sát nhu cầu bồi dưỡng của công chức cấp xã', 'trainingneeds', 'performance'],
    ['lo, training needs are training', 'ສຳຫຼວດຄວາມຕ້ອງການຝຶກອົບຮົມຂອງພະນັກງານ', 'trainingneeds', 'performance'],
    ['id, lecturers exchanged are training', 'Pertukaran widyaiswara antar lembaga diklat', 'trainers', 'exchange'],
    ['th, trainers exchanged are training', 'แลกเปลี่ยนวิทยากรกับสถาบันฝึกอบรมของเพื่อนบ้าน', 'trainers', 'exchange'],
    ['en, next-generation leaders are succession', 'Succession plan to prepare the next generation of directors', 'succession', 'youth'],
    ['km, next-generation leaders are succession', 'រៀបចំអ្នកដឹកនាំជំនាន់ថ្មីសម្រាប់ក្រសួង', 'succession', 'youth'],
    ['ms, staff with young children is well-being', 'Waktu fleksibel untuk ibu bapa bekerja yang ada anak kecil', 'family', 'youth'],
    ['vi, a data backup is business continuity', 'Sao lưu dữ liệu hồ sơ ở tỉnh khác phòng khi lũ', 'backup', 'data'],
    ['id, an online one-stop counter is one-stop', 'Mal Pelayanan Publik juga dengan layanan online', 'onestop', 'egov'],
    ['my, a transparent exam is merit', 'ပွင့်လင်းမြင်သာသော စာမေးပွဲဖြင့် ခန့်အပ်ရေး', 'merit', 'integrity'],
    [
      'fil, teaching staff the e-government system is digital skills',
      'Turuan ang mga kawani gumamit ng eGov app at online portal',
      'digitalskills',
      'training',
    ],
  ])('%s: %s → %s, not %s', (_lang, text, concept, broader) => {
    const found = conceptsOf(text);
    expect(found).toContain(concept);
    expect(found).not.toContain(broader);
  });

  it.each<[string, string, string]>([
    ['Khmer ភេទ (sex) inside ប្រភេទ (kind) is not matched', 'ប្រភេទសេវាថ្មី', 'gender'],
    ['Vietnamese "lũ" only as a word ("lũy" is not flood)', 'tích lũy kinh nghiệm', 'disaster'],
    ['Filipino "pagbabago" (change) alone is not climate change', 'pagbabago sa opisina', 'climate'],
    ['Malay "tenaga" alone (workforce, as in tenaga kerja) is not energy', 'tenaga kerja mahir', 'green'],
    // tone marks are folded, so a one-syllable Vietnamese term meets its toneless twins
    ['Vietnamese "tỉnh" (province) is not the "tinh" of "tinh thần"', 'sức khỏe tinh thần của công chức', 'local'],
    ['Vietnamese "bão" (storm) is not the "bao" of "bao gồm"', 'bao gồm các đơn vị', 'disaster'],
    ['Vietnamese "lượng" (quantity) is not "lương" (pay)', 'số lượng công chức', 'pay'],
    ['Vietnamese "nâng lương" (a pay rise) is not "năng lượng" (energy)', 'xét nâng lương cho công chức', 'green'],
    ['Vietnamese "năng lượng" (energy) is not "nâng lương" (a pay rise)', 'tiết kiệm năng lượng ở cơ quan', 'career'],
    ['Indonesian "birokrasi" (the civil service) is not red tape', 'birokrasi yang melayani', 'redtape'],
    // logistics hides a note, so words that also carry ideas are not logistics
    [
      'Vietnamese "Ban Tổ chức" is also the Party\'s personnel board, not only the organisers',
      'Ban Tổ chức Trung ương hướng dẫn quy hoạch cán bộ',
      'logistics',
    ],
    ['Indonesian online attendance is an idea, not "jangan lupa absen"', 'Absen online untuk ASN di semua instansi', 'logistics'],
    ['English "on level" inside "based on level of"', 'Allowances based on level of responsibility', 'logistics'],
    ['Thai complaints by e-mail are citizen feedback', 'ประชาชนร้องเรียนทางอีเมลได้', 'logistics'],
    ['a toilet for wheelchair users is an idea, not logistics', 'Toilets for wheelchair users in every office', 'logistics'],
  ])('%s', (_name, text, absent) => {
    expect(conceptsOf(text)).not.toContain(absent);
  });
});

describe('concept labels in the UI language', () => {
  it.each<[string, string, string]>([
    ['disaster', 'en', 'Disaster resilience'],
    ['disaster', 'th', 'การรับมือภัยพิบัติ'],
    ['disaster', 'th-TH', 'การรับมือภัยพิบัติ'],
    ['training', 'vi', 'Đào tạo, bồi dưỡng'],
    ['training', 'ms', 'Latihan'],
    ['training', 'ko', 'Training'], // not an interface language: English
    ['training', 'EN-gb', 'Training'],
  ])('%s in %s', (id, locale, expected) => {
    expect(conceptLabel(id, locale)).toBe(expected);
  });

  it('unknown concept: undefined', () => {
    expect(conceptLabel('nope', 'th')).toBeUndefined();
  });
});

describe('the data', () => {
  const ids = Object.keys(CONCEPT_INFO) as ConceptId[];

  it('nine languages, each with terms for most concepts', () => {
    expect(LEXICONS.map((l) => l.lang).sort()).toEqual(['en', 'fil', 'id', 'km', 'lo', 'ms', 'my', 'th', 'vi']);
    for (const l of LEXICONS) {
      const covered = ids.filter((id) => (l.terms[id]?.length ?? 0) > 0).length;
      expect(covered / ids.length, l.lang).toBeGreaterThan(0.8);
    }
  });

  it('terms only name known concepts and are not empty', () => {
    for (const l of LEXICONS) {
      for (const [id, terms] of Object.entries(l.terms)) {
        expect(ids, `${l.lang}: ${id}`).toContain(id);
        for (const t of terms ?? []) expect(t.trim().length, `${l.lang}: ${id}`).toBeGreaterThan(0);
      }
    }
  });

  it('a topic names a concept that is its own topic, and generic concepts have no topic', () => {
    for (const id of ids) {
      const topic = conceptTopic(id);
      expect(ids).toContain(topic);
      expect(conceptTopic(topic)).toBe(topic);
      if (isGenericConcept(id)) expect(topic).toBe(id);
    }
  });
});

describe('a term inside a longer term of another topic means what the longer one means', () => {
  // [what, spans matched, ids kept]
  it.each<[string, Span[], string[]]>([
    [
      'a shorter span of another topic inside a longer one goes',
      [
        { id: 'exchange', start: 5, end: 13 },
        { id: 'egov', start: 0, end: 13 },
      ],
      ['egov'],
    ],
    [
      'the same span: both stand',
      [
        { id: 'exchange', start: 0, end: 8 },
        { id: 'egov', start: 0, end: 8 },
      ],
      ['exchange', 'egov'],
    ],
    [
      'overlapping but not inside: both stand',
      [
        { id: 'exchange', start: 0, end: 8 },
        { id: 'egov', start: 4, end: 13 },
      ],
      ['exchange', 'egov'],
    ],
    [
      'a cross-cutting concept stays (online inside online public services)',
      [
        { id: 'digital', start: 7, end: 13 },
        { id: 'egov', start: 0, end: 20 },
      ],
      ['digital', 'egov'],
    ],
    [
      'a concept of the same topic stays (training inside a training institute)',
      [
        { id: 'training', start: 0, end: 8 },
        { id: 'trainers', start: 0, end: 18 },
      ],
      ['training', 'trainers'],
    ],
    [
      'a shorter concept that refines the longer one goes too (merit inside an integrity assessment)',
      [
        { id: 'merit', start: 12, end: 19 },
        { id: 'integrity', start: 0, end: 30 },
      ],
      ['integrity'],
    ],
    [
      'a generic concept goes too (competence inside capacity building)',
      [
        { id: 'competence', start: 5, end: 12 },
        { id: 'capacity', start: 0, end: 12 },
      ],
      ['capacity'],
    ],
  ])('%s', (_name, spans, kept) => {
    expect(longestMatches(spans).map((s) => s.id)).toEqual(kept);
  });

  // [note, concept it matches, concept it does not]
  it.each<[string, string, string]>([
    ['Build a government data exchange layer', 'egov', 'exchange'],
    ['พัฒนาศักยภาพข้าราชการ', 'capacity', 'competence'],
    ['နည်းပြဆရာ အပြန်အလှန် ဖလှယ်ရန်', 'trainers', 'mentoring'],
    ['Đẩy mạnh dịch vụ công trực tuyến', 'digital', 'nothing'],
    ['แลกเปลี่ยนวิทยากรระหว่างสถาบันฝึกอบรม', 'training', 'nothing'],
    ['การประเมินคุณธรรมและความโปร่งใสของหน่วยงาน', 'integrity', 'merit'],
  ])('%s → %s, not %s', (text, present, absent) => {
    const found = conceptsOf(text);
    expect(found).toContain(present);
    expect(found).not.toContain(absent);
  });
});

describe('competence as such names no topic; building it is training', () => {
  // [note, concepts it must match, concepts it must not]
  it.each<[string, string[], string[]]>([
    ['Promote on competence, not on years of service', ['competence', 'merit'], ['capacity', 'training']],
    ['Xây dựng khung năng lực lãnh đạo', ['competence', 'leadership'], ['capacity']],
    ['Nâng cao năng lực cho công chức', ['capacity'], ['competence']],
    ['ពង្រឹងសមត្ថភាពមន្ត្រី', ['capacity'], ['competence']],
    // skills + digital are digital skills
    ['Chuẩn kỹ năng sử dụng công nghệ thông tin cho công chức', ['digitalskills'], ['capacity']],
    ['Pegawai perlu celik data', ['digitalskills'], ['hrdata']],
  ])('%s', (text, present, absent) => {
    const found = conceptsOf(text);
    for (const c of present) expect(found).toContain(c);
    for (const c of absent) expect(found).not.toContain(c);
    expect(isGenericConcept('competence')).toBe(true);
  });
});

describe('words that mean one thing in Malay and another in Indonesian name no topic alone', () => {
  it.each<[string, string]>([
    ['Kurangkan mesyuarat selepas waktu pejabat', 'executives'],
    ['Setiap pejabat wajib lapor LHKPN tiap tahun', 'participation'],
  ])('%s: not %s', (text, absent) => {
    expect(conceptsOf(text)).not.toContain(absent);
  });
});

describe('close but distinct topics are offered apart, with a "related to" hint', () => {
  // issue 18's close pairs, by the topics of the groups' notes (women in leadership is filed
  // under gender, merit under recruitment)
  it.each<[string, string, boolean]>([
    ['gender', 'leadership', true],
    ['onestop', 'egov', true],
    ['digitalskills', 'training', true],
    ['hrdata', 'egov', true],
    ['recruitment', 'integrity', true],
    ['performance', 'training', true],
    ['disaster', 'training', false],
    ['leadership', 'leadership', false],
  ])('%s ~ %s: %s', (a, b, related) => {
    expect(areRelatedTopics(a, b)).toBe(related);
    expect(areRelatedTopics(b, a)).toBe(related);
  });
});

/** The topics a text names (the topics of its specific concepts). */
const topicsOfText = (text: string) =>
  conceptsOf(text)
    .filter((c) => !isGenericConcept(c))
    .map(conceptTopic);

describe('indirect notes: a topic named by an example, a symptom, a question or a complaint', () => {
  // Written for the sixth pass from issue 18's list of what delegates write, not from a fixture.
  // [language, note, topic it must name]
  it.each<[string, string, string]>([
    ['en, envelopes', 'Staff should not accept envelopes from clients', 'integrity'],
    ['th, tea money', 'ยังมีค่าน้ำร้อนน้ำชาอยู่ที่สำนักงานเขต', 'integrity'],
    ['id, a question about illegal levies', 'Kenapa masih ada pungli di pelayanan?', 'integrity'],
    ['ms, coffee money is a bribe, not a coffee break', 'Kenapa masih ada duit kopi?', 'integrity'],
    ['km, unofficial money', 'ហេតុអ្វីនៅតែមានការសុំលុយក្រៅផ្លូវការ', 'integrity'],
    ['vi without tone marks, envelopes', 'Sao van con phong bi khi di lam thu tuc?', 'integrity'],
    ['en, staying late', 'Why do we always stay late?', 'wellbeing'],
    ['th, no time for family', 'งานเยอะจนไม่มีเวลาให้ครอบครัว', 'wellbeing'],
    ['id, working until night', 'Kenapa harus kerja sampai malam?', 'wellbeing'],
    ['km, overtime', 'ធ្វើការថែមម៉ោងច្រើនពេក', 'wellbeing'],
    ['en, everyone rated excellent', 'Everyone gets rated excellent every year', 'performance'],
    ['th, everyone outstanding', 'ทำไมทุกคนได้ดีเด่นหมด', 'performance'],
    ['ms, excellent marks', 'Semua dapat markah cemerlang', 'performance'],
    ['en, lost files', 'Files lost when the server crashed last year', 'disaster'],
    ['en, where to complain', 'Where can citizens complain?', 'participation'],
    ['id, slang for a complaint', 'Warga mau komplain ke mana?', 'participation'],
    ['fil, a reduplicated verb', 'Saan magrereklamo ang mamamayan?', 'participation'],
    ['en, cannot use computers', 'Older staff struggle with computers', 'digitalskills'],
    ['vi, do not know how to use computers', 'Nhiều cán bộ không biết dùng máy tính', 'digitalskills'],
    ['id, slang for technophobe', 'Banyak pegawai gaptek', 'digitalskills'],
    ['ms, IT-blind', 'Ramai kakitangan buta IT', 'digitalskills'],
    ['km, cannot use computers', 'មន្ត្រីមិនចេះប្រើកុំព្យូទ័រ', 'digitalskills'],
    ['my, cannot use computers', 'ဝန်ထမ်းများ ကွန်ပျူတာ မသုံးတတ်', 'digitalskills'],
    ['id, cyber security not understood', 'Banyak staf belum paham keamanan siber dasar', 'digitalskills'],
    ['en, working in another country', 'Send officers to work in another ASEAN country for a year', 'exchange'],
    ['th, sent to a neighbouring ministry', 'ส่งข้าราชการไปทำงานที่กระทรวงของประเทศเพื่อนบ้าน', 'exchange'],
    ['lo, working in Vietnam', 'ໃຫ້ພະນັກງານໄປເຮັດວຽກຢູ່ຫວຽດນາມ 3 ເດືອນ', 'exchange'],
    ['en, public services online', 'Move more public services online', 'egov'],
    ['th, public services online', 'บริการภาครัฐผ่านออนไลน์ทั้งหมด', 'egov'],
  ])('%s: %s → %s', (_lang, text, topic) => {
    expect(topicsOfText(text)).toContain(topic);
  });

  it.each<[string, string, string]>([
    ['a question keeps its topic', 'Why is there still no hotline for complaints?', 'participation'],
    ['negation does not flip the topic', 'No more paper forms: everything online', 'egov'],
    ['Thai negation', 'ไม่ควรรับของขวัญจากผู้มาติดต่อ', 'integrity'],
  ])('%s: %s → %s', (_name, text, topic) => {
    expect(topicsOfText(text)).toContain(topic);
  });
});

describe('paper gives way to digital government (givesWayTo)', () => {
  it.each<[string, string, string, string]>([
    ['en, online instead of paper', 'Online forms instead of paper copies', 'egov', 'climate'],
    ['ms, no paper forms', 'Perkhidmatan kerajaan dalam talian sepenuhnya, tanpa borang kertas', 'egov', 'climate'],
    ['km, digital signatures instead of paper', 'ហត្ថលេខាឌីជីថលលើលិខិតរដ្ឋបាល ជំនួសការចុះហត្ថលេខាលើក្រដាស', 'egov', 'climate'],
  ])('%s: %s → %s, not %s', (_name, text, topic, not) => {
    expect(topicsOfText(text)).toContain(topic);
    expect(topicsOfText(text)).not.toContain(not);
  });

  it.each<[string, string]>([
    ['en', 'Cut paper and energy use in ministries'],
    ['th', 'ลดการใช้กระดาษในสำนักงานราชการ'],
    ['fil', 'Bawasan ang paggamit ng papel sa opisina'],
  ])('%s, paper without a digital service stays green: %s', (_lang, text) => {
    expect(topicsOfText(text)).toContain('climate');
  });
});

describe('a term the segmenter cut is still read (one end on a syllable boundary)', () => {
  it.each<[string, string, string]>([
    ['km, a complaint glued to the next word', 'បណ្តឹងរបស់ប្រជាពលរដ្ឋ', 'participation'],
    ['th, "use a computer" after a word the segmenter glued', 'ข้าราชการหลายคนใช้คอมไม่เป็น', 'digitalskills'],
  ])('%s: %s → %s', (_name, text, concept) => {
    expect(conceptsOf(text)).toContain(concept);
  });

  it.each<[string, string, string]>([
    ['my, a minister is not read inside a ministry', 'ဝန်ကြီးဌာနအလိုက် ဝန်ထမ်းအင်အား စာရင်းဇယား', 'executives'],
    ['km, an emergency is not read inside "temporary"', 'បញ្ជូនមន្ត្រីទៅធ្វើការបណ្តោះអាសន្ន', 'disaster'],
  ])('%s', (_name, text, concept) => {
    expect(conceptsOf(text)).not.toContain(concept);
  });
});

describe('logistics in every language; the words that also carry ideas are not', () => {
  it.each<[string, string]>([
    ['id', 'Materi sesi diklat nanti dikirim via email'],
    ['ms', 'Bahan akan dihantar melalui emel'],
    ['vi', 'Lớp đào tạo chiều nay chuyển sang phòng 203'],
    ['lo', 'ເອກະສານກ່ຽວກັບການຝຶກອົບຮົມ ຈະສົ່ງທາງອີເມວ'],
    ['km', 'ឯកសារនឹងផ្ញើតាមអ៊ីមែល'],
    ['th', 'ห้องอบรมย้ายห้องนะครับ'],
    ['en', 'Where do we put the notes?'],
    ['fil', 'Anong password ng wifi?'],
  ])('%s: %s', (_lang, text) => {
    expect(conceptsOf(text)).toContain('logistics');
  });

  it('a password in a note about cyber security is not the Wi-Fi password', () => {
    expect(conceptsOf('Staff reuse the same password everywhere: basic cyber security training')).not.toContain('logistics');
  });
});

describe('phrases in which a shorter term means nothing (Lexicon.notTerms)', () => {
  it.each<[string, string]>([
    ['Vietnamese "ai cũng" (everyone)', "Bỏ kiểu đánh giá cuối năm hình thức, ai cũng 'hoàn thành tốt nhiệm vụ'"],
    ['Vietnamese "không ai" (nobody)', 'Không ai biết chính xác có bao nhiêu công chức'],
  ])('%s is not AI', (_name, text) => {
    expect(conceptsOf(text)).not.toContain('ai');
  });

  it('English AI is still AI', () => {
    expect(conceptsOf('Guidelines for responsible use of generative AI by officials')).toContain('ai');
  });
});

describe('generic words that name a topic beside another (impliedBy), in every language', () => {
  // [name, note, topic it must name]
  it.each<[string, string, string]>([
    ['en, retiring directors are succession', 'Who will replace our directors when they retire?', 'leadership'],
    ['th, retiring executives', 'ใครจะมาแทนผู้บริหารที่เกษียณ', 'leadership'],
    ['lo, retiring heads of department', 'ໃຜຈະມາແທນຫົວໜ້າທີ່ກິນເບັ້ຍບຳນານ', 'leadership'],
    ['vi, how many civil servants', 'Không ai biết chính xác có bao nhiêu công chức', 'hrdata'],
    ['th, how many officials', 'ไม่มีใครรู้ว่าข้าราชการมีกี่คน', 'hrdata'],
    ['fil, how many staff really', 'Ilan ba talaga ang kawani ng gobyerno?', 'hrdata'],
    ['th, only men at the top', 'ทำไมอธิบดีมีแต่ผู้ชาย', 'gender'],
    ['km, only men in leadership', 'ហេតុអ្វីថ្នាក់ដឹកនាំសុទ្ធតែបុរស', 'gender'],
    ['id, only men in echelon I', 'Kenapa pejabat eselon I semuanya laki-laki?', 'gender'],
    ['en, a 30% target for women is a quota, not performance', 'More women leaders at DG level - set a target by 2020', 'gender'],
    ['vi, citizens going to many offices', 'Người dân phải đi nhiều cửa', 'onestop'],
    ['id, back and forth between offices', 'Warga harus bolak-balik ke banyak kantor', 'onestop'],
  ])('%s: %s → %s', (_name, text, topic) => {
    expect(topicsOfText(text)).toContain(topic);
  });

  it.each<[string, string, string]>([
    [
      'fil "ilang buwan" (a few months) asks no count',
      'Exchange program ng mga kawani — ipadala sa ibang ASEAN countries nang ilang buwan',
      'hrdata',
    ],
    ['fil "among" is not "amo" (boss) with its linker', 'Civil servant exchange programme among ASEAN member states', 'executives'],
    [
      'a 30% target for women is not performance management',
      'Set a target: at least 30% of top management posts held by women by 2020',
      'performance',
    ],
    ['Indonesian "objektif" alone is not merit', 'Penilaian prestasi tahunan (LNPT) yang lebih objektif', 'recruitment'],
  ])('%s', (_name, text, absent) => {
    expect(topicsOfText(text)).not.toContain(absent);
  });
});
