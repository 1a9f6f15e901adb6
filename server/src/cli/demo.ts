/**
 * Demo workshop: `npm run demo [-- --data-dir DIR] [--json]`.
 * Plays the ACCSM-style café (Preparatory Meeting of the 18th ACCSM, drafting the 2016–2020 work
 * plan) into the data directory the server uses (DATA_DIR, default ./data): eleven delegations,
 * the five ASCC Blueprint 2025 characteristics as five tables, a facilitator, 25 delegates with a
 * host per table, three rounds of notes in English and Thai with the hosts' summaries, the
 * harvest (clusters and a revealed, closed dot vote), five goals with objectives, actions and
 * indicators, and the delegations' review with one accepted and one open amendment.
 * Everything goes through the real domain (WorkshopRoom.execute → decide → SqliteEventStore),
 * exactly as the HTTP and socket edges do, so the log is the same as a live session's.
 * Prints the workshop id, join code and facilitator link (and one delegate's personal link).
 * Exit codes: 0 ok, 1 a command was refused or the store failed, 2 bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { customAlphabet } from 'nanoid';
import {
  ASCC_THEMES,
  ASEAN_DELEGATIONS,
  type CommandInput,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type WorkshopState,
  commandSchema,
  createWorkshopSchema,
  formatJoinCode,
} from '@world-cafe/shared';
import { SqliteEventStore } from '../store/sqliteStore';
import { RoomRegistry, type WorkshopRoom } from '../realtime/workshopRoom';
import { hashToken, newToken } from '../auth';

const newId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 16);
const joinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

type Input = CommandInput extends infer C ? (C extends unknown ? Omit<C, 'clientOpId'> : never) : never;

export class DemoError extends Error {}

// ---------------------------------------------------------------- the café's content

const TABLES = [
  {
    id: 'people',
    name: 'Table 1',
    question: 'How can our civil services engage citizens and deliver services that visibly benefit them?',
  },
  {
    id: 'inclusive',
    name: 'Table 2',
    question: 'How do we make ASEAN civil services inclusive, gender-responsive and open to all?',
  },
  {
    id: 'sustainable',
    name: 'Table 3',
    question: 'Which capacities, values and systems keep a civil service effective for the long term?',
  },
  {
    id: 'resilient',
    name: 'Table 4',
    question: 'How can civil services prepare for, respond to and recover from disasters and crises together?',
  },
  {
    id: 'dynamic',
    name: 'Table 5',
    question: 'How can ASEAN civil services innovate, go digital and keep talent moving across the region?',
  },
] as const;
type TableId = (typeof TABLES)[number]['id'];
/** Table ids are `t-THEME` (themes, tables and delegations share one id space). */
const tableId = (theme: TableId) => `t-${theme}`;

const ROUND_QUESTIONS = [
  'What worked under the 2008–2015 ACCSM work plan, and what did not?',
  'What should the ACCSM do together in 2016–2020?',
  'Which actions would your civil service lead or join, and with whom?',
];

/** Delegates by delegation; the host of each table is marked. Thailand's OCSC sent three. */
const PEOPLE: Array<{ key: string; name: string; delegation: string; hosts?: TableId }> = [
  { key: 'bn1', name: 'Hajah Noraini Abdullah', delegation: 'bn' },
  { key: 'bn2', name: 'Mohd Faizal Hamid', delegation: 'bn' },
  { key: 'kh1', name: 'Sok Chanthy', delegation: 'kh' },
  { key: 'kh2', name: 'Vann Sopheak', delegation: 'kh' },
  { key: 'id1', name: 'Dewi Kartika Sari', delegation: 'id', hosts: 'inclusive' },
  { key: 'id2', name: 'Agus Prasetyo', delegation: 'id' },
  { key: 'id3', name: 'Rina Wulandari', delegation: 'id' },
  { key: 'la1', name: 'Souksavanh Phommachanh', delegation: 'la' },
  { key: 'la2', name: 'Khamla Sisouphan', delegation: 'la' },
  { key: 'my1', name: 'Tan Wei Ming', delegation: 'my', hosts: 'sustainable' },
  { key: 'my2', name: 'Nurul Aisyah Rahman', delegation: 'my' },
  { key: 'mm1', name: 'Aung Kyaw Moe', delegation: 'mm' },
  { key: 'mm2', name: 'Thandar Win', delegation: 'mm' },
  { key: 'ph1', name: 'Ma. Cristina Reyes', delegation: 'ph', hosts: 'people' },
  { key: 'ph2', name: 'Jose Miguel Bautista', delegation: 'ph' },
  { key: 'ph3', name: 'Angelica Dela Cruz', delegation: 'ph' },
  { key: 'sg1', name: 'Lim Hui Ling', delegation: 'sg', hosts: 'dynamic' },
  { key: 'sg2', name: 'Rajesh Kumar', delegation: 'sg' },
  { key: 'th1', name: 'Siriporn Chaiyaporn', delegation: 'th', hosts: 'resilient' },
  { key: 'th2', name: 'Kanokwan Rattanapong', delegation: 'th' },
  { key: 'th3', name: 'Pichit Boonmee', delegation: 'th' },
  { key: 'vn1', name: 'Nguyễn Thị Lan', delegation: 'vn' },
  { key: 'vn2', name: 'Trần Văn Hùng', delegation: 'vn' },
  { key: 'asec1', name: 'Ahmad Rizal', delegation: 'asec' },
  { key: 'asec2', name: 'Grace Villanueva', delegation: 'asec' },
];

