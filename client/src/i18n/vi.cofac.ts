// Tiếng Việt: the same keys as en.cofac.ts.
import type { enCofac } from './en.cofac';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viCofac: Strings<typeof enCofac> = {
  cofac: {
    toggle: 'Những người điều hành hội thảo này',
    heading: 'Những người điều hành “{{title}}”',
    loading: 'Đang tải…',
    you: '(bạn)',
    owner: 'Chủ sở hữu',
    cofacilitator: 'Đồng điều phối viên',
    added: 'từ {{date}}',
    invite: 'Mời một đồng điều phối viên',
    inviteHelp:
      'Gửi liên kết này cho một người. Liên kết chỉ dùng được một lần, cho tài khoản đã đăng nhập đầu tiên mở nó, đến {{date}}. Ai có liên kết đều có thể trở thành đồng điều phối viên, vì vậy hãy gửi riêng.',
    linkLabel: 'Liên kết mời',
    pendingHeading: 'Lời mời chưa được dùng',
    pendingItem: 'Lời mời tạo lúc {{created}}, có hiệu lực đến {{expires}}',
    withdraw: 'Thu hồi',
    withdrawn: 'Đã thu hồi lời mời: liên kết không còn dùng được.',
    remove: 'Gỡ {{name}}',
    removeTitle: 'Gỡ {{name}}?',
    removeBody: '{{name}} sẽ không còn thấy hay điều hành hội thảo này. Các màn hình điều phối đang mở của họ sẽ đóng ngay.',
    removed: '{{name}} không còn điều hành hội thảo này.',
    makeOwner: 'Chuyển quyền sở hữu cho {{name}}',
    transferTitle: 'Chuyển quyền sở hữu cho {{name}}?',
    transferBody: '{{name}} sẽ có thể mời, gỡ người khác và xóa hội thảo. Bạn vẫn là đồng điều phối viên.',
    transferred: '{{name}} giờ là chủ sở hữu hội thảo này.',
    leave: 'Thôi điều hành hội thảo này',
    leaveTitle: 'Thôi điều hành “{{title}}”?',
    leaveBody: 'Hội thảo sẽ rời khỏi danh sách của bạn và các màn hình điều phối đang mở sẽ đóng. Chủ sở hữu có thể mời bạn lại.',
    left: 'Bạn không còn điều hành “{{title}}”.',
    ownerNote: 'Không thể gỡ chủ sở hữu. Muốn rời đi, trước hết hãy chuyển quyền sở hữu cho một đồng điều phối viên.',
    cofacNote: 'Chỉ chủ sở hữu mới mời và gỡ người khác.',
    accepted: 'Bạn giờ là đồng điều phối viên của “{{title}}”. Hội thảo có trong danh sách bên dưới.',
    signInToAccept: 'Bạn được mời làm đồng điều phối viên của một hội thảo. Hãy đăng nhập hoặc tạo tài khoản để nhận lời.',
    errors: {
      unknown: 'Liên kết mời này không hợp lệ. Hãy xin chủ sở hữu hội thảo một liên kết mới.',
      used: 'Lời mời này đã được dùng. Hãy xin chủ sở hữu hội thảo một liên kết mới.',
      revoked: 'Lời mời này đã bị thu hồi. Hãy xin chủ sở hữu hội thảo một liên kết mới.',
      expired: 'Lời mời này đã hết hạn. Hãy xin chủ sở hữu hội thảo một liên kết mới.',
      already_runs: 'Bạn đã điều hành hội thảo này. Lời mời vẫn chưa dùng, dành cho người khác.',
      failed: 'Không thực hiện được. Hãy thử lại.',
    },
  },
};
