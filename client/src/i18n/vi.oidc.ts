// Tiếng Việt: the same keys as en.oidc.ts.
import type { enOidc } from './en.oidc';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viOidc: Strings<typeof enOidc> = {
  oidc: {
    signIn: 'Đăng nhập bằng tài khoản tổ chức',
    signInHelp: 'Dùng tài khoản do bộ, cơ quan hoặc tổ chức của bạn cấp.',
    heading: 'Đăng nhập bằng tài khoản tổ chức',
    linkedAs: 'Đăng nhập bằng {{email}}',
    linkedNoEmail: 'Một tài khoản tổ chức đăng nhập vào tài khoản này',
    link: 'Liên kết tài khoản tổ chức của bạn',
    linkHelp: 'Sau đó bạn có thể đăng nhập bằng tài khoản tổ chức cũng như bằng khóa truy cập.',
    result: {
      signed_in: 'Đã đăng nhập bằng tài khoản tổ chức.',
      linked: 'Đã liên kết tài khoản tổ chức: từ nay bạn có thể đăng nhập bằng tài khoản đó.',
      denied: 'Việc đăng nhập đã bị hủy ở phía tổ chức của bạn. Không có gì thay đổi.',
      provider_unavailable:
        'Hiện không kết nối được dịch vụ đăng nhập của tổ chức. Hãy thử lại sau vài phút, hoặc đăng nhập bằng khóa truy cập.',
      expired: 'Lần đăng nhập đó quá lâu hoặc đã được dùng rồi. Vui lòng bắt đầu lại.',
      already_linked: 'Tài khoản tổ chức đó đã được liên kết với một tài khoản khác ở đây.',
      failed: 'Đăng nhập bằng tài khoản tổ chức không thành công. Vui lòng bắt đầu lại.',
    },
  },
};