interface DemoNote {
  key: string;
  text: string;
  th?: boolean;
}

/** Notes per table and round (index 0 = round 1): English and Thai at every table and round. */
const NOTES: Record<TableId, DemoNote[][]> = {
  people: [
    [
      { key: 'anwl', text: 'ASEAN New-Wave Leadership course: the alumni network is still active after three cohorts' },
      { key: 'charters', text: 'Citizen charters piloted in the Philippines and Malaysia raised service standards' },
      { key: 'anwl-th', text: 'หลักสูตรผู้นำรุ่นใหม่อาเซียนช่วยสร้างเครือข่ายข้าราชการในภูมิภาค', th: true },
      { key: 'awards', text: 'Public service awards motivated agencies to share good practice' },
    ],
    [
      { key: 'survey', text: 'A regional citizen-satisfaction survey with one common method' },
      { key: 'onestop', text: 'Share one-stop service centre models between member states' },
      { key: 'forum-th', text: 'ควรมีเวทีแลกเปลี่ยนแนวปฏิบัติที่ดีด้านการให้บริการประชาชนทุกปี', th: true },
    ],
    [
      { key: 'ph-design', text: 'PH offers to host a people-centred service design workshop in 2017' },
      { key: 'manual-th', text: 'ประเทศไทยพร้อมร่วมจัดทำคู่มือมาตรฐานการให้บริการประชาชน', th: true },
      { key: 'sg-journey', text: 'SG can share its service-journey mapping toolkit' },
    ],
  ],
  inclusive: [
    [
      { key: 'focal', text: 'Gender focal points exist in most civil service commissions, but with little budget' },
      { key: 'data', text: 'Data on women in senior civil service posts is not comparable across ASEAN' },
      { key: 'gender-th', text: 'การส่งเสริมความเท่าเทียมทางเพศในราชการยังขาดข้อมูลที่เปรียบเทียบกันได้', th: true },
    ],
    [
      { key: 'gm-module', text: 'A gender mainstreaming module in every ASEAN leadership course' },
      { key: 'disability', text: 'Accessible recruitment for persons with disabilities' },
      { key: 'gm-th', text: 'ควรพัฒนาหลักสูตรการบูรณาการมิติเพศสำหรับผู้บริหารระดับกลาง', th: true },
    ],
    [
      { key: 'baseline', text: 'ID and TH to co-lead a regional baseline on women in leadership' },
      { key: 'ocsc-th', text: 'สำนักงาน ก.พ. ยินดีเป็นผู้ประสานงานการเก็บข้อมูลพื้นฐาน', th: true },
      { key: 'portal', text: 'The ASEAN Secretariat can keep the data on the ACCSM portal' },
    ],
  ],
  sustainable: [
    [
      { key: 'coe', text: 'ACCSM centres of excellence produced useful studies, but few were taken up' },
      { key: 'green', text: 'Green-office guidelines adopted in only a few ministries' },
      { key: 'energy-th', text: 'การประหยัดพลังงานในหน่วยงานราชการเริ่มเป็นรูปธรรมในบางประเทศ', th: true },
    ],
    [
      { key: 'integrity', text: 'Integrity and anti-corruption training for every new civil servant' },
      { key: 'succession', text: 'Succession planning so that institutional memory is not lost' },
      { key: 'merit-th', text: 'ควรส่งเสริมระบบคุณธรรมและความโปร่งใสในการบริหารทรัพยากรบุคคล', th: true },
    ],
    [
      { key: 'my-integrity', text: 'MY will share its Certified Integrity Officer programme' },
      { key: 'ethics-th', text: 'ไทยเสนอจัดทำแนวทางพัฒนาข้าราชการด้านคุณธรรมและจริยธรรม', th: true },
      { key: 'bn-succession', text: 'BN would like to join a study on succession planning' },
    ],
  ],
  resilient: [
    [
      { key: 'haiyan', text: 'Continuity-of-government plans were tested after Typhoon Haiyan (Yolanda)' },
      { key: 'drr-train', text: 'Few civil services train their staff in disaster risk reduction' },
      { key: 'flood-th', text: 'บทเรียนจากอุทกภัยปี 2554 ชี้ว่าต้องมีแผนความต่อเนื่องของการให้บริการ', th: true },
    ],
    [
      { key: 'roster', text: 'A regional roster of civil servants who can be deployed after a disaster' },
      { key: 'bcm', text: 'One business-continuity standard for public agencies' },
      { key: 'crisis-th', text: 'ควรฝึกอบรมผู้บริหารด้านการจัดการภาวะวิกฤตร่วมกันในภูมิภาค', th: true },
    ],
    [
      { key: 'ph-tot', text: 'PH offers to lead a business-continuity training of trainers' },
      { key: 'recovery-th', text: 'ประเทศไทยพร้อมแบ่งปันประสบการณ์การฟื้นฟูหลังอุทกภัย', th: true },
      { key: 'vn-la-pilot', text: 'VN and LA would join a pilot of disaster-ready HR policies' },
    ],
  ],
  dynamic: [
    [
      { key: 'egov', text: 'E-government progress varies widely; the shared readiness assessment helped' },
      { key: 'exchanges', text: 'Staff exchanges between civil services are rare and short' },
      { key: 'mobility-th', text: 'การแลกเปลี่ยนบุคลากรระหว่างประเทศสมาชิกยังมีน้อยเกินไป', th: true },
    ],
    [
      { key: 'mobility', text: 'An ASEAN civil service mobility programme of short secondments' },
      { key: 'elearning', text: 'A shared e-learning platform for ASEAN civil servants' },
      { key: 'elearning-th', text: 'ควรพัฒนาระบบอีเลิร์นนิงร่วมกันเพื่อลดต้นทุนการฝึกอบรม', th: true },
    ],
    [
      { key: 'sg-secondment', text: 'SG can host secondments in digital government' },
      { key: 'pilot-th', text: 'ไทยสนใจเป็นประเทศนำร่องโครงการแลกเปลี่ยนข้าราชการ', th: true },
      { key: 'kh-mm-capacity', text: 'KH and MM ask for support to build e-learning capacity' },
    ],
  ],
};

