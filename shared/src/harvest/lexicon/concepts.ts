// The concepts of the multilingual concept map: ids, labels in the nine interface languages, and
// which ones are generic. The words for each concept live in one file per language (en.ts, th.ts, …).

/** The interface languages: every concept has a label in each (chips on notes, group names). */
export const LABEL_LANGS = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my'] as const;
export type LabelLang = (typeof LABEL_LANGS)[number];

export interface ConceptInfo {
  /** Name of the concept (a chip on a note, a suggested group's label) in each interface language. */
  label: Record<LabelLang, string>;
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
   * Also a way of doing any other topic ("online training", "online complaints"), or where, with
   * what or for whom (local government, data, senior executives, young officers): when a group's
   * notes share this concept and another one equally, the other one is the group's topic, and a
   * note's cross-cutting concepts never make it a note about two topics.
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
   * Concepts beside which this one says how, not what: a note that matches one of them loses this
   * concept. Paper is a green-office topic ("cut paper and energy use") until the note is about
   * putting services online ("online forms instead of paper copies", "e-signatures, not paper"):
   * there paper is what the digital service replaces.
   */
  givesWayTo?: readonly string[];
  /**
   * Room logistics, thanks and tests ("the training room is on floor 2", "slides will be
   * e-mailed"): a note that matches it is not an idea for the work plan and is never grouped.
   */
  offTopic?: boolean;
}

