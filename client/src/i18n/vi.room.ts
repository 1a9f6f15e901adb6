// Tiếng Việt (Vietnamese): the same keys as en.room.ts (checked by the types below).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'Đã xảy ra lỗi trên màn hình này',
    body: 'Lỗi đã được báo cáo. Ghi chú và thay đổi của bạn vẫn an toàn trên máy chủ. Hãy thử lại hoặc tải lại trang.',
    retry: 'Thử lại',
    reload: 'Tải lại trang',
    home: 'Về trang đầu',
  },
  room: {
    dismissMessage: 'Đóng thông báo',
    undo: 'Hoàn tác',
    noteDeleted: 'Đã xóa ghi chú.',
    console: {
      nav: 'Các phần của bảng điều khiển',
      cafeLists: 'Bàn và người tham gia café',
      sections: {
        phase: 'Giai đoạn',
        invite: 'Mời',
        cafe: 'Các vòng café',
        review: 'Rà soát và xuất',
        stats: 'Tổng quan',
        tables: 'Bàn',
        waiting: 'Chưa có chỗ',
        people: 'Mọi người',
        cafeLists: 'Bàn và người tham gia',
      },
    },
    confirm: {
      endTitle: 'Kết thúc vòng {{round}} ngay?',
      endBody:
        'Đồng hồ dừng ở số không trên mọi màn hình và cả phòng thấy “Hết giờ”. Các bàn vẫn có thể viết nốt ghi chú; không ai di chuyển cho đến khi bạn chuyển vòng.',
      endYes: 'Kết thúc vòng {{round}}',
      rotateTitle: 'Chuyển sang vòng {{round}}?',
      rotateBody:
        'Ai đổi bàn sẽ nhận thẻ chỗ ngồi cho vòng {{round}}; bảng cũ của họ chỉ còn đọc cho đến khi họ xác nhận “Tôi đã đến”. Chủ bàn ở lại bàn của mình. Đồng hồ được đặt lại {{minutes}} phút và chờ bạn bấm bắt đầu.',
      rotateYes: 'Chuyển sang vòng {{round}}',
    },
    save: {
      saving: 'Đang lưu…',
      allSaved: 'Đã lưu mọi thay đổi',
      saved: 'Đã lưu',
    },
    keys: {
      title: 'Phím tắt',
      groups: { everywhere: 'Mọi nơi', board: 'Trên bảng của bàn', harvest: 'Trong phần tổng hợp' },
      sheet: { keys: '?', does: 'Hiện danh sách phím tắt này' },
      skip: { keys: 'Tab (lần đầu)', does: 'Chuyển đến nội dung chính' },
      close: { keys: 'Esc', does: 'Đóng hộp thoại hoặc hủy sửa', button: 'Đóng' },
      add: { keys: 'Ctrl + Enter', does: 'Thêm ghi chú đang viết (⌘ + Enter trên Mac)' },
      move: { keys: '← ↑ → ↓', does: 'Di chuyển ghi chú đang chọn' },
      moveFar: { keys: 'Shift + mũi tên', does: 'Di chuyển xa hơn' },
      edit: { keys: 'Enter', does: 'Sửa ghi chú đang chọn' },
      save: { keys: 'Ctrl + Enter', does: 'Lưu ghi chú đang sửa' },
      cancel: { keys: 'Esc', does: 'Dừng sửa, không lưu' },
      remove: { keys: 'Delete', does: 'Xóa ghi chú đang chọn (nút Hoàn tác hiện trong vài giây)' },
      undo: { keys: 'Ctrl+Z / ⌘Z', does: 'Hoàn tác lần xóa hoặc di chuyển ghi chú gần nhất (quay lại ghi chú đó)' },
      tabs: { keys: '← → Home End', does: 'Chuyển giữa các thẻ của phần tổng hợp' },
      pickUp: { keys: 'Space hoặc Enter', does: 'Nhấc ghi chú bằng tay cầm' },
      carry: { keys: 'Mũi tên', does: 'Mang tới một nhóm hoặc ghi chú khác' },
      drop: { keys: 'Space hoặc Enter / Esc', does: 'Thả vào đó / hủy' },
    },
    presence: {
      online: 'trực tuyến',
      offline: 'mất kết nối',
      here: '{{n}}/{{of}} người có mặt',
      typingOne: '{{name}} đang gõ…',
      typingMany: '{{names}} đang gõ…',
    },
  },
};