const SUMMARIES: Record<TableId, string[]> = {
  people: [
    'The leadership course and citizen charters worked. Next group: build on the alumni network rather than start anew.',
    'Two ideas carried forward: a common citizen-satisfaction survey and an annual forum on service delivery.',
    'Offers: PH hosts a service design workshop (2017); TH co-writes a service-standards manual; SG shares its toolkit.',
  ],
  inclusive: [
    'Gender focal points exist but lack budget and comparable data. Please look at what data we would need.',
    'Agreed direction: a gender mainstreaming module in leadership courses and accessible recruitment.',
    'ID and TH will co-lead a baseline on women in leadership; ASEC hosts the data.',
  ],
  sustainable: [
    'Studies by the centres of excellence were good but rarely used; green offices are patchy.',
    'Integrity training and succession planning came out strongest.',
    'MY shares its integrity-officer programme; TH drafts ethics guidelines; BN joins the succession study.',
  ],
  resilient: [
    'โต๊ะนี้เห็นว่าบทเรียนจากไต้ฝุ่นไห่เยี่ยนและอุทกภัยปี 2554 ชี้ว่าต้องมีแผนความต่อเนื่องของราชการ',
    'Carry forward: a deployable roster of civil servants and one business-continuity standard.',
    'PH leads a training of trainers; TH shares its flood recovery experience; VN and LA pilot disaster-ready HR policies.',
  ],
  dynamic: [
    'E-government readiness differs; exchanges are rare. Mobility is the gap to close.',
    'A mobility programme of short secondments and a shared e-learning platform.',
    'SG hosts digital-government secondments; TH pilots exchanges; KH and MM need e-learning support.',
  ],
};

const CLUSTERS: Array<{ id: string; name: string; notes: string[] }> = [
  {
    id: 'c-leadership',
    name: 'Leadership and talent development',
    notes: ['anwl', 'anwl-th', 'succession', 'bn-succession', 'gm-module', 'coe'],
  },
  {
    id: 'c-mobility',
    name: 'Mobility, e-government and e-learning',
    notes: ['egov', 'exchanges', 'mobility-th', 'mobility', 'elearning', 'elearning-th', 'sg-secondment', 'pilot-th', 'kh-mm-capacity'],
  },
  { id: 'c-integrity', name: 'Integrity and merit', notes: ['integrity', 'merit-th', 'my-integrity', 'ethics-th'] },
  {
    id: 'c-gender',
    name: 'Gender equality and inclusion',
    notes: ['focal', 'data', 'gender-th', 'gm-th', 'disability', 'baseline', 'ocsc-th', 'portal'],
  },
  {
    id: 'c-resilience',
    name: 'Disaster-resilient public services',
    notes: ['haiyan', 'drr-train', 'flood-th', 'roster', 'bcm', 'crisis-th', 'ph-tot', 'recovery-th', 'vn-la-pilot'],
  },
  {
    id: 'c-service',
    name: 'People-centred public services',
    notes: ['charters', 'awards', 'survey', 'onestop', 'forum-th', 'ph-design', 'manual-th', 'sg-journey'],
  },
];

