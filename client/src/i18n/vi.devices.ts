// Tiếng Việt: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} thiết bị',
    summary_other: '{{count}} thiết bị',
    none: 'Chưa mở trên thiết bị nào',
    listLabel: 'Thiết bị của {{name}}',
    connectedNow: 'Đang kết nối',
    lastSeen: 'Lần cuối {{date}}',
    kind: {
      phone: 'Điện thoại',
      tablet: 'Máy tính bảng',
      computer: 'Máy tính',
      unknown: 'Thiết bị',
    },
    reissue: 'Cấp lại đường liên kết',
    reissueTitle: 'Cấp lại đường liên kết của {{name}}?',
    reissueBody:
      'Đường liên kết hiện tại của họ ngừng hoạt động ngay và mọi thiết bị đang dùng nó sẽ bị ngắt kết nối. Bạn sẽ nhận được một đường liên kết mới để đưa cho họ.',
    newLink: 'Đường liên kết cá nhân mới của {{name}}',
    newLinkHelp: 'Đường liên kết cũ không còn dùng được. Hãy gửi riêng đường liên kết này cho {{name}}, đừng chiếu lên màn hình.',
    reissueFailed: 'Không cấp lại được đường liên kết. Hãy thử lại.',
    loadFailed: 'Không tải được danh sách thiết bị.',
    refresh: 'Tải lại danh sách thiết bị',
  },
};
