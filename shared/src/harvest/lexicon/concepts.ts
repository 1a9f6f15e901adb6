// The concepts of the multilingual concept map: ids, labels in the UI languages, and which ones
// are generic. The words for each concept live in one file per language (en.ts, th.ts, …).

export interface ConceptInfo {
  /** Label of a suggested group named after this concept, per UI language (English required). */
  label: { en: string; th: string } & Partial<Record<string, string>>;
  /**
   * Present in most notes of a civil-service workshop (civil servants, agencies, ASEAN…): it
   * weighs little, so sharing only this concept does not make two notes related.
   */
  generic?: boolean;
  /**
   * The concept whose topic this one belongs to (capacity building → training, women → gender):
   * suggestions whose notes share a topic are merged into one, so the room is not offered the
   * same topic as two or three groups. A concept without it is its own topic.
   */
  topic?: string;
  /**
   * Also a way of doing any other topic ("online training", "online complaints"): when a group's
   * notes share this concept and another one equally, the other one is the group's topic.
   */
  crossCutting?: boolean;
  /**
   * Matched also when a note matches every concept of one of these lists (women + leadership →
   * women in leadership; database + civil servants → HR data), besides its own words.
   */
  impliedBy?: ReadonlyArray<readonly string[]>;
  /**
   * The broader concepts this one is a sharper case of (digital skills of training, women in
   * leadership of leadership): a note that matches it is about it, not about them, so "women in
   * leadership" notes are not silently merged into "leadership" and "digital skills" notes into
   * "training". The broader concepts are dropped from such a note's concepts.
   */
  refines?: readonly string[];
  /**
   * A close but distinct topic (one-stop service centres and digital government): suggestions
   * about the two are offered apart, each with a "related to" hint naming the other.
   */
  relatedTo?: string;
  /**
   * Room logistics, thanks and tests ("the training room is on floor 2", "slides will be
   * e-mailed"): a note that matches it is not an idea for the work plan and is never grouped.
   */
  offTopic?: boolean;
}