/** Each delegation's three dots (vote by delegation, at most two on one cluster). */
const DOTS: Record<string, string[]> = {
  bn: ['c-leadership', 'c-leadership', 'c-integrity'],
  kh: ['c-mobility', 'c-mobility', 'c-leadership'],
  id: ['c-gender', 'c-gender', 'c-mobility'],
  la: ['c-mobility', 'c-resilience', 'c-leadership'],
  my: ['c-integrity', 'c-integrity', 'c-service'],
  mm: ['c-mobility', 'c-leadership', 'c-leadership'],
  ph: ['c-resilience', 'c-resilience', 'c-service'],
  sg: ['c-mobility', 'c-mobility', 'c-service'],
  th: ['c-leadership', 'c-gender', 'c-resilience'],
  vn: ['c-resilience', 'c-mobility', 'c-leadership'],
  asec: ['c-mobility', 'c-gender', 'c-leadership'],
};

interface DemoGoal {
  id: string;
  title: string;
  theme: string;
  clusters: string[];
  rationale: string;
  objectives: string[];
  actions: Array<{ text: string; leads: string[]; start: number; end: number }>;
  indicators: string[];
  status: 'draft' | 'proposed' | 'agreed';
}

const GOALS: DemoGoal[] = [
  {
    id: 'g-leadership',
    title: 'Develop a new generation of ASEAN public-sector leaders',
    theme: 'dynamic',
    clusters: ['c-leadership'],
    rationale:
      'The ASEAN New-Wave Leadership course built a regional network of middle managers under the 2008–2015 work plan. Delegations want it to continue, reach more countries and feed succession planning at home.',
    objectives: [
      'Run the ASEAN New-Wave Leadership course every year, with participants from all ten member states',
      'Link leadership development to national succession planning',
      'พัฒนาเครือข่ายศิษย์เก่าหลักสูตรผู้นำรุ่นใหม่อาเซียนให้เข้มแข็ง',
    ],
    actions: [
      {
        text: 'Review and update the New-Wave Leadership curriculum, adding gender mainstreaming and digital government modules',
        leads: ['th', 'sg'],
        start: 2016,
        end: 2017,
      },
      { text: 'Launch an alumni network with an annual forum', leads: ['ph'], start: 2017, end: 2020 },
      { text: 'Joint study on succession planning in ASEAN civil services', leads: ['my', 'bn'], start: 2018, end: 2019 },
    ],
    indicators: ['Course graduates per member state per year', 'Share of alumni in senior posts three years after the course'],
    status: 'agreed',
  },
  {
    id: 'g-mobility',
    title: 'Promote civil service mobility and shared e-learning',
    theme: 'dynamic',
    clusters: ['c-mobility'],
    rationale:
      'Exchanges between civil services are rare and short, and e-government readiness varies widely. Short secondments and one shared e-learning platform would spread know-how at low cost.',
    objectives: ['Pilot short secondments between civil services', 'Give every ASEAN civil servant access to shared e-learning courses'],
    actions: [
      { text: 'Pilot a secondment programme in digital government', leads: ['sg', 'th'], start: 2017, end: 2019 },
      { text: 'Set up a shared ASEAN e-learning platform and course catalogue', leads: ['asec', 'id'], start: 2016, end: 2018 },
      { text: 'Capacity-building support for e-learning in Cambodia and Myanmar', leads: ['sg', 'my'], start: 2018, end: 2020 },
    ],
    indicators: [
      'Number of secondments completed',
      'Active users of the shared e-learning platform',
      'ระดับความพึงพอใจของผู้เข้าร่วมโครงการแลกเปลี่ยน',
    ],
    status: 'proposed',
  },
  {
    id: 'g-gender',
    title: 'Mainstream gender equality in ASEAN civil services',
    theme: 'inclusive',
    clusters: ['c-gender'],
    rationale:
      'Gender focal points exist in most civil service commissions but have little budget, and data on women in senior posts cannot be compared across ASEAN.',
    objectives: ['Build a comparable regional baseline on women in civil service leadership', 'จัดทำหลักสูตรการบูรณาการมิติเพศสำหรับผู้บริหาร'],
    actions: [
      { text: 'Regional baseline study on women in leadership', leads: ['id', 'th'], start: 2016, end: 2017 },
      { text: 'Publish the baseline data on the ACCSM portal and update it every two years', leads: ['asec'], start: 2017, end: 2020 },
    ],
    indicators: ['Share of women in senior civil service posts, by member state'],
    status: 'proposed',
  },
  {
    id: 'g-resilience',
    title: 'Build disaster-resilient public services',
    theme: 'resilient',
    clusters: ['c-resilience'],
    rationale:
      'Typhoon Haiyan and the 2011 floods showed that public services must keep running in a disaster. Few civil services train their staff for it.',
    objectives: ['Adopt a common business-continuity standard for public agencies', 'Train civil servants in disaster risk reduction'],
    actions: [
      { text: 'Business-continuity training of trainers', leads: ['ph'], start: 2016, end: 2017 },
      { text: 'Regional roster of civil servants deployable after disasters', leads: ['th', 'vn'], start: 2018, end: 2020 },
      { text: 'Pilot disaster-ready HR policies', leads: ['vn', 'la'], start: 2017, end: 2018 },
    ],
    indicators: ['Agencies with a tested business-continuity plan', 'Civil servants trained in disaster risk reduction'],
    status: 'draft',
  },
  {
    id: 'g-integrity',
    title: 'Uphold integrity and people-centred service delivery',
    theme: 'people',
    clusters: ['c-integrity', 'c-service'],
    rationale:
      'Citizens judge the civil service by its integrity and its services. Delegations offered to share integrity programmes, service standards and service design tools.',
    objectives: ['Share integrity and ethics programmes between civil services', 'Measure citizen satisfaction with one common method'],
    actions: [
      { text: 'Exchange on integrity-officer programmes and ethics guidelines', leads: ['my', 'th'], start: 2016, end: 2018 },
      { text: 'People-centred service design workshop', leads: ['ph'], start: 2017, end: 2017 },
      { text: 'Regional citizen-satisfaction survey', leads: ['sg', 'asec'], start: 2018, end: 2020 },
    ],
    indicators: ['Member states with an integrity-officer programme', 'Citizen satisfaction index, by member state'],
    status: 'proposed',
  },
];

