// Tiếng Việt: the same keys as en.templates.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'Mẫu',
    startHeading: 'Bắt đầu từ một mẫu',
    startHelp: 'Mẫu sẽ điền sẵn chủ đề, bàn, câu hỏi, phái đoàn và các vòng. Bạn có thể sửa mọi thứ trước khi tạo hội thảo.',
    builtinHeading: 'Mẫu có sẵn',
    builtin: {
      classic: {
        name: 'World Café truyền thống',
        description: 'Ba vòng, mỗi vòng 20 phút, tại năm bàn; mỗi vòng có một câu hỏi sâu hơn.',
      },
      accsm: {
        name: 'Café trù bị ACCSM',
        description:
          'Mười một phái đoàn (mười quốc gia thành viên ASEAN và Ban Thư ký ASEAN), năm đặc điểm của ASCC làm chủ đề và bàn, ba vòng với các câu hỏi.',
      },
      short: {
        name: 'Café một giờ',
        description: 'Hai vòng, mỗi vòng 15 phút, tại ba bàn tự luân chuyển, sau đó cùng tổng hợp ngắn.',
      },
    },
    counts: 'Bàn: {{tables}} · Phái đoàn: {{delegations}} · Vòng: {{rounds}}',
    use: 'Dùng mẫu này',
    mineHeading: 'Mẫu của bạn',
    mineNone: 'Chưa có mẫu nào được lưu. Hãy lưu từ một hội thảo hoặc nhập một tệp mẫu.',
    signInForMine: 'Đăng nhập tại “Hội thảo của bạn” để lưu các mẫu riêng.',
    pastHeading: 'Bắt đầu từ một hội thảo trước',
    pastLabel: 'Hội thảo',
    pastUse: 'Dùng thiết lập của hội thảo này',
    rename: 'Đổi tên',
    renameLabel: 'Tên mới cho “{{name}}”',
    save: 'Lưu',
    cancel: 'Hủy',
    exportJson: 'Xuất (JSON)',
    delete: 'Xóa',
    deleteTitle: 'Xóa mẫu “{{name}}”?',
    deleteBody: 'Các hội thảo đã tạo từ mẫu này vẫn giữ nguyên.',
    deleted: 'Đã xóa mẫu “{{name}}”.',
    renamed: 'Đã đổi tên mẫu thành “{{name}}”.',
    importLabel: 'Nhập tệp mẫu (JSON)',
    imported: 'Đã nhập mẫu “{{name}}”.',
    importTooLarge: 'Tệp này quá lớn ({{size}} KB). Tệp mẫu tối đa {{max}} KB.',
    importNotJson: 'Tệp này không phải JSON hợp lệ.',
    importNotTemplate: 'Đây không phải tệp mẫu. Hãy xuất một tệp từ “Mẫu của bạn”.',
    importInvalid: 'Tệp mẫu này có lỗi ở: {{fields}}',
    saveAs: 'Lưu thành mẫu',
    saveAsLabel: 'Tên mẫu',
    saveAsButton: 'Lưu mẫu',
    saved: 'Đã lưu thành mẫu “{{name}}”.',
    startFromThis: 'Hội thảo mới giống thế này',
    filledFrom: 'Đã điền từ “{{name}}”. Bạn có thể sửa mọi thứ trước khi tạo hội thảo.',
    failed: 'Không thực hiện được. Hãy thử lại.',
    limitReached: 'Bạn đã có số mẫu tối đa mà một tài khoản được giữ. Hãy xóa một mẫu trước.',
    roundsLegend: 'Các vòng',
    roundsHelp: 'Đặt số vòng và thời lượng mỗi vòng. Bạn có thể đổi sau trong bảng điều khiển.',
    roundsLabel: 'Số vòng',
    minutesLabel: 'Số phút mỗi vòng',
    roundQuestion: 'Câu hỏi của vòng {{n}} (không bắt buộc)',
    autoRotate: 'Tự động chuyển sang vòng tiếp theo khi hết giờ',
    groupingEveryone: 'Mọi người đều được nhóm ghi chú và soạn mục tiêu, không chỉ chủ bàn',
  },
};