export const CONCEPT_INFO = {
  training: {
    label: {
      en: 'Training',
      th: 'การฝึกอบรม',
      vi: 'Đào tạo, bồi dưỡng',
      id: 'Pelatihan',
      ms: 'Latihan',
      fil: 'Pagsasanay',
      km: 'ការបណ្តុះបណ្តាល',
      lo: 'ການຝຶກອົບຮົມ',
      my: 'သင်တန်း',
    },
  },
  capacity: {
    topic: 'training',
    label: {
      en: 'Capacity building',
      th: 'การพัฒนาศักยภาพ',
      vi: 'Nâng cao năng lực',
      id: 'Peningkatan kapasitas',
      ms: 'Pembangunan kapasiti',
      fil: 'Pagpapaunlad ng kakayahan',
      km: 'ការកសាងសមត្ថភាព',
      lo: 'ການພັດທະນາຄວາມສາມາດ',
      my: 'စွမ်းရည်မြှင့်တင်ရေး',
    },
  },
  competence: {
    // Competence, skills and ability as such ("promotion by competence", "a leadership
    // competency framework", "IT skills standards"): they say what is asked of people under any
    // topic (merit, leadership, digital skills, training), so they name none. Building them
    // ("capacity building", "nâng cao năng lực") is training: see capacity.
    generic: true,
    label: {
      en: 'Competence and skills',
      th: 'สมรรถนะและทักษะ',
      vi: 'Năng lực và kỹ năng',
      id: 'Kompetensi dan keterampilan',
      ms: 'Kompetensi dan kemahiran',
      fil: 'Kakayahan at kasanayan',
      km: 'សមត្ថភាព និងជំនាញ',
      lo: 'ຄວາມສາມາດ ແລະ ທັກສະ',
      my: 'စွမ်းရည်နှင့် ကျွမ်းကျင်မှု',
    },
  },
  trainingneeds: {
    topic: 'training',
    // assessing training needs is how training is planned, not performance appraisal
    refines: ['performance'],
    label: {
      en: 'Training needs assessment',
      th: 'การประเมินความจำเป็นในการฝึกอบรม',
      vi: 'Đánh giá nhu cầu đào tạo',
      id: 'Analisis kebutuhan pelatihan',
      ms: 'Analisis keperluan latihan',
      fil: 'Pagtatasa ng pangangailangan sa pagsasanay',
      km: 'ការវាយតម្លៃតម្រូវការបណ្តុះបណ្តាល',
      lo: 'ການປະເມີນຄວາມຕ້ອງການຝຶກອົບຮົມ',
      my: 'သင်တန်းလိုအပ်ချက် ဆန်းစစ်ခြင်း',
    },
  },
  trainers: {
    topic: 'training',
    // trainers and lecturers exchanged between academies are about training, not staff mobility
    refines: ['exchange', 'mobility'],
    label: {
      en: 'Trainers and academies',
      th: 'วิทยากรและสถาบันฝึกอบรม',
      vi: 'Giảng viên và học viện',
      id: 'Widyaiswara dan lembaga diklat',
      ms: 'Jurulatih dan institut latihan',
      fil: 'Mga tagapagsanay at akademya',
      km: 'គ្រូបង្គោល និងសាលាបណ្តុះបណ្តាល',
      lo: 'ວິທະຍາກອນ ແລະ ສະຖາບັນຝຶກອົບຮົມ',
      my: 'သင်တန်းဆရာများနှင့် သင်တန်းကျောင်းများ',
    },
  },
  succession: {
    topic: 'leadership',
    impliedBy: [['retirement', 'executives']],
    // the "next generation" of leaders is succession planning, not youth
    refines: ['youth'],
    label: {
      en: 'Succession planning',
      th: 'การวางแผนสืบทอดตำแหน่ง',
      vi: 'Quy hoạch cán bộ kế cận',
      id: 'Perencanaan suksesi',
      ms: 'Perancangan penggantian',
      fil: 'Pagpaplano ng paghalili',
      km: 'ផែនការស្នងតំណែង',
      lo: 'ການວາງແຜນສືບທອດຕຳແໜ່ງ',
      my: 'ဆက်ခံမည့်သူ စီမံချက်',
    },
  },
  leadership: {
    label: {
      en: 'Leadership',
      th: 'ภาวะผู้นำ',
      vi: 'Năng lực lãnh đạo',
      id: 'Kepemimpinan',
      ms: 'Kepimpinan',
      fil: 'Pamumuno',
      km: 'ភាពជាអ្នកដឹកនាំ',
      lo: 'ການນຳພາ',
      my: 'ခေါင်းဆောင်မှု',
    },
  },
  executives: {
    crossCutting: true,
    label: {
      en: 'Senior executives',
      th: 'ผู้บริหารระดับสูง',
      vi: 'Cán bộ lãnh đạo cấp cao',
      id: 'Pejabat pimpinan tinggi',
      ms: 'Pegawai kanan',
      fil: 'Matataas na opisyal',
      km: 'មន្ត្រីជាន់ខ្ពស់',
      lo: 'ຜູ້ບໍລິຫານຂັ້ນສູງ',
      my: 'အဆင့်မြင့်အရာရှိများ',
    },
  },
  womenleaders: {
    // filed with gender equality (one topic), apart from leadership in general
    topic: 'gender',
    relatedTo: 'leadership',
    impliedBy: [
      ['women', 'leadership'],
      ['women', 'executives'],
      ['gender', 'leadership'],
      ['gender', 'executives'],
      ['women', 'career'],
    ],
    refines: ['women', 'gender', 'leadership', 'executives', 'career', 'mentoring'],
    label: {
      en: 'Women in leadership',
      th: 'สตรีในตำแหน่งผู้นำ',
      vi: 'Phụ nữ trong vị trí lãnh đạo',
      id: 'Perempuan dalam kepemimpinan',
      ms: 'Wanita dalam kepimpinan',
      fil: 'Kababaihan sa pamumuno',
      km: 'ស្ត្រីក្នុងតួនាទីដឹកនាំ',
      lo: 'ແມ່ຍິງໃນຕຳແໜ່ງການນຳ',
      my: 'ခေါင်းဆောင်နေရာရှိ အမျိုးသမီးများ',
    },
  },
  mentoring: {
    topic: 'leadership',
    label: {
      en: 'Mentoring and coaching',
      th: 'ระบบพี่เลี้ยงและการโค้ช',
      vi: 'Kèm cặp và huấn luyện',
      id: 'Mentoring dan coaching',
      ms: 'Bimbingan dan coaching',
      fil: 'Paggabay at coaching',
      km: 'ការណែនាំ និងការបង្វឹក',
      lo: 'ການໃຫ້ຄຳແນະນຳ ແລະ ການຄູຝຶກ',
      my: 'လမ်းညွှန်ပေးခြင်းနှင့် နည်းပြခြင်း',
    },
  },
  digital: {
    crossCutting: true,
    label: {
      en: 'Digital',
      th: 'ดิจิทัล',
      vi: 'Số hóa',
      id: 'Digital',
      ms: 'Digital',
      fil: 'Digital',
      km: 'ឌីជីថល',
      lo: 'ດິຈິຕອນ',
      my: 'ဒစ်ဂျစ်တယ်',
    },
  },
  egov: {
    // public services put online ("move public services online", "บริการภาครัฐผ่านออนไลน์"): the
    // plainest way a delegate names digital government without its name
    impliedBy: [['digital', 'service']],
    label: {
      en: 'Digital government',
      th: 'รัฐบาลดิจิทัล',
      vi: 'Chính phủ số',
      id: 'Pemerintahan digital',
      ms: 'Kerajaan digital',
      fil: 'Digital na pamahalaan',
      km: 'រដ្ឋាភិបាលឌីជីថល',
      lo: 'ລັດຖະບານດິຈິຕອນ',
      my: 'ဒစ်ဂျစ်တယ်အစိုးရ',
    },
  },
  onestop: {
    relatedTo: 'egov',
    // an online or digital one-stop counter is still a one-stop counter: the note is about the
    // single place, "online" or "system" says how
    refines: ['egov'],
    label: {
      en: 'One-stop service centres',
      th: 'ศูนย์บริการแบบเบ็ดเสร็จ',
      vi: 'Dịch vụ một cửa',
      id: 'Pelayanan terpadu satu pintu',
      ms: 'Pusat perkhidmatan sehenti',
      fil: 'One-stop na serbisyo',
      km: 'សេវាច្រកចេញចូលតែមួយ',
      lo: 'ບໍລິການປະຕູດຽວ',
      my: 'တစ်နေရာတည်း ဝန်ဆောင်မှုစင်တာ',
    },
  },
  digitalskills: {
    relatedTo: 'training',
    // teaching staff to use the government's digital systems is building digital skills
    impliedBy: [
      ['egov', 'training'],
      // skills + digital ("IT skills standards for officials") are digital skills, and so is knowing
      // how to use the government's systems ("staff do not understand basic cyber security")
      ['competence', 'digital'],
      ['competence', 'egov'],
    ],
    refines: ['training', 'capacity', 'digital', 'data', 'database', 'hrdata'],
    label: {
      en: 'Digital skills',
      th: 'ทักษะดิจิทัล',
      vi: 'Kỹ năng số',
      id: 'Keterampilan digital',
      ms: 'Kemahiran digital',
      fil: 'Kasanayang digital',
      km: 'ជំនាញឌីជីថល',
      lo: 'ທັກສະດິຈິຕອນ',
      my: 'ဒစ်ဂျစ်တယ်ကျွမ်းကျင်မှု',
    },
  },
  innovation: {
    label: {
      en: 'Innovation',
      th: 'นวัตกรรม',
      vi: 'Đổi mới sáng tạo',
      id: 'Inovasi',
      ms: 'Inovasi',
      fil: 'Inobasyon',
      km: 'នវានុវត្តន៍',
      lo: 'ນະວັດຕະກຳ',
      my: 'ဆန်းသစ်တီထွင်မှု',
    },
  },
  ai: {
    label: {
      en: 'Artificial intelligence',
      th: 'ปัญญาประดิษฐ์',
      vi: 'Trí tuệ nhân tạo',
      id: 'Kecerdasan artifisial',
      ms: 'Kecerdasan buatan',
      fil: 'Artificial intelligence',
      km: 'បញ្ញាសិប្បនិម្មិត',
      lo: 'ປັນຍາປະດິດ',
      my: 'ဉာဏ်ရည်တု',
    },
  },
  data: {
    crossCutting: true,
    label: { en: 'Data', th: 'ข้อมูล', vi: 'Dữ liệu', id: 'Data', ms: 'Data', fil: 'Datos', km: 'ទិន្នន័យ', lo: 'ຂໍ້ມູນ', my: 'ဒေတာ' },
  },
  database: {
    topic: 'data',
    label: {
      en: 'Databases and statistics',
      th: 'ฐานข้อมูลและสถิติ',
      vi: 'Cơ sở dữ liệu và thống kê',
      id: 'Basis data dan statistik',
      ms: 'Pangkalan data dan statistik',
      fil: 'Database at estadistika',
      km: 'មូលដ្ឋានទិន្នន័យ និងស្ថិតិ',
      lo: 'ຖານຂໍ້ມູນ ແລະ ສະຖິຕິ',
      my: 'ဒေတာဘေ့စ်နှင့် စာရင်းအင်း',
    },
  },
  hrdata: {
    relatedTo: 'egov',
    impliedBy: [
      ['database', 'workforce'],
      ['data', 'workforce'],
      ['howmany', 'workforce'],
    ],
    refines: ['data', 'database'],
    label: {
      en: 'HR data and statistics',
      th: 'ข้อมูลและสถิติบุคลากร',
      vi: 'Dữ liệu và thống kê nhân sự',
      id: 'Data dan statistik kepegawaian',
      ms: 'Data dan statistik sumber manusia',
      fil: 'Datos at estadistika ng kawani',
      km: 'ទិន្នន័យ និងស្ថិតិធនធានមនុស្ស',
      lo: 'ຂໍ້ມູນ ແລະ ສະຖິຕິພະນັກງານ',
      my: 'ဝန်ထမ်းဆိုင်ရာ ဒေတာနှင့် စာရင်းအင်း',
    },
  },
  mobility: {
    topic: 'exchange',
    // working in another country ("send officials to work at a neighbouring country's ministry for
    // three months"): a secondment named by what happens, not by its name
    impliedBy: [['posting', 'asean']],
    label: {
      en: 'Staff mobility',
      th: 'การโยกย้ายหมุนเวียนบุคลากร',
      vi: 'Luân chuyển, biệt phái cán bộ',
      id: 'Mobilitas pegawai',
      ms: 'Mobiliti pegawai',
      fil: 'Paglipat ng kawani',
      km: 'ការផ្លាស់ប្តូរទីតាំងមន្ត្រី',
      lo: 'ການໝູນວຽນພະນັກງານ',
      my: 'ဝန်ထမ်း လှည့်လည်တာဝန်ထမ်းဆောင်ခြင်း',
    },
  },
  exchange: {
    label: {
      en: 'Exchange programmes',
      th: 'โครงการแลกเปลี่ยน',
      vi: 'Chương trình trao đổi',
      id: 'Program pertukaran',
      ms: 'Program pertukaran',
      fil: 'Programa ng palitan',
      km: 'កម្មវិធីផ្លាស់ប្តូរ',
      lo: 'ໂຄງການແລກປ່ຽນ',
      my: 'ဖလှယ်ရေး အစီအစဉ်',
    },
  },
  knowledge: {
    label: {
      en: 'Knowledge sharing',
      th: 'การแบ่งปันความรู้',
      vi: 'Chia sẻ tri thức',
      id: 'Berbagi pengetahuan',
      ms: 'Perkongsian pengetahuan',
      fil: 'Pagbabahagi ng kaalaman',
      km: 'ការចែករំលែកចំណេះដឹង',
      lo: 'ການແບ່ງປັນຄວາມຮູ້',
      my: 'အသိပညာ မျှဝေခြင်း',
    },
  },
  collaboration: {
    generic: true,
    label: {
      en: 'Cooperation',
      th: 'ความร่วมมือ',
      vi: 'Hợp tác',
      id: 'Kerja sama',
      ms: 'Kerjasama',
      fil: 'Pagtutulungan',
      km: 'កិច្ចសហប្រតិបត្តិការ',
      lo: 'ການຮ່ວມມື',
      my: 'ပူးပေါင်းဆောင်ရွက်မှု',
    },
  },
  ethics: {
    topic: 'integrity',
    label: {
      en: 'Ethics',
      th: 'จริยธรรม',
      vi: 'Đạo đức công vụ',
      id: 'Etika',
      ms: 'Etika',
      fil: 'Etika',
      km: 'ក្រមសីលធម៌',
      lo: 'ຈັນຍາບັນ',
      my: 'ကျင့်ဝတ်',
    },
  },
  integrity: {
    label: {
      en: 'Integrity and transparency',
      th: 'ความซื่อสัตย์และความโปร่งใส',
      vi: 'Liêm chính và minh bạch',
      id: 'Integritas dan transparansi',
      ms: 'Integriti dan ketelusan',
      fil: 'Integridad at transparency',
      km: 'សុចរិតភាព និងតម្លាភាព',
      lo: 'ຄວາມຊື່ສັດ ແລະ ຄວາມໂປ່ງໃສ',
      my: 'သမာဓိနှင့် ပွင့်လင်းမြင်သာမှု',
    },
  },
  anticorruption: {
    topic: 'integrity',
    // a channel to report bribes (whistle-blowing) is about integrity, not citizen feedback
    refines: ['participation'],
    label: {
      en: 'Anti-corruption',
      th: 'การต่อต้านการทุจริต',
      vi: 'Phòng, chống tham nhũng',
      id: 'Antikorupsi',
      ms: 'Pencegahan rasuah',
      fil: 'Laban sa katiwalian',
      km: 'ការប្រឆាំងអំពើពុករលួយ',
      lo: 'ການຕ້ານການສໍ້ລາດບັງຫຼວງ',
      my: 'အဂတိလိုက်စားမှု တိုက်ဖျက်ရေး',
    },
  },
  procurement: {
    label: {
      en: 'Procurement',
      th: 'การจัดซื้อจัดจ้าง',
      vi: 'Mua sắm công',
      id: 'Pengadaan barang dan jasa',
      ms: 'Perolehan kerajaan',
      fil: 'Pagbili ng pamahalaan',
      km: 'លទ្ធកម្មសាធារណៈ',
      lo: 'ການຈັດຊື້ຈັດຈ້າງ',
      my: 'ဝယ်ယူရေး',
    },
  },
  gender: {
    label: {
      en: 'Gender equality',
      th: 'ความเท่าเทียมทางเพศ',
      vi: 'Bình đẳng giới',
      id: 'Kesetaraan gender',
      ms: 'Kesaksamaan gender',
      fil: 'Pagkakapantay-pantay ng kasarian',
      km: 'សមភាពយេនឌ័រ',
      lo: 'ຄວາມສະເໝີພາບຍິງຊາຍ',
      my: 'ကျား၊မ တန်းတူညီမျှမှု',
    },
  },
  women: {
    topic: 'gender',
    label: { en: 'Women', th: 'สตรี', vi: 'Phụ nữ', id: 'Perempuan', ms: 'Wanita', fil: 'Kababaihan', km: 'ស្ត្រី', lo: 'ແມ່ຍິງ', my: 'အမျိုးသမီး' },
  },
  inclusion: {
    label: {
      en: 'Inclusion',
      th: 'การไม่ทิ้งใครไว้ข้างหลัง',
      vi: 'Hòa nhập, không bỏ ai lại phía sau',
      id: 'Inklusi',
      ms: 'Keterangkuman',
      fil: 'Pagsasama ng lahat',
      km: 'បរិយាប័ន្ន',
      lo: 'ການບໍ່ປະຖິ້ມຜູ້ໃດໄວ້ຂ້າງຫຼັງ',
      my: 'အားလုံးပါဝင်နိုင်ရေး',
    },
  },
  disability: {
    label: {
      en: 'Persons with disabilities',
      th: 'คนพิการ',
      vi: 'Người khuyết tật',
      id: 'Penyandang disabilitas',
      ms: 'Orang kurang upaya',
      fil: 'Mga taong may kapansanan',
      km: 'ជនមានពិការភាព',
      lo: 'ຄົນພິການ',
      my: 'မသန်စွမ်းသူများ',
    },
  },
  elderly: {
    label: {
      en: 'Older persons',
      th: 'ผู้สูงอายุ',
      vi: 'Người cao tuổi',
      id: 'Lansia',
      ms: 'Warga emas',
      fil: 'Nakatatanda',
      km: 'មនុស្សចាស់',
      lo: 'ຜູ້ສູງອາຍຸ',
      my: 'သက်ကြီးရွယ်အိုများ',
    },
  },
  retirement: {
    // retiring says when, not what: beside senior posts it is succession ("who will replace our
    // directors when they retire?"), see succession.impliedBy
    generic: true,
    label: {
      en: 'Retirement',
      th: 'การเกษียณอายุ',
      vi: 'Nghỉ hưu',
      id: 'Pensiun',
      ms: 'Persaraan',
      fil: 'Pagreretiro',
      km: 'ការចូលនិវត្តន៍',
      lo: 'ການອອກບຳນານ',
      my: 'အငြိမ်းစားယူခြင်း',
    },
  },
  howmany: {
    // "how many" says a count is wanted: beside civil servants it asks for HR statistics ("how many
    // civil servants does each country actually have?"), see hrdata.impliedBy
    generic: true,
    label: {
      en: 'How many',
      th: 'จำนวนเท่าไร',
      vi: 'Bao nhiêu',
      id: 'Berapa banyak',
      ms: 'Berapa ramai',
      fil: 'Ilan',
      km: 'ចំនួនប៉ុន្មាន',
      lo: 'ຈຳນວນເທົ່າໃດ',
      my: 'ဘယ်နှစ်ယောက်',
    },
  },
  posting: {
    // Going to work somewhere else, or sending staff there ("send officers to work in", "ไปทำงานที่",
    // "magang", "ditempatkan"): generic alone (staff go to work every day); beside another country
    // it is a secondment (see mobility.impliedBy).
    generic: true,
    label: {
      en: 'Working elsewhere',
      th: 'ไปปฏิบัติงานที่อื่น',
      vi: 'Cử đi làm việc',
      id: 'Penempatan kerja',
      ms: 'Penempatan bertugas',
      fil: 'Pagtatrabaho sa ibang lugar',
      km: 'ការបញ្ជូនទៅធ្វើការ',
      lo: 'ການໄປເຮັດວຽກບ່ອນອື່ນ',
      my: 'အခြားနေရာတွင် တာဝန်ထမ်းဆောင်ခြင်း',
    },
  },
  youngstaff: {
    // "young officers" says who, seldom what: a scholarship or an attachment for young officers is
    // about training or mobility, so it loses a tie like "online" does (young people as citizens
    // stay the youth topic)
    crossCutting: true,
    refines: ['youth'],
    label: {
      en: 'Young civil servants',
      th: 'ข้าราชการรุ่นใหม่',
      vi: 'Cán bộ, công chức trẻ',
      id: 'ASN muda',
      ms: 'Penjawat awam muda',
      fil: 'Mga batang kawani',
      km: 'មន្ត្រីរាជការវ័យក្មេង',
      lo: 'ພະນັກງານລັດຊາວໜຸ່ມ',
      my: 'လူငယ်ဝန်ထမ်းများ',
    },
  },
  youth: {
    label: {
      en: 'Youth',
      th: 'คนรุ่นใหม่',
      vi: 'Thanh niên',
      id: 'Generasi muda',
      ms: 'Belia',
      fil: 'Kabataan',
      km: 'យុវជន',
      lo: 'ຊາວໜຸ່ມ',
      my: 'လူငယ်',
    },
  },
  disaster: {
    label: {
      en: 'Disaster resilience',
      th: 'การรับมือภัยพิบัติ',
      vi: 'Ứng phó thiên tai',
      id: 'Ketahanan bencana',
      ms: 'Ketahanan bencana',
      fil: 'Kahandaan sa sakuna',
      km: 'ភាពធន់នឹងគ្រោះមហន្តរាយ',
      lo: 'ການຮັບມືໄພພິບັດ',
      my: 'ဘေးအန္တရာယ် ခံနိုင်ရည်',
    },
  },
  backup: {
    topic: 'disaster',
    // a backup of the data is how services continue after a disaster, not a note about data
    refines: ['data', 'database'],
    label: {
      en: 'Backups and recovery',
      th: 'การสำรองและกู้คืนข้อมูล',
      vi: 'Sao lưu và phục hồi',
      id: 'Pencadangan dan pemulihan',
      ms: 'Sandaran dan pemulihan',
      fil: 'Backup at pagbawi',
      km: 'ការបម្រុងទុក និងការស្តារ',
      lo: 'ການສຳຮອງ ແລະ ການກູ້ຄືນ',
      my: 'အရန်သိမ်းခြင်းနှင့် ပြန်လည်ရယူခြင်း',
    },
  },
  climate: {
    label: {
      en: 'Climate change',
      th: 'การเปลี่ยนแปลงสภาพภูมิอากาศ',
      vi: 'Biến đổi khí hậu',
      id: 'Perubahan iklim',
      ms: 'Perubahan iklim',
      fil: 'Pagbabago ng klima',
      km: 'ការប្រែប្រួលអាកាសធាតុ',
      lo: 'ການປ່ຽນແປງດິນຟ້າອາກາດ',
      my: 'ရာသီဥတုပြောင်းလဲမှု',
    },
  },
  green: {
    topic: 'climate',
    label: {
      en: 'Green government',
      th: 'ภาครัฐสีเขียว',
      vi: 'Chính phủ xanh',
      id: 'Pemerintahan hijau',
      ms: 'Kerajaan hijau',
      fil: 'Luntiang pamahalaan',
      km: 'រដ្ឋាភិបាលបៃតង',
      lo: 'ລັດຖະບານສີຂຽວ',
      my: 'စိမ်းလန်းသော အစိုးရ',
    },
  },
  targets: {
    topic: 'performance',
    // a target for the share of women in senior posts is a quota: the note is about women in
    // leadership, and the target is how it is measured ("set a target of 30% by 2020")
    givesWayTo: ['womenleaders', 'women'],
    label: {
      en: 'Targets',
      th: 'ค่าเป้าหมาย',
      vi: 'Chỉ tiêu',
      id: 'Target',
      ms: 'Sasaran',
      fil: 'Mga target',
      km: 'គោលដៅ',
      lo: 'ຄາດໝາຍ',
      my: 'ပစ်မှတ်များ',
    },
  },
  paper: {
    topic: 'climate',
    givesWayTo: ['egov', 'digital', 'onestop'],
    label: {
      en: 'Less paper',
      th: 'ลดการใช้กระดาษ',
      vi: 'Giảm sử dụng giấy',
      id: 'Hemat kertas',
      ms: 'Kurangkan penggunaan kertas',
      fil: 'Bawas sa papel',
      km: 'កាត់បន្ថយការប្រើក្រដាស',
      lo: 'ຫຼຸດການໃຊ້ເຈ້ຍ',
      my: 'စက္ကူအသုံးပြုမှု လျှော့ချရေး',
    },
  },
  performance: {
    // appraisal and training plans meet (training needs from the appraisal): offered apart, hinted
    relatedTo: 'training',
    label: {
      en: 'Performance management',
      th: 'การบริหารผลการปฏิบัติงาน',
      vi: 'Quản lý kết quả thực thi công vụ',
      id: 'Manajemen kinerja',
      ms: 'Pengurusan prestasi',
      fil: 'Pamamahala ng pagganap',
      km: 'ការគ្រប់គ្រងលទ្ធផលការងារ',
      lo: 'ການຄຸ້ມຄອງຜົນການປະຕິບັດງານ',
      my: 'စွမ်းဆောင်ရည် စီမံခန့်ခွဲမှု',
    },
  },
  pay: {
    // pay for results, incentives and rewards are part of managing performance
    topic: 'performance',
    label: {
      en: 'Pay and incentives',
      th: 'ค่าตอบแทนและแรงจูงใจ',
      vi: 'Tiền lương và khuyến khích',
      id: 'Gaji dan insentif',
      ms: 'Gaji dan insentif',
      fil: 'Sahod at insentibo',
      km: 'ប្រាក់បៀវត្សរ៍ និងការលើកទឹកចិត្ត',
      lo: 'ເງິນເດືອນ ແລະ ແຮງຈູງໃຈ',
      my: 'လစာနှင့် မက်လုံး',
    },
  },
  recruitment: {
    label: {
      en: 'Recruitment',
      th: 'การสรรหาบุคลากร',
      vi: 'Tuyển dụng',
      id: 'Rekrutmen',
      ms: 'Pengambilan',
      fil: 'Pagkuha ng tauhan',
      km: 'ការជ្រើសរើសបុគ្គលិក',
      lo: 'ການຮັບສະໝັກພະນັກງານ',
      my: 'ဝန်ထမ်းခန့်အပ်ရေး',
    },
  },
  merit: {
    topic: 'recruitment',
    // open, fair selection *to* leadership posts is about how people are chosen, not about
    // developing leaders
    // and an open, transparent exam is about how people are chosen, not about integrity in general
    refines: ['leadership', 'executives', 'integrity'],
    // fair selection and integrity meet (patronage, transparent exams): offered apart, hinted
    relatedTo: 'integrity',
    label: {
      en: 'Merit system',
      th: 'ระบบคุณธรรม',
      vi: 'Chế độ công vụ dựa trên thực tài',
      id: 'Sistem merit',
      ms: 'Sistem merit',
      fil: 'Sistemang batay sa merito',
      km: 'ប្រព័ន្ធផ្អែកលើគុណសម្បត្តិ',
      lo: 'ລະບົບຄຸນນະທຳ',
      my: 'အရည်အချင်းအခြေခံစနစ်',
    },
  },
  career: {
    topic: 'recruitment',
    // an open, transparent promotion is about how people are chosen (as for merit)
    refines: ['integrity'],
    label: {
      en: 'Career and promotion',
      th: 'ความก้าวหน้าในอาชีพ',
      vi: 'Thăng tiến nghề nghiệp',
      id: 'Karier dan promosi',
      ms: 'Kerjaya dan kenaikan pangkat',
      fil: 'Karera at promosyon',
      km: 'អាជីព និងការដំឡើងតំណែង',
      lo: 'ອາຊີບ ແລະ ການເລື່ອນຊັ້ນ',
      my: 'အသက်မွေးဝမ်းကျောင်းနှင့် ရာထူးတိုး',
    },
  },
  wellbeing: {
    label: {
      en: 'Well-being',
      th: 'คุณภาพชีวิตการทำงาน',
      vi: 'Sức khỏe và đời sống người lao động',
      id: 'Kesejahteraan pegawai',
      ms: 'Kesejahteraan',
      fil: 'Kapakanan ng kawani',
      km: 'សុខុមាលភាព',
      lo: 'ສະຫວັດດີການ ແລະ ຄຸນນະພາບຊີວິດ',
      my: 'ဝန်ထမ်းသုခ',
    },
  },
  family: {
    topic: 'wellbeing',
    // staff with young children or ageing parents: care duties are about well-being, not youth
    refines: ['youth'],
    label: {
      en: 'Family and care duties',
      th: 'ครอบครัวและภาระการดูแล',
      vi: 'Gia đình và chăm sóc con cái',
      id: 'Keluarga dan pengasuhan',
      ms: 'Keluarga dan penjagaan',
      fil: 'Pamilya at pag-aalaga',
      km: 'គ្រួសារ និងការថែទាំ',
      lo: 'ຄອບຄົວ ແລະ ການເບິ່ງແຍງ',
      my: 'မိသားစုနှင့် စောင့်ရှောက်မှု',
    },
  },
  service: {
    generic: true,
    label: {
      en: 'Public service delivery',
      th: 'การให้บริการสาธารณะ',
      vi: 'Cung cấp dịch vụ công',
      id: 'Pelayanan publik',
      ms: 'Penyampaian perkhidmatan awam',
      fil: 'Paghahatid ng serbisyo publiko',
      km: 'ការផ្តល់សេវាសាធារណៈ',
      lo: 'ການໃຫ້ບໍລິການສາທາລະນະ',
      my: 'ပြည်သူ့ဝန်ဆောင်မှု',
    },
  },
  citizens: {
    generic: true,
    label: {
      en: 'Citizens',
      th: 'ประชาชน',
      vi: 'Người dân',
      id: 'Masyarakat',
      ms: 'Rakyat',
      fil: 'Mamamayan',
      km: 'ប្រជាពលរដ្ឋ',
      lo: 'ປະຊາຊົນ',
      my: 'ပြည်သူ',
    },
  },
  participation: {
    label: {
      en: 'Citizen feedback and participation',
      th: 'การรับฟังและการมีส่วนร่วมของประชาชน',
      vi: 'Lắng nghe và sự tham gia của người dân',
      id: 'Partisipasi dan pengaduan masyarakat',
      ms: 'Maklum balas dan penyertaan rakyat',
      fil: 'Puna at pakikilahok ng mamamayan',
      km: 'មតិ និងការចូលរួមរបស់ប្រជាពលរដ្ឋ',
      lo: 'ຄຳຄິດເຫັນ ແລະ ການມີສ່ວນຮ່ວມຂອງປະຊາຊົນ',
      my: 'ပြည်သူ့ အကြံပြုချက်နှင့် ပါဝင်မှု',
    },
  },
  policy: {
    generic: true,
    label: {
      en: 'Policy and regulation',
      th: 'นโยบายและกฎระเบียบ',
      vi: 'Chính sách và quy định',
      id: 'Kebijakan dan regulasi',
      ms: 'Dasar dan peraturan',
      fil: 'Patakaran at regulasyon',
      km: 'គោលនយោបាយ និងបទប្បញ្ញត្តិ',
      lo: 'ນະໂຍບາຍ ແລະ ລະບຽບການ',
      my: 'မူဝါဒနှင့် စည်းမျဉ်း',
    },
  },
  budget: {
    label: {
      en: 'Budget',
      th: 'งบประมาณ',
      vi: 'Ngân sách',
      id: 'Anggaran',
      ms: 'Belanjawan',
      fil: 'Badyet',
      km: 'ថវិកា',
      lo: 'ງົບປະມານ',
      my: 'ဘတ်ဂျက်',
    },
  },
  local: {
    crossCutting: true,
    label: {
      en: 'Local and rural',
      th: 'ท้องถิ่นและชนบท',
      vi: 'Địa phương và nông thôn',
      id: 'Daerah dan perdesaan',
      ms: 'Tempatan dan luar bandar',
      fil: 'Lokal at kanayunan',
      km: 'មូលដ្ឋាន និងជនបទ',
      lo: 'ທ້ອງຖິ່ນ ແລະ ຊົນນະບົດ',
      my: 'ဒေသနှင့် ကျေးလက်',
    },
  },
  workforce: {
    generic: true,
    label: {
      en: 'Civil servants',
      th: 'ข้าราชการ',
      vi: 'Cán bộ, công chức',
      id: 'Aparatur sipil negara',
      ms: 'Penjawat awam',
      fil: 'Mga kawani ng gobyerno',
      km: 'មន្ត្រីរាជការ',
      lo: 'ພະນັກງານລັດ',
      my: 'နိုင်ငံ့ဝန်ထမ်းများ',
    },
  },
  agencies: {
    generic: true,
    label: {
      en: 'Government agencies',
      th: 'หน่วยงานภาครัฐ',
      vi: 'Cơ quan nhà nước',
      id: 'Instansi pemerintah',
      ms: 'Agensi kerajaan',
      fil: 'Mga ahensya ng gobyerno',
      km: 'ស្ថាប័នរដ្ឋ',
      lo: 'ອົງການລັດ',
      my: 'အစိုးရဌာနများ',
    },
  },
  redtape: {
    // cutting procedures is what a one-stop centre does, but a note about fewer forms or copies is
    // about the procedure, not the counter
    relatedTo: 'onestop',
    label: {
      en: 'Cutting red tape',
      th: 'การลดขั้นตอน',
      vi: 'Cải cách thủ tục hành chính',
      id: 'Penyederhanaan birokrasi',
      ms: 'Mengurangkan karenah birokrasi',
      fil: 'Pagbawas ng red tape',
      km: 'ការសម្រួលនីតិវិធីរដ្ឋបាល',
      lo: 'ການຫຼຸດຜ່ອນຂັ້ນຕອນ',
      my: 'လုပ်ထုံးလုပ်နည်း ရိုးရှင်းစေရေး',
    },
  },
  retention: {
    // staff leaving (often for pay) is its own topic, close to pay and incentives: low pay named
    // as the reason people leave does not make the note one about managing performance
    relatedTo: 'pay',
    refines: ['pay'],
    label: {
      en: 'Keeping talent',
      th: 'การรักษาคนเก่ง',
      vi: 'Giữ chân nhân tài',
      id: 'Mempertahankan talenta',
      ms: 'Pengekalan bakat',
      fil: 'Pagpapanatili ng mahuhusay na kawani',
      km: 'ការរក្សាមន្ត្រីមានសមត្ថភាព',
      lo: 'ການຮັກສາພະນັກງານທີ່ມີຄວາມສາມາດ',
      my: 'ထက်မြက်သော ဝန်ထမ်းများ ထိန်းသိမ်းရေး',
    },
  },
  logistics: {
    offTopic: true,
    label: {
      en: 'Room logistics',
      th: 'เรื่องการจัดงาน',
      vi: 'Công tác hậu cần',
      id: 'Urusan teknis acara',
      ms: 'Urusan logistik',
      fil: 'Lohistika ng pulong',
      km: 'ការរៀបចំកម្មវិធី',
      lo: 'ການຈັດກອງປະຊຸມ',
      my: 'အစည်းအဝေး စီစဉ်ရေး',
    },
  },
  asean: {
    generic: true,
    label: {
      en: 'ASEAN cooperation',
      th: 'ความร่วมมืออาเซียน',
      vi: 'Hợp tác ASEAN',
      id: 'Kerja sama ASEAN',
      ms: 'Kerjasama ASEAN',
      fil: 'Kooperasyon ng ASEAN',
      km: 'កិច្ចសហប្រតិបត្តិការអាស៊ាន',
      lo: 'ການຮ່ວມມືອາຊຽນ',
      my: 'အာဆီယံ ပူးပေါင်းဆောင်ရွက်မှု',
    },
  },
} as const satisfies Record<string, ConceptInfo>;

export type ConceptId = keyof typeof CONCEPT_INFO;