interface DemoReview {
  goal: string;
  delegation: string;
  stance: 'supports' | 'amend' | 'reservations' | 'na';
  situation?: string;
  needs?: string;
  resources?: string;
  feasibility?: number;
  partners?: string[];
  comments?: string;
}

const REVIEWS: DemoReview[] = [
  {
    goal: 'g-leadership',
    delegation: 'th',
    stance: 'supports',
    situation: 'สำนักงาน ก.พ. จัดหลักสูตรผู้นำรุ่นใหม่อาเซียนมาแล้วสามรุ่น และมีระบบพัฒนาผู้บริหารระดับกลางอยู่แล้ว',
    needs: 'Curriculum experts for the digital government module',
    resources: 'OCSC can host the course in Bangkok in 2016 and 2018',
    feasibility: 5,
    partners: ['sg', 'ph'],
    comments: 'ยินดีเป็นผู้นำร่วมในการปรับปรุงหลักสูตร',
  },
  {
    goal: 'g-leadership',
    delegation: 'ph',
    stance: 'supports',
    situation: 'The Civil Service Commission runs a leadership programme for third-level officials.',
    needs: 'Funding for alumni forum travel',
    resources: 'Venue and secretariat for the alumni forum',
    feasibility: 4,
    partners: ['th'],
    comments: '',
  },
  {
    goal: 'g-leadership',
    delegation: 'mm',
    stance: 'supports',
    situation: 'Leadership training is run by the Union Civil Service Board.',
    needs: 'Scholarships for Myanmar participants',
    feasibility: 3,
    partners: ['th', 'sg'],
  },
  {
    goal: 'g-mobility',
    delegation: 'sg',
    stance: 'supports',
    situation: 'The Civil Service College already runs secondments with partner countries.',
    needs: 'Agreement on how secondees are employed and insured',
    resources: 'Placements in digital government agencies',
    feasibility: 4,
    partners: ['th', 'my'],
    comments: 'Start small: four to six secondments a year.',
  },
  {
    goal: 'g-mobility',
    delegation: 'kh',
    stance: 'reservations',
    situation: 'Internet access outside Phnom Penh limits e-learning.',
    needs: 'Infrastructure and technical support',
    feasibility: 2,
    partners: ['sg'],
    comments: 'Supports the goal if capacity building comes first.',
  },
  {
    goal: 'g-mobility',
    delegation: 'th',
    stance: 'supports',
    situation: 'OCSC runs an e-learning platform for Thai civil servants.',
    needs: 'ข้อตกลงเรื่องการรับรองผลการเรียนรู้ระหว่างประเทศ',
    resources: 'Course content in Thai and English',
    feasibility: 4,
    partners: ['sg'],
  },
  {
    goal: 'g-resilience',
    delegation: 'th',
    stance: 'supports',
    situation: 'มีแผนความต่อเนื่องทางธุรกิจในหน่วยงานราชการหลังอุทกภัยปี 2554',
    resources: 'Trainers from the Department of Disaster Prevention and Mitigation',
    feasibility: 4,
    partners: ['ph', 'vn'],
  },
  {
    goal: 'g-integrity',
    delegation: 'th',
    stance: 'supports',
    situation: 'The Civil Service Commission promotes the merit system and a code of ethics.',
    feasibility: 5,
    partners: ['my'],
    comments: 'ยินดีร่วมจัดทำแนวทางด้านคุณธรรมและจริยธรรม',
  },
  {
    goal: 'g-gender',
    delegation: 'id',
    stance: 'supports',
    situation: 'BKN publishes civil service data by sex every year.',
    needs: 'A common definition of senior posts',
    resources: 'Statisticians for the baseline study',
    feasibility: 4,
    partners: ['th'],
  },
  {
    goal: 'g-gender',
    delegation: 'th',
    stance: 'amend',
    situation: 'มีผู้รับผิดชอบด้านความเท่าเทียมระหว่างเพศในทุกกระทรวง',
    needs: 'ข้อมูลที่เปรียบเทียบกันได้ระหว่างประเทศ',
    feasibility: 4,
    partners: ['id'],
    comments: 'เสนอให้เพิ่มเรื่องความหลากหลายทางเพศในหลักการและเหตุผล',
  },
  {
    goal: 'g-resilience',
    delegation: 'ph',
    stance: 'amend',
    situation: 'Continuity plans were tested after Typhoon Haiyan.',
    needs: 'A regional standard to compare agencies',
    resources: 'Trainers for the training of trainers',
    feasibility: 5,
    partners: ['vn', 'th'],
    comments: 'The title should say business continuity.',
  },
  {
    goal: 'g-resilience',
    delegation: 'vn',
    stance: 'supports',
    situation: 'Provincial staff are trained in flood response.',
    feasibility: 3,
    partners: ['la', 'ph'],
  },
  {
    goal: 'g-integrity',
    delegation: 'my',
    stance: 'supports',
    situation: 'Every agency has a Certified Integrity Officer.',
    resources: 'Trainers from the Malaysian Anti-Corruption Academy',
    feasibility: 5,
    partners: ['th', 'bn'],
  },
  { goal: 'g-integrity', delegation: 'asec', stance: 'supports', comments: 'The Secretariat can coordinate the survey.' },
  // started but not finished: a stance without national details
  { goal: 'g-integrity', delegation: 'la', stance: 'supports' },
];