export const CONCEPT_INFO = {
  training: { label: { en: 'Training', th: 'การฝึกอบรม' } },
  capacity: { topic: 'training', label: { en: 'Capacity building', th: 'การพัฒนาศักยภาพ' } },
  leadership: { label: { en: 'Leadership', th: 'ภาวะผู้นำ' } },
  executives: { topic: 'leadership', label: { en: 'Senior executives', th: 'ผู้บริหารระดับสูง' } },
  womenleaders: {
    // filed with gender equality (one topic), apart from leadership in general
    topic: 'gender',
    relatedTo: 'leadership',
    impliedBy: [['women', 'leadership'], ['women', 'executives'], ['gender', 'leadership'], ['gender', 'executives'], ['women', 'career']],
    refines: ['women', 'gender', 'leadership', 'executives', 'career', 'mentoring'],
    label: { en: 'Women in leadership', th: 'สตรีในตำแหน่งผู้นำ' },
  },
  mentoring: { topic: 'leadership', label: { en: 'Mentoring and coaching', th: 'ระบบพี่เลี้ยงและการโค้ช' } },
  digital: { crossCutting: true, label: { en: 'Digital', th: 'ดิจิทัล' } },
  egov: { label: { en: 'Digital government', th: 'รัฐบาลดิจิทัล' } },
  onestop: { relatedTo: 'egov', label: { en: 'One-stop service centres', th: 'ศูนย์บริการแบบเบ็ดเสร็จ' } },
  digitalskills: { relatedTo: 'training', refines: ['training', 'capacity', 'digital'], label: { en: 'Digital skills', th: 'ทักษะดิจิทัล' } },
  innovation: { label: { en: 'Innovation', th: 'นวัตกรรม' } },
  ai: { label: { en: 'Artificial intelligence', th: 'ปัญญาประดิษฐ์' } },
  data: { label: { en: 'Data', th: 'ข้อมูล' } },
  database: { topic: 'data', label: { en: 'Databases and statistics', th: 'ฐานข้อมูลและสถิติ' } },
  hrdata: { relatedTo: 'egov', impliedBy: [['database', 'workforce'], ['data', 'workforce']], refines: ['data', 'database'], label: { en: 'HR data and statistics', th: 'ข้อมูลและสถิติบุคลากร' } },
  mobility: { topic: 'exchange', label: { en: 'Staff mobility', th: 'การโยกย้ายหมุนเวียนบุคลากร' } },
  exchange: { label: { en: 'Exchange programmes', th: 'โครงการแลกเปลี่ยน' } },
  knowledge: { label: { en: 'Knowledge sharing', th: 'การแบ่งปันความรู้' } },
  collaboration: { generic: true, label: { en: 'Cooperation', th: 'ความร่วมมือ' } },
  ethics: { topic: 'integrity', label: { en: 'Ethics', th: 'จริยธรรม' } },
  integrity: { label: { en: 'Integrity and transparency', th: 'ความซื่อสัตย์และความโปร่งใส' } },
  anticorruption: { topic: 'integrity', label: { en: 'Anti-corruption', th: 'การต่อต้านการทุจริต' } },
  procurement: { label: { en: 'Procurement', th: 'การจัดซื้อจัดจ้าง' } },
  gender: { label: { en: 'Gender equality', th: 'ความเท่าเทียมทางเพศ' } },
  women: { topic: 'gender', label: { en: 'Women', th: 'สตรี' } },
  inclusion: { label: { en: 'Inclusion', th: 'การไม่ทิ้งใครไว้ข้างหลัง' } },
  disability: { label: { en: 'Persons with disabilities', th: 'คนพิการ' } },
  elderly: { label: { en: 'Older persons', th: 'ผู้สูงอายุ' } },
  youth: { label: { en: 'Youth', th: 'คนรุ่นใหม่' } },
  disaster: { label: { en: 'Disaster resilience', th: 'การรับมือภัยพิบัติ' } },
  climate: { label: { en: 'Climate change', th: 'การเปลี่ยนแปลงสภาพภูมิอากาศ' } },
  green: { topic: 'climate', label: { en: 'Green government', th: 'ภาครัฐสีเขียว' } },
  performance: { label: { en: 'Performance management', th: 'การบริหารผลการปฏิบัติงาน' } },
  pay: { label: { en: 'Pay and incentives', th: 'ค่าตอบแทนและแรงจูงใจ' } },
  recruitment: { label: { en: 'Recruitment', th: 'การสรรหาบุคลากร' } },
  merit: { topic: 'recruitment', label: { en: 'Merit system', th: 'ระบบคุณธรรม' } },
  career: { topic: 'recruitment', label: { en: 'Career and promotion', th: 'ความก้าวหน้าในอาชีพ' } },
  wellbeing: { label: { en: 'Well-being', th: 'คุณภาพชีวิตการทำงาน' } },
  service: { generic: true, label: { en: 'Public service delivery', th: 'การให้บริการสาธารณะ' } },
  citizens: { generic: true, label: { en: 'Citizens', th: 'ประชาชน' } },
  participation: { label: { en: 'Citizen feedback and participation', th: 'การรับฟังและการมีส่วนร่วมของประชาชน' } },
  policy: { generic: true, label: { en: 'Policy and regulation', th: 'นโยบายและกฎระเบียบ' } },
  budget: { label: { en: 'Budget', th: 'งบประมาณ' } },
  local: { label: { en: 'Local and rural', th: 'ท้องถิ่นและชนบท' } },
  workforce: { generic: true, label: { en: 'Civil servants', th: 'ข้าราชการ' } },
  agencies: { generic: true, label: { en: 'Government agencies', th: 'หน่วยงานภาครัฐ' } },
  logistics: { offTopic: true, label: { en: 'Room logistics', th: 'เรื่องการจัดงาน' } },
  asean: { generic: true, label: { en: 'ASEAN cooperation', th: 'ความร่วมมืออาเซียน' } },
} as const satisfies Record<string, ConceptInfo>;

export type ConceptId = keyof typeof CONCEPT_INFO;