// ---------------------------------------------------------------- the run

export interface DemoResult {
  workshopId: string;
  joinCode: string;
  facilitatorId: string;
  facilitatorKey: string;
  delegate: { participantId: string; name: string; token: string };
  facilitatorLink: string;
  delegateLink: string;
  state: WorkshopState;
}

export async function createDemo(dataDir: string, baseUrl: string): Promise<DemoResult> {
  const store = new SqliteEventStore({ file: path.join(dataDir, 'worldcafe.db') });
  const rooms = new RoomRegistry(store, () => 0);
  try {
    return await play(store, rooms, baseUrl);
  } finally {
    rooms.dispose();
    await store.close();
  }
}

async function play(store: SqliteEventStore, rooms: RoomRegistry, baseUrl: string): Promise<DemoResult> {
  const workshopId = newId();
  const facilitatorId = newId();
  const facilitatorKey = newToken();
  let code = joinCode();
  if (await store.findWorkshopByCode(code)) code = joinCode();

  const room: WorkshopRoom = rooms.create(workshopId);
  const input = createWorkshopSchema.parse({
    title: 'Preparatory Meeting of the 18th ACCSM: Post-2015 ACCSM Work Plan (2016–2020)',
    purpose:
      'Draft the goals of the Post-2015 ACCSM Work Plan (2016–2020) under the ASCC Blueprint 2025 characteristics, ' +
      'after each delegation reported on the 2008–2015 work plan. Delegations then review the draft at home and add national details.',
    language: 'en',
    facilitatorName: 'Maria Luisa Santos (CSC Philippines, ACCSM Chair)',
    themes: ASCC_THEMES,
    tables: TABLES.map((t) => ({ id: tableId(t.id), name: t.name, themeId: t.id, question: t.question, capacity: 6 })),
    delegations: ASEAN_DELEGATIONS,
    planYears: { start: 2016, end: 2020 },
  });
  await must(
    room.execute({ type: 'workshop:create', workshopId, joinCode: code, facilitatorId, input }, { kind: 'system' }, null, {
      workshop: { id: workshopId, joinCode: code, createdAt: Date.now() },
      credential: { tokenHash: hashToken(facilitatorKey), workshopId, participantId: facilitatorId, kind: 'facilitator' },
    }),
    'workshop:create',
  );

  let op = 0;
  const opPrefix = newId().slice(0, 6);
  const as = async (actorId: string, cmd: Input, { allow = [] as string[] } = {}): Promise<boolean> => {
    const clientOpId = `demo-${opPrefix}-${++op}`;
    const parsed = commandSchema.parse({ ...cmd, clientOpId });
    const ack = await room.execute(parsed, { kind: 'participant', participantId: actorId }, `${actorId}:${clientOpId}`);
    if (ack.ok) return true;
    if (allow.includes(ack.error.code)) return false;
    throw new DemoError(
      `${cmd.type} by ${room.committed.participants[actorId]?.name ?? actorId} was refused: ${ack.error.code}: ${ack.error.message}`,
    );
  };
  const F = (cmd: Input) => as(facilitatorId, cmd);

  // ---- people join with their own tokens
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const p of PEOPLE) {
    const participantId = newId();
    const token = newToken();
    await must(
      room.execute(
        { type: 'participant:join', participantId, name: p.name, delegationId: p.delegation, role: 'delegate' },
        { kind: 'system' },
        null,
        { credential: { tokenHash: hashToken(token), workshopId, participantId, kind: 'participant' } },
      ),
      `join of ${p.name}`,
    );
    ids[p.key] = participantId;
    tokens[p.key] = token;
  }
  const person = (key: string) => ids[key]!;
  const byId = new Map(PEOPLE.map((p) => [ids[p.key]!, p]));

  // ---- hosts sit at their tables; the planner keeps them there and moves the travellers
  for (const p of PEOPLE.filter((x) => x.hosts)) {
    await F({ type: 'participant:set-role', participantId: person(p.key), role: 'host' });
    await F({ type: 'seat:assign', participantId: person(p.key), tableId: tableId(p.hosts!) });
  }
  await F({ type: 'cafe:configure', rounds: 3, roundSeconds: 20 * 60, questionMode: 'both', roundQuestions: ROUND_QUESTIONS });
  // Like a facilitator pressing "regenerate": try a few seeds for a plan that puts a Thai
  // speaker (Thailand's or Lao PDR's delegates) at every table in every round, so each table's
  // board gets Thai notes as well as English ones.
  const speaksThai = new Set(PEOPLE.filter((p) => p.delegation === 'th' || p.delegation === 'la').map((p) => person(p.key)));
  for (let seed = 18; seed < 18 + 40; seed++) {
    await F({ type: 'plan:generate', seed });
    const plan = room.committed.cafe.plan ?? [];
    if (plan.every((round) => TABLES.every((t) => (round[tableId(t.id)] ?? []).some((pid) => speaksThai.has(pid))))) break;
  }
  await F({ type: 'workshop:set-phase', phase: 'cafe' });
  await F({ type: 'message:broadcast', text: 'Welcome to the World Café. Please find the table on your seat card.' });

  // ---- three rounds
  const notes: Record<string, string> = {};
  for (let round = 1; round <= 3; round++) {
    if (round > 1) {
      await F({ type: 'round:rotate' });
      // a few travellers tap "I have moved" before the round starts; the rest move with round:start
      const moves = Object.keys(room.committed.cafe.moves).slice(0, 4);
      for (const pid of moves) await as(pid, { type: 'seat:confirm-move' }, { allow: ['table_full'] });
    }
    await F({ type: 'round:start' });
    const s = room.committed;
    for (const t of TABLES) {
      const seated = Object.keys(s.seats).filter((pid) => s.seats[pid] === tableId(t.id));
      const thai = seated.filter((pid) => byId.get(pid)?.delegation === 'th');
      // Lao delegates read and write Thai too
      const thaiWriters = thai.length ? thai : seated.filter((pid) => byId.get(pid)?.delegation === 'la');
      const others = seated.filter((pid) => byId.get(pid)?.hosts !== t.id && !thai.includes(pid));
      const pool = others.length ? others : seated;
      let i = 0;
      for (const [n, note] of NOTES[t.id][round - 1]!.entries()) {
        const author = note.th ? (thaiWriters[0] ?? seated[seated.length - 1]!) : pool[i++ % pool.length]!;
        const noteId = `n-${note.key}`;
        await as(author, {
          type: 'note:create',
          noteId,
          tableId: tableId(t.id),
          text: note.text,
          color: (['yellow', 'blue', 'green', 'pink', 'orange', 'purple'] as const)[(n + round) % 6]!,
          x: 120 + (n % 3) * 260,
          y: 120 + Math.floor(n / 3) * 220,
        });
        notes[note.key] = noteId;
      }
      const host = PEOPLE.find((p) => p.hosts === t.id)!;
      await as(person(host.key), { type: 'summary:write', tableId: tableId(t.id), round, text: SUMMARIES[t.id][round - 1]! });
    }
    await F({ type: 'round:end' });
  }

  // ---- harvest: clusters, a dot vote by delegation, goals
  await F({ type: 'workshop:set-phase', phase: 'harvest' });
  for (const c of CLUSTERS) await F({ type: 'cluster:create', clusterId: c.id, name: c.name, noteIds: c.notes.map((k) => notes[k]!) });
  await F({ type: 'vote:open', voteId: 'v-priorities', kind: 'cluster', budget: 3, per: 'delegation', maxPerItem: 2 });
  for (const [delegation, dots] of Object.entries(DOTS)) {
    const voter = PEOPLE.find((p) => p.delegation === delegation)!;
    for (const clusterId of dots) await as(person(voter.key), { type: 'vote:cast', voteId: 'v-priorities', itemId: clusterId, delta: 1 });
  }
  await F({ type: 'vote:reveal', voteId: 'v-priorities' });
  await F({ type: 'vote:close', voteId: 'v-priorities' });

  for (const g of GOALS) {
    await F({ type: 'goal:create', goalId: g.id, title: g.title, themeId: g.theme, clusterIds: g.clusters, noteIds: [] });
    await F({ type: 'goal:set', goalId: g.id, field: 'rationale', value: g.rationale, baseVersion: 1 });
    let k = 0;
    for (const text of g.objectives) await F({ type: 'goal:item-add', goalId: g.id, list: 'objectives', itemId: `${g.id}-o${++k}`, text });
    for (const a of g.actions)
      await F({
        type: 'goal:item-add',
        goalId: g.id,
        list: 'actions',
        itemId: `${g.id}-a${++k}`,
        text: a.text,
        leads: a.leads,
        start: a.start,
        end: a.end,
      });
    for (const text of g.indicators) await F({ type: 'goal:item-add', goalId: g.id, list: 'indicators', itemId: `${g.id}-i${++k}`, text });
    if (g.status !== 'draft') await F({ type: 'goal:set-status', goalId: g.id, status: g.status });
  }

  // ---- review: delegations add national details; one amendment accepted, one left open
  await F({ type: 'review:open', deadline: Date.now() + 30 * 24 * 60 * 60 * 1000 });
  for (const r of REVIEWS) {
    const reviewer = PEOPLE.find((p) => p.delegation === r.delegation && !p.hosts) ?? PEOPLE.find((p) => p.delegation === r.delegation)!;
    const { goal, delegation: _d, ...fields } = r;
    await as(person(reviewer.key), { type: 'review:record', goalId: goal, ...fields });
  }
  await as(person('ph2'), {
    type: 'amendment:propose',
    amendmentId: 'am-resilience-title',
    goalId: 'g-resilience',
    field: 'title',
    text: 'Build disaster-resilient public services and business continuity',
  });
  await F({ type: 'amendment:decide', amendmentId: 'am-resilience-title', accept: true });
  await as(person('th2'), {
    type: 'amendment:propose',
    amendmentId: 'am-gender-rationale',
    goalId: 'g-gender',
    field: 'rationale',
    text:
      'Gender focal points exist in most civil service commissions but have little budget, and data on women in senior posts cannot be compared across ASEAN. ' +
      'ควรครอบคลุมความหลากหลายทางเพศและผู้พิการในการบริหารทรัพยากรบุคคลด้วย',
  });

  const delegate = PEOPLE.find((p) => p.key === 'th2')!;
  return {
    workshopId,
    joinCode: code,
    facilitatorId,
    facilitatorKey,
    delegate: { participantId: person('th2'), name: delegate.name, token: tokens.th2! },
    facilitatorLink: `${baseUrl}/w/${encodeURIComponent(workshopId)}#k=${encodeURIComponent(facilitatorKey)}`,
    delegateLink: `${baseUrl}/w/${encodeURIComponent(workshopId)}#k=${encodeURIComponent(tokens.th2!)}`,
    state: room.committed,
  };
}

async function must(ack: Promise<{ ok: boolean; error?: { code: string; message: string } }>, what: string) {
  const res = await ack;
  if (!res.ok) throw new DemoError(`${what} was refused: ${res.error?.code}: ${res.error?.message}`);
}

// ---------------------------------------------------------------- CLI

const USAGE = 'usage: npm run demo [-- --data-dir DIR] [--json]';

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataDir = path.resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
  const baseUrl = `http://localhost:${env.PORT || 3000}`;
  let demo: DemoResult;
  try {
    demo = await createDemo(dataDir, baseUrl);
  } catch (err) {
    process.stderr.write(`demo failed: ${(err as Error).message}\n`);
    return 1;
  }
  const s = demo.state;
  if (values.json) {
    const { state: _state, ...rest } = demo;
    process.stdout.write(`${JSON.stringify({ ...rest, dataDir })}\n`);
    return 0;
  }
  process.stdout.write(
    [
      `Demo workshop created in ${path.join(dataDir, 'worldcafe.db')}`,
      `  ${s.title}`,
      `  ${Object.keys(s.delegations).length} delegations, ${Object.keys(s.participants).length} participants, ${s.tableOrder.length} tables, ` +
        `${s.cafe.history.length} rounds, ${Object.keys(s.notes).length} notes, ${s.goalOrder.length} goals, ${Object.keys(s.review.entries).length} reviews`,
      '',
      `Workshop id:        ${demo.workshopId}`,
      `Join code:          ${formatJoinCode(demo.joinCode)}`,
      `Facilitator link:   ${demo.facilitatorLink}`,
      `Delegate link (${demo.delegate.name}, Thailand): ${demo.delegateLink}`,
      '',
      `Start the server (npm start) with the same DATA_DIR and open the facilitator link.`,
      `Export: npm run --silent export -- --workshop ${demo.workshopId} --format docx --out demo.docx`,
      '',
    ].join('\n'),
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
